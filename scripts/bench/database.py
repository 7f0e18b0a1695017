"""Step 1: a fresh database with the demo content and the bench set, and Django set up."""

import os
import shutil
import sys

from .common import BENCH_DIR, HOST, ROOT, SETTINGS, manage


def fresh_bench_dir():
    """Empty .bench/ except node_modules, so Lighthouse is not downloaded again."""
    BENCH_DIR.mkdir(exist_ok=True)
    for path in BENCH_DIR.iterdir():
        if path.name in {"node_modules", "package.json", "package-lock.json"}:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def prepare_database(timings):
    timings["migrate_s"] = manage("migrate", "--noinput", "-v", "0", timeout=600)
    timings["seed_scale_1_s"] = manage("seed_bench_data", "--scale", "1", timeout=600)
    # Searching a realistic index: the seeding skips the search index for speed.
    timings["update_index_s"] = manage("update_index", "-v", "0", timeout=600)
    timings["collectstatic_s"] = manage(
        "collectstatic", "--noinput", "-v", "0", timeout=300
    )


def setup_django():
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def bench_user_session():
    """A logged-in visitor's session cookie, for the pages the cache cannot serve."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _created = get_user_model().objects.get_or_create(
        username="bench-besokare", defaults={"email": "bench-besokare@example.se"}
    )
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return settings.SESSION_COOKIE_NAME, client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
