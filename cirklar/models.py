"""Study circles: the studieförbund, circles and their leaders, participants, meetings
and attendance, and visitors' requests to join.

What the public sees of a circle (its name, studieförbund, kommun, module, place,
start, status, whether it takes new participants, its description and its meetings'
dates) is content of the kind CONTENT_KIND (home.cache); participants, attendance and
requests are shown to the circle's leaders and the kansli only, and a write to them
refreshes no public page.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from kommuner.models import Municipality, Organisation
from studiematerial.models import StudyModulePage, StudySession

from . import rules_folkbildning as folkbildning

#: The kind of public content a circle is (home.cache).
CONTENT_KIND = "cirklar"

#: Participants younger than this many years cannot be born later than the circle
#: year minus it; and nobody is entered as older than this.
OLDEST_BIRTH_YEAR = 1900


def new_token():
    return secrets.token_urlsafe(24)


class StudyAssociation(models.Model):
    """A studieförbund: editable by the kansli, as the list changes with the state grant."""

    name = models.CharField(_("namn"), max_length=120, unique=True)
    short_name = models.CharField(_("kort namn"), max_length=40, blank=True)
    slug = models.SlugField(_("adressnamn"), unique=True)
    website = models.URLField(_("webbplats"), blank=True)
    state_funded = models.BooleanField(
        _("får statsbidrag"),
        default=True,
        help_text=_(
            "Bara studieförbund som får statsbidrag från Folkbildningsrådet kan "
            "väljas för nya cirklar."
        ),
    )
    note = models.CharField(
        _("kommentar"),
        max_length=300,
        blank=True,
        help_text=_("Till exempel varför statsbidraget har upphört, och för vilka år."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("studieförbund")
        verbose_name_plural = _("studieförbund")

    def __str__(self):
        return self.name


class CircleStatus(models.TextChoices):
    PLANNED = "planerad", _("Planerad")
    RUNNING = "pagar", _("Pågår")
    FINISHED = "avslutad", _("Avslutad")
    ARCHIVED = "arkiverad", _("Arkiverad")


#: The circles a visitor can find and ask to join: open, and not over.
FINDABLE = models.Q(
    open_to_new=True, status__in=[CircleStatus.PLANNED, CircleStatus.RUNNING]
)


class StudyCircleQuerySet(models.QuerySet):
    def led_by(self, user):
        return self.filter(leaders=user)

    def findable(self):
        """Circles a visitor can find and ask to join: open, and not over."""
        return self.filter(FINDABLE)


class StudyCircle(index.Indexed, models.Model):
    name = models.CharField(_("namn"), max_length=200)
    association = models.ForeignKey(
        StudyAssociation,
        verbose_name=_("studieförbund"),
        on_delete=models.PROTECT,
        related_name="circles",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="circles",
    )
    module = models.ForeignKey(
        StudyModulePage,
        verbose_name=_("studiematerial"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lämna tomt för en cirkel med eget ämne."),
    )
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cirkelledare"),
        related_name="led_circles",
    )
    meeting_place = models.CharField(
        _("mötesplats"),
        max_length=200,
        help_text=_(
            "Var cirkeln träffas, till exempel Församlingshemmet, Storgatan 3."
        ),
    )
    start_date = models.DateField(_("startdatum"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CircleStatus.choices,
        default=CircleStatus.PLANNED,
    )
    work_plan = models.TextField(
        _("arbetsplan"),
        blank=True,
        help_text=_(
            "Vad cirkeln ska arbeta med och hur. Den behövs innan den första träffen."
        ),
    )
    open_to_new = models.BooleanField(
        _("tar emot nya deltagare"),
        default=True,
        help_text=_(
            "Cirkeln visas under Hitta en studiecirkel och går att anmäla sig till."
        ),
    )
    public_description = models.TextField(
        _("beskrivning för besökare"),
        blank=True,
        help_text=_(
            "Visas för alla under Hitta en studiecirkel. Skriv inga namn på deltagare."
        ),
    )
    calendar_token = models.CharField(
        _("kalenderlänk"), max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    finished_at = models.DateTimeField(_("avslutad"), null=True, blank=True)

    objects = StudyCircleQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("studiecirkel")
        verbose_name_plural = _("studiecirklar")
        indexes = [
            models.Index(fields=["open_to_new", "status", "municipality"]),
            # Hitta en studiecirkel lists the open circles by name: read in this
            # order, the first page is found without sorting every circle.
            models.Index(fields=["name", "id"], name="cirklar_circle_by_name"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # A circle keeps a studieförbund that has since lost its grant; a new circle,
        # or one moved to another studieförbund, needs one that has it.
        if self.association_id and not self.association.state_funded:
            stored = (
                StudyCircle.objects.filter(pk=self.pk)
                .values_list("association_id", flat=True)
                .first()
            )
            if stored != self.association_id:
                raise ValidationError(
                    {
                        "association": _(
                            "%(name)s får inte statsbidrag från Folkbildningsrådet just "
                            "nu och kan inte väljas för en ny cirkel."
                        )
                        % {"name": self.association}
                    }
                )

    def rotate_calendar_token(self):
        self.calendar_token = new_token()
        self.save(update_fields=["calendar_token"])

    @property
    def year(self):
        return self.start_date.year


class Participant(models.Model):
    """A participant of a circle: the minimum to take attendance and check the rules."""

    circle = models.ForeignKey(
        StudyCircle,
        verbose_name=_("studiecirkel"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    name = models.CharField(_("namn"), max_length=120)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation (fritext)"), max_length=200, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(
        _("födelseår"),
        null=True,
        blank=True,
        validators=[MinValueValidator(OLDEST_BIRTH_YEAR)],
    )
    created_at = models.DateTimeField(_("tillagd"), auto_now_add=True)
    #: Set when the circle's personal data has been removed after the retention time;
    #: the row stays, so that the reports' counts do not change.
    anonymised_at = models.DateTimeField(_("avidentifierad"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("deltagare")
        verbose_name_plural = _("deltagare")

    def __str__(self):
        return self.name

    @property
    def organisation_label(self):
        return (
            self.organisation.name if self.organisation_id else self.organisation_name
        )

    def clean(self):
        latest = timezone.localdate().year
        if self.birth_year and self.birth_year > latest:
            raise ValidationError(
                {"birth_year": _("Födelseåret kan inte ligga i framtiden.")}
            )


class Meeting(models.Model):
    """A meeting (sammankomst) of a circle, planned or held."""

    circle = models.ForeignKey(
        StudyCircle,
        verbose_name=_("studiecirkel"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"))
    length_minutes = models.PositiveSmallIntegerField(
        _("längd (minuter)"),
        default=135,
        validators=[MinValueValidator(15), MaxValueValidator(600)],
    )
    sessions = models.ManyToManyField(
        StudySession,
        verbose_name=_("träffar i studiematerialet"),
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("anteckningar"), blank=True)
    absent_leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ledare som inte var med"),
        blank=True,
        related_name="+",
    )
    #: When attendance was last saved: a meeting with attendance has been held.
    attendance_taken_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("träff")
        verbose_name_plural = _("träffar")

    def __str__(self):
        return f"{self.circle} {self.date:%Y-%m-%d}"

    @property
    def starts_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(self.date, self.start_time)
        )

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.length_minutes)

    @property
    def study_hours(self):
        return folkbildning.study_hours(self.length_minutes)

    @property
    def held(self):
        return self.attendance_taken_at is not None or self.date < timezone.localdate()


class Attendance(models.Model):
    """Whether a participant was at a meeting. Saved as a state, never as a toggle:
    the same tick sent twice (a phone that was offline) leaves the same row."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("närvarande"), default=False)
    #: When the leader ticked it on their phone; a tick older than the saved one (sent
    #: late by a phone that was offline) does not overwrite a newer one.
    ticked_at = models.DateTimeField(_("avprickad"))

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="one_attendance_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.participant}: {self.meeting}"


class InterestRequest(models.Model):
    """A visitor's request to join an open circle (intresseanmälan)."""

    circle = models.ForeignKey(
        StudyCircle,
        verbose_name=_("studiecirkel"),
        on_delete=models.CASCADE,
        related_name="interest_requests",
    )
    name = models.CharField(_("namn"), max_length=120)
    email = models.EmailField(_("e-post"))
    message = models.TextField(_("meddelande"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("tillagd som deltagare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("intresseanmälan")
        verbose_name_plural = _("intresseanmälningar")

    def __str__(self):
        return f"{self.name} ({self.circle})"


class LeaderProfile(models.Model):
    """A circle leader's own details: their studieförbund, and the e-mail confirmation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="leader_profile",
    )
    association = models.ForeignKey(
        StudyAssociation,
        verbose_name=_("studieförbund"),
        on_delete=models.PROTECT,
        related_name="leaders",
    )
    email_confirmed_at = models.DateTimeField(
        _("e-post bekräftad"), null=True, blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inbjuden av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("cirkelledare")
        verbose_name_plural = _("cirkelledare")

    def __str__(self):
        return str(self.user)


# Hitta en studiecirkel: the visitors' side (routes in cirklar/views_public.py).

from wagtail.admin.panels import FieldPanel  # noqa: E402
from wagtail.contrib.routable_page.models import RoutablePageMixin, path  # noqa: E402
from wagtail.models import Page  # noqa: E402

from home.models import SitePage  # noqa: E402


class CircleIndexPage(RoutablePageMixin, SitePage):
    """Hitta en studiecirkel: the open circles, a page per circle and its interest form.

    /studiecirklar/                       the open circles, filtered and paginated
    /studiecirklar/<id>/                  a circle's public page
    /studiecirklar/<id>/anmalan/          the intresseanmälan (a form: never cached)
    /studiecirklar/<id>/tack/             after the form was sent
    """

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    shared_with_signed_in = True
    shows_content = (CONTENT_KIND, "kommuner")

    class Meta:
        verbose_name = _("studiecirkelsökning")
        verbose_name_plural = _("studiecirkelsökningar")

    @path("")
    def index(self, request):
        from . import views_public

        return views_public.index(self, request)

    @path("<int:circle_id>/", name="circle")
    def circle(self, request, circle_id):
        from . import views_public

        return views_public.circle(self, request, circle_id)

    @path("<int:circle_id>/anmalan/", name="interest")
    def interest(self, request, circle_id):
        from . import views_public

        return views_public.interest(self, request, circle_id)

    @path("<int:circle_id>/tack/", name="thanks")
    def thanks(self, request, circle_id):
        from . import views_public

        return views_public.thanks(self, request, circle_id)

    def get_sitemap_urls(self, request=None):
        """The search page and each findable circle's page (lastmod: the circle's change)."""
        from . import public

        return [*super().get_sitemap_urls(request), *public.sitemap_urls(self, request)]
