"""Hitta en studiecirkel: the routes of CircleIndexPage (cirklar/models.py).

Thin views over cirklar/public.py. The list and a circle's page show public fields only
and are kept in the page cache (they show the kinds "cirklar" and "kommuner"); the
interest form carries a CSRF token and is never kept.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse

from home import cache, guard

from . import public
from .forms_public import CircleFilterForm, InterestForm, retention_days

PER_PAGE = 20


def _index_url(page, request):
    known = getattr(request, "_circle_index_url", None)
    if known is None:
        known = request._circle_index_url = page.get_url(request)
    return known


def index(page, request):
    filter_form = CircleFilterForm(request.GET or None)
    filters = filter_form.filters()
    paginator = Paginator(public.findable_circles(filters), PER_PAGE)
    try:
        circles_page = paginator.page(request.GET.get("sida", 1))
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
    circles = public.attach_links(
        list(circles_page.object_list), request, _index_url(page, request)
    )
    return page.render(
        request,
        context_overrides={
            "filter_form": filter_form,
            "is_filtered": filter_form.is_filtered(),
            "postal_municipality": filter_form.municipality,
            "circles": circles,
            "circles_page": circles_page,
            "circle_count": paginator.count,
        },
    )


def _circle_or_404(circle_id):
    circle = public.public_circle(circle_id)
    if circle is None:
        raise Http404
    return circle


def circle(page, request, circle_id):
    circle = _circle_or_404(circle_id)
    findable = public.is_findable(circle)
    context = {"circle": circle, "findable": findable}
    if findable:
        public.attach_links([circle], request, _index_url(page, request))
        context["meetings"] = public.upcoming_meetings(circle)
    return page.render(
        request, template="cirklar/public/circle.html", context_overrides=context
    )


def interest(page, request, circle_id):
    circle = _circle_or_404(circle_id)
    index_url = _index_url(page, request)
    circle_url = f"{index_url}{circle.pk}/"
    if not public.is_findable(circle):
        # A polite answer: the circle may have filled up since the visitor found it.
        return page.render(
            request,
            template="cirklar/public/closed.html",
            context_overrides={"circle": circle, "circle_url": circle_url},
        )
    form = InterestForm(request.POST or None)
    if (
        request.method == "POST"
        and guard.protect(request, form, "circle_interest")
        and form.is_valid()
    ):
        public.submit_interest(
            circle,
            requests_url=request.build_absolute_uri(
                reverse("mina_cirklar:interest_requests", args=[circle.pk])
            ),
            circle_url=request.build_absolute_uri(circle_url),
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
        )
        return HttpResponseRedirect(f"{circle_url}tack/")
    cache.skip(request)
    response = page.render(
        request,
        template="cirklar/public/interest.html",
        context_overrides={
            "circle": circle,
            "circle_url": circle_url,
            "form": form,
            "retention_days": retention_days(),
        },
    )
    return guard.mark_response(response, form)


def thanks(page, request, circle_id):
    circle = _circle_or_404(circle_id)
    return page.render(
        request,
        template="cirklar/public/thanks.html",
        context_overrides={
            "circle": circle,
            "circle_url": f"{_index_url(page, request)}{circle.pk}/",
            "index_url": _index_url(page, request),
        },
    )
