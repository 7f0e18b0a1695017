"""Every page type renders, and the site-wide views answer as a visitor expects."""

import xml.etree.ElementTree as ET

import pytest

from home.models import NewsPage
from studiematerial.models import PrinciplePage, StudyModulePage

PAGE_TYPE_URLS = {
    "home": "/",
    "agreement": "/overenskommelsen/",
    "principle": "/overenskommelsen/dialog/",
    "module index": "/studiematerial/",
    "module": "/studiematerial/overenskommelsen-i-var-kommun/",
    "module print, leader": "/studiematerial/overenskommelsen-i-var-kommun/utskrift/ledare/",
    "module print, participants": "/studiematerial/overenskommelsen-i-var-kommun/utskrift/deltagare/",
    "news index": "/nyheter/",
    "content page": "/om/",
    "accessibility statement": "/tillganglighet/",
    "search": "/sok/?q=dialog",
    "login": "/konto/logga-in/",
    "password reset": "/konto/glomt-losenord/",
}


@pytest.mark.parametrize("url", PAGE_TYPE_URLS.values(), ids=PAGE_TYPE_URLS.keys())
def test_page_type_renders_in_swedish(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert html.count("<h1") == 1
    assert '<meta name="description" content="' in html
    assert 'content=""' not in html.split("</head>")[0]


def test_news_page_renders(client, site_tree):
    news = NewsPage.objects.live().first()
    response = client.get(news.url)
    assert response.status_code == 200
    assert news.get_category_display() in response.content.decode()


def test_page_chrome_has_landmarks_skip_link_and_breadcrumbs(client, site_tree):
    html = client.get("/overenskommelsen/dialog/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'aria-label="Huvudmeny"' in html
    assert 'aria-label="Du är här"' in html
    assert 'aria-current="page"' in html
    assert "kansliet@example.se" in html  # footer from the site setting
    assert "Tillgänglighetsredogörelse" in html


def test_main_navigation_comes_from_the_page_tree(client, site_tree):
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Huvudmeny"')[1].split("</nav>")[0]
    positions = [
        nav.index(f">{title}<")
        for title in ("Överenskommelsen", "Studiematerial", "Nyheter")
    ]
    assert positions == sorted(positions)
    assert "Tillgänglighetsredogörelse" not in nav  # not shown in menus


def test_principle_page_lists_modules_and_sessions_that_treat_it(client, site_tree):
    principle = PrinciplePage.objects.get(slug="dialog")
    sessions = principle.sessions.select_related("page")
    assert sessions.exists()
    html = client.get(principle.url).content.decode()
    for session in sessions:
        assert f"{session.page.url}#{session.html_id}" in html
        assert session.page.title in html


def test_module_page_shows_sessions_in_order_with_stable_anchors(client, site_tree):
    module = StudyModulePage.objects.get(slug="overenskommelsen-i-var-kommun")
    html = client.get(module.url).content.decode()
    positions = [html.index(f'id="{s.html_id}"') for s in module.sessions.all()]
    assert positions == sorted(positions)
    assert "Träff 3:" in html
    assert (
        "Till dig som cirkelledare" not in html
    )  # leader's notes only in the leader's print


def test_leader_print_has_notes_and_participant_print_has_not(client, site_tree):
    module = StudyModulePage.objects.get(slug="overenskommelsen-i-var-kommun")
    leader = client.get(module.url + "utskrift/ledare/").content.decode()
    participant = client.get(module.url + "utskrift/deltagare/").content.decode()
    notes = module.sessions.first().leader_notes
    assert "Till dig som cirkelledare" in leader
    assert notes[:40] in leader
    assert "Till dig som cirkelledare" not in participant
    assert notes[:40] not in participant
    assert leader.count('class="page-break"') == module.sessions.count()


def test_news_index_filters_by_category_and_paginates(client, site_tree):
    response = client.get("/nyheter/?kategori=inbjudan")
    news = response.context["news_page"].object_list
    assert news and all(item.category == "inbjudan" for item in news)
    assert client.get("/nyheter/?kategori=okand").status_code == 200
    assert client.get("/nyheter/?sida=999").status_code == 404
    assert client.get("/nyheter/?sida=abc").status_code == 404
    assert client.get("/nyheter/?sida=0").status_code == 404


def test_news_index_pages_through_the_news_without_counting_them(client, site_tree):
    from home.models import NewsIndexPage

    # Six news in the site tree: two pages of four.
    NewsIndexPage.per_page = 4
    try:
        first = client.get("/nyheter/")
        second = client.get("/nyheter/?sida=2")
    finally:
        NewsIndexPage.per_page = 20
    assert len(first.context["news_page"].object_list) == 4
    assert len(second.context["news_page"].object_list) == 2
    first_html, second_html = first.content.decode(), second.content.decode()
    assert "Sida 1</span>" in first_html and 'rel="next"' in first_html
    assert 'rel="prev"' not in first_html
    assert "Sida 2</span>" in second_html and 'rel="prev"' in second_html
    assert 'rel="next"' not in second_html
    assert " av " not in first_html.split('class="pagination"')[1].split("</nav>")[0]


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_news_feeds_are_valid_xml_with_every_item(client, site_tree, feed):
    response = client.get(f"/nyheter/{feed}/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = ET.tostring(root, encoding="unicode")
    for news in NewsPage.objects.live():
        assert news.title in text


def test_search_finds_a_principle_by_a_word_in_its_body(client, site_tree):
    principle = PrinciplePage.objects.get(slug="sjalvstandighet-och-oberoende")
    principle.explanation += "<p>Ordet regnbågsforellen finns bara här.</p>"
    revision = principle.save_revision()
    revision.publish()
    response = client.get("/sok/", {"q": "regnbågsforellen"})
    results = list(response.context["results"].object_list)
    assert [page.specific for page in results] == [
        PrinciplePage.objects.get(pk=principle.pk)
    ]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 5000,
        "'; DROP TABLE wagtailcore_page; --",
        "<script>",
        "ö&ä|å",
        '"',
        'dia"log',
        '"lokal överenskommelse',
        "dialog\x00",
        "\x00",
        "a\u200bb\u202e",
        "*",
        "NOT",
        "a OR",
        "NEAR(a b)",
        "{title body}:x",
        "^(",
    ],
)
def test_search_survives_odd_input(client, site_tree, query):
    for page in ("x", "2", "-1", "99999999999999999999"):
        response = client.get("/sok/", {"q": query, "sida": page})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>" not in html
        assert "\x00" not in html
        assert "Sökningen kunde inte göras" not in html


def test_search_words_drop_what_the_backends_cannot_take():
    from home.views import search_words

    assert search_words('  "lokal  överenskommelse"\x00\n') == "lokal överenskommelse"
    assert search_words("dia\u200blog") == "dia log"
    assert len(search_words("å" * 5000)) == 200


def test_a_search_the_database_cannot_run_is_explained_not_a_500(
    client, site_tree, monkeypatch
):
    from django.db import OperationalError

    from home import views

    def fail(*args, **kwargs):
        raise OperationalError("fts5: syntax error")

    monkeypatch.setattr(views, "result_keys", fail)
    response = client.get("/sok/", {"q": "dialog"})
    assert response.status_code == 200
    assert "Sökningen kunde inte göras" in response.content.decode()
    # The connection is still usable for the rest of the request and the next one.
    # Nor is the failure kept in the page cache.
    monkeypatch.undo()
    again = client.get("/sok/", {"q": "dialog"})
    assert again.status_code == 200
    assert "Sökningen kunde inte göras" not in again.content.decode()


def test_unknown_path_gives_the_sites_404_page(client, site_tree):
    response = client.get("/finns/inte/alls/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_live_pages(client, site_tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/overenskommelsen/dialog/" in text
    assert "/studiematerial/overenskommelsen-i-var-kommun/" in text


def test_module_length_is_shown_in_hours_and_minutes(client, site_tree):
    module = StudyModulePage.objects.get(slug="overenskommelsen-i-var-kommun")
    total = sum(module.sessions.values_list("length_minutes", flat=True))
    hours, minutes = divmod(total, 60)
    html = client.get(module.url).content.decode()
    assert f"sammanlagt {hours} tim" in html


def test_principle_page_lists_at_most_ten_modules_and_links_to_all(client, site_tree):
    from studiematerial.models import StudyModuleIndexPage
    from tests.studiematerial.factories import (
        StudyModulePageFactory,
        StudySessionFactory,
    )

    dialog = PrinciplePage.objects.get(slug="dialog")
    index = StudyModuleIndexPage.objects.get()
    for _ in range(12):
        session = StudySessionFactory(page=StudyModulePageFactory(parent=index))
        session.principles.set([dialog])
        session.save()  # a ParentalManyToManyField is written on save
    response = client.get(dialog.url)
    assert len(response.context["modules"]) == 10
    assert "/studiematerial/?princip=dialog" in response.content.decode()
    listing = client.get("/studiematerial/?princip=dialog")
    modules = listing.context["modules"]
    total = modules.paginator.count
    assert total >= 12
    assert client.get("/studiematerial/?princip=dialog&sida=1").status_code == 200
    assert client.get("/studiematerial/?sida=99").status_code == 404


def test_search_leaves_out_drafts_and_restricted_pages_and_pages_on(client, site_tree):
    from wagtail.models import PageViewRestriction

    from home.models import ContentPage

    about = ContentPage.objects.get(slug="om")
    for number in range(12):
        page = ContentPage(
            title=f"Sida {number}",
            slug=f"sida-{number}",
            intro="Om kantareller och annat.",
        )
        about.add_child(instance=page)
    title_match = ContentPage(title="Kantareller", slug="kantareller", intro="Svamp.")
    about.add_child(instance=title_match)
    draft = ContentPage(
        title="Kantareller i utkast", slug="utkast", intro="Kantareller.", live=False
    )
    about.add_child(instance=draft)
    secret = ContentPage(title="Kantareller, internt", slug="internt", intro="Hemligt.")
    about.add_child(instance=secret)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.LOGIN
    )

    first = client.get("/sok/", {"q": "kantareller"}).context["results"]
    second = client.get("/sok/", {"q": "kantareller", "sida": 2}).context["results"]
    assert first.paginator.count == 13
    found = [page.pk for page in [*first.object_list, *second.object_list]]
    assert len(found) == len(set(found)) == 13
    assert title_match.pk in found
    assert draft.pk not in found and secret.pk not in found


def add_pages_to_rank(parent, count=24):
    """Pages that mention the searched words a different number of times each."""
    from tests.home.factories import ContentPageFactory

    for number in range(count):
        words = (
            ["dialog"] * (number % 5)
            + ["kommun"] * (number % 3)
            + ["principer", "kvalitet"][: number % 3]
            + ["idéburna"] * (number % 2)
        )
        ContentPageFactory(
            parent=parent,
            title=f"Sida {number} {' '.join(words[:1])}",
            intro=" ".join(["Om samverkan.", *words]),
        )


def test_search_ranks_as_wagtails_own_backend_does(site_tree):
    from django.db import connection

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from modelsearch.backends.database import SearchBackend

    # Wagtail's backend for the database: on SQLite ranked in one pass, elsewhere
    # (PostgreSQL in production) Wagtail's own but for the check of filters.
    wagtails_backend = type(SearchBackend({}))
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        wagtails_backend = SQLiteSearchBackend
    ours, wagtails = get_search_backend(), wagtails_backend({})
    assert type(ours) is not wagtails_backend and isinstance(ours, wagtails_backend)
    add_pages_to_rank(site_tree.about)
    pages = Page.objects.live().specific()
    assert ours.search("dialog", pages).count() > 20  # every window has results
    for query in ["dialog", "kommun", "principer kvalitet", "idéburna", "zzz"]:
        for window in (slice(0, 10), slice(10, 20), slice(3, 5)):
            assert [p.pk for p in ours.search(query, pages)[window]] == [
                p.pk for p in wagtails.search(query, pages)[window]
            ], (query, window)
        assert (
            ours.search(query, pages).count() == wagtails.search(query, pages).count()
        )
    scored = ours.search("dialog", pages).annotate_score("score")[:3]
    assert all(isinstance(page.score, float) for page in scored)
    assert [p.pk for p in ours.autocomplete("dial", pages)[:5]] == [
        p.pk for p in wagtails.autocomplete("dial", pages)[:5]
    ]


def test_search_results_show_a_changed_title_and_summary_at_once(client, site_tree):
    principle = PrinciplePage.objects.get(slug="dialog")
    before = client.get("/sok/", {"q": "dialog"}).content.decode()
    assert principle.title in before
    principle.title = "Dialog mellan parterna"
    principle.search_description = "En ny sammanfattning för sökträffen."
    principle.save_revision().publish()
    after = client.get("/sok/", {"q": "dialog"}).content.decode()
    assert "Dialog mellan parterna" in after
    assert "En ny sammanfattning för sökträffen." in after


def test_search_results_link_to_each_page_with_its_summary(client, site_tree):
    from django.utils.html import escape

    response = client.get("/sok/", {"q": "dialog"})
    html = response.content.decode()
    for page in response.context["results"].object_list:
        page = page.specific
        assert f'href="{page.url}"' in html
        assert escape(page.get_meta_description()) in html


@pytest.mark.parametrize("spare", [50, 0])
def test_news_newest_first_are_the_querysets_whatever_the_window(
    site_tree, monkeypatch, spare
):
    from home.models import NewestFirst

    # With no spare, the two newest news hold no "nyhet": the plain query answers.
    monkeypatch.setattr(NewestFirst, "SPARE", spare)
    news = site_tree.news_index.news()
    for category in ("", "nyhet", "inbjudan", "rapport"):
        shown = news.filter(category=category) if category else news
        newest = NewestFirst(shown)
        for start, stop in [(0, 1), (0, 3), (1, 2), (2, 20), (5, 6), (6, 8)]:
            assert newest[start:stop] == list(shown[start:stop]), (category, start)
    assert [p.title for p in NewestFirst(news.filter(category="nyhet"))[0:1]] == [
        "Ny studiemodul om dialog"
    ]


def test_listings_leave_out_restricted_pages_and_their_sections(client, site_tree):
    from wagtail.models import PageViewRestriction

    newest = site_tree.news[-1]
    assert newest.title in client.get("/nyheter/").content.decode()
    assert newest.title in client.get("/").content.decode()
    PageViewRestriction.objects.create(
        page=newest, restriction_type=PageViewRestriction.LOGIN
    )
    for url in ("/nyheter/", "/"):
        html = client.get(url).content.decode()
        assert newest.title not in html, url
        assert site_tree.news[-2].title in html, url
    # A restriction on the section hides every page in it.
    PageViewRestriction.objects.create(
        page=site_tree.news_index, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/").content.decode()
    assert all(news.title not in html for news in site_tree.news)
