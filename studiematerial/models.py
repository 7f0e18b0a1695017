"""Överenskommelsen, its six principles, and the study modules with their sessions (träffar)."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import cache
from home.blocks import RICH_TEXT_FEATURES, BodyBlock, DiscussionQuestionBlock
from home.cache import cached
from home.models import (
    CARD_FIELDS,
    CountedBy,
    SitePage,
    cards,
    children_of,
    of_few,
    public_pages,
)


def discussion_questions_field(**kwargs):
    return StreamField(
        [("question", DiscussionQuestionBlock())],
        blank=True,
        verbose_name=_("diskussionsfrågor"),
        **kwargs,
    )


class AgreementPage(SitePage):
    """Överenskommelsen itself: vision, parties, history and follow-up."""

    vision = RichTextField(_("vision"), features=RICH_TEXT_FEATURES)
    follow_up = RichTextField(_("uppföljning"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("mer innehåll"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("vision"),
        InlinePanel("parties", heading=_("Parterna"), label=_("part"), min_num=1),
        InlinePanel("milestones", heading=_("Historia"), label=_("händelse")),
        FieldPanel("follow_up"),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("vision"),
        index.SearchField("follow_up"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    shared_with_signed_in = True
    subpage_types = ["studiematerial.PrinciplePage"]
    max_count = 1

    class Meta:
        verbose_name = _("överenskommelsen")
        verbose_name_plural = _("överenskommelsen")

    def principles(self):
        return cards(public_pages(children_of(PrinciplePage.objects.live(), self)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principles"] = self.principles()
        return context


class AgreementParty(Orderable):
    page = ParentalKey(AgreementPage, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"))

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("part")
        verbose_name_plural = _("parter")


class AgreementMilestone(Orderable):
    page = ParentalKey(
        AgreementPage, on_delete=models.CASCADE, related_name="milestones"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    text = models.TextField(_("vad hände"))

    panels = [FieldPanel("year"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")


class PrinciplePage(SitePage):
    """One of the agreement's six principles."""

    explanation = RichTextField(_("förklaring"), features=RICH_TEXT_FEATURES)
    examples = RichTextField(_("exempel"), features=RICH_TEXT_FEATURES, blank=True)
    discussion_questions = discussion_questions_field()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("explanation"),
        FieldPanel("examples"),
        FieldPanel("discussion_questions"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("explanation"),
        index.SearchField("examples"),
        index.SearchField("discussion_questions"),
    ]

    parent_page_types = ["studiematerial.AgreementPage"]
    shared_with_signed_in = True
    subpage_types = []

    class Meta:
        verbose_name = _("princip")
        verbose_name_plural = _("principer")

    #: How many modules the principle page lists; the module index lists them all.
    modules_shown = 10

    def treating_modules(self):
        """Live modules with a session on this principle, one more than are shown."""
        # EXISTS, not a join: the database walks the modules in order and stops at
        # the eleventh that treats the principle, instead of reading every session
        # on it and removing the duplicates.
        return list(
            StudyModulePage.objects.live()
            .filter(
                models.Exists(self._sessions_on_it().filter(page=models.OuterRef("pk")))
            )
            .only(*CARD_FIELDS)
            .order_by("path")[: self.modules_shown + 1]
        )

    def _sessions_on_it(self):
        """Sessions on this principle, by a lookup of each session's own row."""
        on_it = StudySession.principles.through.objects.filter(
            studysession=models.OuterRef("pk"), principlepage=self
        )
        return StudySession.objects.filter(models.Exists(on_it))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.treating_modules()
        shown = modules[: self.modules_shown]
        # From the shown modules' sessions, not from every session on the principle.
        sessions = (
            self._sessions_on_it()
            .filter(page__in=shown)
            .only("id", "title", "anchor", "sort_order", "page_id")
        )
        by_module = {module.pk: [] for module in shown}
        for session in sessions:
            by_module[session.page_id].append(session)
        context["modules"] = [
            {"module": module, "sessions": by_module[module.pk]} for module in shown
        ]
        if len(modules) > self.modules_shown:
            index_url = cached(
                "module-index-url",
                lambda: module_index_url(request),
                (cache.PAGES, cache.SITES),
            )
            if index_url:
                context["all_modules_url"] = f"{index_url}?princip={self.slug}"
        return context


def module_index_url(request):
    index = of_few(StudyModuleIndexPage.objects.live()).only("id", "url_path").first()
    return index.get_url(request) if index else ""


class StudyModuleIndexPage(SitePage):
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    shared_with_signed_in = True
    subpage_types = ["studiematerial.StudyModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("studiematerial, översikt")
        verbose_name_plural = _("studiematerial, översikter")

    per_page = 20

    def modules(self):
        return (
            cards(public_pages(children_of(StudyModulePage.objects.live(), self)))
            .annotate(
                session_count=models.Subquery(
                    StudySession.objects.filter(page=models.OuterRef("pk"))
                    .values("page")
                    .annotate(count=models.Count("pk"))
                    .values("count")
                )
            )
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.modules()
        principles = list(
            of_few(PrinciplePage.objects.live())
            .only("id", "title", "slug", "path")
            .order_by("path")
        )
        current = next(
            (p for p in principles if p.slug == request.GET.get("princip")), None
        )
        if current:
            modules = modules.filter(
                models.Exists(
                    StudySession.objects.filter(
                        page=models.OuterRef("pk"), principles=current
                    )
                )
            )
        else:
            # The same modules counted on the page table alone.
            modules = CountedBy(
                modules,
                public_pages(
                    children_of(Page.objects.live().type(StudyModulePage), self)
                ),
            )
        paginator = Paginator(modules, self.per_page)
        try:
            page = paginator.page(request.GET.get("sida", 1))
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404 from exc
        context.update(
            {"modules": page, "principles": principles, "current_principle": current}
        )
        return context


class TargetGroup(models.TextChoices):
    IDEBURNA = "ideburna", _("Anställda och förtroendevalda i idéburna organisationer")
    KOMMUN = "kommun", _("Politiker och tjänstemän i kommuner och regioner")


class StudyModuleForm(WagtailAdminPageForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Målgrupper"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vilka materialet är skrivet för."),
    )

    def clean(self):
        cleaned_data = super().clean()
        seen = set()
        for form in self.formsets["sessions"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            anchor = form.instance.anchor
            if anchor in seen:
                form.add_error(
                    "anchor",
                    _("Två träffar kan inte ha samma ankare i samma material."),
                )
            seen.add(anchor)
        return cleaned_data


#: Hook name: functions registered under it take (request, module_page) and return a
#: list of facts for the module's page, each a dict with `term`, `text` and optionally
#: `url` and `link_text`. Higher apps (cirklar: how many circles use the module) add
#: them without this app importing them, recording what they show with
#: home.cache.shows().
STUDY_MODULE_FACTS_HOOK = "study_module_facts"


class StudyModulePage(RoutablePageMixin, SitePage):
    """A study module: what a study circle works through, one session at a time."""

    base_form_class = StudyModuleForm

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("introduktion"))
    target_groups = models.JSONField(
        _("målgrupper"),
        default=list,
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("target_groups"),
        FieldPanel("body"),
        InlinePanel("sessions", heading=_("Träffar"), label=_("träff"), min_num=1),
        InlinePanel(
            "documents", heading=_("Dokument att ladda ner"), label=_("dokument")
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields(
            "sessions",
            [
                index.SearchField("title"),
                index.SearchField("aim"),
                index.SearchField("reading"),
                index.SearchField("exercises"),
            ],
        ),
    ]

    parent_page_types = ["studiematerial.StudyModuleIndexPage"]
    shared_with_signed_in = True
    subpage_types = []

    class Meta:
        verbose_name = _("studiematerial")
        verbose_name_plural = _("studiematerial")

    def get_target_groups_display(self):
        labels = dict(TargetGroup.choices)
        return [labels[key] for key in self.target_groups if key in labels]

    def session_list(self):
        # Of the principles, a link each.
        principles = PrinciplePage.objects.only("id", "title", "url_path", "path")
        return list(
            self.sessions.all().prefetch_related(
                models.Prefetch("principles", queryset=principles)
            )
        )

    def principle_list(self, sessions):
        """The principles the module treats: those of its sessions, in the agreement's order."""
        principles = {p.pk: p for s in sessions for p in s.principles.all()}
        return sorted(principles.values(), key=lambda p: p.path)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = self.session_list()
        context["sessions"] = sessions
        context["principles"] = self.principle_list(sessions)
        context["documents"] = self.documents.select_related("document")
        context["total_minutes"] = sum(s.length_minutes for s in sessions)
        return context

    @path("")
    def module(self, request):
        facts = [
            fact
            for fn in hooks.get_hooks(STUDY_MODULE_FACTS_HOOK)
            for fact in fn(request, self) or ()
        ]
        return self.render(request, context_overrides={"extra_facts": facts})

    @path("utskrift/ledare/", name="print_leader")
    def print_leader(self, request):
        return self.render_print(request, for_leader=True)

    @path("utskrift/deltagare/", name="print_participant")
    def print_participant(self, request):
        return self.render_print(request, for_leader=False)

    def render_print(self, request, for_leader):
        """A printable version: for paper, not for search engines, which index the
        module's own page (the sitemap lists only that; the template says noindex)."""
        response = self.render(
            request,
            template="studiematerial/study_module_print.html",
            context_overrides={"for_leader": for_leader},
        )
        response["X-Robots-Tag"] = "noindex"
        return response


class StudySession(ClusterableModel, Orderable):
    """A session (träff) of a study module. Its anchor stays the same when sessions move."""

    page = ParentalKey(
        StudyModulePage, on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("rubrik"), max_length=200)
    anchor = models.SlugField(
        _("ankare"),
        max_length=80,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "Den fasta adressen till träffen på sidan, t.ex. #lokal-overenskommelse. "
            "Skapas av rubriken om fältet lämnas tomt; ändra det inte när cirklar länkar hit."
        ),
    )
    aim = models.TextField(_("syfte"))
    length_minutes = models.PositiveSmallIntegerField(
        _("föreslagen längd (minuter)"),
        default=120,
        validators=[MinValueValidator(15), MaxValueValidator(600)],
    )
    reading = RichTextField(_("läsning"), features=RICH_TEXT_FEATURES, blank=True)
    discussion_questions = discussion_questions_field()
    exercises = RichTextField(_("övningar"), features=RICH_TEXT_FEATURES, blank=True)
    leader_notes = RichTextField(
        _("tips till cirkelledaren"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Visas bara i ledarens version."),
    )
    principles = ParentalManyToManyField(
        PrinciplePage, blank=True, related_name="sessions", verbose_name=_("principer")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("anchor"),
        FieldPanel("aim"),
        FieldPanel("length_minutes"),
        FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("reading"),
        FieldPanel("discussion_questions"),
        FieldPanel("exercises"),
        MultiFieldPanel([FieldPanel("leader_notes")], heading=_("För cirkelledaren")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("träff")
        verbose_name_plural = _("träffar")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.anchor:
            self.anchor = slugify(self.title)[:80] or "traff"

    @property
    def html_id(self):
        return f"traff-{self.anchor}"


class ModuleDocument(Orderable):
    page = ParentalKey(
        StudyModulePage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField(_("beskrivning"), max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
