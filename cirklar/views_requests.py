"""The leader's interest requests: under the circle, add the person as a participant in one step.

/mina-cirklar/<circle_id>/intresseanmalningar/ lists the circle's requests; its two
buttons post to the same list (add as participant, mark as handled) and come back to it
(POST-redirect-GET). Every view asks cirklar.change_circle (cirklar/rules.py).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models import InterestRequest, Participant, StudyCircle


def _circle_for(request, circle_id):
    circle = get_object_or_404(
        StudyCircle.objects.select_related("municipality"), pk=circle_id
    )
    if not request.user.has_perm("cirklar.change_circle", circle):
        raise PermissionDenied
    return circle


def _back(circle):
    return HttpResponseRedirect(
        reverse("mina_cirklar:interest_requests", args=[circle.pk])
    )


@never_cache
def interest_requests(request, circle_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    circle = _circle_for(request, circle_id)
    if request.method == "POST":
        return _act(request, circle)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    requests = list(circle.interest_requests.order_by("handled_at", "-created_at"))
    return render(
        request,
        "cirklar/requests/list.html",
        {
            "circle": circle,
            "waiting": [r for r in requests if r.handled_at is None],
            "handled": [r for r in requests if r.handled_at is not None],
        },
    )


def _act(request, circle):
    action = request.POST.get("action")
    request_id = request.POST.get("request", "")
    if not request_id.isdigit():
        raise Http404
    with transaction.atomic():
        # Locked, so that two taps on "add" (or two leaders) add the person once.
        interest = get_object_or_404(
            InterestRequest.objects.select_for_update(), pk=request_id, circle=circle
        )
        if action == "add":
            if interest.participant_id is not None:
                messages.info(
                    request, _("%s är redan tillagd som deltagare.") % interest.name
                )
                return _back(circle)
            interest.participant = Participant.objects.create(
                circle=circle, name=interest.name, email=interest.email
            )
            interest.handled_at = interest.handled_at or timezone.now()
            interest.save(update_fields=["participant", "handled_at"])
            messages.success(
                request, _("%s är tillagd som deltagare i cirkeln.") % interest.name
            )
        elif action == "handled":
            if interest.handled_at is None:
                interest.handled_at = timezone.now()
                interest.save(update_fields=["handled_at"])
            messages.success(
                request, _("Anmälan från %s är markerad som hanterad.") % interest.name
            )
        else:
            messages.error(request, _("Välj vad som ska göras med anmälan."))
    return _back(circle)
