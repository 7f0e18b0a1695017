"""The public pages about kommuner and regions: an overview, a page per kommun and län, open data.

One page in the tree, KommunIndexPage at /kommuner/, routes everything below it:

    /kommuner/                          the overview, filterable by län and status
    /kommuner/postnummer/?postnummer=   a postal code, sent on to its kommun
    /kommuner/data/csv/, data/json/     the whole mapping as open data
    /kommuner/lan/<slug>/               a län: its kommuner and the region's record
    /kommuner/<kod>/                    a kommun code, redirected to the kommun's page
    /kommuner/<slug>/                   a kommun: its record and its organisations

Every route reads its data in a fixed number of queries, whatever the amount of data.
"""

import json
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import cache
from home.blocks import BodyBlock
from home.models import (
    HomeSection,
    SitePage,
    cards,
    descendants_of,
    of_few,
    public_pages,
)
from home.site_address import absolute_url

from .. import open_data
from .organisations import Organisation, OrganisationPresence, swedish_sort_key
from .places import CONTENT_KIND, County, Municipality, PostalCode
from .records import AgreementStatus, IOPPartnership, PolicyRecord

#: Hook name: functions registered under it take (request, municipality, page) and
#: return a section for the kommun's page, or None: an object with `template` (included
#: with the section as `section`). Higher apps (cirklar) show their content there
#: without this app importing them; a function that shows a kind of content records it
#: with home.cache.shows().
KOMMUN_PAGE_SECTIONS_HOOK = "kommun_page_sections"

#: Statuses that mean the kommun has a local agreement of its own.
AGREEMENT_IN_PLACE = (AgreementStatus.ADOPTED, AgreementStatus.REVISED)


def latest(*moments):
    """The latest of the moments that are known (None when none is)."""
    return max((moment for moment in moments if moment is not None), default=None)


def record_or_none(obj):
    """The PolicyRecord of a Municipality or County read with select_related, or None."""
    try:
        return obj.record
    except PolicyRecord.DoesNotExist:
        return None


def _count(queryset):
    """A correlated subquery that counts the rows of `queryset` (0 rather than NULL)."""
    counted = (
        queryset.order_by()
        .annotate(n=models.Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def municipalities_with_figures(changes=False):
    """Every kommun with its län, record, status and counts, in one query.

    The counts are subqueries rather than joins so that a kommun with many
    organisations and IOPs does not multiply the rows the database reads. With
    `changes`, also when each kommun's organisations last changed (for open data):
    another pass over every organisation, which the pages do not show.
    """
    municipalities = Municipality.objects.select_related(
        "county", "record", "record__agreement_document"
    ).annotate(
        status=Coalesce(F("record__agreement_status"), Value(AgreementStatus.MISSING)),
        iop_count=_count(
            IOPPartnership.objects.filter(record__municipality=OuterRef("pk"))
        ),
        organisation_count=_count(
            Organisation.objects.filter(municipality=OuterRef("pk"))
        ),
    )
    if changes:
        municipalities = municipalities.annotate(
            active_organisation_count=_count(
                OrganisationPresence.objects.filter(municipality=OuterRef("pk"))
            ),
            presences_changed_at=Subquery(
                OrganisationPresence.objects.filter(municipality=OuterRef("pk"))
                .order_by()
                .values("municipality")
                .annotate(latest=Max("created"))
                .values("latest")
            ),
        )
        municipalities = municipalities.annotate(
            organisations_changed_at=Subquery(
                Organisation.objects.filter(municipality=OuterRef("pk"))
                .order_by()
                .values("municipality")
                .annotate(latest=Max("updated_at"))
                .values("latest")
            ),
        )
    return municipalities


class TableRow:
    """A kommun as the tables of kommuner show it, read as values: 290 rows of model
    instances (a kommun and its län each) cost more than the query."""

    __slots__ = (
        "agreement_year",
        "code",
        "county",
        "county_id",
        "iop_count",
        "name",
        "organisation_count",
        "page_url",
        "pk",
        "slug",
        "status",
        "status_label",
    )

    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)


def municipalities_in_tables(**filters):
    """Every kommun (or those of `filters`) as the tables show it: TableRow objects.

    One query, as municipalities_with_figures(), with the record's year alone rather
    than the whole record and its document; each län is one County for all its rows.
    """
    values = (
        Municipality.objects.filter(**filters)
        .annotate(
            status=Coalesce(
                F("record__agreement_status"), Value(AgreementStatus.MISSING)
            ),
            agreement_year=F("record__agreement_year"),
            iop_count=_count(
                IOPPartnership.objects.filter(record__municipality=OuterRef("pk"))
            ),
            organisation_count=_count(
                Organisation.objects.filter(municipality=OuterRef("pk"))
            ),
        )
        .values(
            "pk",
            "code",
            "name",
            "slug",
            "county_id",
            "county__code",
            "county__name",
            "county__short_name",
            "county__slug",
            "status",
            "agreement_year",
            "iop_count",
            "organisation_count",
        )
    )
    counties, rows = {}, []
    for row in values:
        county = counties.get(row["county_id"])
        if county is None:
            county = counties[row["county_id"]] = County(
                id=row["county_id"],
                code=row["county__code"],
                name=row["county__name"],
                short_name=row["county__short_name"],
                slug=row["county__slug"],
            )
        rows.append(
            TableRow(
                pk=row["pk"],
                code=row["code"],
                name=row["name"],
                slug=row["slug"],
                county_id=row["county_id"],
                county=county,
                status=row["status"],
                agreement_year=row["agreement_year"],
                iop_count=row["iop_count"],
                organisation_count=row["organisation_count"],
            )
        )
    return rows


class OverviewFilterForm(forms.Form):
    lan = forms.ChoiceField(label=_("Län"), required=False)
    status = forms.ChoiceField(
        label=_("Lokal överenskommelse"),
        required=False,
        choices=[("", _("Alla"))] + AgreementStatus.choices,
    )

    def __init__(self, *args, counties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lan"].choices = [("", _("Alla län"))] + [
            (county.slug, county.name) for county in counties
        ]


POSTAL_CODE_INPUT = re.compile(r"[0-9]{5}")


class PostalCodeForm(forms.Form):
    postnummer = forms.CharField(
        label=_("Postnummer"),
        help_text=_("Fem siffror, till exempel 114 55."),
        error_messages={"required": _("Skriv ett postnummer.")},
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "postal-code",
                "maxlength": "10",
                "size": "8",
            }
        ),
    )

    def clean_postnummer(self):
        value = self.cleaned_data["postnummer"]
        digits = "".join(value.split())  # "114 55", "114\u00a055" and "11455" alike
        if not POSTAL_CODE_INPUT.fullmatch(digits):
            raise ValidationError(
                _("Skriv postnumret med fem siffror, till exempel 114 55."),
                code="invalid",
            )
        postal_code = (
            PostalCode.objects.select_related("municipality")
            .filter(code=digits)
            .first()
        )
        if postal_code is None:
            raise ValidationError(
                _(
                    "Vi hittar inte postnumret %(code)s. Kontrollera siffrorna eller "
                    "välj kommunen i listan nedan."
                ),
                params={"code": f"{digits[:3]} {digits[3:]}"},
                code="unknown",
            )
        self.postal_code = postal_code
        return digits


def _status_figures(counts, total):
    return [
        {
            "value": value,
            "label": label,
            "count": counts[value],
            "percent": round(counts[value] * 100 / total) if total else 0,
        }
        for value, label in AgreementStatus.choices
    ]


def status_summaries(municipalities):
    """How many kommuner have each status, and their share, in the order of the choices."""
    counts = dict.fromkeys(AgreementStatus.values, 0)
    for municipality in municipalities:
        counts[municipality.status] += 1
    return _status_figures(counts, len(municipalities))


def county_summaries(municipalities, counties):
    """Per län: how many kommuner, how many with each status, and a share for the tile map."""
    summaries = {
        county.pk: {
            "county": county,
            "total": 0,
            "by_status": dict.fromkeys(AgreementStatus.values, 0),
        }
        for county in counties
    }
    for municipality in municipalities:
        summary = summaries[municipality.county_id]
        summary["total"] += 1
        summary["by_status"][municipality.status] += 1
    result = []
    for summary in summaries.values():
        in_place = sum(summary["by_status"][status] for status in AGREEMENT_IN_PLACE)
        share = in_place / summary["total"] if summary["total"] else 0
        result.append(
            {
                **summary,
                "statuses": _status_figures(summary["by_status"], summary["total"]),
                "in_place": in_place,
                "percent": round(share * 100),
                # 0 for none, then quarters: the tile map's colour steps.
                "level": 0 if not in_place else min(4, 1 + int(share * 4)),
            }
        )
    return result


class KommunIndexPage(RoutablePageMixin, SitePage):
    """The kommuner and regions: where the agreement lives locally, as pages and open data."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    shared_with_signed_in = True
    shows_content = (CONTENT_KIND,)
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("kommunöversikt")
        verbose_name_plural = _("kommunöversikter")

    # URLs of the routes, built from the page's own URL without a query each.

    def _base_url(self, request):
        # Once per request: the tables ask for it on each of 290 rows.
        known = getattr(self, "_base_url_for", None)
        if known is None or known[0] is not request:
            known = self._base_url_for = (request, self.get_url(request))
        return known[1]

    def _attach_county_urls(self, request, county):
        base = self._base_url(request)
        county.page_url = f"{base}lan/{county.slug}/"
        county.filter_url = f"{base}?lan={county.slug}"
        return county

    def _attach_urls(self, request, municipalities, records=True):
        base = self._base_url(request)
        for municipality in municipalities:
            municipality.page_url = f"{base}{municipality.slug}/"
            self._attach_county_urls(request, municipality.county)
            if records:
                municipality.policy_record = record_or_none(municipality)
            if hasattr(municipality, "status"):
                municipality.status_label = AgreementStatus(municipality.status).label
        return municipalities

    def municipalities(self, request, changes=False, **filters):
        """The kommuner in Swedish order: for the tables, or with `changes` every
        record whole and when the organisations last changed (for open data)."""
        if changes:
            municipalities = list(
                municipalities_with_figures(changes=True).filter(**filters)
            )
        else:
            municipalities = municipalities_in_tables(**filters)
        municipalities.sort(key=lambda m: swedish_sort_key(m.name))
        return self._attach_urls(request, municipalities, records=changes)

    # The sitemap.

    def get_sitemap_urls(self, request=None):
        """The overview and every kommun's and län's page, in two queries whatever the data.

        A page last changed when the overview page was published or when a record or
        an organisation that it shows last changed (or was marked as active in the
        kommun), whichever is latest.
        """
        published = self.sitemap_lastmod()
        base = absolute_url(request, self._base_url(request))
        organisations_changed = Subquery(
            Organisation.objects.filter(municipality=OuterRef("pk"))
            .order_by()
            .values("municipality")
            .annotate(latest=Max("updated_at"))
            .values("latest")
        )
        # The organisations of other kommuner marked as active here: when one was
        # marked, or changed since.
        marks_changed = Subquery(
            OrganisationPresence.objects.filter(municipality=OuterRef("pk"))
            .order_by()
            .values("municipality")
            .annotate(latest=Max(Greatest("created", "organisation__updated_at")))
            .values("latest")
        )
        municipalities = (
            Municipality.objects.annotate(
                organisations_changed=organisations_changed, marks_changed=marks_changed
            )
            .order_by("code")
            .values_list(
                "slug",
                "county_id",
                "record__updated_at",
                "county__record__updated_at",
                "organisations_changed",
                "marks_changed",
            )
        )
        counties = {
            pk: [slug, published, record_changed]
            for pk, slug, record_changed in County.objects.order_by("code").values_list(
                "pk", "slug", "record__updated_at"
            )
        }
        kommun_urls = []
        for slug, county_id, *changed in municipalities:
            lastmod = latest(published, *changed)
            kommun_urls.append({"location": f"{base}{slug}/", "lastmod": lastmod})
            # A län's page shows its kommuner's records and organisations too.
            counties[county_id].append(lastmod)
        county_urls = [
            {"location": f"{base}lan/{slug}/", "lastmod": latest(*changed)}
            for slug, *changed in counties.values()
        ]
        overview = {
            "location": base,
            "lastmod": latest(published, *(url["lastmod"] for url in county_urls)),
        }
        return [overview, *county_urls, *kommun_urls]

    # The overview.

    def overview_context(self, request, postal_form=None):
        municipalities = self.municipalities(request)
        counties = sorted(
            {m.county_id: m.county for m in municipalities}.values(),
            key=lambda county: county.code,
        )
        filter_form = OverviewFilterForm(request.GET or None, counties=counties)
        selected_county = selected_status = ""
        if filter_form.is_bound:
            filter_form.is_valid()  # a bad value is reported; the valid ones still apply
            selected_county = filter_form.cleaned_data.get("lan", "")
            selected_status = filter_form.cleaned_data.get("status", "")
        shown = [
            m
            for m in municipalities
            if (not selected_county or m.county.slug == selected_county)
            and (not selected_status or m.status == selected_status)
        ]
        base = self._base_url(request)
        return {
            "municipalities": shown,
            "municipality_total": len(municipalities),
            "filter_form": filter_form,
            "is_filtered": bool(selected_county or selected_status),
            "selected_county": selected_county,
            "postal_form": postal_form or PostalCodeForm(),
            "status_summaries": status_summaries(municipalities),
            "county_summaries": county_summaries(municipalities, counties),
            "statuses": AgreementStatus.choices,
            "open_data_fields": open_data.FIELDS,
            "open_data_licence": open_data.LICENCE,
            "open_data_csv_format": open_data.CSV_FORMAT,
            "open_data_missing_values": open_data.MISSING_VALUES,
            "csv_absolute_url": request.build_absolute_uri(
                base + self.reverse_subpage("data_csv")
            ),
            "csv_url": base + self.reverse_subpage("data_csv"),
            "json_url": base + self.reverse_subpage("data_json"),
            "postal_code_url": base + self.reverse_subpage("postal_code"),
        }

    @path("")
    def overview(self, request):
        return self.render(request, context_overrides=self.overview_context(request))

    @path("postnummer/", name="postal_code")
    def postal_code(self, request):
        form = PostalCodeForm(request.GET)
        if form.is_valid():
            municipality = form.postal_code.municipality
            return HttpResponseRedirect(
                f"{self._base_url(request)}{municipality.slug}/"
            )
        # Malformed or unknown: the overview again, with the message by the field.
        return self.render(
            request, context_overrides=self.overview_context(request, postal_form=form)
        )

    # Open data.

    def open_data_rows(self, request):
        municipalities = sorted(
            self.municipalities(request, changes=True), key=lambda m: m.code
        )
        return open_data.rows(municipalities, absolute_url=request.build_absolute_uri)

    @path("data/csv/", name="data_csv")
    def data_csv(self, request):
        response = HttpResponse(
            open_data.to_csv(self.open_data_rows(request)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="kommuner.csv"'
        return response

    @path("data/json/", name="data_json")
    def data_json(self, request):
        rows = self.open_data_rows(request)
        document = open_data.to_document(
            rows,
            source_url=request.build_absolute_uri(self._base_url(request)),
            generated_at=timezone.now(),
        )
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="kommuner.json"'
        return response

    # A län and its region.

    @path("lan/<slug:slug>/", name="county")
    def county(self, request, slug):
        county = (
            County.objects.select_related("record", "record__agreement_document")
            .filter(slug=slug)
            .first()
        )
        if county is None:
            raise Http404
        self._attach_county_urls(request, county)
        record = record_or_none(county)
        municipalities = self.municipalities(request, county=county)
        summary = county_summaries(municipalities, [county])[0]
        return self.render(
            request,
            template="kommuner/public/county.html",
            context_overrides={
                "county": county,
                "record": record,
                "partnerships": list(record.partnerships.all()) if record else [],
                "municipalities": municipalities,
                "summary": summary,
            },
        )

    # A kommun.

    @re_path(r"^(?P<code>[0-9]{4})/$", name="kommun_by_code")
    def kommun_by_code(self, request, code):
        slug = (
            Municipality.objects.filter(code=code)
            .values_list("slug", flat=True)
            .first()
        )
        if slug is None:
            raise Http404
        return HttpResponsePermanentRedirect(f"{self._base_url(request)}{slug}/")

    organisations_per_page = 100

    @path("<slug:slug>/", name="kommun")
    def kommun(self, request, slug):
        municipality = (
            Municipality.objects.select_related(
                "county",
                "county__record",
                "record",
                "record__agreement_document",
            )
            .annotate(
                active_organisation_count=_count(
                    OrganisationPresence.objects.filter(municipality=OuterRef("pk"))
                )
            )
            .filter(slug=slug)
            .first()
        )
        if municipality is None:
            raise Http404
        self._attach_urls(request, [municipality])
        record = municipality.policy_record
        # In Swedish order by the stored sort name, which the database pages through
        # on its index: a large register costs the hundred organisations shown.
        organisations = municipality.organisations.order_by(
            "sort_name", "name", "pk"
        ).only(
            "id",
            "name",
            "form",
            "areas",
            "website",
            "signed_national_agreement",
            "cooperation_decision",
            "municipality_id",
        )
        paginator = Paginator(organisations, self.organisations_per_page)
        try:
            organisations_page = paginator.page(request.GET.get("sida", 1))
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404 from exc
        active_here = []
        if municipality.active_organisation_count:
            # Marked as active here by the kommun's officials, with a home elsewhere (or
            # none: national). Few, and read only when there are any.
            active_here = list(
                Organisation.objects.filter(presences__municipality=municipality)
                .select_related("municipality")
                .order_by("sort_name", "name", "pk")
                .only(
                    "id",
                    "name",
                    "form",
                    "areas",
                    "website",
                    "signed_national_agreement",
                    "cooperation_decision",
                    "municipality__name",
                    "municipality__slug",
                )
            )
            base = self._base_url(request)
            for organisation in active_here:
                if organisation.municipality is not None:
                    organisation.home_url = f"{base}{organisation.municipality.slug}/"
        return self.render(
            request,
            template="kommuner/public/kommun.html",
            context_overrides={
                "municipality": municipality,
                "record": record,
                "status_label": AgreementStatus(
                    record.agreement_status if record else AgreementStatus.MISSING
                ).label,
                "partnerships": list(record.partnerships.all()) if record else [],
                "policy_documents": (
                    list(record.policy_documents.select_related("document"))
                    if record
                    else []
                ),
                "region_record": record_or_none(municipality.county),
                "organisations": list(organisations_page.object_list),
                "organisations_page": organisations_page,
                "organisation_count": paginator.count,
                "active_here": active_here,
                "extra_sections": [
                    section
                    for fn in hooks.get_hooks(KOMMUN_PAGE_SECTIONS_HOOK)
                    if (section := fn(request, municipality, self))
                ],
            },
        )


def kommuner_home_section(request, home_page):
    """A home-page section pointing to the kommun overview.

    Register it under home.models.HOME_SECTIONS_HOOK (in kommuner/wagtail_hooks.py).
    Kept in the page cache like the navigation: one query when the cache is cold, none
    after, until pages or the kommuner's records change.
    """
    section = cache.cached(
        f"kommuner:home-section:{home_page.pk}",
        # False, not None, when there is no overview page: a value the cache keeps.
        lambda: _home_section(home_page) or False,
        (cache.PAGES, CONTENT_KIND),
    )
    return section or None


def _home_section(home_page):
    page = (
        cards(
            of_few(
                public_pages(descendants_of(KommunIndexPage.objects.live(), home_page))
            )
        )
        .annotate(
            in_place=_count(
                PolicyRecord.objects.filter(
                    municipality__isnull=False, agreement_status__in=AGREEMENT_IN_PLACE
                )
            ),
            total=_count(Municipality.objects.all()),
        )
        .first()
    )
    if page is None:
        return None
    return HomeSection(
        title=str(_("Överenskommelsen i kommuner och regioner")),
        intro=str(
            _(
                "%(count)s av landets %(total)s kommuner har en egen lokal "
                "överenskommelse. Se hur det ser ut där du bor."
            )
        )
        % {"count": page.in_place, "total": page.total},
        items=[page],
    )
