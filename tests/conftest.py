"""Fixtures shared by the whole suite.

The test database holds only what the migrations make (the roles, the 21 län, the 290
kommuner and their postal codes, Wagtail's root and welcome page). Every test builds
what else it needs with the factories in tests/<app>/factories.py, or takes the small
realistic site of `site_tree`. The demo content is loaded only where it is what is
tested (`demo_content`), and by the browser tests, which see the site as a visitor
does (tests/browser/conftest.py).
"""

import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.utils.text import slugify

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

import pytest

from home import roles
from home.models import KansliContactSettings
from studiematerial.models import (
    AgreementMilestone,
    AgreementParty,
    ModuleDocument,
    StudySession,
)
from tests.home.factories import (
    ContentPageFactory,
    DocumentFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
)
from tests.kommuner.factories import KommunIndexPageFactory
from tests.studiematerial.factories import (
    AgreementPageFactory,
    PrinciplePageFactory,
    StudyModuleIndexPageFactory,
    StudyModulePageFactory,
)

BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests after all others, each part in the order it had.

    The browser tests commit what they save (tests/browser/conftest.py), so no other
    test may run after them. trylast: after pytest-django's own sorting.
    """
    browser = [item for item in items if item.path.is_relative_to(BROWSER_TESTS)]
    if browser:
        others = [item for item in items if not item.path.is_relative_to(BROWSER_TESTS)]
        items[:] = others + browser


@pytest.fixture(autouse=True)
def _clear_caches():
    # Each test starts with empty caches: the page cache and the chrome fragments.
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_content(db):
    """The demo content, as `make run` loads it (without the demo accounts).

    For the tests of the demo content itself: loading it takes seconds. Other tests
    build their data with factories, or use `site_tree`.
    """
    call_command("load_demo_content", stdout=io.StringIO())


# Users, one per role -------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return UserFactory(username="redaktor", role=roles.EDITOR)


@pytest.fixture
def kansli_user(db):
    return UserFactory(username="kansli", role=roles.KANSLI)


@pytest.fixture
def circle_leader(db):
    return UserFactory(username="cirkelledare", role=roles.CIRCLE_LEADER)


@pytest.fixture
def official_without_kommun(db):
    """A municipal official whom the kansli has not yet tied to any kommun."""
    return UserFactory(username="kommun", role=roles.MUNICIPAL_OFFICIAL)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


# The site --------------------------------------------------------------------------


PRINCIPLES = {
    "sjalvstandighet-och-oberoende": "Självständighet och oberoende",
    "dialog": "Dialog",
    "kvalitet": "Kvalitet",
    "langsiktighet": "Långsiktighet",
    "oppenhet-och-insyn": "Öppenhet och insyn",
    "mangfald": "Mångfald",
}

CONTACT = {
    "organisation_name": "Kansliet för Överenskommelsen",
    "street_address": "Exempelgatan 12",
    "postal_code": "111 22",
    "city": "Stockholm",
    "email": "kansliet@example.se",
    "phone": "08-123 45 67",
    "opening_hours": "Vardagar 9–16",
}


@dataclass
class SiteTree:
    """The pages of `site_tree`, each as its specific type."""

    home: Page
    agreement: Page
    principles: dict  # by slug
    module_index: Page
    module: Page  # Överenskommelsen i vår kommun, four sessions
    other_module: Page
    kommun_index: Page
    about: Page
    accessibility: Page
    news_index: Page
    news: list = field(default_factory=list)
    contact: KansliContactSettings | None = None


def _session(number, title, principles, minutes=120):
    return StudySession(
        sort_order=number,
        title=title,
        anchor=slugify(title),
        aim=f"Att samtala om {title.lower()} och vad det betyder hos oss.",
        length_minutes=minutes,
        reading=f"<p>Läs om {title.lower()} i Överenskommelsens text.</p>",
        discussion_questions=[
            (
                "question",
                {"question": f"Vad betyder {title.lower()} för er?", "hint": ""},
            )
        ],
        exercises="<p>Gör en karta över idéburna organisationer i kommunen.</p>",
        leader_notes=(
            f"<p>Börja träff {number + 1} med en runda där var och en berättar vad "
            "de tar med sig från förra gången.</p>"
        ),
        principles=principles,
    )


def _module(index, slug, title, sessions):
    return StudyModulePageFactory(
        parent=index,
        slug=slug,
        title=title,
        intro=f"{title}: ett studiematerial i {len(sessions)} träffar för "
        "idéburna organisationer och kommuner.",
        search_description=f"Studiematerial om {title.lower()}.",
        target_groups=["ideburna", "kommun"],
        body=[("paragraph", RichText(f"<p>Om materialet {title.lower()}.</p>"))],
        sessions=sessions,
        documents=[
            ModuleDocument(
                document=DocumentFactory(title=f"Träffplan: {title}"),
                description="Alla träffar med syfte och frågor.",
            )
        ],
    )


def make_home_page():
    """The home page, as the default site's root in place of Wagtail's welcome page.

    With the kansli's contact settings for the footer.
    """
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(
        parent=Page.get_first_root_node(),
        title="Överenskommelsens studieplattform",
        intro="Studiematerial och stöd för studiecirklar om Överenskommelsen.",
        search_description="Studiecirklar om Överenskommelsen för studieförbund, "
        "idéburna organisationer, kommuner och regioner.",
        body=[("paragraph", RichText("<p>Sex principer för samverkan.</p>"))],
    )
    site.root_page = home
    site.site_name = home.title
    site.save()
    welcome.delete()
    # The footer's contact details: saved now, rather than made on the first request
    # (which would clear the page cache in the middle of a test).
    KansliContactSettings.objects.create(site=site, **CONTACT)
    return home


@pytest.fixture
def home_page(db):
    """The home page as the site's root, with the contact settings: no more of the tree."""
    return make_home_page()


def build_site_tree():
    """A small site shaped like the real one, built with the apps' factories.

    Below the home page (make_home_page), in menu order: the agreement with its six
    principles, the study material with two modules of four sessions, the kommun
    overview, the about page, the news with six items of every category, and the
    accessibility statement, which the footer's contact settings point to. The slugs
    are the demo content's, so the URLs are the same: /overenskommelsen/dialog/,
    /studiematerial/overenskommelsen-i-var-kommun/.
    """
    home = make_home_page()
    site = Site.objects.get(is_default_site=True)
    agreement = AgreementPageFactory(
        parent=home,
        intro="Överenskommelsen mellan regeringen, SKR och idéburna organisationer.",
        show_in_menus=True,
        parties=[
            AgreementParty(name="Regeringen", description="Staten."),
            AgreementParty(name="SKR", description="Kommuner och regioner."),
        ],
        milestones=[AgreementMilestone(year=2008, text="Överenskommelsen tecknas.")],
    )
    principles = {
        slug: PrinciplePageFactory(
            parent=agreement,
            slug=slug,
            title=title,
            intro=f"Principen om {title.lower()} i Överenskommelsen.",
            explanation=f"<p>Vad {title.lower()} innebär för parterna.</p>",
        )
        for slug, title in PRINCIPLES.items()
    }
    module_index = StudyModuleIndexPageFactory(
        parent=home,
        intro="Studiematerial för cirklar som vill arbeta med Överenskommelsen.",
        show_in_menus=True,
    )
    p = principles
    module = _module(
        module_index,
        "overenskommelsen-i-var-kommun",
        "Överenskommelsen i vår kommun",
        [
            _session(0, "Vad är Överenskommelsen?", [p["dialog"]], minutes=90),
            _session(
                1,
                "Självständighet, dialog och öppenhet",
                [
                    p["sjalvstandighet-och-oberoende"],
                    p["dialog"],
                    p["oppenhet-och-insyn"],
                ],
            ),
            _session(
                2,
                "Kvalitet, långsiktighet och mångfald",
                [p["kvalitet"], p["langsiktighet"], p["mangfald"]],
            ),
            _session(3, "Hur ser det ut hos oss?", [p["dialog"], p["kvalitet"]], 150),
        ],
    )
    other_module = _module(
        module_index,
        "dialog-och-inflytande",
        "Dialog och inflytande",
        [
            _session(0, "Vad menar vi med dialog?", [p["dialog"]]),
            _session(1, "Vilka hörs?", [p["mangfald"]]),
            _session(2, "Samråd i praktiken", [p["dialog"], p["kvalitet"]]),
            _session(3, "Vår plan för inflytande", [p["langsiktighet"]]),
        ],
    )
    kommun_index = KommunIndexPageFactory(parent=home)
    about = ContentPageFactory(
        parent=home,
        title="Om studieplattformen",
        slug="om",
        intro="Studieplattformen samlar studiematerial om Överenskommelsen.",
        show_in_menus=True,
    )
    news_index = NewsIndexPageFactory(
        parent=home,
        intro="Nyheter, inbjudningar och rapporter från kansliet.",
        show_in_menus=True,
    )
    news = [
        NewsPageFactory(
            parent=news_index,
            title=title,
            category=category,
            date=datetime.date(2026, 3, 1) + datetime.timedelta(days=10 * number),
            intro=f"{title}: det här behöver du veta.",
        )
        for number, (title, category) in enumerate(
            [
                ("Studieplattformen öppnar", "nyhet"),
                ("Webbinarium för cirkelledare", "inbjudan"),
                ("Ny studiemodul om dialog", "nyhet"),
                ("Lokala överenskommelser i kommunerna", "rapport"),
                ("Regional träff i Göteborg", "inbjudan"),
                ("Uppföljningen av principerna", "rapport"),
            ]
        )
    ]
    accessibility = ContentPageFactory(
        parent=home,
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        intro="Så tillgänglig är webbplatsen, och så rapporterar du brister.",
    )
    contact = KansliContactSettings.for_site(site)
    contact.accessibility_page = accessibility
    contact.save()
    return SiteTree(
        home=home,
        agreement=agreement,
        principles=principles,
        module_index=module_index,
        module=module,
        other_module=other_module,
        kommun_index=kommun_index,
        about=about,
        accessibility=accessibility,
        news_index=news_index,
        news=news,
        contact=contact,
    )


@pytest.fixture
def site_tree(db):
    """A small realistic site, with the demo content's URLs (see build_site_tree)."""
    return build_site_tree()
