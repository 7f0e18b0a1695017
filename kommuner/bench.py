"""Kommuner's part of `make bench`: a record for every kommun, organisations in bulk, its pages.

`manage.py seed_bench_data --scale N` calls `seed()`. Every kommun gets a record, and
organisations are topped up to 10 × scale per kommun, with 500 × scale in Kiruna so
that one kommun page carries a large register. Organisation numbers come from a range
of their own (8899…), so they never meet the demo content's or the tests'. What a
bench module provides: home/app_modules.py.
"""

import itertools

from django.db import transaction
from django.db.models import Count

from stdnum import luhn
from stdnum.se import orgnr

from home.bench import BenchPage, demo_page, thousands

from .models import (
    AgreementStatus,
    KommunIndexPage,
    Municipality,
    Organisation,
    PolicyRecord,
    WorkArea,
)

PER_KOMMUN_PER_SCALE = 10
LARGE_KOMMUN_CODE = "2584"  # Kiruna
LARGE_PER_SCALE = 500
NUMBER_PREFIX = "8899"
STATUSES = [status for status, _label in AgreementStatus.choices]
FORMS = ["ideell_forening", "stiftelse", "trossamfund", "ekonomisk_forening"]
AREAS = [area for area, _label in WorkArea.choices]


def org_number(serial):
    digits = f"{NUMBER_PREFIX}{serial:05d}"
    return orgnr.format(digits + luhn.calc_check_digit(digits))


def seed(stdout, scale):
    municipalities = list(
        Municipality.objects.annotate(n=Count("organisations")).order_by("code")
    )
    with transaction.atomic():
        have_record = set(
            PolicyRecord.objects.filter(municipality__isnull=False).values_list(
                "municipality_id", flat=True
            )
        )
        statuses = itertools.cycle(STATUSES)
        records = [
            PolicyRecord(
                municipality=municipality,
                agreement_status=status,
                agreement_year=2020 if status in ("antagen", "reviderad") else None,
            )
            for municipality, status in zip(municipalities, statuses, strict=False)
            if municipality.pk not in have_record
        ]
        PolicyRecord.objects.bulk_create(records, batch_size=500)

        serial = Organisation.objects.filter(
            org_number__startswith=NUMBER_PREFIX[:6]
        ).count()
        existing = set(
            Organisation.objects.filter(
                org_number__startswith=NUMBER_PREFIX[:6]
            ).values_list("org_number", flat=True)
        )
        new = []
        for municipality in municipalities:
            per_scale = (
                LARGE_PER_SCALE
                if municipality.code == LARGE_KOMMUN_CODE
                else PER_KOMMUN_PER_SCALE
            )
            missing = per_scale * scale - municipality.n
            for _ in range(max(missing, 0)):
                number = org_number(serial)
                serial += 1
                if number in existing:
                    continue
                new.append(
                    Organisation(
                        name=f"Bänkföreningen {serial} i {municipality.name}",
                        org_number=number,
                        form=FORMS[serial % len(FORMS)],
                        areas=[
                            AREAS[serial % len(AREAS)],
                            AREAS[(serial * 7) % len(AREAS)],
                        ],
                        website=f"https://forening{serial}.example.se",
                        signed_national_agreement=serial % 3 == 0,
                        cooperation_decision=serial % 4 == 0,
                        municipality=municipality,
                    )
                )
        Organisation.objects.bulk_create(new, batch_size=1000)
    stdout.write(f"kommuner: {len(records)} poster, {len(new)} organisationer")


def describe(scale):
    return (
        f"{thousands(PER_KOMMUN_PER_SCALE * scale)} organisationer per kommun, "
        f"{thousands(LARGE_PER_SCALE * scale)} i Kiruna"
    )


def pages():
    overview = demo_page(KommunIndexPage).get_url()
    large = Municipality.objects.get(code=LARGE_KOMMUN_CODE)
    return [
        BenchPage(
            "kommuner", "Kommunöversikt (290 kommuner)", "cached", overview, bulk=True
        ),
        BenchPage(
            "kommun",
            f"Kommunsida ({large.name}, {LARGE_PER_SCALE} × skala organisationer)",
            "cached",
            f"{overview}{large.slug}/",
            bulk=True,
        ),
        # A text page: its län's kommuner and the region's record.
        BenchPage(
            "lan",
            f"Länssida ({large.county.name})",
            "cached",
            f"{overview}lan/{large.county.slug}/",
        ),
    ]
