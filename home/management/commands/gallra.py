"""Remove personal data that is past its period, kind by kind (the register's rules)."""

from django.core.management.base import BaseCommand

from home import personal_data


class Command(BaseCommand):
    help = (
        "Gallrar personuppgifter som har passerat sin lagringstid, enligt registret "
        "över personuppgifter (home/personal_data.py). Kör den varje natt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa vad som skulle tas bort, utan att ta bort något.",
        )

    def handle(self, *args, dry_run=False, **options):
        result = personal_data.gallra(dry_run=dry_run)
        verb = "skulle tas bort" if dry_run else "borttagna"
        for kind, count in result:
            self.stdout.write(
                f"{kind.label} (lagringstid {kind.retention_days} dagar): {count} {verb}"
            )
        total = sum(count for _kind, count in result)
        if dry_run:
            self.stdout.write(f"Provkörning: {total} poster skulle tas bort.")
        else:
            self.stdout.write(f"Gallrat: {total} poster.")
