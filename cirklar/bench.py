"""Cirklar's part of `make bench`: open circles in bulk across the country, their pages.

`manage.py seed_bench_data --scale N` calls `seed()`: open circles are topped up to
5 000 × scale, spread over every kommun, 50 × scale of them in Kiruna (the kommun whose
page the kommuner bench measures), each with a coming meeting. The bench circles'
names start with BENCH_NAME. What a bench module provides: home/app_modules.py.
"""

import datetime
import itertools

from django.db import transaction
from django.utils import timezone

from home.bench import BenchPage, demo_page, thousands
from kommuner.models import Municipality
from studiematerial.models import StudyModulePage

from .models import (
    CircleIndexPage,
    CircleStatus,
    Meeting,
    StudyAssociation,
    StudyCircle,
)

CIRCLES_PER_SCALE = 5_000
LARGE_KOMMUN_CODE = "2584"  # Kiruna, as in kommuner/bench.py
LARGE_PER_SCALE = 50
BENCH_NAME = "Bänkcirkel"
BATCH_SIZE = 1_000


def bench_circles():
    return StudyCircle.objects.filter(name__startswith=BENCH_NAME)


def seed(stdout, scale):
    wanted_large = LARGE_PER_SCALE * scale
    wanted = CIRCLES_PER_SCALE * scale
    municipalities = list(Municipality.objects.order_by("code"))
    large = next(m for m in municipalities if m.code == LARGE_KOMMUN_CODE)
    associations = list(StudyAssociation.objects.filter(state_funded=True))
    modules = [None, *StudyModulePage.objects.live().order_by("path")[:5]]
    start = timezone.localdate() + datetime.timedelta(days=14)
    with transaction.atomic():
        existing = bench_circles().count()
        in_large = bench_circles().filter(municipality=large).count()
        serial = itertools.count(existing)
        places = itertools.cycle(municipalities)
        new = []
        for _ in range(max(wanted - existing, 0)):
            number = next(serial)
            municipality = large if in_large < wanted_large else next(places)
            in_large += municipality is large
            new.append(
                StudyCircle(
                    name=f"{BENCH_NAME} {number} i {municipality.name}",
                    association=associations[number % len(associations)],
                    municipality=municipality,
                    module=modules[number % len(modules)],
                    meeting_place=f"Biblioteket, Storgatan {number % 90 + 1}",
                    start_date=start,
                    status=CircleStatus.PLANNED,
                    work_plan="Vi läser materialet träff för träff.",
                    public_description=(
                        "Vi samtalar om samverkan mellan kommunen och de idéburna "
                        "organisationerna. Alla är välkomna, inga förkunskaper behövs."
                    ),
                )
            )
        StudyCircle.objects.bulk_create(new, batch_size=BATCH_SIZE)
        created = list(
            bench_circles().filter(meetings__isnull=True).values_list("pk", flat=True)
        )
        Meeting.objects.bulk_create(
            (
                Meeting(
                    circle_id=pk,
                    date=start + datetime.timedelta(days=pk % 7),
                    start_time=datetime.time(18, 0),
                )
                for pk in created
            ),
            batch_size=BATCH_SIZE,
        )
    stdout.write(f"cirklar: {len(new)} studiecirklar, {len(created)} träffar")


def describe(scale):
    return f"{thousands(CIRCLES_PER_SCALE * scale)} studiecirklar"


def pages():
    index = demo_page(CircleIndexPage).get_url()
    circle = (
        bench_circles().order_by("pk").first()
        or StudyCircle.objects.findable().order_by("pk").first()
    )
    if circle is None:
        raise LookupError("Ingen öppen studiecirkel att mäta.")
    large = Municipality.objects.select_related("county").get(code=LARGE_KOMMUN_CODE)
    return [
        BenchPage(
            "circles",
            f"Hitta en studiecirkel ({thousands(CIRCLES_PER_SCALE)} × skala cirklar)",
            "cached",
            index,
            bulk=True,
        ),
        BenchPage(
            "circles_filtered",
            f"Hitta en studiecirkel, filtrerad ({large.county.name})",
            "cached",
            f"{index}?lan={large.county.slug}",
        ),
        BenchPage("circle", "En studiecirkel", "cached", f"{index}{circle.pk}/"),
        BenchPage(
            "circle_interest",
            "Intresseanmälan (formulär)",
            "uncached",
            f"{index}{circle.pk}/anmalan/",
        ),
    ]


def seeded_samples():
    index = demo_page(CircleIndexPage).get_url()
    circles = list(bench_circles().order_by("pk"))
    return (
        [
            (f"{index}{circle.pk}/", circle.name)
            for circle in {circles[0], circles[len(circles) // 2], circles[-1]}
        ]
        if circles
        else []
    )
