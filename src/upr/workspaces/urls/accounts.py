from django.urls import path

from ..views import accounts, passwords, twofactor

app_name = "accounts"
urlpatterns = [
    path("setup/", accounts.setup, name="setup"),
    path("account/", accounts.account, name="account"),
    path("account/sign-in/", accounts.login, name="login"),
    path("account/sign-in/code/", accounts.verify_2fa, name="2fa_verify"),
    path("account/sign-in/recovery/", accounts.verify_recovery, name="2fa_recovery"),
    path("account/sign-out/", accounts.logout, name="logout"),
    path(
        "account/sign-out-elsewhere/",
        accounts.sign_out_elsewhere,
        name="sign_out_elsewhere",
    ),
    path("account/two-factor/", twofactor.setup_2fa, name="2fa_setup"),
    path("account/two-factor/off/", twofactor.disable_2fa, name="2fa_disable"),
    path("account/two-factor/new-phone/", twofactor.replace_2fa, name="2fa_replace"),
    path(
        "account/two-factor/recovery-codes/",
        twofactor.recovery_codes,
        name="2fa_recovery_codes",
    ),
    path(
        "account/two-factor/recovery-codes/download/",
        twofactor.recovery_codes_download,
        name="2fa_recovery_download",
    ),
    path("account/password/", passwords.password_change, name="password_change"),
    path("account/password/reset/", passwords.password_reset, name="password_reset"),
    path("account/password/reset/sent/", passwords.password_reset_done, name="password_reset_done"),
    path(
        "account/password/reset/<uidb64>/<token>/",
        passwords.password_reset_confirm,
        name="password_reset_confirm",
    ),
]
