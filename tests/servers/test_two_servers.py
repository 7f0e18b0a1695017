"""Two app servers share one PostgreSQL and one Redis: what one does, the other sees at once."""

import secrets

from django.contrib.auth.models import Group

import pytest

from home import roles
from home.models import NewsPage
from kommuner.models import Municipality

from .conftest import Visitor

PAGE = "/overenskommelsen/dialog/"
PASSWORD = "ett-bra-losenord-for-test"  # noqa: S105


def account(role, **fields):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    name = f"{role.lower()}-{secrets.token_hex(4)}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.se", **fields
    )
    # The servers run production's hashers, which do not read the tests' fast one.
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user.save()
    user.groups.add(Group.objects.get(name=role))
    return user


def test_a_page_cached_through_a_is_served_by_b(servers, db):
    a, b = servers
    visitor = Visitor()
    path = f"{PAGE}?prov={secrets.token_hex(4)}"
    assert visitor.get(a, path).headers["X-Page-Cache"] == "miss"
    assert visitor.get(a, path).headers["X-Page-Cache"] == "hit"
    served = visitor.get(b, path)
    assert served.status == 200
    assert served.headers["X-Page-Cache"] == "hit"


def test_a_publish_through_a_is_seen_through_b_at_once(servers, db):
    a, b = servers
    news = NewsPage.objects.live().first()
    reader = Visitor()
    assert news.title in reader.get(b, news.url).text
    reader.get(b, news.url)
    assert reader.get(b, news.url).headers["X-Page-Cache"] == "hit"

    new_title = f"Publicerad genom A {secrets.token_hex(3)}"
    draft = NewsPage.objects.get(pk=news.pk)
    draft.title = new_title
    draft.save_revision()  # a draft: B still shows the old title
    assert new_title not in reader.get(b, news.url).text

    editor = Visitor()
    editor.sign_in(a, "/admin/login/", account(roles.EDITOR).username, PASSWORD)
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={news.pk}"
    response = editor.submit(a, publish, "csrfmiddlewaretoken")
    assert response.status == 302, response.text[:1000]

    seen = reader.get(b, news.url)
    assert new_title in seen.text
    assert seen.headers["X-Page-Cache"] == "miss"


def test_signing_out_through_a_ends_the_session_on_b(servers, db):
    a, b = servers
    leader = account(roles.CIRCLE_LEADER, first_name="Cirkel", last_name="Ledare")
    visitor = Visitor()
    visitor.sign_in(a, "/konto/logga-in/", leader.username, PASSWORD)
    assert visitor.get(b, "/konto/").status == 200
    visitor.post(a, "/konto/logga-ut/", form_token(visitor, a))
    assert visitor.get(b, "/konto/").status == 302


def test_an_editor_signed_out_through_a_is_out_of_the_admin_on_b(servers, db):
    a, b = servers
    visitor = Visitor()
    visitor.sign_in(a, "/admin/login/", account(roles.EDITOR).username, PASSWORD)
    assert visitor.get(b, "/admin/").status == 200
    cookies = dict(visitor.cookies)
    visitor.post(a, "/admin/logout/", form_token(visitor, a, "/admin/"))
    # Even a copy of the old cookie is no way in on B.
    visitor.cookies = cookies
    assert visitor.get(b, "/admin/").status == 302


def test_a_kommun_record_changed_through_a_shows_on_bs_kommun_page(servers, db):
    a, b = servers
    reader = Visitor()
    kommun = "/kommuner/orebro/"
    reader.get(b, kommun)
    assert reader.get(b, kommun).headers["X-Page-Cache"] == "hit"

    official = account(roles.MUNICIPAL_OFFICIAL)
    Municipality.objects.get(slug="orebro").officials.add(official)
    visitor = Visitor()
    visitor.sign_in(a, "/konto/logga-in/", official.username, PASSWORD)
    contact = f"Kontakt {secrets.token_hex(3)}"
    response = visitor.submit(
        a, "/min-kommun/orebro/", "contact_name", {"contact_name": contact}
    )
    assert response.status == 302, response.text[:2000]
    assert contact in reader.get(b, kommun).text


def form_token(visitor, server, path="/konto/"):
    """A CSRF token for a POST, as the page the visitor is on carries it."""
    page = visitor.get(server, path)
    marker = 'name="csrfmiddlewaretoken" value="'
    if marker in page.text:
        return {"csrfmiddlewaretoken": page.text.split(marker, 1)[1].split('"', 1)[0]}
    if "csrftoken" in visitor.cookies:  # the admin's scripts send the cookie's token
        return {"csrfmiddlewaretoken": visitor.cookies["csrftoken"]}
    pytest.fail(f"No CSRF token on {path}")


def test_a_footer_change_reaches_every_process_of_both_servers(servers, db):
    from home.models import KansliContactSettings

    reader = Visitor()
    for server in servers:
        for _visit in range(3):  # the footer is now kept in each server's process
            reader.get(server, f"/om/?prov={secrets.token_hex(3)}")
    contact = KansliContactSettings.objects.get()
    phone = f"010-{secrets.randbelow(900) + 100} 00 00"
    contact.phone = phone
    contact.save()
    for server in servers:
        assert phone in reader.get(server, f"/om/?prov={secrets.token_hex(3)}").text
