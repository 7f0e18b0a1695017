"""The guard of the public forms: honeypot, rate limits and sign-in throttling."""

import re
import time

from django import forms
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, RequestFactory

import pytest

from home import guard

PASSWORD = "ett-bra-losenord-123"
LOGIN = "/konto/logga-in/"
RESET = "/konto/glomt-losenord/"
ADMIN_LOGIN = "/admin/login/"
ADMIN_RESET = "/admin/password_reset/"
# A moment at the start of every window (a whole number of hours).
START = 3600 * 480_000

RATE_LIMITED = "Formuläret har skickats för många gånger på kort tid."
LOCKED_OUT = "För många misslyckade inloggningar."
HONEYPOT_HIT = "Formuläret kunde inte skickas."


@pytest.fixture
def clock(monkeypatch):
    """The guard's clock, standing at START until a test moves it."""

    class Clock:
        time = START

        def advance(self, seconds):
            self.time += seconds

    clock = Clock()
    monkeypatch.setattr(guard, "now", lambda: clock.time)
    return clock


@pytest.fixture
def limits(settings, clock):
    """Small limits, so that each test reaches them in a few requests."""
    settings.GUARD_RATE_LIMITS = {
        "default": [("ip", 4, 600), ("email", 2, 3600)],
        "login": [("ip", 100, 600)],
        "password_reset": [("ip", 100, 3600), ("email", 2, 3600)],
    }
    settings.GUARD_LOGIN_FAILURES = [("username", 3, 900), ("ip", 100, 900)]
    return settings


def visitor(ip="192.0.2.10"):
    return Client(REMOTE_ADDR=ip)


def sign_in(client, username, password, url=LOGIN, **extra):
    return client.post(url, {"username": username, "password": password, **extra})


def signed_in(client):
    return "_auth_user_id" in client.session


def error_summary(response):
    html = response.content.decode()
    return html.split('id="error-summary"')[1].split("</div>")[0]


# The honeypot


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, db):
    html = client.get(LOGIN).content.decode()
    honeypot = html.split('<div class="visually-hidden" aria-hidden="true">')[1]
    honeypot = honeypot.split("</div>")[0]
    assert "Lämna det här fältet tomt" in honeypot
    field = re.search(r"<input[^>]*>", honeypot).group()
    assert 'type="text"' in field
    assert 'name="homepage"' in field
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "required" not in field


def test_the_password_reset_form_has_the_honeypot_too(client, db):
    assert 'name="homepage"' in client.get(RESET).content.decode()


def test_a_filled_honeypot_signs_no_one_in_and_keeps_what_was_typed(
    client, circle_leader
):
    response = sign_in(client, "cirkelledare", PASSWORD, homepage="http://spam.example")
    assert response.status_code == 200
    assert HONEYPOT_HIT in error_summary(response)
    html = response.content.decode()
    assert 'value="cirkelledare"' in html
    assert "spam.example" not in html  # shown empty, so that a person can send again
    assert not signed_in(client)


def test_a_filled_honeypot_sends_no_reset_email(client, circle_leader):
    response = client.post(RESET, {"email": "cirkelledare@example.se", "homepage": "x"})
    assert response.status_code == 200
    assert HONEYPOT_HIT in error_summary(response)
    assert 'value="cirkelledare@example.se"' in response.content.decode()
    assert mail.outbox == []


def test_a_filled_honeypot_is_not_counted_as_a_failed_sign_in(limits, circle_leader):
    client = visitor()
    for _ in range(5):
        sign_in(client, "cirkelledare", "fel", homepage="x")
    assert sign_in(client, "cirkelledare", PASSWORD).status_code == 302


# Rate limits


def test_sign_in_is_limited_per_ip_address(limits, circle_leader):
    limits.GUARD_RATE_LIMITS["login"] = [("ip", 3, 600)]
    client = visitor()
    for number in range(3):
        assert sign_in(client, f"någon{number}", "fel").status_code == 200

    response = sign_in(client, "cirkelledare", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    summary = error_summary(response)
    assert RATE_LIMITED in summary
    assert "Vänta 10 minuter" in summary
    assert 'value="cirkelledare"' in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not signed_in(client)  # the password was not even checked

    other = visitor("192.0.2.99")
    assert sign_in(other, "cirkelledare", PASSWORD).status_code == 302


def test_password_reset_is_limited_per_email_address(limits, circle_leader):
    client = visitor()
    for _ in range(2):
        assert (
            client.post(RESET, {"email": "cirkelledare@example.se"}).status_code == 302
        )
    assert len(mail.outbox) == 2

    response = client.post(RESET, {"email": " CirkelLedare@Example.se "})
    assert response.status_code == 429
    assert RATE_LIMITED in error_summary(response)
    assert "Vänta 60 minuter" in error_summary(response)
    assert 'value=" CirkelLedare@Example.se "' in response.content.decode()
    assert len(mail.outbox) == 2

    # The limit is the address's, wherever it is asked from; other addresses go on.
    assert (
        visitor("198.51.100.7")
        .post(RESET, {"email": "cirkelledare@example.se"})
        .status_code
        == 429
    )
    assert client.post(RESET, {"email": "annan@example.se"}).status_code == 302


def test_password_reset_is_limited_per_ip_address(limits, db):
    limits.GUARD_RATE_LIMITS["password_reset"] = [("ip", 3, 3600), ("email", 2, 3600)]
    client = visitor()
    for number in range(3):
        response = client.post(RESET, {"email": f"person{number}@example.se"})
        assert response.status_code == 302
    response = client.post(RESET, {"email": "person9@example.se"})
    assert response.status_code == 429
    assert RATE_LIMITED in error_summary(response)
    assert (
        visitor("192.0.2.11").post(RESET, {"email": "person9@example.se"}).status_code
        == 302
    )


def test_the_reset_limit_answers_alike_for_addresses_with_and_without_an_account(
    limits, circle_leader
):
    known = [
        visitor().post(RESET, {"email": "cirkelledare@example.se"}).status_code
        for _ in range(3)
    ]
    unknown = [
        visitor().post(RESET, {"email": "ingen@example.se"}).status_code
        for _ in range(3)
    ]
    assert known == unknown == [302, 302, 429]


def test_a_rate_limit_ends_with_its_window(limits, clock, db):
    client = visitor()
    for _ in range(2):
        client.post(RESET, {"email": "person@example.se"})
    clock.advance(3599)
    response = client.post(RESET, {"email": "person@example.se"})
    assert response.status_code == 429
    assert response["Retry-After"] == "1"
    assert "Vänta 1 minut " in error_summary(response)

    clock.advance(1)
    assert client.post(RESET, {"email": "person@example.se"}).status_code == 302


def stored_keys(store):
    """The keys a cache holds: the local-memory cache's, or Redis's (make test-postgres)."""
    if hasattr(store, "_cache") and isinstance(store._cache, dict):
        return list(store._cache)
    # One Redis holds both caches, each under its own key prefix.
    return [key.decode() for key in store._cache.get_client().keys(store.make_key("*"))]


def test_counters_are_kept_in_the_shared_default_cache(limits, db):
    limits.GUARD_RATE_LIMITS["password_reset"] = [("ip", 1, 3600)]
    client = visitor()
    client.post(RESET, {"email": "person@example.se"})
    keys = [key for key in stored_keys(caches["default"]) if "guard:" in key]
    assert keys
    assert not any("192.0.2.10" in key or "person" in key for key in keys)
    assert not [key for key in stored_keys(caches["pages"]) if "guard:" in key]
    assert client.post(RESET, {"email": "person@example.se"}).status_code == 429

    caches["default"].clear()
    assert client.post(RESET, {"email": "person@example.se"}).status_code == 302


def test_a_form_with_a_field_named_like_the_honeypot_must_rename_it():
    class OrganisationForm(guard.GuardedForm):
        homepage = forms.URLField()

    with pytest.raises(ImproperlyConfigured):
        OrganisationForm()

    class RenamedForm(OrganisationForm):
        honeypot_name = "fax"

    form = RenamedForm({"homepage": "https://example.se", "fax": "1"})
    assert not form.is_valid()
    assert form.non_field_errors() == [guard.HONEYPOT_MESSAGE]


def test_limits_are_read_from_the_settings(settings):
    settings.GUARD_RATE_LIMITS = {"default": [("ip", 7, 60)], "x": [("email", 1, 5)]}
    assert guard.rate_limits("x") == [guard.Limit("email", 1, 5)]
    assert guard.rate_limits("newsletter") == [guard.Limit("ip", 7, 60)]


# Failed sign-ins


def test_failed_sign_ins_lock_the_username(limits, circle_leader):
    client = visitor()
    for _ in range(2):
        response = sign_in(client, "cirkelledare", "fel")
        assert response.status_code == 200
        assert (
            "Användarnamnet eller lösenordet stämmer inte." in response.content.decode()
        )

    response = sign_in(client, "cirkelledare", "fel")  # the third failure locks
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    summary = error_summary(response)
    assert LOCKED_OUT in summary
    assert "försök igen om 15 minuter" in summary
    assert '<a href="/konto/glomt-losenord/">Glömt lösenordet?</a>' in summary
    assert 'value="cirkelledare"' in response.content.decode()

    # Now even the right password is refused, from any address, however the account
    # is named: in another case or by its e-mail address.
    for other, username in [
        (client, "cirkelledare"),
        (visitor("203.0.113.5"), "CirkelLedare"),
        (visitor("203.0.113.6"), "cirkelledare@EXAMPLE.se"),
    ]:
        response = sign_in(other, username, PASSWORD)
        assert response.status_code == 429
        assert LOCKED_OUT in error_summary(response)
        assert not signed_in(other)


def test_failures_by_e_mail_address_count_for_the_account(limits, circle_leader):
    client = visitor()
    sign_in(client, "cirkelledare", "fel")
    sign_in(client, "Cirkelledare@example.se", "fel")
    assert sign_in(client, "cirkelledare", "fel").status_code == 429


def test_a_locked_username_leaves_other_accounts_alone(
    limits, circle_leader, official_without_kommun
):
    client = visitor()
    for _ in range(3):
        sign_in(client, "cirkelledare", "fel")
    assert sign_in(client, "kommun", PASSWORD).status_code == 302


def test_failed_sign_ins_from_one_address_lock_the_address(limits, circle_leader):
    limits.GUARD_LOGIN_FAILURES = [("username", 100, 900), ("ip", 4, 900)]
    client = visitor()
    for number in range(3):
        assert sign_in(client, f"gissning{number}", "fel").status_code == 200
    assert sign_in(client, "gissning9", "fel").status_code == 429

    response = sign_in(client, "cirkelledare", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_OUT in error_summary(response)
    assert sign_in(visitor("192.0.2.77"), "cirkelledare", PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_the_username_failures(limits, circle_leader):
    client = visitor()
    for _ in range(2):
        sign_in(client, "cirkelledare", "fel")
    assert sign_in(client, "cirkelledare@example.se", PASSWORD).status_code == 302
    client.post("/konto/logga-ut/")

    for _ in range(2):
        assert sign_in(client, "cirkelledare", "fel").status_code == 200
    assert sign_in(client, "cirkelledare", PASSWORD).status_code == 302


def test_a_lock_ends_after_its_time(limits, clock, circle_leader):
    client = visitor()
    for _ in range(3):
        sign_in(client, "cirkelledare", "fel")
    clock.advance(899)
    response = sign_in(client, "cirkelledare", PASSWORD)
    assert response.status_code == 429
    assert "försök igen om 1 minut." in error_summary(response)

    clock.advance(1)
    assert sign_in(client, "cirkelledare", PASSWORD).status_code == 302


def test_a_new_password_from_the_reset_link_lifts_the_lock(limits, circle_leader):
    client = visitor()
    for _ in range(3):
        sign_in(client, "cirkelledare", "fel")
    client.post(RESET, {"email": "cirkelledare@example.se"})
    link = re.search(
        r"http://testserver(/konto/nytt-losenord/\S+)", mail.outbox[0].body
    ).group(1)
    form_url = client.get(link)["Location"]
    client.post(
        form_url,
        {"new_password1": "nytt-losenord-456", "new_password2": "nytt-losenord-456"},
    )
    assert sign_in(client, "cirkelledare", "nytt-losenord-456").status_code == 302


# The admin's sign-in and password reset


def test_the_admin_login_signs_editors_in(limits, editor):
    client = visitor()
    assert client.get(ADMIN_LOGIN).status_code == 200
    response = sign_in(client, "redaktor", PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_failed_admin_sign_ins_lock_the_username_in_swedish(limits, editor):
    client = visitor()
    for _ in range(2):
        assert sign_in(client, "redaktor", "fel", url=ADMIN_LOGIN).status_code == 200
    response = sign_in(client, "redaktor", "fel", url=ADMIN_LOGIN)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED_OUT in html
    assert '<a href="/admin/password_reset/">Glömt lösenordet?</a>' in html
    assert 'name="homepage"' not in html

    response = sign_in(client, "redaktor", PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert not signed_in(client)
    # One count for the site and the admin: the site's sign-in is locked too.
    assert sign_in(client, "redaktor", PASSWORD).status_code == 429


def test_the_admin_login_is_limited_per_ip_address(limits, editor):
    limits.GUARD_RATE_LIMITS["login"] = [("ip", 2, 600)]
    client = visitor()
    for number in range(2):
        sign_in(client, f"någon{number}", "fel", url=ADMIN_LOGIN)
    response = sign_in(client, "redaktor", PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert RATE_LIMITED in response.content.decode()
    assert not signed_in(client)


def test_the_admin_password_reset_is_limited_per_email_address(limits, editor):
    client = visitor()
    for _ in range(2):
        assert (
            client.post(ADMIN_RESET, {"email": "redaktor@example.se"}).status_code
            == 302
        )
    response = client.post(ADMIN_RESET, {"email": "redaktor@example.se"})
    assert response.status_code == 429
    assert RATE_LIMITED in response.content.decode()
    assert 'value="redaktor@example.se"' in response.content.decode()
    assert len(mail.outbox) == 2


# The client's address


@pytest.mark.parametrize(
    ("meta", "header", "expected"),
    [
        ({"REMOTE_ADDR": "192.0.2.1"}, "", "192.0.2.1"),
        ({"REMOTE_ADDR": "::ffff:192.0.2.1"}, "", "192.0.2.1"),
        ({"REMOTE_ADDR": "2001:db8:1:2:3:4:5:6"}, "", "2001:db8:1:2::/64"),
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "198.51.100.4"},
            "X-Real-IP",
            "198.51.100.4",
        ),
        (
            {
                "REMOTE_ADDR": "127.0.0.1",
                "HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.4",
            },
            "X-Forwarded-For",
            "198.51.100.4",
        ),
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "198.51.100.4"},
            "",
            "127.0.0.1",
        ),
        ({"REMOTE_ADDR": "127.0.0.1"}, "X-Real-IP", "127.0.0.1"),
    ],
)
def test_client_ip(settings, meta, header, expected):
    settings.GUARD_CLIENT_IP_HEADER = header
    request = RequestFactory().get("/", **meta)
    assert guard.client_ip(request) == expected


# The helpers for function views


class InterestForm(guard.GuardedForm):
    email = forms.EmailField()


def test_protect_refuses_a_form_over_its_limit(limits):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    for _ in range(2):
        form = InterestForm({"email": "a@example.se"})
        assert guard.protect(request, form, "circle_interest")
        assert form.is_valid()
        assert guard.mark_response(HttpResponse(), form).status_code == 200

    form = InterestForm({"email": "a@example.se"})
    assert not guard.protect(request, form, "circle_interest")
    assert not form.is_valid()
    assert form.non_field_errors()[0].startswith(RATE_LIMITED)
    assert form["email"].value() == "a@example.se"
    response = guard.mark_response(HttpResponse(), form)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"


def test_a_name_without_limits_of_its_own_gets_the_default_ones(limits):
    for number in range(4):
        form = InterestForm({"email": f"{number}@example.se"})
        request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
        assert guard.protect(request, form, "newsletter")
    assert not guard.protect(
        request, InterestForm({"email": "x@example.se"}), "newsletter"
    )


def test_counts_outlive_the_cache_default_timeout_on_the_file_cache(
    limits, settings, tmp_path
):
    # The file cache's incr stores the key again with the cache's default timeout.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "home.file_cache.FileCache",
            "LOCATION": str(tmp_path / "cache"),
            "TIMEOUT": 1,
        },
    }
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    for _ in range(2):
        assert guard.protect(request, InterestForm({"email": "a@example.se"}))
    time.sleep(1.2)
    assert not guard.protect(request, InterestForm({"email": "a@example.se"}))
