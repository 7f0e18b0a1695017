"""A small site shaped like the real one, built with the apps' factories (`site_tree`).

The slugs are the demo content's, so the URLs are the same (/overenskommelsen/dialog/,
/studiematerial/overenskommelsen-i-var-kommun/), but nothing is read from the demo
content: each test that asks for `site_tree` (tests/conftest.py) builds it anew.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.text import slugify

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import KansliContactSettings
from studiematerial.models import (
    AgreementMilestone,
    AgreementParty,
    ModuleDocument,
    StudySession,
)
from tests.cirklar.factories import CircleIndexPageFactory
from tests.home.factories import (
    ContentPageFactory,
    DocumentFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.kommuner.factories import KommunIndexPageFactory
from tests.studiematerial.factories import (
    AgreementPageFactory,
    PrinciplePageFactory,
    StudyModuleIndexPageFactory,
    StudyModulePageFactory,
)

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
    privacy: Page
    news_index: Page
    news: list = field(default_factory=list)
    contact: KansliContactSettings | None = None
    circle_index: Page | None = None  # Hitta en studiecirkel, without circles


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


def build_site_tree():
    """The site: below the home page (make_home_page), in menu order, the agreement
    with its six principles, the study material with two modules of four sessions, the
    kommun overview, the about page, the news with six items (of every category), and
    the accessibility statement, which the footer's contact settings point to.
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
    circle_index = CircleIndexPageFactory(parent=home)
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
    privacy = ContentPageFactory(
        parent=home,
        title="Integritetspolicy",
        slug="integritetspolicy",
        intro="Vilka personuppgifter webbplatsen behandlar, varför och hur länge.",
        body=[("personal_data_register", None)],
    )
    contact = KansliContactSettings.for_site(site)
    contact.accessibility_page = accessibility
    contact.privacy_page = privacy
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
        privacy=privacy,
        news_index=news_index,
        news=news,
        contact=contact,
        circle_index=circle_index,
    )
