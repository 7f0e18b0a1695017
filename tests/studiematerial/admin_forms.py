"""Form data for the study module editor in the Wagtail admin, as a browser would post it."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def session_data(title, anchor="", length=120, principles=()):
    # Lists are added after nested_form_data, which would flatten them.
    return {
        "_principles": [str(pk) for pk in principles],
        "title": title,
        "anchor": anchor,
        "aim": f"Syftet med {title.lower()}.",
        "length_minutes": str(length),
        "reading": rich_text("<p>Läs principen.</p>"),
        "discussion_questions": streamfield(
            [("question", {"question": "Vad tänker ni?", "hint": ""})]
        ),
        "exercises": rich_text(""),
        "leader_notes": rich_text("<p>Börja med en runda.</p>"),
    }


def module_form_data(title, slug, sessions, action="publish"):
    principles = [session.pop("_principles") for session in sessions]
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Ett nytt material.",
            "body": streamfield([("paragraph", rich_text("<p>Om materialet.</p>"))]),
            "sessions": inline_formset(sessions),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["target_groups"] = ["ideburna", "kommun"]
    for index, pks in enumerate(principles):
        data[f"sessions-{index}-principles"] = pks
    if action:
        data[f"action-{action}"] = action
    return data
