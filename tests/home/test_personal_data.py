"""The register of personal data: the home app's kinds, the kansli's admin view, gallra, the page."""

import datetime
import io
import json

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home import personal_data
from home.models import ErasureLog
from tests.home.factories import ContentPageFactory, UserFactory
from tests.personal_data_support import holding, index_text

PERSON = "petra.person@example.se"
NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=400)

# --- Helpers: what the site holds, and the search index as text ---------------------


def kind(key):
    return next(k for k in personal_data.kinds() if k.key == key)


def mail_task(to, *, status=TaskResultStatus.SUCCESSFUL, finished=NOW, body=None):
    """A row of the database task queue as the password reset form leaves it."""
    return DBTaskResult.objects.create(
        task_path="home.tasks.send_email",
        backend_name="default",
        run_after=NOW,
        status=status,
        finished_at=finished if status != TaskResultStatus.READY else None,
        args_kwargs={
            "args": [
                "Nytt lösenord",
                body
                or "Välj ett nytt lösenord: https://example.se/konto/nytt-losenord/x/y/",
                [to],
                None,
                None,
            ],
            "kwargs": {},
        },
    )


@pytest.fixture
def person(db):
    user = UserFactory(
        username="petra",
        role="Cirkelledare",
        email=PERSON,
        first_name="Petra",
        last_name="Person",
    )
    user.last_login = NOW
    user.save(update_fields=["last_login"])
    return user


@pytest.fixture
def someone_else(db):
    return UserFactory(
        username="olle", role="Cirkelledare", email="olle.annan@example.se"
    )


# --- The register ---------------------------------------------------------------


def test_the_register_holds_every_kind_the_site_keeps_today():
    keys = {kind.key for kind in personal_data.kinds()}
    assert {
        "accounts",
        "sign_ins",
        "task_emails",
        "official_ties",
        "kommun_contacts",
    } <= keys


def test_every_kind_says_what_why_on_what_basis_and_how_long():
    for registered in personal_data.kinds():
        assert registered.label and registered.data and registered.purpose
        assert "artikel 6.1" in str(registered.legal_basis), registered.key
        assert "{days}" not in registered.retention_text(), registered.key


def test_a_rule_without_its_period_in_the_settings_is_a_system_error(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {"task_results": 30}
    errors = personal_data.check_retention_settings(None)
    assert {error.id for error in errors} == {"home.E001"}
    assert any("unused_accounts" in error.msg for error in errors)


# --- Accounts -------------------------------------------------------------------


def test_export_finds_the_account_whatever_the_case_of_the_address(person):
    data = personal_data.export(PERSON.upper())
    (account,) = data["uppgifter"]["accounts"]["poster"]
    assert account["anvandarnamn"] == "petra"
    assert account["fornamn"] == "Petra" and account["efternamn"] == "Person"
    assert account["roller"] == ["Cirkelledare"]
    assert account["senaste_inloggning"] == NOW.isoformat()
    json.dumps(data)  # one JSON file


def test_export_finds_nothing_of_someone_else(person, someone_else):
    data = personal_data.export("olle.annan@example.se")
    (account,) = data["uppgifter"]["accounts"]["poster"]
    assert account["anvandarnamn"] == "olle"
    assert PERSON not in json.dumps(data)


def test_erasure_deletes_the_account_but_not_the_pages_it_wrote(
    person, someone_else, home_page
):
    page = ContentPageFactory(parent=home_page, owner=person)
    revision = page.save_revision(user=person)
    personal_data.erase(PERSON, performed_by=someone_else)
    assert not get_user_model().objects.filter(email__iexact=PERSON).exists()
    assert get_user_model().objects.filter(pk=someone_else.pk).exists()
    page = Page.objects.get(pk=page.pk)  # the page is there, unsigned
    assert page.owner is None
    revision.refresh_from_db()
    assert revision.user is None
    assert "petra person" not in index_text() and PERSON not in index_text()


def test_gallra_removes_only_accounts_never_signed_in_past_the_invitation(db, person):
    days = kind("accounts").retention_days
    past = NOW - datetime.timedelta(days=days + 1)
    within = NOW - datetime.timedelta(days=days - 1)
    never_came = UserFactory(username="kom-aldrig", date_joined=past)
    just_invited = UserFactory(username="nyss-inbjuden", date_joined=within)
    admin = UserFactory(
        username="admin-utan-inloggning", is_superuser=True, date_joined=past
    )
    person.date_joined = past
    person.save()  # old, but has signed in
    personal_data.gallra()
    remaining = set(get_user_model().objects.values_list("username", flat=True))
    assert never_came.username not in remaining
    assert {just_invited.username, admin.username, person.username} <= remaining


def test_the_dry_run_reports_per_kind_and_removes_nothing(db):
    days = kind("accounts").retention_days
    UserFactory(
        username="kom-aldrig", date_joined=NOW - datetime.timedelta(days=days + 1)
    )
    mail_task(PERSON, finished=LONG_AGO)
    users, tasks = get_user_model().objects.count(), DBTaskResult.objects.count()
    out = io.StringIO()
    call_command("gallra", "--dry-run", stdout=out)
    output = out.getvalue()
    assert "Användarkonton (lagringstid 90 dagar): 1 skulle tas bort" in output
    assert "E-post från webbplatsen (lagringstid 30 dagar): 1 skulle tas bort" in output
    assert get_user_model().objects.count() == users
    assert DBTaskResult.objects.count() == tasks
    assert not ErasureLog.objects.exists()


def test_gallra_says_what_it_removed_and_logs_the_counts(db):
    days = kind("accounts").retention_days
    UserFactory(
        username="kom-aldrig", date_joined=NOW - datetime.timedelta(days=days + 1)
    )
    out = io.StringIO()
    call_command("gallra", stdout=out)
    assert "Användarkonton (lagringstid 90 dagar): 1 borttagna" in out.getvalue()
    entry = ErasureLog.objects.get()
    assert entry.reason == ErasureLog.Reason.RETENTION
    assert entry.counts == {"accounts": 1}
    assert entry.performed_by is None


def test_the_periods_are_settings(settings, db):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        **settings.PERSONAL_DATA_RETENTION_DAYS,
        "unused_accounts": 5,
    }
    UserFactory(username="kom-aldrig", date_joined=NOW - datetime.timedelta(days=6))
    assert [user.username for user in kind("accounts").expired(NOW)] == ["kom-aldrig"]


# --- Sign-ins -------------------------------------------------------------------


def test_export_finds_the_persons_sign_ins(person, someone_else):
    for user in (person, someone_else, person):  # three browsers
        Client().force_login(user)
    found = holding(PERSON, "sign_ins")
    assert found.count == 2
    exported = personal_data.export(PERSON)["uppgifter"]["sign_ins"]["poster"]
    assert all("giltig_till" in item for item in exported)


def test_erasure_signs_the_person_out_everywhere(client, person, someone_else):
    client.force_login(person)
    assert client.get(reverse("account")).status_code == 200
    personal_data.erase(PERSON, performed_by=someone_else)
    assert holding(PERSON, "sign_ins").count == 0
    assert client.get(reverse("account")).status_code == 302  # to the login page


def test_gallra_removes_expired_sign_ins_only(client, person):
    client.force_login(person)
    Session.objects.create(
        session_key="utgangen",
        session_data="x",
        expire_date=NOW - datetime.timedelta(1),
    )
    personal_data.gallra()
    assert not Session.objects.filter(session_key="utgangen").exists()
    assert holding(PERSON, "sign_ins").count == 1


# --- E-mail in background tasks ----------------------------------------------------


def test_a_queued_password_reset_mail_is_found_and_exported_without_its_link(
    client, settings, person
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post(reverse("password_reset"), {"email": PERSON})
    assert response.status_code == 302
    found = holding(PERSON, "task_emails")
    assert found.count == 1 and found.records[0].status == TaskResultStatus.READY
    (exported,) = personal_data.export(PERSON)["uppgifter"]["task_emails"]["poster"]
    args = exported["innehall"]["args"]
    assert args[2] == [PERSON]
    assert "petra" in args[1]  # the user name in the mail
    assert "/konto/nytt-losenord/" not in json.dumps(exported)
    assert "[länk utelämnad]" in args[1]


def test_a_non_ascii_address_is_found_in_the_queue(person):
    mail_task("åsa.öberg@example.se")
    assert holding("ÅSA.öberg@example.se", "task_emails").count == 1


def test_erasure_deletes_the_mails_to_the_address_only(person, someone_else):
    mine = [mail_task(PERSON), mail_task(PERSON, status=TaskResultStatus.READY)]
    theirs = mail_task("olle.annan@example.se")
    entry = personal_data.erase(PERSON, performed_by=someone_else)
    assert entry.counts["task_emails"] == 2
    assert not DBTaskResult.objects.filter(pk__in=[task.pk for task in mine]).exists()
    assert DBTaskResult.objects.filter(pk=theirs.pk).exists()


def test_a_mail_being_sent_holds_the_erasure_back(person, someone_else):
    mail_task(PERSON, status=TaskResultStatus.RUNNING)
    assert personal_data.refusals(PERSON, someone_else)


def test_gallra_removes_finished_tasks_past_their_period_only(db):
    days = kind("task_emails").retention_days
    old = mail_task(PERSON, finished=NOW - datetime.timedelta(days=days + 1))
    failed = mail_task(
        PERSON,
        status=TaskResultStatus.FAILED,
        finished=NOW - datetime.timedelta(days=days + 1),
    )
    recent = mail_task(PERSON, finished=NOW - datetime.timedelta(days=days - 1))
    queued = mail_task(PERSON, status=TaskResultStatus.READY)
    call_command("gallra", stdout=io.StringIO())
    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert old.pk not in remaining and failed.pk not in remaining
    assert {recent.pk, queued.pk} <= remaining


# --- Erasure as a whole ---------------------------------------------------------------


def test_erasure_is_logged_without_the_address_or_the_data(person, someone_else):
    mail_task(PERSON)
    entry = personal_data.erase(PERSON, performed_by=someone_else)
    assert entry.performed_by == someone_else
    assert entry.reason == ErasureLog.Reason.REQUEST
    assert entry.counts == {"accounts": 1, "task_emails": 1}
    stored = json.dumps(list(ErasureLog.objects.values()), default=str)
    assert "petra" not in stored.lower()


class FailingKind(personal_data.Kind):
    key = "failing"
    label = "Fel"
    order = 1  # erased after the account

    def find(self, email):
        return []

    def erase(self, email):
        raise RuntimeError("disk full")


def test_erasure_is_one_transaction(monkeypatch, person, someone_else):
    monkeypatch.setitem(personal_data._kinds, "failing", FailingKind())
    mail_task(PERSON)
    with pytest.raises(RuntimeError):
        personal_data.erase(PERSON, performed_by=someone_else)
    assert get_user_model().objects.filter(pk=person.pk).exists()
    assert holding(PERSON, "task_emails").count == 1
    assert not ErasureLog.objects.exists()


# --- The kansli's admin view ------------------------------------------------------------

INDEX = reverse("personal_data:index")
EXPORT = reverse("personal_data:export")
ERASE = reverse("personal_data:erase")


@pytest.mark.parametrize("role", ["kansli_user", "editor", "superuser"])
def test_the_kansli_and_editors_reach_the_view_from_the_settings_menu(
    client, request, role
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(INDEX).status_code == 200
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    "role", ["anonymous", "circle_leader", "official_without_kommun"]
)
@pytest.mark.parametrize("method", ["get_index", "look_up", "export", "erase"])
def test_others_cannot_reach_the_view(client, request, person, role, method):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    data = {"email": PERSON, "confirmed": "1", "expected": ""}
    response = {
        "get_index": lambda: client.get(INDEX),
        "look_up": lambda: client.post(INDEX, data),
        "export": lambda: client.post(EXPORT, data),
        "erase": lambda: client.post(ERASE, data),
    }[method]()
    assert response.status_code in (302, 403)
    assert PERSON not in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_the_kansli_sees_what_is_held_per_kind(client, kansli_user, person):
    mail_task(PERSON)
    client.force_login(kansli_user)
    html = client.post(INDEX, {"email": PERSON}).content.decode()
    assert "Användarkonton" in html and "E-post från webbplatsen" in html
    assert "Petra Person (petra), Cirkelledare" in html
    assert "Ladda ner (JSON)" in html and "Radera" in html


def test_an_address_nobody_has_is_said_so(client, kansli_user):
    client.force_login(kansli_user)
    html = client.post(INDEX, {"email": "ingen@example.se"}).content.decode()
    assert "inga uppgifter om den adressen" in html


def test_a_wrong_address_is_explained_in_swedish(client, kansli_user):
    client.force_login(kansli_user)
    html = client.post(INDEX, {"email": "inte en adress"}).content.decode()
    assert "Skriv en giltig e-postadress" in html


def test_the_download_is_one_json_file_grouped_by_kind(client, kansli_user, person):
    client.force_login(kansli_user)
    response = client.post(EXPORT, {"email": PERSON})
    assert response["Content-Type"] == "application/json"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="personuppgifter-')
    assert "petra" not in disposition
    data = json.loads(response.content)
    assert data["epostadress"] == PERSON
    assert list(data["uppgifter"]) == [kind.key for kind in personal_data.kinds()]
    assert data["uppgifter"]["accounts"]["poster"][0]["anvandarnamn"] == "petra"


def test_erasure_first_lists_what_will_go_and_erases_nothing(
    client, kansli_user, person
):
    mail_task(PERSON)
    client.force_login(kansli_user)
    response = client.post(ERASE, {"email": PERSON})
    html = response.content.decode()
    assert "Ja, radera allt" in html
    assert "Petra Person (petra)" in html and "send_email" in html
    assert get_user_model().objects.filter(pk=person.pk).exists()


def confirm(client, email):
    """Ask for the erasure, then confirm it as the kansli would, with what they saw."""
    page = client.post(ERASE, {"email": email})
    form = page.context["form"]
    return client.post(
        ERASE,
        {"email": email, "expected": form.initial["expected"], "confirmed": "1"},
    )


def test_the_confirmed_erasure_removes_everything_logs_it_and_redirects(
    client, kansli_user, person
):
    mail_task(PERSON)
    client.force_login(kansli_user)
    response = confirm(client, PERSON)
    assert response.status_code == 302 and response["Location"] == INDEX
    assert all(found.count == 0 for found in personal_data.holdings(PERSON))
    entry = ErasureLog.objects.get()
    assert entry.performed_by == kansli_user
    assert entry.counts == {"accounts": 1, "task_emails": 1}
    html = client.get(INDEX).content.decode()
    assert "Uppgifterna är raderade: 2 poster" in html
    assert "Användarkonton: 1" in html  # the log, on the page
    assert PERSON not in html


def test_nothing_is_erased_if_more_turned_up_since_the_confirmation(
    client, kansli_user, person
):
    client.force_login(kansli_user)
    page = client.post(ERASE, {"email": PERSON})
    mail_task(PERSON)  # meanwhile
    response = client.post(
        ERASE,
        {
            "email": PERSON,
            "expected": page.context["form"].initial["expected"],
            "confirmed": "1",
        },
    )
    assert "har ändrats sedan du öppnade sidan" in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_the_kansli_cannot_erase_an_editors_account(client, kansli_user, editor):
    client.force_login(kansli_user)
    response = confirm(client, editor.email)
    assert "Bara en administratör kan radera det" in response.content.decode()
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def test_an_administrator_can_erase_an_editors_account(client, superuser, editor):
    client.force_login(superuser)
    assert confirm(client, editor.email).status_code == 302
    assert not get_user_model().objects.filter(pk=editor.pk).exists()


def test_nobody_erases_their_own_account_from_here(client, kansli_user):
    client.force_login(kansli_user)
    response = confirm(client, kansli_user.email)
    assert "ditt eget konto" in response.content.decode()
    assert get_user_model().objects.filter(pk=kansli_user.pk).exists()


def test_the_address_is_never_in_a_url(client, kansli_user, person):
    client.force_login(kansli_user)
    html = client.post(INDEX, {"email": PERSON}).content.decode()
    assert "?email=" not in html and "epost=" not in html
    assert client.get(EXPORT).status_code == 405
    assert client.get(ERASE).status_code == 405


# --- The privacy page -------------------------------------------------------------------


def test_the_demo_privacy_page_shows_the_register(client, demo_content):
    response = client.get("/integritetspolicy/")
    html = response.content.decode()
    assert response.status_code == 200
    for registered in personal_data.kinds():
        assert str(registered.label) in html
        assert str(registered.purpose) in html
        assert str(registered.legal_basis) in html
        assert registered.retention_text() in html


def test_the_privacy_page_follows_the_settings(client, demo_content, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        **settings.PERSONAL_DATA_RETENTION_DAYS,
        "task_results": 14,
    }
    html = client.get("/integritetspolicy/").content.decode()
    assert "Tas bort 14 dagar efter att e-posten har skickats" in html


def test_every_page_links_to_the_privacy_policy_in_the_footer(client, demo_content):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/integritetspolicy/">Integritetspolicy</a>' in footer


def test_the_password_reset_form_links_to_the_privacy_policy(client, demo_content):
    html = client.get(reverse("password_reset")).content.decode()
    start = html.index('<form method="post"')
    form = html[start : html.index("</form>", start)]
    assert 'href="/integritetspolicy/"' in form


def test_the_register_block_has_an_editor_description_and_template():
    from home.blocks import ContentBodyBlock

    block = ContentBodyBlock().child_blocks["personal_data_register"]
    assert block.meta.description and block.meta.template and block.meta.icon
    assert "get_preview_value" in type(block).__dict__


def test_a_second_demo_load_adds_no_second_privacy_page(demo_content):
    call_command("load_demo_content", stdout=io.StringIO())
    assert Page.objects.filter(slug="integritetspolicy").count() == 1
