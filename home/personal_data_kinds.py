"""The personal data the home app keeps: accounts, sign-ins and e-mail in background tasks.

Registered in the register (home.personal_data) when the app is ready.
"""

import re
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page, Revision

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import personal_data
from .personal_data import iso

LINK = re.compile(r"https?://[^\s\"'<>]+")


def _when(value):
    return date_format(timezone.localtime(value), "j F Y") if value else _("aldrig")


def delete_account(user):
    """Delete an account and its profile picture; what the account wrote stays, unsigned.

    Wagtail keeps pages, revisions and log entries of a deleted account (their user is
    set to none, or shown as a deleted user); comments and notifications go with it.
    """
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
    user.delete()


class Accounts(personal_data.Kind):
    key = "accounts"
    label = gettext_lazy("Användarkonton")
    data = gettext_lazy(
        "Användarnamn, namn, e-postadress och roll; när kontot skapades och senast "
        "loggade in; inställningar i redigeringsverktyget; vem som har sparat sidor "
        "och versioner."
    )
    purpose = gettext_lazy(
        "Att du ska kunna logga in och arbeta på webbplatsen i din roll: som redaktör, "
        "på kansliet, som cirkelledare eller som kommunhandläggare."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Så länge kontot används. Ett konto som aldrig har loggat in tas bort {days} "
        "dagar efter att det skapades. När ett konto tas bort finns sidor och "
        "versioner kvar, utan namn."
    )
    retention_setting = "unused_accounts"
    order = 10

    def find(self, email):
        return list(
            get_user_model()
            .objects.filter(email__iexact=email)
            .prefetch_related("groups")
            .order_by("pk")
        )

    def describe(self, user):
        name = user.get_full_name() or user.get_username()
        roles = ", ".join(group.name for group in user.groups.all())
        if user.is_superuser:
            roles = ", ".join(filter(None, [_("administratör"), roles]))
        return _("%(name)s (%(username)s), %(roles)s, senast inloggad %(when)s") % {
            "name": name,
            "username": user.get_username(),
            "roles": roles or _("ingen roll"),
            "when": _when(user.last_login),
        }

    def export(self, user):
        profile = getattr(user, "wagtail_userprofile", None)
        return {
            "anvandarnamn": user.get_username(),
            "fornamn": user.first_name,
            "efternamn": user.last_name,
            "epostadress": user.email,
            "roller": [group.name for group in user.groups.all()],
            "administrator": user.is_superuser,
            "aktivt": user.is_active,
            "kontot_skapades": iso(user.date_joined),
            "senaste_inloggning": iso(user.last_login),
            "installningar": {
                "sprak": profile.preferred_language,
                "tidszon": profile.current_time_zone,
                "profilbild": bool(profile.avatar),
            }
            if profile
            else None,
            "sidor_du_star_som_agare_till": list(
                Page.objects.filter(owner=user)
                .order_by("path")
                .values_list("title", flat=True)
            ),
            "versioner_du_har_sparat": Revision.objects.filter(user=user).count(),
        }

    def refusal(self, email, user):
        for account in self.find(email):
            if account.pk == user.pk:
                return _(
                    "Adressen hör till ditt eget konto. Be en kollega att radera det."
                )
            if not user.is_superuser and (
                account.is_superuser or account.has_perm("wagtailadmin.access_admin")
            ):
                return _(
                    "Kontot %(username)s får använda redigeringsverktyget. Bara en "
                    "administratör kan radera det."
                ) % {"username": account.get_username()}
        return None

    def erase(self, email):
        accounts = self.find(email)
        for account in accounts:
            delete_account(account)
        return len(accounts)

    def expired(self, now):
        # Never an administrator's account: that could leave the site without one.
        return list(
            get_user_model().objects.filter(
                last_login__isnull=True,
                date_joined__lt=self.cutoff(now),
                is_superuser=False,
            )
        )

    def remove_expired(self, records):
        for account in records:
            delete_account(account)
        return len(records)


def session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


class SignIns(personal_data.Kind):
    key = "sign_ins"
    label = gettext_lazy("Inloggningar")
    data = gettext_lazy(
        "En slumpad nyckel i en kaka (cookie) i din webbläsare och, på webbplatsen, "
        "vilket konto som är inloggat och när inloggningen går ut."
    )
    purpose = gettext_lazy(
        "Att du ska vara inloggad från sida till sida, och att formulären ska vara "
        "skyddade mot förfalskade anrop."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "En inloggning gäller i högst {days} dagar eller tills du loggar ut, och tas "
        "sedan bort."
    )
    order = 20
    has_retention_rule = True

    @property
    def retention_days(self):
        return settings.SESSION_COOKIE_AGE // (24 * 60 * 60)

    def find(self, email):
        account_ids = {
            str(pk)
            for pk in get_user_model()
            .objects.filter(email__iexact=email)
            .values_list("pk", flat=True)
        }
        if not account_ids:
            return []
        # Sessions are signed blobs: read each one that has not yet expired.
        return [
            session
            for session in Session.objects.filter(
                expire_date__gt=timezone.now()
            ).order_by("expire_date")
            if session.get_decoded().get("_auth_user_id") in account_ids
        ]

    def describe(self, session):
        return _("Inloggning som gäller till %(when)s") % {
            "when": _when(session.expire_date)
        }

    def export(self, session):
        return {"giltig_till": iso(session.expire_date)}

    def erase(self, email):
        sessions = self.find(email)
        store = session_store()
        for session in sessions:
            store(session_key=session.session_key).delete()  # and from the cache
        return len(sessions)

    def expired(self, now):
        return Session.objects.filter(expire_date__lt=now)

    def remove_expired(self, records):
        count = records.count()
        records.delete()
        return count


def redact_links(value):
    """The value with every web address left out: a mail may hold a sign-in link."""
    if isinstance(value, str):
        return LINK.sub(_("[länk utelämnad]"), value)
    if isinstance(value, dict):
        return {key: redact_links(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_links(item) for item in value]
    return value


def ascii_fragment(email):
    """The longest ASCII part of an address (at least three characters), or ""."""
    if email.isascii():
        return email
    runs = re.findall(r"[\x00-\x7f]{3,}", email)
    return max(runs, key=len) if runs else ""


TASK_STATUSES = {
    TaskResultStatus.READY: gettext_lazy("väntar i kön"),
    TaskResultStatus.RUNNING: gettext_lazy("skickas just nu"),
    TaskResultStatus.SUCCESSFUL: gettext_lazy("klar"),
    TaskResultStatus.FAILED: gettext_lazy("misslyckades"),
}


class TaskEmails(personal_data.Kind):
    key = "task_emails"
    label = gettext_lazy("E-post från webbplatsen")
    data = gettext_lazy(
        "Mottagarens e-postadress och innehållet i e-post som webbplatsen skickar, "
        "till exempel en länk för att välja ett nytt lösenord, medan den väntar på att "
        "skickas och en tid efteråt."
    )
    purpose = gettext_lazy(
        "Att skicka e-posten utan att du behöver vänta på den, och att kunna se att "
        "den har skickats om något har gått fel."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Tas bort {days} dagar efter att e-posten har skickats eller inte kunde skickas."
    )
    retention_setting = "task_results"
    order = 90

    def find(self, email):
        # A first cut in the database, on the JSON as text, then each candidate checked
        # for the address itself (case-insensitively, which SQLite's LIKE is not beyond
        # ASCII, and where SQLite's JSON may hold non-ASCII characters escaped).
        candidates = DBTaskResult.objects.order_by("enqueued_at")
        fragment = ascii_fragment(email)
        if fragment:
            candidates = candidates.annotate(
                arguments=Cast("args_kwargs", TextField()),
                returned=Cast("return_value", TextField()),
            ).filter(
                Q(arguments__icontains=fragment)
                | Q(returned__icontains=fragment)
                | Q(traceback__icontains=fragment)
            )
        return [
            result
            for result in candidates
            if personal_data.contains_email(
                [result.args_kwargs, result.return_value, result.traceback], email
            )
        ]

    def describe(self, result):
        return _("%(task)s, %(status)s, lagd i kön %(when)s") % {
            "task": result.task_path.rsplit(".", 1)[-1],
            "status": TASK_STATUSES.get(result.status, result.status),
            "when": _when(result.enqueued_at),
        }

    def export(self, result):
        return {
            "jobb": result.task_path,
            "status": result.status,
            "lagt_i_kon": iso(result.enqueued_at),
            "klart": iso(result.finished_at),
            # Links are left out: a password reset link would let whoever holds the
            # file into the account.
            "innehall": redact_links(result.args_kwargs),
        }

    def refusal(self, email, user):
        if any(
            result.status == TaskResultStatus.RUNNING for result in self.find(email)
        ):
            # Its worker would fail to record the result of a row deleted under it.
            return _(
                "E-post till adressen skickas just nu. Försök igen om en liten stund."
            )
        return None

    def erase(self, email):
        results = self.find(email)
        DBTaskResult.objects.filter(pk__in=[result.pk for result in results]).delete()
        return len(results)

    def expired(self, now):
        return DBTaskResult.objects.finished().filter(finished_at__lt=self.cutoff(now))

    def remove_expired(self, records):
        count = records.count()
        records.delete()
        return count


def register():
    for kind in (Accounts(), SignIns(), TaskEmails()):
        personal_data.register(kind)
