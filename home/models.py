"""The site's shared base: the page base class, home page, generic pages, news and site settings."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyBlock, ContentBodyBlock
from .cache import RESTRICTIONS, cached_locally
from .site_address import absolute_url

TREE_STEPLEN = Page.steplen

#: Hook name: functions registered under it return a HomeSection for the home page,
#: or None. Apps register them so that the home page can list their content without
#: importing them.
HOME_SECTIONS_HOOK = "home_page_sections"

#: What a list of pages shows of each page: its link, title and intro. Lists read
#: these fields alone (cards()): a page read whole costs several times as much to
#: build as one read for a card.
CARD_FIELDS = ("id", "path", "depth", "title", "url_path", "intro")


def cards(queryset, *fields):
    """The queryset's pages, read for a list: CARD_FIELDS and `fields` only."""
    return queryset.only(*CARD_FIELDS, *fields)


@dataclass
class HomeSection:
    """A section of the home page: a heading, a few pages as cards, a link to more.

    Every attribute is set, so that the template never looks up one that is missing
    (a missing attribute costs a template far more than one that is empty).
    """

    title: str
    items: list
    intro: str = ""
    more_url: str = ""
    more_label: str = ""
    #: The items have a date to show (news).
    dated: bool = False


def public_pages(queryset):
    """Exclude pages in a private section, by path from the cached restricted_paths().

    No subquery, and no condition at all while nothing is restricted; Wagtail's
    .public() would look the restrictions up in a query of its own each time.
    """
    return _outside(queryset, restricted_paths())


def children_of(queryset, page):
    """The queryset's pages that are children of `page`, as Wagtail's child_of().

    As a range of tree paths, as treebeard's get_children(), which the index on path
    answers: child_of() is a LIKE, which SQLite answers by reading every page.
    """
    step, alphabet = page.steplen, page.alphabet
    return queryset.filter(
        depth=page.depth + 1,
        path__range=(page.path + alphabet[0] * step, page.path + alphabet[-1] * step),
    )


def of_few(queryset):
    """The queryset, looked up from its page type's own table (for types with few pages).

    Filtered by the page tree or ordered by path alone, SQLite starts from the page
    tree and reads every page of the site to find the few of the type; with their ids
    from their own table it reads those alone.
    """
    model = queryset.model
    return queryset.filter(
        pk__in=models.Subquery(model.objects.order_by().values("pk"))
    )


_PATH_LENGTH = Page._meta.get_field("path").max_length


def _subtree_end(page):
    """The greatest tree path any page below `page` can have."""
    return page.path + page.alphabet[-1] * (_PATH_LENGTH - len(page.path))


def child_paths(page):
    """The tree paths of `page`'s children, in order, however many pages lie below them.

    Children share a depth, which has no index, so any query for them reads all their
    descendants (every page of the site, for the home page's children). Here the
    database is asked, child after child, for the first path after the previous
    child's whole subtree: one index lookup a child, in one recursive query.
    """
    from django.db import connection

    longest = _PATH_LENGTH
    step = len(page.path) + page.steplen
    last = page.alphabet[-1]
    table = connection.ops.quote_name(Page._meta.db_table)
    path = connection.ops.quote_name("path")
    sql = f"""
        WITH RECURSIVE children(path) AS (
            SELECT MIN({path}) FROM {table} WHERE {path} > %s AND {path} <= %s
            UNION ALL
            SELECT (
                SELECT MIN(p.{path}) FROM {table} p
                WHERE p.{path} > SUBSTR(children.path, 1, %s) || %s AND p.{path} <= %s
            )
            FROM children WHERE children.path IS NOT NULL
        )
        SELECT path FROM children WHERE path IS NOT NULL
    """  # noqa: S608 - only the model's own table and column names go in
    end = _subtree_end(page)
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.path, end, step, last * (longest - step), end])
        return [row[0] for row in cursor.fetchall()]


def descendants_of(queryset, page):
    """The queryset's pages below `page`, as Wagtail's descendant_of(), as a path range."""
    return queryset.filter(path__gt=page.path, path__lte=_subtree_end(page))


def _outside(queryset, paths):
    """The queryset without the pages at or below any of `paths`."""
    if not paths:
        return queryset
    return queryset.exclude(reduce(or_, (Q(path__startswith=p) for p in paths)))


def restricted_paths():
    """Tree paths of the pages with view restrictions, cached until restrictions change.

    Who may see a page must never wait for other content to change: the list has its
    own kind of content, which every write to a restriction and every move refreshes.
    """
    return cached_locally(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        (RESTRICTIONS,),
    )


def searchable_pages():
    """Live pages outside every restricted section, as Wagtail's live().public().

    For searches, whose filters must be plain field lookups: public_pages() excludes
    the sections by path.
    """
    return public_pages(Page.objects.live())


class SitePage(Page):
    """Base of every page type on the site: a plain-text intro and cheap ancestry."""

    intro = models.TextField(
        _("ingress"),
        blank=True,
        help_text=_("En eller två meningar som sammanfattar sidan. Visas i listor."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    promote_panels = Page.promote_panels
    #: Whether the page shows every visitor the same thing, signed in or not (but the
    #: header): signed-in visitors are then served the cached copy (see home.cache).
    #: Off unless a page type declares it: a page type that shows signed-in visitors
    #: anything of their own must never be shared (tests/home/test_page_cache.py
    #: renders every type that declares it for both and compares).
    shared_with_signed_in = False
    #: Kinds of content the page shows besides pages and the chrome (home.cache).
    shows_content = ()

    class Meta:
        abstract = True

    def ancestor_paths(self):
        """Tree paths of this page's ancestors below the tree root, read from its own path."""
        return [
            self.path[:length]
            for length in range(TREE_STEPLEN * 2, len(self.path), TREE_STEPLEN)
        ]

    def get_view_restrictions(self):
        # Almost no page is restricted: the paths of restricted pages are cached until
        # content changes, so most pages learn this without a query. A restricted page
        # needs one query, as its ancestors' paths are part of its own path.
        if self.alias_of_id:
            return super().get_view_restrictions()
        paths = [*self.ancestor_paths(), self.path]
        if not set(paths).intersection(restricted_paths()):
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page__path__in=paths)

    def get_meta_description(self):
        return self.search_description or self.intro

    def sitemap_lastmod(self):
        """When the page was last published (as Wagtail's sitemap has it)."""
        return self.last_published_at or self.latest_revision_created_at

    def get_sitemap_urls(self, request=None):
        # At the site's real address rather than the Site record's (home.site_address).
        return [
            {
                "location": absolute_url(request, self.get_url(request)),
                "lastmod": self.sitemap_lastmod(),
            }
        ]


class HomePage(RoutablePageMixin, SitePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    shared_with_signed_in = True
    max_count = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = [fn(request, self) for fn in hooks.get_hooks(HOME_SECTIONS_HOOK)]
        context["sections"] = [section for section in sections if section]
        return context


class ContentPage(SitePage):
    """A generic page: about the site, contact, the accessibility statement, privacy."""

    body = StreamField(ContentBodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    shared_with_signed_in = True
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("innehållssida")
        verbose_name_plural = _("innehållssidor")


class NewsCategory(models.TextChoices):
    NEWS = "nyhet", _("Nyhet")
    INVITATION = "inbjudan", _("Inbjudan")
    REPORT = "rapport", _("Rapport")


class CountedBy:
    """A queryset for a Paginator, counted by a cheaper query of the same pages (say,
    on the page table alone, without joining each page type's own)."""

    def __init__(self, queryset, counted):
        self.queryset, self.counted = queryset, counted

    def count(self):
        return self.counted.count()

    def __getitem__(self, key):
        return self.queryset[key]


class UncountedPage:
    """A page of a long list, not counted: "Sida 3", with links to the pages around it.

    For lists that grow without end (the news): counting one reads all of it, ten
    thousand news to show twenty. One item more than a page holds tells whether there
    is a next page. As a Django Page to the pagination template; `paginator` is None,
    so that it shows no total.
    """

    paginator = None

    def __init__(self, items, number, per_page):
        """`items` sliceable (a queryset); `number` as the visitor typed it.

        Http404 for a number that is not a page: not a whole number from 1, or past
        the end of the list.
        """
        try:
            self.number = int(number)
        except (TypeError, ValueError):
            raise Http404 from None
        if self.number < 1:
            raise Http404
        start = (self.number - 1) * per_page
        found = list(items[start : start + per_page + 1])
        if self.number > 1 and not found:
            raise Http404
        self.object_list = found[:per_page]
        self._has_next = len(found) > per_page

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


class NewestFirst:
    """News of a queryset, newest first, read where the date index has them.

    Ordering the news by date after filtering them by place in the tree makes the
    database sort them all (SQLite starts from the tree, whatever the indexes). A slice
    is looked for among the newest news of all first, a window the date index gives
    at once; only when the window holds too few (the last page of the list, or many
    news that are drafts, private or of another category) is the plain query made.
    Slices, as a queryset's.
    """

    ORDER = ("-date", "-pk")
    #: How many more of the newest news than twice the slice's end the window holds.
    SPARE = 50

    def __init__(self, queryset):
        self.queryset = queryset.order_by(*self.ORDER)

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step or key.stop is None:
            raise TypeError("NewestFirst takes slices with an end, no step")
        start = key.start or 0
        wanted = key.stop - start
        if wanted <= 0:
            return []
        window = NewsPage.objects.order_by(*self.ORDER).values("pk")[
            : 2 * key.stop + self.SPARE
        ]
        found = list(self.queryset.filter(pk__in=models.Subquery(window))[key])
        if len(found) < wanted:
            found = list(self.queryset[key])
        return found


class NewsIndexPage(RoutablePageMixin, SitePage):
    """The news list, filterable by category, with RSS and Atom feeds."""

    per_page = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    shared_with_signed_in = True
    subpage_types = ["home.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nyhetsarkiv")
        verbose_name_plural = _("nyhetsarkiv")

    def news(self):
        return (
            public_pages(children_of(NewsPage.objects.live(), self))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    @path("")
    def index(self, request):
        category = request.GET.get("kategori", "")
        news = cards(self.news(), "date", "category")
        if category in NewsCategory.values:
            news = news.filter(category=category)
        else:
            category = ""
        page = UncountedPage(
            NewestFirst(news), request.GET.get("sida", 1), self.per_page
        )
        return self.render(
            request,
            context_overrides={
                "news_page": page,
                "categories": NewsCategory.choices,
                "current_category": category,
            },
        )

    def feed_author(self, request):
        """Who writes the news: the kansli, by the name and address of its contact details."""
        contact = KansliContactSettings.for_request(request)
        return {"name": contact.organisation_name, "email": contact.email}

    @path("rss/", name="rss")
    def rss(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self, self.feed_author(request))(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self, self.feed_author(request))(request)


class NewsPage(SitePage):
    date = models.DateField(_("datum"))
    category = models.CharField(
        _("kategori"),
        max_length=20,
        choices=NewsCategory.choices,
        default=NewsCategory.NEWS,
    )
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category")], heading=_("Om nyheten")
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    shared_with_signed_in = True
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
        # The news list's order, newest first: the latest few are read from the
        # index instead of sorting every news item.
        indexes = [models.Index(fields=["date", "page_ptr"], name="home_news_date_idx")]


@register_setting(icon="mail")
class KansliContactSettings(BaseSiteSetting):
    """The kansli's contact details, shown in the footer of every page."""

    organisation_name = models.CharField(
        _("organisation"), max_length=200, default="Kansliet för Överenskommelsen"
    )
    street_address = models.CharField(_("gatuadress"), max_length=200, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=10, blank=True)
    city = models.CharField(_("ort"), max_length=100, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    opening_hours = models.CharField(_("telefontider"), max_length=200, blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Länkas från sidfoten, under kontaktuppgifterna."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("integritetspolicy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Länkas från sidfoten och från formulär som samlar in personuppgifter."
        ),
    )

    select_related = ["contact_page", "accessibility_page", "privacy_page"]

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
            ],
            heading=_("Adress"),
        ),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("opening_hours"),
        PageChooserPanel("contact_page"),
        PageChooserPanel("accessibility_page"),
        PageChooserPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("kansliets kontaktuppgifter")

    @classmethod
    def for_links(cls, site):
        """The site's settings, their linked pages read only for a link to them.

        As for_site(), which reads each page whole: the footer shows a link to each.
        """
        own = [field.attname for field in cls._meta.concrete_fields]
        linked = [
            f"{name}__{field}"
            for name in cls.select_related
            for field in ("id", "title", "url_path", "live")
        ]
        found = (
            cls.objects.filter(site=site)
            .select_related(*cls.select_related)
            .only(*own, *linked)
            .first()
        )
        return found or cls.for_site(site)

    @property
    def phone_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class ErasureLog(models.Model):
    """That personal data was erased: when, by whom, which kinds and how many records.

    Never the address or the data itself (see home.personal_data).
    """

    class Reason(models.TextChoices):
        REQUEST = "begaran", _("Begäran om radering")
        RETENTION = "gallring", _("Gallring")

    performed_at = models.DateTimeField(_("tidpunkt"), auto_now_add=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utförd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("anledning"), max_length=20, choices=Reason.choices)
    counts = models.JSONField(
        _("antal poster per slag"), default=dict, help_text=_("Slagets nyckel → antal.")
    )

    class Meta:
        ordering = ["-performed_at", "-pk"]
        verbose_name = _("radering av personuppgifter")
        verbose_name_plural = _("raderingar av personuppgifter")

    def __str__(self):
        return f"{self.get_reason_display()} {self.performed_at:%Y-%m-%d %H:%M}"

    @property
    def total(self):
        return sum(self.counts.values())
