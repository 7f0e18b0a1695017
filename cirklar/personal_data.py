"""The personal data the cirklar app keeps: participants, interest requests, leader profiles.

Registered in the site's register (home.personal_data) when the app is ready. The
leader's account itself is home's kind ("accounts"); here is what cirklar adds to it.

- Participants are found by their e-mail address. Erasing one who has attendance
  anonymises them (the circle's counts and study hours must stay right for the
  studieförbund's report); one without attendance is deleted. An archived circle's
  participants are anonymised by `gallra` once the circle has been finished for
  PERSONAL_DATA_RETENTION_DAYS["circle_participants"] days.
- Interest requests are deleted after PERSONAL_DATA_RETENTION_DAYS["interest_requests"].
- A sign-up never confirmed is removed, account and all, after
  PERSONAL_DATA_RETENTION_DAYS["unconfirmed_leaders"] days, unless the account leads a
  circle or has any role.
"""

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home import personal_data
from home.personal_data import iso
from home.personal_data_kinds import delete_account

from .models import CircleStatus, InterestRequest, LeaderProfile, Participant

ANONYMOUS_NAME = gettext_lazy("Avidentifierad deltagare")


def anonymise(participant, now=None):
    """Keep the row and its attendance (the counts), without the person in it."""
    participant.name = str(ANONYMOUS_NAME)
    participant.email = ""
    participant.phone = ""
    participant.birth_year = None
    participant.anonymised_at = now or timezone.now()
    participant.save(
        update_fields=["name", "email", "phone", "birth_year", "anonymised_at"]
    )


def with_attendance(participants):
    return participants.annotate(
        present_count=Count("attendance", filter=Q(attendance__present=True)),
        attendance_count=Count("attendance"),
    )


class CircleParticipants(personal_data.Kind):
    key = "circle_participants"
    label = gettext_lazy("Deltagare i studiecirklar")
    data = gettext_lazy(
        "Namn, och om du har lämnat dem e-postadress, telefonnummer, organisation och "
        "födelseår; vilken cirkel du deltar i och vilka träffar du har varit på."
    )
    purpose = gettext_lazy(
        "Att cirkelledaren ska kunna föra närvaro och att studieförbundet ska kunna "
        "redovisa cirkeln till Folkbildningsrådet. Födelseåret behövs bara för regeln "
        "om deltagarnas ålder."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Så länge cirkeln pågår och tills den har arkiverats. {days} dagar efter att "
        "cirkeln avslutades avidentifieras deltagarna i en arkiverad cirkel: namn, "
        "e-post, telefon och födelseår tas bort, men antalet deltagare och närvaron "
        "finns kvar för studieförbundets redovisning."
    )
    retention_setting = "circle_participants"
    order = 60

    def find(self, email):
        return list(
            with_attendance(
                Participant.objects.filter(email__iexact=email).select_related(
                    "circle", "organisation"
                )
            ).order_by("circle__name", "pk")
        )

    def describe(self, participant):
        return _("%(name)s i %(circle)s, närvarande %(count)d gånger") % {
            "name": participant.name,
            "circle": participant.circle.name,
            "count": participant.present_count,
        }

    def export(self, participant):
        return {
            "namn": participant.name,
            "epostadress": participant.email,
            "telefon": participant.phone,
            "organisation": participant.organisation_label,
            "fodelsear": participant.birth_year,
            "cirkel": participant.circle.name,
            "studieforbund": str(participant.circle.association),
            "narvarande_antal_traffar": participant.present_count,
            "tillagd": iso(participant.created_at),
        }

    def erase(self, email):
        participants = self.find(email)
        for participant in participants:
            if participant.attendance_count:
                anonymise(participant)
            else:
                participant.delete()
        return len(participants)

    def expired(self, now):
        return list(
            Participant.objects.annotate(
                finished=Coalesce("circle__finished_at", "circle__updated_at")
            ).filter(
                circle__status=CircleStatus.ARCHIVED,
                anonymised_at__isnull=True,
                finished__lt=self.cutoff(now),
            )
        )

    def remove_expired(self, records):
        now = timezone.now()
        for participant in records:
            anonymise(participant, now)
        return len(records)


class InterestRequests(personal_data.Kind):
    key = "interest_requests"
    label = gettext_lazy("Intresseanmälningar till studiecirklar")
    data = gettext_lazy(
        "Namn, e-postadress och meddelande, och vilken cirkel det gällde."
    )
    purpose = gettext_lazy(
        "Att cirkelledaren ska kunna svara dig och lägga till dig som deltagare."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy("Tas bort {days} dagar efter att anmälan skickades.")
    retention_setting = "interest_requests"
    order = 70

    def find(self, email):
        return list(
            InterestRequest.objects.filter(email__iexact=email)
            .select_related("circle")
            .order_by("created_at", "pk")
        )

    def describe(self, request):
        return _("%(name)s till %(circle)s") % {
            "name": request.name,
            "circle": request.circle.name,
        }

    def export(self, request):
        return {
            "namn": request.name,
            "epostadress": request.email,
            "meddelande": request.message,
            "cirkel": request.circle.name,
            "skickad": iso(request.created_at),
            "hanterad": iso(request.handled_at),
        }

    def erase(self, email):
        requests = self.find(email)
        for request in requests:
            request.delete()
        return len(requests)

    def expired(self, now):
        return InterestRequest.objects.filter(created_at__lt=self.cutoff(now))


class LeaderProfiles(personal_data.Kind):
    key = "leader_profiles"
    label = gettext_lazy("Cirkelledare")
    data = gettext_lazy(
        "Ditt studieförbund, när du bekräftade din e-postadress och vem som bjöd in "
        "dig. Namn och e-postadress hör till ditt användarkonto."
    )
    purpose = gettext_lazy(
        "Att du ska kunna leda studiecirklar på webbplatsen och att cirklarna ska "
        "redovisas till rätt studieförbund."
    )
    legal_basis = personal_data.LEGITIMATE_INTEREST
    retention = gettext_lazy(
        "Så länge du har kontot. En anmälan som aldrig bekräftas tas bort, med "
        "kontot, efter {days} dagar."
    )
    retention_setting = "unconfirmed_leaders"
    order = 50

    def find(self, email):
        return list(
            LeaderProfile.objects.filter(user__email__iexact=email)
            .select_related("user", "association", "invited_by")
            .order_by("pk")
        )

    def describe(self, profile):
        return _("%(username)s, %(association)s") % {
            "username": profile.user.get_username(),
            "association": profile.association,
        }

    def export(self, profile):
        return {
            "konto": profile.user.get_username(),
            "studieforbund": str(profile.association),
            "epost_bekraftad": iso(profile.email_confirmed_at),
            "inbjuden_av": profile.invited_by.get_full_name()
            if profile.invited_by
            else None,
            "skapad": iso(profile.created_at),
        }

    def erase(self, email):
        profiles = self.find(email)
        for profile in profiles:
            profile.delete()
        return len(profiles)

    def expired(self, now):
        # Only sign-ups never confirmed, whose account has no role and leads nothing.
        return list(
            LeaderProfile.objects.filter(
                email_confirmed_at__isnull=True,
                created_at__lt=self.cutoff(now),
                user__is_superuser=False,
                user__is_staff=False,
                user__groups__isnull=True,
                user__led_circles__isnull=True,
            ).select_related("user")
        )

    def remove_expired(self, records):
        for profile in records:
            delete_account(profile.user)
        return len(records)


def register():
    for kind in (LeaderProfiles(), CircleParticipants(), InterestRequests()):
        personal_data.register(kind)
