"""Settings shared by every environment; dev, test and production build on these."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from config.release import release

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Project apps, lowest layer first: higher apps may import lower ones, never the reverse.
    "home",
    "studiematerial",
    "kommuner",
    "cirklar",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what the page cache has not already compressed (it skips encoded responses).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors from the page cache before any session work is done.
    "home.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The site's Swedish page for a bare 405 or 429; no unsafe `next` in the admin.
    "home.middleware.ErrorPageMiddleware",
    "home.middleware.AdminNextMiddleware",
    # Serves signed-in visitors (not editors) the shared pages from the page cache.
    "home.cache.SignedInPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
# The error pages (home/error_views.py): a form refused for its CSRF token, in Swedish.
CSRF_FAILURE_VIEW = "home.error_views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("svenska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
WAGTAIL_CONTENT_LANGUAGES = [("sv", "Svenska")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served by whitenoise at the site's root: /favicon.ico (scripts/make_favicon.py).
WHITENOISE_ROOT = BASE_DIR / "root_files"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The page cache lives in its own cache so that its many entries leave other cached data
# alone. Both must be shared by every server process: a per-process cache would keep
# serving what another process has changed, and rate limits would count per process.
# With several servers (REDIS_URL) both are in Redis; on a single host, without it,
# they are directories on its disk that its processes share.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "default",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "TIMEOUT": 60 * 60 * 24,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "home.file_cache.FileCache",
            "LOCATION": os.environ.get(
                "CACHE_DIR", str(BASE_DIR / ".cache" / "default")
            ),
        },
        "pages": {
            "BACKEND": "home.file_cache.FileCache",
            "LOCATION": os.environ.get(
                "PAGE_CACHE_DIR", str(BASE_DIR / ".cache" / "pages")
            ),
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }

# Sessions are read from the cache only where the cache is the one every server shares
# (Redis), and otherwise from the database: a signed-out session must end everywhere.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Part of every page-cache key: a deploy's new templates show at once (config/release.py).
RELEASE = release(BASE_DIR)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# How many days personal data is kept before `manage.py gallra` removes it (the register
# in home/personal_data.py; README, "Personuppgifter").
PERSONAL_DATA_RETENTION_DAYS = {
    # Finished background tasks (e-mail sent or failed), with the addresses in them.
    "task_results": 30,
    # Accounts that have never signed in since they were created (the invitation).
    "unused_accounts": 90,
    # The contact person in older revisions of a kommun's or region's record.
    "contact_history": 730,
    # An archived circle's participants are anonymised this long after it finished.
    "circle_participants": 365,
    # Visitors' requests to join a circle.
    "interest_requests": 180,
    # Leaders' sign-ups never confirmed by the mailed link (no role, no circle).
    "unconfirmed_leaders": 7,
}

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Överenskommelsens studieplattform <noreply@example.se>"
)

WAGTAIL_SITE_NAME = "Överenskommelsens studieplattform"
# The site's address, e.g. https://studieplattform.example.se: the admin's e-mail, and the
# sitemap and robots.txt (home/site_address.py), which without it use the request's.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend: PostgreSQL full-text search on PostgreSQL, SQLite FTS5
    # on SQLite, with the ranking made linear (see home/search_backend.py).
    "default": {"BACKEND": "home.search_backend"}
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin would send a hash of each editor's address there.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.forms.AdminPasswordResetForm"  # noqa: S105

AUTHENTICATION_BACKENDS = [
    # Object-level rules (an official and their own kommuner) are in each app's rules.py.
    "rules.permissions.ObjectPermissionBackend",
    "home.backends.UsernameOrEmailBackend",
]

# The guard of the public forms (home/guard.py). Each form view names its limits: at
# most COUNT submissions per SCOPE in a fixed window of SECONDS, where the scope is
# "ip" (the client's address) or a form field whose typed value is counted. A name
# missing here gets "default".
GUARD_RATE_LIMITS = {
    "default": [("ip", 20, 10 * 60), ("email", 5, 60 * 60)],
    "login": [("ip", 60, 10 * 60)],
    "password_reset": [("ip", 10, 60 * 60), ("email", 3, 60 * 60)],
}
# Failed sign-ins (site and admin alike): this many per username, or per address, in
# the window lock sign-in for that username or address for the window's length.
GUARD_LOGIN_FAILURES = [("username", 5, 15 * 60), ("ip", 30, 15 * 60)]
# A header that the site's own proxy sets to the client's address (e.g. "X-Real-IP");
# empty: REMOTE_ADDR. Never name a header that the proxy passes on from the client.
GUARD_CLIENT_IP_HEADER = os.environ.get("GUARD_CLIENT_IP_HEADER", "")
