"""The personal data the kommuner app keeps: officials' ties to kommuner, and contact persons.

Registered in the site's register (home.personal_data) when the app is ready.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home import personal_data
from home.personal_data import iso

from .models import Municipality, PolicyRecord

CONTACT_FIELDS = ["contact_name", "contact_title", "contact_email", "contact_phone"]
NO_CONTACT = dict.fromkeys(CONTACT_FIELDS, "")


class OfficialTies(personal_data.Kind):
    key = "official_ties"
    label = gettext_lazy("Kommunhandläggare")
    data = gettext_lazy("Vilka kommuner ditt konto får hålla uppgifterna aktuella för.")
    purpose = gettext_lazy(
        "Att du ska kunna hålla din kommuns uppgifter och organisationsregister "
        "aktuella under Min kommun, och ingen annans."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Så länge du är kommunhandläggare: kopplingen tas bort när kansliet tar bort "
        "den eller när kontot tas bort."
    )
    order = 30

    def find(self, email):
        return list(
            Municipality.officials.through.objects.filter(user__email__iexact=email)
            .select_related("municipality", "user")
            .order_by("municipality__name", "user_id")
        )

    def describe(self, tie):
        return _("%(kommun)s (kontot %(username)s)") % {
            "kommun": tie.municipality.name,
            "username": tie.user.get_username(),
        }

    def export(self, tie):
        return {
            "kommun": tie.municipality.name,
            "kommunkod": tie.municipality.code,
            "konto": tie.user.get_username(),
        }

    def erase(self, email):
        ties = self.find(email)
        for tie in ties:
            # Through the relation, so that m2m_changed is sent (the page cache).
            tie.municipality.officials.remove(tie.user)
        return len(ties)


def _revision_when(revision):
    return date_format(timezone.localtime(revision.created_at), "j F Y H:i")


class Contacts(personal_data.Kind):
    key = "kommun_contacts"
    label = gettext_lazy("Kontaktpersoner i kommuner och regioner")
    data = gettext_lazy(
        "Namn, titel, e-postadress och telefonnummer till kontaktpersonen i en kommuns "
        "eller regions uppgifter, också i tidigare sparade versioner av uppgifterna."
    )
    purpose = gettext_lazy(
        "Att idéburna organisationer och andra ska veta vem de kan vända sig till om "
        "Överenskommelsen i kommunen eller regionen. Uppgifterna visas öppet på "
        "kommunens eller regionens sida."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Tills kommunen eller regionen anger en annan kontaktperson. I tidigare "
        "versioner av uppgifterna tas kontaktpersonen bort efter {days} dagar."
    )
    retention_setting = "contact_history"
    order = 40

    def find(self, email):
        records = list(
            PolicyRecord.objects.filter(contact_email__iexact=email)
            .select_related("municipality", "county")
            .order_by("pk")
        )
        revisions = list(
            personal_data.revisions_of(PolicyRecord)
            .filter(content__contact_email__iexact=email)
            .order_by("object_id", "created_at")
        )
        return records + revisions

    def describe(self, record):
        if isinstance(record, PolicyRecord):
            return _("%(record)s: %(name)s (nuvarande uppgifter)") % {
                "record": record,
                "name": record.contact_name or record.contact_email,
            }
        content = record.content
        return _("%(record)s: %(name)s (version sparad %(when)s)") % {
            "record": record.object_str,
            "name": content.get("contact_name") or content.get("contact_email"),
            "when": _revision_when(record),
        }

    def export(self, record):
        if isinstance(record, PolicyRecord):
            values, where = (
                {field: getattr(record, field) for field in CONTACT_FIELDS},
                {"kommun_eller_region": str(record), "version": "nuvarande"},
            )
            where["senast_andrad"] = iso(record.updated_at)
        else:
            values = {field: record.content.get(field, "") for field in CONTACT_FIELDS}
            where = {
                "kommun_eller_region": record.object_str,
                "version": "tidigare",
                "sparad": iso(record.created_at),
            }
        return {
            **where,
            "kontaktperson": values["contact_name"],
            "titel": values["contact_title"],
            "epostadress": values["contact_email"],
            "telefon": values["contact_phone"],
        }

    def erase(self, email):
        count = 0
        records = [
            record for record in self.find(email) if isinstance(record, PolicyRecord)
        ]
        for record in records:
            for field, value in NO_CONTACT.items():
                setattr(record, field, value)
            # save(), not update(): the kommun's public page shows the contact.
            record.save(update_fields=[*CONTACT_FIELDS, "updated_at"])
            count += 1
        personal_data.reindex(records)
        count += personal_data.scrub_revisions(
            personal_data.revisions_of(PolicyRecord).filter(
                content__contact_email__iexact=email
            ),
            NO_CONTACT,
        )
        return count

    def expired(self, now):
        # The latest revision of a record is what the record says now: it stays.
        current = PolicyRecord.objects.filter(latest_revision__isnull=False).values(
            "latest_revision_id"
        )
        old = (
            personal_data.revisions_of(PolicyRecord)
            .filter(created_at__lt=self.cutoff(now))
            .exclude(pk__in=current)
            .order_by("created_at")
        )
        return [
            revision
            for revision in old
            if any(revision.content.get(field) for field in CONTACT_FIELDS)
        ]

    def remove_expired(self, records):
        return personal_data.scrub_revisions(records, NO_CONTACT)


def register():
    for kind in (OfficialTies(), Contacts()):
        personal_data.register(kind)
