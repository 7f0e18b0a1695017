"""`make bench`: production settings with nothing to configure, on a throwaway database.

Everything lives under .bench/ (the database, the caches, collected static files,
uploaded media), so a bench run never touches the development database. DEBUG is off
and static files go through whitenoise's compressed manifest storage, as in production;
only what needs a real domain or HTTPS is turned off, because the bench serves plain
HTTP on 127.0.0.1.
"""

import os

# Production refuses to start without these; the bench has no secrets to keep.
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: E402, F403

BENCH_DIR = BASE_DIR / ".bench"  # noqa: F405

SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
CSRF_TRUSTED_ORIGINS = []
SECURE_SSL_REDIRECT = False
# Plain HTTP on 127.0.0.1: a secure-only cookie would never come back.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

ROOT_URLCONF = "config.bench_urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCH_DIR / "db.sqlite3",
        "CONN_MAX_AGE": 600,
    }
}
CACHES = {
    "default": {
        "BACKEND": "home.file_cache.FileCache",
        "LOCATION": str(BENCH_DIR / "cache" / "default"),
    },
    "pages": {
        "BACKEND": "home.file_cache.FileCache",
        "LOCATION": str(BENCH_DIR / "cache" / "pages"),
        "TIMEOUT": 60 * 60 * 24,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# manage.py seed_bench_data refuses to fill any other database with test pages.
ALLOW_BENCH_DATA = True
