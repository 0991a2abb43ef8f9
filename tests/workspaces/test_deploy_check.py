"""``upr check --deploy`` passes, with no warning at all, with the settings of docs/deploy.md."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from .instance import Instance

DEPLOY_MD = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def documented_environment() -> dict[str, str]:
    """The ``KEY=value`` lines of the environment file shown in docs/deploy.md."""
    block = DEPLOY_MD.read_text().split("<!-- env:start -->")[1].split("<!-- env:end -->")[0]
    return dict(re.findall(r"^(UPR_[A-Z_]+|DATABASE_URL)=(\S*)$", block, re.MULTILINE))


def test_deploy_check_passes_with_the_documented_settings(tmp_path):
    env = documented_environment()
    assert {"UPR_HTTPS", "UPR_SECRET_KEY", "UPR_ALLOWED_HOSTS", "DATABASE_URL"} <= set(env)
    env["UPR_SECRET_KEY"] = secrets.token_urlsafe(50)  # the docs show how to generate one
    env.pop("UPR_VAR_DIR", None)
    instance = Instance(tmp_path / "var", "upr_deploy_check", **env)
    try:
        done = instance.upr("check", "--deploy", "--fail-level", "WARNING", check=False)
        assert done.returncode == 0, done.stderr
        assert "no issues" in done.stdout
    finally:
        instance.drop()


def test_deploy_check_warns_without_https(tmp_path):
    instance = Instance(tmp_path / "var", "upr_deploy_check_http")
    try:
        done = instance.upr("check", "--deploy", "--fail-level", "WARNING", check=False)
        assert done.returncode != 0 and "security.W004" in done.stderr  # no HSTS
    finally:
        instance.drop()
