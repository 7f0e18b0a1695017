"""Demo content for the study material: the agreement, its principles and the study modules.

Idempotent like every demo module: what exists (by slug) is left as it is.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.documents import get_document_model

from home.demo import ensure_child, stream
from home.models import HomePage

from . import demo_data
from .models import (
    AgreementMilestone,
    AgreementPage,
    AgreementParty,
    ModuleDocument,
    PrinciplePage,
    StudyModuleIndexPage,
    StudyModulePage,
    StudySession,
)


def questions(texts):
    return [("question", {"question": text, "hint": ""}) for text in texts]


def checklist_document(module):
    """A plain-text plan of the module's sessions for the circle leader to print or share."""
    lines = [
        module["title"],
        "=" * len(module["title"]),
        "",
        strip_tags(module["intro"]),
        "",
    ]
    for number, session in enumerate(module["sessions"], start=1):
        lines += [
            f"Träff {number}: {session['title']} ({session['length_minutes']} minuter)",
            f"  Syfte: {session['aim']}",
            "  Frågor att samtala om:",
            *[f"   – {q}" for q in session["discussion_questions"]],
            "",
        ]
    Document = get_document_model()
    title = f"Träffplan: {module['title']}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(
            f"traffplan-{module['slug']}.txt",
            ContentFile("\n".join(lines).encode("utf-8")),
            save=False,
        )
        document.save()
    return document


def load(stdout, *, with_accounts=False):
    home = HomePage.objects.first()
    created_count = 0
    with transaction.atomic():
        data = demo_data.AGREEMENT
        agreement, created = ensure_child(
            home,
            AgreementPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            search_description=data["search_description"],
            vision=data["vision"],
            follow_up=data["follow_up"],
            show_in_menus=True,
            parties=[AgreementParty(**party) for party in data["parties"]],
            milestones=[AgreementMilestone(**item) for item in data["history"]],
        )
        if created:
            # The agreement comes first in the main navigation.
            agreement.move(home, pos="first-child")
            agreement.refresh_from_db()
        created_count += created

        principles = {}
        for item in demo_data.PRINCIPLES:
            principle, created = ensure_child(
                agreement,
                PrinciplePage,
                item["slug"],
                title=item["title"],
                intro=item["summary"],
                search_description=item["summary"][:155],
                explanation=item["explanation"],
                examples=item["examples"],
                discussion_questions=questions(item["discussion_questions"]),
            )
            principles[item["slug"]] = principle
            created_count += created

        index, created = ensure_child(
            home,
            StudyModuleIndexPage,
            "studiematerial",
            title="Studiematerial",
            intro="Studiematerial för cirklar som vill arbeta med Överenskommelsen på "
            "hemmaplan. Varje material har träffar med syfte, läsning, frågor och övningar.",
            search_description="Studiematerial om Överenskommelsen för studiecirklar: "
            "träffar med syfte, läsning, diskussionsfrågor och övningar.",
            show_in_menus=True,
        )
        if created:
            index.move(agreement, pos="right")
            index.refresh_from_db()
        created_count += created

        for item in demo_data.MODULES:
            if index.get_children().filter(slug=item["slug"]).exists():
                continue
            sessions = []
            for position, session in enumerate(item["sessions"]):
                sessions.append(
                    StudySession(
                        sort_order=position,
                        title=session["title"],
                        anchor=session["anchor"],
                        aim=session["aim"],
                        length_minutes=session["length_minutes"],
                        reading=session["reading"],
                        discussion_questions=questions(session["discussion_questions"]),
                        exercises=session["exercises"],
                        leader_notes=session["leader_notes"],
                        principles=[principles[slug] for slug in session["principles"]],
                    )
                )
            ensure_child(
                index,
                StudyModulePage,
                item["slug"],
                title=item["title"],
                intro=item["intro"],
                search_description=item["search_description"],
                target_groups=item["target_groups"],
                body=stream(item["body"]),
                sessions=sessions,
                documents=[
                    ModuleDocument(
                        document=checklist_document(item),
                        description="Alla träffar med syfte och frågor, som textfil.",
                    )
                ],
            )
            created_count += 1
    stdout.write(f"studiematerial: {created_count} nya sidor")
