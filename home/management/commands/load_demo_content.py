"""Load the demo content of every app that has a demo module, then rebuild the indexes.

What an app's demo module provides: see home/app_modules.py.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import demo
from home.app_modules import app_modules


class Command(BaseCommand):
    help = "Läser in demoinnehållet (idempotent: en andra körning ändrar ingenting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Skapa demokonton för varje roll (bara med DEBUG på).",
        )
        parser.add_argument(
            "--address",
            default=demo.DEV_SERVER_ADDRESS,
            help="Värd och port som utvecklingsservern svarar på, VÄRD:PORT "
            f"(standard {demo.DEV_SERVER_ADDRESS}): demowebbplatsens adress.",
        )

    def handle(self, *args, accounts=False, address=demo.DEV_SERVER_ADDRESS, **options):
        try:
            demo.parse_address(address)
        except ValueError as exc:
            raise CommandError(
                f"Adressen ska vara VÄRD:PORT, inte {address!r}."
            ) from exc
        with_accounts = accounts and settings.DEBUG
        if accounts and not settings.DEBUG:
            self.stderr.write("Demokonton skapas bara i utvecklingsläge (DEBUG).")
        for module in app_modules("demo"):
            module.load(self.stdout, with_accounts=with_accounts)
        demo.set_site_address(address)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if with_accounts:
            self.stdout.write(demo.describe_accounts())
