"""The demo's Hitta en studiecirkel page (/studiecirklar/), idempotently.

Called from the app's demo module (cirklar/demo.py: `demo_pages.load(stdout)` in its
load()), which owns the demo circles; this module owns the page alone.
"""

from home.demo import ensure_child
from home.models import HomePage

from .models import CircleIndexPage

PAGE = {
    "title": "Hitta en studiecirkel",
    "intro": "Studiecirklar om Överenskommelsen som tar emot nya deltagare. Sök på "
    "ditt postnummer eller välj kommun, studieförbund eller studiematerial, och "
    "anmäl ditt intresse till cirkelledaren.",
    "search_description": "Hitta en studiecirkel om Överenskommelsen nära dig och "
    "anmäl ditt intresse.",
}


def ensure_page(home):
    page, created = ensure_child(
        home,
        CircleIndexPage,
        "studiecirklar",
        title=PAGE["title"],
        intro=PAGE["intro"],
        search_description=PAGE["search_description"],
        show_in_menus=True,
    )
    if created:
        # In the main navigation, right after the kommuner.
        kommuner = home.get_children().filter(slug="kommuner").first()
        if kommuner is not None:
            page.move(kommuner, pos="right")
            page.refresh_from_db()
    return page, created


def load(stdout, *, with_accounts=False):
    home = HomePage.objects.first()
    if home is None:
        return
    _page, created = ensure_page(home)
    stdout.write(
        "Sidan Hitta en studiecirkel skapad."
        if created
        else "Sidan Hitta en studiecirkel fanns redan."
    )
