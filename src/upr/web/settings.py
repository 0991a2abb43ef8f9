"""Settings, read from environment variables so one codebase serves a laptop and a server.

SQLite is the embedded default (one file, WAL, busy timeout); ``DATABASE_URL`` switches to
PostgreSQL for a multi-user deployment. There are no default credentials: the secret key is
generated on first run and kept beside the database, unless ``UPR_SECRET_KEY`` provides one.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent  # src/upr
PROJECT_DIR = BASE_DIR.parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Where the instance keeps its own files (SQLite database, secret key, trained models, uploads).
VAR_DIR = Path(os.environ.get("UPR_VAR_DIR", PROJECT_DIR / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)

# Where the public UPR data lives (never committed to the project).
UPR_DATA_DIR = Path(
    os.environ.get("UPR_DATA_DIR", PROJECT_DIR.parent / "shared" / "data")
).resolve()


def _secret_key() -> str:
    if key := os.environ.get("UPR_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("UPR_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("UPR_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("UPR_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
CSRF_FAILURE_VIEW = "upr.web.csrf.csrf_failure"

# Public corpus pages (search, State profiles) open to anonymous visitors, or closed by one setting.
UPR_PUBLIC_CORPUS = _env_bool("UPR_PUBLIC_CORPUS", True)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "upr.web",
    "upr.corpus",
    "upr.workspaces",
    "upr.campaigns",
    "django_tasks_db",
]

# Long work (model training, UN document imports) runs as tasks in the database, picked up by
# `upr db_worker` (started beside the server by `make run`; a service of its own in deployment).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "upr.web.urls"
WSGI_APPLICATION = "upr.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _databases() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        db = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        # One test database per test run, so parallel runs on one server never collide.
        db["TEST"] = {"NAME": os.environ.get("UPR_PG_TEST_NAME") or f"test_upr_{os.getpid()}"}
        return {"default": db}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("UPR_SQLITE_PATH", str(VAR_DIR / "upr.sqlite3")),
            "OPTIONS": {
                # WAL lets readers work while an import or a write is under way; the busy timeout
                # and IMMEDIATE transactions stop concurrent writers from failing with "locked".
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
            },
            "TEST": {"NAME": os.environ.get("UPR_SQLITE_TEST_PATH") or None},
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts (upr.workspaces): the e-mail address is the login; see docs/security.md.
AUTH_USER_MODEL = "workspaces.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspaces:list"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # a reset link is good for two hours
UPR_LOGIN_MAX_FAILURES = int(os.environ.get("UPR_LOGIN_MAX_FAILURES", "5"))
UPR_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("UPR_LOGIN_LOCKOUT_SECONDS", str(15 * 60)))
UPR_INVITATION_DAYS = int(os.environ.get("UPR_INVITATION_DAYS", "7"))
# Per client address (upr.workspaces.ratelimit): failed sign-in steps and unknown invitation
# links, and password-reset requests, allowed per sliding window; past that, HTTP 429.
UPR_RATE_LIMIT_FAILURES = int(os.environ.get("UPR_RATE_LIMIT_FAILURES", "20"))
UPR_RATE_LIMIT_RESETS = int(os.environ.get("UPR_RATE_LIMIT_RESETS", "10"))
UPR_RATE_LIMIT_WINDOW_SECONDS = int(os.environ.get("UPR_RATE_LIMIT_WINDOW_SECONDS", str(15 * 60)))
# How many reverse proxies of our own sit in front of the app (0: clients connect directly and
# REMOTE_ADDR is the client). Only then is X-Forwarded-For believed; see docs/deploy.md.
UPR_TRUSTED_PROXY_COUNT = int(os.environ.get("UPR_TRUSTED_PROXY_COUNT", "0"))
# Sessions a training from the web uses (None: every coded session in the corpus).
UPR_TRAIN_SESSIONS = [
    int(n) for n in os.environ.get("UPR_TRAIN_SESSIONS", "").split(",") if n.strip()
] or None
UPR_UPLOAD_MAX_BYTES = int(os.environ.get("UPR_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # committed .po and compiled .mo files: no gettext at runtime
# The switcher in the header (Django's set_language view) keeps the choice in this cookie; without
# it, the browser's Accept-Language decides.
LANGUAGE_COOKIE_NAME = "upr_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Zurich"  # Geneva: where the UPR happens
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Strict Content-Security-Policy: no inline script, nothing from a third-party origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("UPR_SESSION_AGE", 60 * 60 * 12))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "upr_session"
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from a meta tag, not the cookie

# Served over HTTPS: secure cookies, HSTS and redirect (see docs/deploy.md).
UPR_HTTPS = _env_bool("UPR_HTTPS", False)
if UPR_HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Mail: the console by default (nothing leaves the machine); SMTP when UPR_EMAIL_HOST is set.
if os.environ.get("UPR_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["UPR_EMAIL_HOST"],
                "port": int(os.environ.get("UPR_EMAIL_PORT", "587")),
                "username": os.environ.get("UPR_EMAIL_HOST_USER", ""),
                "password": os.environ.get("UPR_EMAIL_HOST_PASSWORD", ""),
                "use_tls": _env_bool("UPR_EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("UPR_FROM_EMAIL", "upr-cycle@localhost")

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("UPR_LOG_LEVEL", "WARNING")},
}
