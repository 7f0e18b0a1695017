"""The study material's part of `make bench`: modules in bulk, and its pages to measure.

Every module gets `SESSIONS_PER_MODULE` sessions made from the demo modules' sessions,
with the same principles linked, so that principle pages list many modules and module
pages show as much as real ones. See home.bench for how the pages are created, and
home/app_modules.py for what a bench module provides.
"""

import itertools

from django.db import transaction

from wagtail.documents import get_document_model

from home.bench import (
    BATCH_SIZE,
    BENCH_SLUG_PREFIX,
    BenchPage,
    add_live_pages,
    bench_pages_sample,
    demo_page,
    existing_bench_pages,
)
from home.demo import stream

from . import demo_data
from .demo import questions
from .models import (
    AgreementPage,
    ModuleDocument,
    PrinciplePage,
    StudyModuleIndexPage,
    StudyModulePage,
    StudySession,
)

MODULES_PER_SCALE = 100
SESSIONS_PER_MODULE = 8
MODULE_BATCH_SIZE = BATCH_SIZE // SESSIONS_PER_MODULE

SESSION_TEMPLATES = [
    session for module in demo_data.MODULES for session in module["sessions"]
]


def module_page(number, item):
    return StudyModulePage(
        title=f"{item['title']} (testmaterial {number})",
        slug=f"{BENCH_SLUG_PREFIX}material-{number:05d}",
        intro=item["intro"],
        search_description=item["search_description"],
        target_groups=item["target_groups"],
        body=stream(item["body"]),
    )


def sessions_for(module, number, principles):
    sessions, links = [], []
    for position in range(SESSIONS_PER_MODULE):
        template = SESSION_TEMPLATES[
            (number * SESSIONS_PER_MODULE + position) % len(SESSION_TEMPLATES)
        ]
        session = StudySession(
            page_id=module.pk,
            sort_order=position,
            title=template["title"],
            # Anchors are unique within a module; the same template may come twice.
            anchor=f"{template['anchor']}-{position + 1}",
            aim=template["aim"],
            length_minutes=template["length_minutes"],
            reading=template["reading"],
            discussion_questions=questions(template["discussion_questions"]),
            exercises=template["exercises"],
            leader_notes=template["leader_notes"],
        )
        sessions.append(session)
        links.append(
            [principles[slug] for slug in template["principles"] if slug in principles]
        )
    return sessions, links


def seed(stdout, scale):
    index = StudyModuleIndexPage.objects.get()
    principles = {page.slug: page.pk for page in PrinciplePage.objects.all()}
    document = (
        get_document_model().objects.filter(title__startswith="Träffplan").first()
    )
    wanted = MODULES_PER_SCALE * scale
    start = existing_bench_pages(StudyModulePage, index)
    templates = itertools.cycle(demo_data.MODULES)
    for _ in range(start):
        next(templates)
    Link = StudySession.principles.through
    created = 0
    with transaction.atomic():
        for batch_start in range(start, wanted, MODULE_BATCH_SIZE):
            numbers = range(
                batch_start + 1, min(batch_start + MODULE_BATCH_SIZE, wanted) + 1
            )
            modules = add_live_pages(
                index, [module_page(number, next(templates)) for number in numbers]
            )
            sessions, links = [], []
            for number, module in zip(numbers, modules, strict=True):
                module_sessions, module_links = sessions_for(module, number, principles)
                sessions += module_sessions
                links += module_links
            StudySession.objects.bulk_create(sessions, batch_size=BATCH_SIZE)
            Link.objects.bulk_create(
                [
                    Link(studysession_id=session.pk, principlepage_id=principle_id)
                    for session, principle_ids in zip(sessions, links, strict=True)
                    for principle_id in principle_ids
                ],
                batch_size=BATCH_SIZE,
            )
            if document is not None:
                ModuleDocument.objects.bulk_create(
                    [
                        ModuleDocument(
                            page_id=module.pk,
                            document=document,
                            sort_order=0,
                            description="Alla träffar med syfte och frågor, som textfil.",
                        )
                        for module in modules
                    ]
                )
            created += len(modules)
    stdout.write(
        f"studiematerial: {created} nya testmaterial med {SESSIONS_PER_MODULE} träffar "
        f"vardera ({wanted} totalt)"
    )


def describe(scale):
    return f"{MODULES_PER_SCALE * scale} studiematerial × {SESSIONS_PER_MODULE} träffar"


def pages():
    module = demo_page(StudyModulePage)
    module_url = module.get_url()
    # A module no anonymous visitor is sent to, so signed-in visitors never find a
    # shared copy of it: every request is rendered for them.
    other_module = (
        StudyModulePage.objects.live()
        .exclude(slug__startswith=BENCH_SLUG_PREFIX)
        .exclude(pk=module.pk)
        .order_by("path")
        .first()
    )
    if other_module is None:
        raise LookupError("Demoinnehållet behöver två studiematerial.")
    return [
        BenchPage(
            "agreement",
            "Överenskommelsen",
            "cached",
            demo_page(AgreementPage).get_url(),
        ),
        BenchPage(
            "principle",
            "Princip",
            "cached",
            demo_page(PrinciplePage).get_url(),
            weigh=True,
        ),
        BenchPage(
            "module_index",
            "Studiematerial, översikt",
            "cached",
            demo_page(StudyModuleIndexPage).get_url(),
        ),
        BenchPage(
            "module",
            "Studiematerial",
            "cached",
            module_url,
            weigh=True,
            lighthouse=True,
        ),
        BenchPage(
            "module_print",
            "Studiematerial, utskrift",
            "cached",
            module_url + module.reverse_subpage("print_leader"),
        ),
        BenchPage(
            "module_logged_in",
            "Studiematerial, inloggad",
            "uncached",
            module_url,
            logged_in=True,
            shared=True,
        ),
        BenchPage(
            "module_logged_in_miss",
            "Studiematerial, inloggad, ingen delad kopia ännu",
            "miss",
            other_module.get_url(),
            logged_in=True,
        ),
    ]


def seeded_samples():
    samples = []
    for module in bench_pages_sample(StudyModulePage):
        url = module.get_url()
        samples.append((url, module.title))
        samples.append(
            (url + module.reverse_subpage("print_participant"), module.title)
        )
    return samples
