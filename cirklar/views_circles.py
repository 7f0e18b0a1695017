"""The leader's work with circles (Mina cirklar): the list, starting a circle from a
study module or with a free topic, a circle's page, its leaders, meetings and
participants. Every view asks the predicates in cirklar/rules.py.

Other apps' circle tools (attendance, the report) add their links to a circle's page
through the CIRCLE_LINKS_HOOK: a function (request, circle) → {"url", "label"} or None.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from wagtail import hooks

from studiematerial.models import StudyModulePage, StudySession

from . import leaders, planning
from .facts import summaries_for
from .forms_circles import (
    AddLeaderForm,
    CircleFilterForm,
    CircleForm,
    CircleMeetingForm,
    MeetingPlanFormSet,
    MoveParticipantForm,
    NewCircleForm,
    ParticipantForm,
    StatusForm,
    retention_days,
)
from .models import CircleStatus, Participant, StudyCircle
from .rules import forget_led_circles, is_kansli

CIRCLE_LINKS_HOOK = "cirklar_circle_links"
CIRCLES_PER_PAGE = 50

STATUS_ORDER = [
    CircleStatus.RUNNING,
    CircleStatus.PLANNED,
    CircleStatus.FINISHED,
    CircleStatus.ARCHIVED,
]


def _to(viewname, *args):
    """Back to a page after a message, at its content (see kommuner.access)."""
    return HttpResponseRedirect(reverse(viewname, args=args) + "#main")


def circle_for(request, circle_id, permission="cirklar.change_circle"):
    """The circle, if the user holds `permission` for it (404 if none, 403 if not theirs)."""
    circle = get_object_or_404(
        StudyCircle.objects.select_related("association", "municipality", "module"),
        pk=circle_id,
    )
    if not request.user.has_perm(permission, circle):
        raise PermissionDenied
    return circle


def _status_ordering():
    return Case(
        *[
            When(status=status, then=Value(position))
            for position, status in enumerate(STATUS_ORDER)
        ],
        output_field=IntegerField(),
    )


@login_required
@require_safe
def index(request):
    if not request.user.has_perm("cirklar.use_mina_cirklar"):
        if leaders.is_unconfirmed_leader(request.user):
            # Signed up but not yet confirmed: say so, and offer a new link.
            return redirect("leader_resend")
        raise PermissionDenied
    kansli = is_kansli(request.user)
    circles = StudyCircle.objects.select_related("association", "municipality")
    filter_form = None
    if kansli:
        filter_form = CircleFilterForm(request.GET or None)
        if filter_form.is_valid():
            data = filter_form.cleaned_data
            if data["q"]:
                circles = circles.filter(
                    Q(name__icontains=data["q"])
                    | Q(municipality__name__icontains=data["q"])
                )
            if data["status"]:
                circles = circles.filter(status=data["status"])
            if data["association"]:
                circles = circles.filter(association=data["association"])
            if data["mine"]:
                circles = circles.led_by(request.user)
    else:
        circles = circles.led_by(request.user)
    circles = circles.annotate(status_order=_status_ordering()).order_by(
        "status_order", "-start_date", "name", "pk"
    )
    page = Paginator(circles, CIRCLES_PER_PAGE).get_page(request.GET.get("sida"))
    listed = list(page.object_list)
    facts = summaries_for(listed)
    groups = []
    labels = dict(CircleStatus.choices)
    for status in STATUS_ORDER:
        items = [(c, facts[c.pk]) for c in listed if c.status == status]
        if items:
            groups.append({"status": status, "label": labels[status], "items": items})
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "cirklar/circles/index.html",
        {
            "groups": groups,
            "page": page,
            "filter_form": filter_form,
            "is_kansli": kansli,
            "query_string": query.urlencode(),
            "can_start": request.user.has_perm("cirklar.start_circle"),
        },
    )


def _module_from(request):
    material = request.GET.get("material", "").strip()
    if not material:
        return None
    if not material.isdigit():
        raise Http404
    return get_object_or_404(StudyModulePage.objects.live().public(), pk=int(material))


def _initial_for_new_circle(request, module):
    initial = {}
    profile = getattr(request.user, "leader_profile", None)
    if profile is not None and profile.association.state_funded:
        initial["association"] = profile.association_id
    if module is not None:
        initial["name"] = module.title
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def start(request):
    """Start a circle: step 1 its details, step 2 the proposed meetings, each editable.

    Works as plain form posts: step 2 carries step 1's answers as hidden fields, and
    nothing is saved until the leader saves the plan, then in one transaction.
    """
    if not request.user.has_perm("cirklar.start_circle"):
        raise PermissionDenied
    module = _module_from(request)
    sessions = list(module.sessions.all()) if module is not None else []
    step = request.POST.get("step", "")
    context = {"module": module, "sessions": sessions}
    if request.method == "GET" or step == "back":
        # Back from step 2: its answers, which were valid, to change them.
        form = NewCircleForm(
            request.POST if step == "back" else None,
            module=module,
            initial=_initial_for_new_circle(request, module),
        )
        return render(request, "cirklar/circles/start.html", {**context, "form": form})
    form = NewCircleForm(request.POST, module=module)
    if not form.is_valid():
        return render(request, "cirklar/circles/start.html", {**context, "form": form})
    start_date = form.cleaned_data["start_date"]
    if step == "details":
        formset = MeetingPlanFormSet(
            initial=[p.as_initial() for p in form.proposals(sessions)],
            prefix="traff",
            sessions=sessions,
            circle_start=start_date,
        )
    else:
        formset = MeetingPlanFormSet(
            request.POST, prefix="traff", sessions=sessions, circle_start=start_date
        )
        if formset.is_valid():
            circle = _save_new_circle(request, form, formset, module)
            messages.success(
                request,
                _("Cirkeln %(name)s är startad med %(count)s träffar.")
                % {"name": circle.name, "count": len(formset.kept_forms())},
            )
            return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/start_plan.html",
        {**context, "form": form, "formset": formset, "formsets": [formset]},
    )


def _save_new_circle(request, form, formset, module):
    with transaction.atomic():
        circle = form.save(commit=False)
        circle.module = module
        circle.status = CircleStatus.PLANNED
        circle.save()
        circle.leaders.add(request.user)
        for meeting_form in formset.kept_forms():
            meeting = meeting_form.save(commit=False)
            meeting.circle = circle
            meeting.save()
            meeting_form.save_m2m()
    forget_led_circles(request.user)
    return circle


def _print_leader_url(request, circle):
    module = circle.module
    if module is None or not module.live:
        return None
    url = module.get_url(request)
    return url + module.reverse_subpage("print_leader") if url else None


@login_required
@require_safe
def circle_detail(request, circle_id):
    circle = circle_for(request, circle_id, "cirklar.view_circle")
    circle_facts = summaries_for([circle])[circle.pk]
    meetings = circle.meetings.prefetch_related(
        Prefetch("sessions", queryset=StudySession.objects.only("id", "title"))
    )
    leaders = circle.leaders.order_by("first_name", "last_name", "username")
    links = [
        link
        for fn in hooks.get_hooks(CIRCLE_LINKS_HOOK)
        if (link := fn(request, circle))
    ]
    return render(
        request,
        "cirklar/circles/circle.html",
        {
            "circle": circle,
            "results": circle_facts.results,
            "rules_met_so_far": circle_facts.rules_met_so_far,
            "next_meeting": circle_facts.next_meeting,
            "meetings": meetings,
            "participants": circle.participants.select_related("organisation"),
            "leaders": leaders,
            "status_form": StatusForm(circle=circle),
            "print_leader_url": _print_leader_url(request, circle),
            "links": links,
            "can_change": request.user.has_perm("cirklar.change_circle", circle),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def circle_edit(request, circle_id):
    circle = circle_for(request, circle_id)
    form = CircleForm(request.POST or None, instance=circle)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Uppgifterna om cirkeln är sparade."))
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/circle_form.html",
        {"circle": circle, "form": form, "subpage_title": _("Ändra uppgifter")},
    )


@login_required
@require_POST
def circle_status(request, circle_id):
    circle = circle_for(request, circle_id)
    form = StatusForm(request.POST, circle=circle)
    if form.is_valid():
        with transaction.atomic():
            planning.apply_status(circle, form.cleaned_data["status"])
            circle.save(update_fields=["status", "finished_at", "updated_at"])
        messages.success(
            request,
            _("Cirkeln har nu status %(status)s.")
            % {"status": circle.get_status_display().lower()},
        )
    else:
        for error in form.errors.get("status", []):
            messages.error(request, error)
    return _to("mina_cirklar:circle", circle.pk)


# Leaders ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def leader_add(request, circle_id):
    circle = circle_for(request, circle_id)
    form = AddLeaderForm(request.POST or None, circle=circle)
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["who"]
        with transaction.atomic():
            circle.leaders.add(user)
        messages.success(
            request,
            _("%(name)s leder nu cirkeln tillsammans med dig.")
            % {"name": user.get_full_name() or user.username},
        )
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/leader_add.html",
        {"circle": circle, "form": form, "subpage_title": _("Lägg till cirkelledare")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def leader_remove(request, circle_id, user_id):
    circle = circle_for(request, circle_id)
    leader = get_object_or_404(circle.leaders, pk=user_id)
    name = leader.get_full_name() or leader.username
    if request.method == "POST":
        with transaction.atomic():
            # Locked, so that two leaders removing each other at once leave one.
            count = (
                StudyCircle.leaders.through.objects.select_for_update()
                .filter(studycircle=circle)
                .count()
            )
            if count > 1:
                circle.leaders.remove(leader)
        if count <= 1:
            messages.error(
                request,
                _(
                    "En cirkel behöver minst en cirkelledare. Lägg till en annan "
                    "ledare först."
                ),
            )
            return _to("mina_cirklar:circle", circle.pk)
        messages.success(
            request, _("%(name)s leder inte längre cirkeln.") % {"name": name}
        )
        forget_led_circles(request.user)
        if not request.user.has_perm("cirklar.view_circle", circle):
            return _to("mina_cirklar:index")
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/leader_remove.html",
        {
            "circle": circle,
            "leader": leader,
            "leader_name": name,
            "is_self": leader.pk == request.user.pk,
            "is_last": circle.leaders.count() <= 1,
            "subpage_title": _("Ta bort cirkelledare"),
        },
    )


# Meetings --------------------------------------------------------------------------


def _meeting_form_page(request, circle, meeting=None):
    form = CircleMeetingForm(request.POST or None, instance=meeting, circle=circle)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.circle = circle
            saved.save()
            form.save_m2m()
        messages.success(
            request,
            _("Träffen %(date)s är sparad.") % {"date": saved.date.isoformat()},
        )
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/meeting_form.html",
        {
            "circle": circle,
            "meeting": meeting,
            "form": form,
            "subpage_title": _("Ändra träff") if meeting else _("Ny träff"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_add(request, circle_id):
    return _meeting_form_page(request, circle_for(request, circle_id))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, circle_id, meeting_id):
    circle = circle_for(request, circle_id)
    meeting = get_object_or_404(circle.meetings, pk=meeting_id)
    return _meeting_form_page(request, circle, meeting)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_delete(request, circle_id, meeting_id):
    circle = circle_for(request, circle_id)
    meeting = get_object_or_404(circle.meetings, pk=meeting_id)
    if request.method == "POST":
        with transaction.atomic():
            meeting.delete()
        messages.success(
            request,
            _("Träffen %(date)s är borttagen.") % {"date": meeting.date.isoformat()},
        )
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/meeting_delete.html",
        {
            "circle": circle,
            "meeting": meeting,
            "has_attendance": meeting.attendance.exists(),
            "subpage_title": _("Ta bort träff"),
        },
    )


# Participants ----------------------------------------------------------------------


def _participant_form_page(request, circle, participant=None):
    form = ParticipantForm(request.POST or None, instance=participant, circle=circle)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.circle = circle
            saved.save()
        messages.success(request, _("%(name)s är sparad.") % {"name": saved.name})
        if participant is None and "add_another" in request.POST:
            return _to("mina_cirklar:participant_add", circle.pk)
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/participant_form.html",
        {
            "circle": circle,
            "participant": participant,
            "form": form,
            "retention_days": retention_days(),
            "subpage_title": _("Ändra deltagare") if participant else _("Ny deltagare"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_add(request, circle_id):
    return _participant_form_page(request, circle_for(request, circle_id))


def _participant_of(circle, participant_id):
    return get_object_or_404(
        Participant.objects.filter(circle=circle, anonymised_at__isnull=True),
        pk=participant_id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_edit(request, circle_id, participant_id):
    circle = circle_for(request, circle_id)
    return _participant_form_page(
        request, circle, _participant_of(circle, participant_id)
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_delete(request, circle_id, participant_id):
    circle = circle_for(request, circle_id)
    participant = _participant_of(circle, participant_id)
    if request.method == "POST":
        with transaction.atomic():
            participant.delete()
        messages.success(
            request, _("%(name)s är borttagen.") % {"name": participant.name}
        )
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/participant_delete.html",
        {
            "circle": circle,
            "participant": participant,
            "subpage_title": _("Ta bort deltagare"),
        },
    )


def move_targets(user, circle):
    """The circles a participant of `circle` can move to: the other circles of its
    leaders that the user may change, not archived."""
    targets = (
        StudyCircle.objects.filter(leaders__in=circle.leaders.all())
        .exclude(pk=circle.pk)
        .exclude(status=CircleStatus.ARCHIVED)
    )
    if not is_kansli(user):
        targets = targets.filter(pk__in=StudyCircle.objects.led_by(user))
    return targets.distinct().order_by("name", "pk")


@login_required
@require_http_methods(["GET", "POST"])
def participant_move(request, circle_id, participant_id):
    circle = circle_for(request, circle_id)
    participant = _participant_of(circle, participant_id)
    form = MoveParticipantForm(
        request.POST or None, targets=move_targets(request.user, circle)
    )
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        if not request.user.has_perm("cirklar.change_circle", target):
            raise PermissionDenied
        with transaction.atomic():
            # Attendance belongs to the old circle's meetings: none of it comes along.
            participant.attendance.all().delete()
            participant.circle = target
            participant.save(update_fields=["circle"])
        messages.success(
            request,
            _("%(name)s är flyttad till %(circle)s.")
            % {"name": participant.name, "circle": target.name},
        )
        return _to("mina_cirklar:circle", circle.pk)
    return render(
        request,
        "cirklar/circles/participant_move.html",
        {
            "circle": circle,
            "participant": participant,
            "form": form,
            "attended": participant.attendance.filter(present=True).count(),
            "subpage_title": _("Flytta deltagare"),
        },
    )
