"""The register of personal data: every kind of data the site keeps about a person, in one place.

The register answers the kansli's three duties under the GDPR from one description per
kind: a person's copy of what is held about them (right of access, art. 15), erasing it
(art. 17) and removing what is past its period (`manage.py gallra`). The privacy page
(integritetspolicy) shows the same descriptions, so it cannot say something else than
the code does.

Every app that stores something about a person registers a kind from its own
`personal_data.py`, imported in its AppConfig.ready(); home never imports an app:

    from home import personal_data

    class Participants(personal_data.Kind):
        key = "circle_participants"               # stable: used in the log and the export
        label = _("Cirkeldeltagare")              # Swedish, shown to the kansli and on the page
        data = _("Namn och e-postadress för ...") # what is kept
        purpose = _("Att ...")                    # why
        legal_basis = personal_data.LEGITIMATE_INTEREST
        retention = _("Tas bort {days} dagar efter ...")  # {days}: the setting below
        retention_setting = "circle_participants" # key in PERSONAL_DATA_RETENTION_DAYS
        order = 40                                # place on the page and in the export

        def find(self, email): ...       # the records held about that address
        def describe(self, record): ...  # one line for the kansli's confirmation
        def export(self, record): ...    # a JSON-able dict for the person's copy
        def erase(self, email): ...      # erase or anonymise all of them; returns how many
        def expired(self, now): ...      # (optional) records past their period
        def remove_expired(self, records): ...  # (optional) returns how many

    personal_data.register(Participants())

The contract:
- `find`, `export` and `erase` match the address case-insensitively, and `erase` reaches
  every copy the app keeps: saved revisions (`scrub_revisions`), the search index
  (`reindex`) and files. It saves models one by one (no queryset update) where a public
  page may show them, so that the page cache hears of it.
- `erase` runs inside the one transaction of `erase()` below, kinds in the reverse of
  their order: the account (order 10) goes last, after what hangs on it.
- `refusal(email, user)` may return why `user` may not erase this (an account with more
  rights than theirs); then nothing is erased.
- A kind with a retention rule sets `retention_setting` and implements `expired`; `gallra`
  removes what it returns, and with --dry-run only counts it.
- Each kind has its own tests: export finds it, erasure removes it everywhere, gallra
  removes only what is past its period, the dry run removes nothing.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Legal bases (GDPR art. 6.1), worded once for every kind.
CONTRACT = _("Avtal (artikel 6.1 b i dataskyddsförordningen)")
LEGAL_OBLIGATION = _("Rättslig förpliktelse (artikel 6.1 c i dataskyddsförordningen)")
PUBLIC_INTEREST = _("Allmänt intresse (artikel 6.1 e i dataskyddsförordningen)")
LEGITIMATE_INTEREST = _("Berättigat intresse (artikel 6.1 f i dataskyddsförordningen)")


class Kind:
    """One kind of personal data: what, why, how long, and how to find, export and erase it."""

    key = ""
    label = ""
    data = ""
    purpose = ""
    legal_basis = ""
    retention = ""
    retention_setting = None
    order = 100

    def find(self, email):
        raise NotImplementedError

    def describe(self, record):
        return str(record)

    def export(self, record):
        raise NotImplementedError

    def erase(self, email):
        raise NotImplementedError

    def refusal(self, email, user):
        return None

    def expired(self, now):
        return []

    def remove_expired(self, records):
        """Delete the records `expired` returned; returns how many."""
        count = size(records)
        for record in records:
            record.delete()  # one by one, so that signals (the page cache) hear of it
        return count

    @property
    def has_retention_rule(self):
        return self.retention_setting is not None

    @property
    def retention_days(self):
        if self.retention_setting is None:
            return None
        return settings.PERSONAL_DATA_RETENTION_DAYS[self.retention_setting]

    def retention_text(self):
        return str(self.retention).format(days=self.retention_days)

    def cutoff(self, now):
        """The moment before which this kind's records are past their period."""
        return now - datetime.timedelta(days=self.retention_days)

    def __repr__(self):
        return f"<personal_data.Kind {self.key}>"


_kinds = {}


def register(kind):
    """Add a kind to the register (again: the newer one replaces it). Returns the kind."""
    if not kind.key:
        raise ValueError("A personal data kind needs a key.")
    _kinds[kind.key] = kind
    return kind


def kinds():
    """The registered kinds, in their order."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def normalise(email):
    return (email or "").strip()


@dataclass
class Holding:
    """What one kind holds about one address."""

    kind: Kind
    records: list

    @property
    def count(self):
        return len(self.records)


def holdings(email):
    """Every kind with what it holds about the address (also kinds that hold nothing)."""
    email = normalise(email)
    return [Holding(kind, list(kind.find(email))) for kind in kinds()]


def counts(found):
    """Kind key → number of records, for the kinds that hold something."""
    return {holding.kind.key: holding.count for holding in found if holding.count}


def refusals(email, user):
    """Why `user` may not erase what is held about the address (empty: they may)."""
    email = normalise(email)
    return [reason for kind in kinds() if (reason := kind.refusal(email, user))]


def export(email, now=None):
    """Everything held about the address, grouped by kind, as JSON-able data."""
    email = normalise(email)
    now = now or timezone.now()
    return {
        "epostadress": email,
        "uttaget": now.isoformat(),
        "webbplats": settings.WAGTAIL_SITE_NAME,
        "uppgifter": {
            holding.kind.key: {
                "slag": str(holding.kind.label),
                "uppgifter": str(holding.kind.data),
                "andamal": str(holding.kind.purpose),
                "rattslig_grund": str(holding.kind.legal_basis),
                "lagringstid": holding.kind.retention_text(),
                "poster": [holding.kind.export(record) for record in holding.records],
            }
            for holding in holdings(email)
        },
    }


def erase(email, performed_by):
    """Erase everything held about the address in one transaction, and log it.

    Returns the log entry, which says who, when, and how many records of which kinds;
    never the address or the data.
    """
    ErasureLog = apps.get_model("home", "ErasureLog")  # noqa: N806 - a model

    email = normalise(email)
    if not email:
        raise ValueError("No e-mail address to erase.")
    erased = {}
    with transaction.atomic():
        for kind in reversed(kinds()):
            count = kind.erase(email)
            if count:
                erased[kind.key] = count
        erased = {kind.key: erased[kind.key] for kind in kinds() if kind.key in erased}
        return ErasureLog.objects.create(
            reason=ErasureLog.Reason.REQUEST, performed_by=performed_by, counts=erased
        )


def gallra(now=None, dry_run=False):
    """Remove, kind by kind, what is past its period. Returns [(kind, count)].

    With dry_run, only counts what would be removed. What is removed is logged, as
    erasures are.
    """
    ErasureLog = apps.get_model("home", "ErasureLog")  # noqa: N806 - a model

    now = now or timezone.now()
    result = []
    with transaction.atomic():
        for kind in kinds():
            if not kind.has_retention_rule:
                continue
            records = kind.expired(now)
            count = size(records) if dry_run else kind.remove_expired(records)
            result.append((kind, count))
        removed = {kind.key: count for kind, count in result if count}
        if removed and not dry_run:
            ErasureLog.objects.create(
                reason=ErasureLog.Reason.RETENTION, counts=removed
            )
    return result


# Helpers for the kinds.


def size(records):
    """How many records a queryset or a list holds (one COUNT query for a queryset)."""
    return records.count() if isinstance(records, QuerySet) else len(records)


def contains_email(value, email):
    """Whether the address occurs in any string of a JSON-like value (case-insensitive)."""
    email = email.lower()
    if isinstance(value, str):
        return email in value.lower()
    if isinstance(value, dict):
        return any(contains_email(item, email) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_email(item, email) for item in value)
    return False


def revisions_of(model):
    """The saved revisions of every instance of a RevisionMixin model."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Revision

    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    )


def scrub_revisions(revisions, replacements):
    """Overwrite fields in saved revisions' content, e.g. {"contact_name": ""}.

    Returns how many revisions were changed. A revision keeps the rest of its content,
    so the history stays readable without the person in it.
    """
    count = 0
    for revision in revisions:
        content = dict(revision.content)
        changed = {
            field: value
            for field, value in replacements.items()
            if field in content and content[field] != value
        }
        if changed:
            content.update(changed)
            revision.content = content
            revision.save(update_fields=["content"])
            count += 1
    return count


def reindex(objects):
    """Update the search index for objects whose indexed fields were changed."""
    from wagtail.search import index

    for obj in objects:
        if isinstance(obj, index.Indexed):
            index.insert_or_update_object(obj)


def iso(value):
    """A date or time as ISO 8601 text for the export, or None."""
    return value.isoformat() if value else None


@checks.register()
def check_retention_settings(app_configs, **kwargs):
    """Every kind's retention rule has its period in PERSONAL_DATA_RETENTION_DAYS."""
    periods = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", {})
    return [
        checks.Error(
            f"PERSONAL_DATA_RETENTION_DAYS has no period {kind.retention_setting!r} "
            f"(for the personal data kind {kind.key!r}).",
            id="home.E001",
        )
        for kind in kinds()
        if kind.retention_setting is not None and kind.retention_setting not in periods
    ]
