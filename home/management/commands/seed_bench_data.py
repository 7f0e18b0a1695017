"""Seed a large data set for `make bench`, on top of the demo content.

What an app's bench module provides: see home/app_modules.py.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import cache
from home.app_modules import app_modules


class Command(BaseCommand):
    help = (
        "Fyller databasen med testinnehåll för prestandamätning (`make bench`): "
        "demoinnehållet och därtill 100 studiematerial med 8 träffar och 1 000 "
        "nyheter per skalsteg. Idempotent: en andra körning fyller bara på."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Mängden testinnehåll; 10 ger tio gånger så mycket som 1.",
        )

    def handle(self, *args, scale=1, **options):
        if scale < 1:
            raise CommandError("--scale måste vara minst 1.")
        # Thousands of test pages must never land in a real site's database.
        if not (settings.DEBUG or getattr(settings, "ALLOW_BENCH_DATA", False)):
            raise CommandError(
                "Testinnehåll läses bara in med DEBUG på eller ALLOW_BENCH_DATA "
                "(config.settings.bench)."
            )
        call_command("load_demo_content", stdout=self.stdout)
        for module in app_modules("bench"):
            started = time.monotonic()
            module.seed(self.stdout, scale)
            self.stdout.write(f"  ({time.monotonic() - started:.1f} s)")
        # The pages were written in bulk, without the signals that refresh the page cache.
        cache.bump_all()
