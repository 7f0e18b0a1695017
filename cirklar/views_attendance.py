"""The leader's attendance, report, exports and calendar link for a circle.

Every view asks the predicates of cirklar/rules.py about the circle: a leader
reaches only the circles they lead, the kansli all. The calendar feed alone is
public, at a secret link that names the circle's meetings and nothing about people.
"""

import csv
import io
import json
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import calendar_feed as ical
from . import planning
from . import rules_folkbildning as folkbildning
from .attendance import parse_ticked_at, record_leader_tick, record_tick, save_checklist
from .facts import circle_facts, leader_name
from .models import Meeting, StudyCircle


class NotSignedIn(Exception):
    pass


def signed_in_or_login(view):
    """Anonymous visitors go to the login page and back."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, *args, **kwargs)
        except NotSignedIn:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def private(response):
    """Personal data: for this browser only, never kept by a proxy or the page cache."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def circle_for(request, circle_id, permission):
    """The circle, if the user holds `permission` for it (403 otherwise)."""
    if not request.user.is_authenticated:
        raise NotSignedIn
    circle = get_object_or_404(
        StudyCircle.objects.select_related("association", "municipality"),
        pk=circle_id,
    )
    if not request.user.has_perm(permission, circle):
        raise PermissionDenied
    return circle


def meeting_for(circle, meeting_id):
    """A meeting of this circle: another circle's meeting is not found here."""
    return get_object_or_404(Meeting, pk=meeting_id, circle=circle)


def work_plan_url(circle):
    """Where the leader fills in the arbetsplan: the circle's edit form."""
    return reverse("mina_cirklar:circle_edit", args=[circle.pk])


def work_plan_missing(circle):
    return planning.work_plan_missing(circle) is not None


WORK_PLAN_ERROR = gettext_noop(
    "Cirkeln har ingen arbetsplan än. Folkbildningsrådet kräver en arbetsplan "
    "innan den första träffen, så närvaron kan inte sparas förrän den är ifylld."
)


def _attendance_url(circle, meeting):
    return reverse("mina_cirklar:attendance", args=[circle.pk, meeting.pk])


# Attendance ---------------------------------------------------------------------------


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def attendance(request, circle_id, meeting_id):
    """The checklist for one meeting: a plain form, ticks saved at once with JavaScript."""
    circle = circle_for(request, circle_id, "cirklar.change_circle")
    meeting = meeting_for(circle, meeting_id)
    facts = circle_facts(circle)
    blocked = work_plan_missing(circle)
    if request.method == "POST":
        if blocked:
            messages.error(request, _(WORK_PLAN_ERROR))
        else:
            present_ids = _ids(request.POST.getlist("present"))
            leaders_present = _ids(request.POST.getlist("leader_present"))
            absent_ids = {u.pk for u in facts.leaders if u.pk not in leaders_present}
            save_checklist(
                meeting, facts.participants, present_ids, facts.leaders, absent_ids
            )
            messages.success(request, _("Närvaron är sparad."))
        return HttpResponseRedirect(_attendance_url(circle, meeting) + "#main")
    meetings = facts.meetings
    position = next(i for i, m in enumerate(meetings) if m.pk == meeting.pk)
    meeting = meetings[position]
    rows = [
        {
            "participant": p,
            "present": facts.is_present(meeting, p),
        }
        for p in facts.participants
    ]
    leader_rows = [
        {
            "leader": u,
            "name": leader_name(u),
            "present": facts.leader_present(meeting, u),
        }
        for u in facts.leaders
    ]
    present_count = sum(r["present"] for r in rows) + sum(
        r["present"] for r in leader_rows
    )
    response = render(
        request,
        "cirklar/attendance/attendance.html",
        {
            "circle": circle,
            "subpage_title": _("Närvaro %(date)s")
            % {"date": date_format(meeting.date, "j F")},
            "meeting": meeting,
            "rows": rows,
            "leader_rows": leader_rows,
            "present_count": present_count,
            "min_present": folkbildning.MIN_PRESENT,
            "previous": meetings[position - 1] if position > 0 else None,
            "next": meetings[position + 1] if position + 1 < len(meetings) else None,
            "number": position + 1,
            "blocked": blocked,
            "work_plan_error": _(WORK_PLAN_ERROR),
            "work_plan_url": work_plan_url(circle),
            "tick_url": reverse(
                "mina_cirklar:attendance_tick", args=[circle.pk, meeting.pk]
            ),
        },
    )
    return private(response)


def _ids(values):
    ids = set()
    for value in values:
        if value.isdigit():
            ids.add(int(value))
    return ids


def _json_error(message, status):
    return private(JsonResponse({"ok": False, "error": message}, status=status))


@require_POST
def attendance_tick(request, circle_id, meeting_id):
    """One tick, as JSON: {"participant": id | "leader": id, "present": bool,
    "ticked_at": ISO time}. Answers with the state stored afterwards."""
    if not request.user.is_authenticated:
        return _json_error(_("Du är inte inloggad. Logga in och försök igen."), 401)
    circle = circle_for(request, circle_id, "cirklar.change_circle")
    meeting = meeting_for(circle, meeting_id)
    if work_plan_missing(circle):
        return _json_error(_(WORK_PLAN_ERROR), 409)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _json_error(_("Närvaron kunde inte läsas."), 400)
    if not isinstance(data, dict) or not isinstance(data.get("present"), bool):
        return _json_error(_("Närvaron kunde inte läsas."), 400)
    present = data["present"]
    if "leader" in data:
        leader = _by_id(circle.leaders.all(), data["leader"])
        if leader is None:
            return _json_error(_("Ledaren finns inte i cirkeln."), 404)
        record_leader_tick(meeting, leader, present)
        return private(JsonResponse({"ok": True, "applied": True, "present": present}))
    participant = _by_id(circle.participants.all(), data.get("participant"))
    if participant is None:
        return _json_error(_("Deltagaren finns inte i cirkeln."), 404)
    ticked_at = parse_ticked_at(data.get("ticked_at"))
    if ticked_at is None:
        return _json_error(_("Tiden för avprickningen saknas."), 400)
    applied, row = record_tick(meeting, participant, present, ticked_at)
    return private(
        JsonResponse(
            {
                "ok": True,
                "applied": applied,
                "present": row.present,
                "ticked_at": row.ticked_at.isoformat(),
            }
        )
    )


def _by_id(queryset, value):
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return queryset.filter(pk=value).first()


# The report ---------------------------------------------------------------------------


def _report_context(circle, facts):
    meetings = []
    for number, meeting in enumerate(facts.meetings, start=1):
        present = facts.present_keys(meeting)
        meetings.append(
            {
                "meeting": meeting,
                "number": number,
                "study_hours": folkbildning.study_hours(meeting.length_minutes),
                "reportable_hours": folkbildning.reportable_hours(
                    meeting.length_minutes
                ),
                "present_count": len(present),
                "held": meeting.held,
            }
        )
    people = [
        {
            "name": leader_name(u),
            "is_leader": True,
            "birth_year": None,
            "marks": [facts.leader_present(m, u) for m in facts.meetings],
        }
        for u in facts.leaders
    ] + [
        {
            "name": p.name,
            "is_leader": False,
            "birth_year": p.birth_year,
            "marks": [facts.is_present(m, p) for m in facts.meetings],
        }
        for p in facts.participants
    ]
    for person in people:
        person["cells"] = list(zip(meetings, person["marks"], strict=True))
        person["attended"] = sum(mark for row, mark in person["cells"] if row["held"])
    return {
        "circle": circle,
        "meetings": meetings,
        "people": people,
        "results": facts.results,
        "all_met": facts.all_met,
        "total_hours": facts.total_hours,
        "planned_hours": sum(m["reportable_hours"] for m in meetings),
    }


@signed_in_or_login
@require_GET
def report(request, circle_id):
    circle = circle_for(request, circle_id, "cirklar.view_circle")
    facts = circle_facts(circle)
    context = _report_context(circle, facts)
    context["can_change"] = request.user.has_perm("cirklar.change_circle", circle)
    context["subpage_title"] = _("Rapport")
    context["section"] = "report"
    return private(render(request, "cirklar/attendance/report.html", context))


def _mark(value):
    return "X" if value else ""


@signed_in_or_login
@require_GET
def attendance_csv(request, circle_id):
    """The attendance list for the studieförbund: UTF-8 with a byte order mark and
    semicolons, as Excel in Sweden reads it (like the kommuner's open data)."""
    circle = circle_for(request, circle_id, "cirklar.view_circle")
    context = _report_context(circle, circle_facts(circle))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [_("Namn"), _("Roll"), _("Födelseår")]
        + [row["meeting"].date.isoformat() for row in context["meetings"]]
        + [_("Antal träffar")]
    )
    for person in context["people"]:
        writer.writerow(
            [
                person["name"],
                _("cirkelledare") if person["is_leader"] else _("deltagare"),
                person["birth_year"] or "",
            ]
            + [_mark(mark) for mark in person["marks"]]
            + [person["attended"]]
        )
    writer.writerow(
        [_("Studietimmar"), "", ""]
        + [
            row["reportable_hours"] if row["held"] else ""
            for row in context["meetings"]
        ]
        + [context["total_hours"]]
    )
    response = HttpResponse(
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"narvaro-cirkel-{circle.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)


@signed_in_or_login
@require_GET
def attendance_sheet(request, circle_id):
    """The printable närvarolista: one A4 page per month of meetings."""
    circle = circle_for(request, circle_id, "cirklar.view_circle")
    context = _report_context(circle, circle_facts(circle))
    months = []
    indexed = list(enumerate(context["meetings"]))
    for _month, group in groupby(
        indexed,
        key=lambda item: (item[1]["meeting"].date.year, item[1]["meeting"].date.month),
    ):
        group = list(group)
        positions = [i for i, _row in group]
        rows = [row for _i, row in group]
        months.append(
            {
                "label": date_format(rows[0]["meeting"].date, "F Y"),
                "meetings": rows,
                "people": [
                    {
                        "name": person["name"],
                        "is_leader": person["is_leader"],
                        "marks": [person["marks"][i] for i in positions],
                        "count": sum(
                            person["marks"][i]
                            for i in positions
                            if context["meetings"][i]["held"]
                        ),
                    }
                    for person in context["people"]
                ],
                "hours": sum(r["reportable_hours"] for r in rows if r["held"]),
            }
        )
    context["months"] = months
    context["leaders"] = [p["name"] for p in context["people"] if p["is_leader"]]
    return private(render(request, "cirklar/attendance/sheet.html", context))


# The calendar -------------------------------------------------------------------------


def _feed_url(request, circle):
    return request.build_absolute_uri(
        reverse("cirklar_calendar_feed", args=[circle.calendar_token])
    )


@signed_in_or_login
@require_GET
def calendar(request, circle_id):
    """The circle's calendar link, to share with the participants."""
    circle = circle_for(request, circle_id, "cirklar.view_circle")
    return private(
        render(
            request,
            "cirklar/attendance/calendar.html",
            {
                "circle": circle,
                "subpage_title": _("Kalenderlänk"),
                "section": "calendar",
                "feed_url": _feed_url(request, circle),
                "can_change": request.user.has_perm("cirklar.change_circle", circle),
            },
        )
    )


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def calendar_rotate(request, circle_id):
    """A new secret link: asked first, and the old one stops working at once."""
    circle = circle_for(request, circle_id, "cirklar.change_circle")
    if request.method == "POST":
        with transaction.atomic():
            circle.rotate_calendar_token()
        messages.success(
            request,
            _(
                "Kalenderlänken är ny. Den gamla fungerar inte längre: dela den nya "
                "med deltagarna."
            ),
        )
        return HttpResponseRedirect(
            reverse("mina_cirklar:calendar", args=[circle.pk]) + "#main"
        )
    return private(
        render(
            request,
            "cirklar/attendance/calendar_rotate.html",
            {
                "circle": circle,
                "subpage_title": _("Byt kalenderlänk"),
                "section": "calendar",
            },
        )
    )


@require_GET
def calendar_feed(request, token):
    """The circle's meetings as iCalendar, at its secret link, without sign-in."""
    if len(token) > 64:
        raise Http404
    circle = (
        StudyCircle.objects.filter(calendar_token=token)
        .select_related("association")
        .first()
    )
    if circle is None:
        raise Http404
    meetings = circle.meetings.order_by("date", "start_time").prefetch_related(
        "sessions"
    )
    body = ical.feed(circle, meetings, host=request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="cirkel.ics"'
    response["X-Robots-Tag"] = "noindex"
    # Short, and never in the page cache or a proxy: a rotated link stops at once.
    patch_cache_control(response, private=True, max_age=300)
    return response
