"""Production settings refuse to start without secrets and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k3J#9vQ!xL2@pW7$zR5%tY8^mN4&bH6*cF1(dS0)-only-for-this-test",
        ALLOWED_HOSTS="studieplattform.example.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_require_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
