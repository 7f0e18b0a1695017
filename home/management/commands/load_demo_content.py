"""Load the demo content of every app that has a demo module, then rebuild the indexes."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from home import demo


class Command(BaseCommand):
    help = "Läser in demoinnehållet (idempotent: en andra körning ändrar ingenting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Skapa demokonton för varje roll (bara med DEBUG på).",
        )

    def handle(self, *args, accounts=False, **options):
        with_accounts = accounts and settings.DEBUG
        if accounts and not settings.DEBUG:
            self.stderr.write("Demokonton skapas bara i utvecklingsläge (DEBUG).")
        # Apps in INSTALLED_APPS order: lower layers first, so higher apps find their parents.
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            module.load(self.stdout, with_accounts=with_accounts)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if with_accounts:
            self.stdout.write(demo.describe_accounts())
