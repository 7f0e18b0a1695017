"""What visitors see of the study circles: the open circles, filtered, and their public fields.

No HTTP here: the pages (cirklar/views_public.py, the kommun page and the module page
through their hooks, cirklar/wagtail_hooks.py) ask these functions. Every function reads
only public fields (never participants, leaders, attendance or interest requests) and a
fixed number of queries, whatever the number of circles.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.models import Page

from home.models import public_pages
from home.site_address import absolute_url
from home.tasks import send_email
from kommuner.models import KommunIndexPage

from .models import (
    FINDABLE,
    CircleIndexPage,
    CircleStatus,
    InterestRequest,
    Meeting,
    StudyCircle,
)

#: The fields of a circle that a list shows (with its studieförbund and kommun).
LIST_FIELDS = (
    "id",
    "name",
    "meeting_place",
    "start_date",
    "status",
    "public_description",
    "module_id",
    "association__name",
    "association__slug",
    "municipality__name",
    "municipality__slug",
    "municipality__county__name",
    "municipality__county__slug",
)


@dataclass
class Filters:
    """What a visitor filters the circles by: slugs, and a module page's id."""

    kommun: str = ""
    lan: str = ""
    studieforbund: str = ""
    material: int | None = None


def findable_circles(filters=None):
    """Open circles, with their studieförbund, kommun, län and next meeting date."""
    filters = filters or Filters()
    circles = StudyCircle.objects.findable()
    if filters.kommun:
        circles = circles.filter(municipality__slug=filters.kommun)
    if filters.lan:
        circles = circles.filter(municipality__county__slug=filters.lan)
    if filters.studieforbund:
        circles = circles.filter(association__slug=filters.studieforbund)
    if filters.material:
        circles = circles.filter(module_id=filters.material)
    return with_next_meeting(
        circles.select_related(
            "association", "municipality", "municipality__county"
        ).only(*LIST_FIELDS)
    ).order_by("name", "pk")


def with_next_meeting(circles):
    upcoming = Meeting.objects.filter(
        circle=OuterRef("pk"), date__gte=timezone.localdate()
    ).order_by("date", "start_time")
    return circles.annotate(next_meeting=Subquery(upcoming.values("date")[:1]))


def circle_index_page():
    """The live Hitta en studiecirkel page, or None."""
    return (
        CircleIndexPage.objects.live()
        .only("id", "path", "depth", "url_path", "title")
        .first()
    )


def kommun_base_url(request):
    """The kommun overview's URL (a kommun's page is it plus the kommun's slug), or ""."""
    page = public_pages(KommunIndexPage.objects.live()).only(*_URL_FIELDS).first()
    return page.get_url(request) if page else ""


_URL_FIELDS = ("id", "path", "depth", "url_path", "title")


def attach_links(circles, request, index_url, kommun_url=None):
    """Give each circle `page_url`, `kommun_url` and `module` (a live page or None).

    The modules of all the circles in one query, their titles and URLs only.
    """
    if kommun_url is None:
        kommun_url = kommun_base_url(request)
    module_ids = {c.module_id for c in circles if c.module_id}
    modules = {}
    if module_ids:
        modules = {
            page.pk: page
            for page in public_pages(
                Page.objects.live().filter(pk__in=module_ids)
            ).only(*_URL_FIELDS)
        }
    for circle in circles:
        circle.page_url = f"{index_url}{circle.pk}/" if index_url else ""
        circle.kommun_url = (
            f"{kommun_url}{circle.municipality.slug}/" if kommun_url else ""
        )
        circle.module_page = modules.get(circle.module_id)
        if circle.module_page is not None:
            circle.module_page.page_url = circle.module_page.get_url(request)
    return circles


def public_circle(circle_id):
    """A circle by id with its public fields, findable or not; None if there is none."""
    return (
        StudyCircle.objects.select_related(
            "association", "municipality", "municipality__county"
        )
        .only(*LIST_FIELDS, "open_to_new", "updated_at")
        .filter(pk=circle_id)
        .first()
    )


def is_findable(circle):
    return StudyCircle.objects.findable().filter(pk=circle.pk).exists()


def upcoming_meetings(circle, limit=20):
    """Dates and times of the circle's coming meetings: nothing else of them."""
    return list(
        circle.meetings.filter(date__gte=timezone.localdate())
        .order_by("date", "start_time")
        .only("id", "circle_id", "date", "start_time", "length_minutes")[:limit]
    )


def circles_in_municipality(municipality, limit):
    """The first `limit` open circles of a kommun, and how many there are in all."""
    circles = findable_circles(Filters()).filter(municipality=municipality)
    shown = list(circles[: limit + 1])
    if len(shown) > limit:
        return shown[:limit], circles.count()
    return shown, len(shown)


def module_circle_counts(module_id):
    """How many circles follow a module: all but the archived, and the open ones."""
    # The findable() conditions on the module's own circles: a subquery of every
    # findable circle would be read whole, whatever the module.
    return StudyCircle.objects.filter(module_id=module_id).aggregate(
        using=Count("pk", filter=~Q(status=CircleStatus.ARCHIVED)),
        open=Count("pk", filter=Q(FINDABLE)),
    )


def sitemap_urls(index_page, request):
    base = absolute_url(request, index_page.get_url(request))
    return [
        {"location": f"{base}{pk}/", "lastmod": updated_at}
        for pk, updated_at in StudyCircle.objects.findable()
        .order_by("pk")
        .values_list("pk", "updated_at")
    ]


# The intresseanmälan.


def leader_addresses(circle):
    return sorted(
        {
            address
            for address in circle.leaders.filter(is_active=True).values_list(
                "email", flat=True
            )
            if address
        }
    )


def submit_interest(circle, name, email, message, requests_url, circle_url):
    """Save a visitor's request first; the e-mails to the leaders and to the visitor
    are background tasks enqueued once it is saved, so that a mail server that is down
    loses no request (the leader sees it under the circle in any case)."""
    with transaction.atomic():
        interest = InterestRequest.objects.create(
            circle=circle, name=name, email=email, message=message
        )
        context = {
            "circle": circle,
            "interest": interest,
            "requests_url": requests_url,
            "circle_url": circle_url,
        }
        leaders = leader_addresses(circle)
        leader_mail = (
            _subject("cirklar/public/email/leader_subject.txt", context),
            render_to_string("cirklar/public/email/leader_body.txt", context),
        )
        visitor_mail = (
            _subject("cirklar/public/email/visitor_subject.txt", context),
            render_to_string("cirklar/public/email/visitor_body.txt", context),
        )

        def enqueue():
            if leaders:
                send_email.enqueue(*leader_mail, leaders)
            send_email.enqueue(*visitor_mail, [email])

        transaction.on_commit(enqueue)
    return interest


def _subject(template, context):
    return "".join(render_to_string(template, context).splitlines())
