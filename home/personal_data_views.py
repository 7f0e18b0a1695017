"""The kansli's admin view of the register of personal data: look up, download, erase.

Every request carries the address in a POST body, never in the URL, so that addresses
do not end up in server logs or browser history. Looking up therefore answers a POST
with the page itself; the erasure, which writes, redirects afterwards.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import personal_data
from .forms import PersonalDataErasureForm, PersonalDataLookupForm
from .models import ErasureLog

PERMISSION = "home.manage_personal_data"
RECENT_LOG_ENTRIES = 20
SHOWN_PER_KIND = 50


def may_manage(user):
    return user.has_perm(PERMISSION)


@method_decorator(never_cache, name="dispatch")
class PersonalDataView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Personuppgifter")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("personal_data:index"), "label": _("Personuppgifter")},
        ]

    def back_to_index(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return HttpResponseRedirect(reverse("personal_data:index"))


def fingerprint(found):
    """What the kansli saw would go, to tell whether it changed before they confirmed."""
    return json.dumps(personal_data.counts(found), sort_keys=True)


def shown(found):
    """Each kind's records as one line each, at most SHOWN_PER_KIND of them."""
    return [
        {
            "kind": holding.kind,
            "count": holding.count,
            "lines": [
                holding.kind.describe(record)
                for record in holding.records[:SHOWN_PER_KIND]
            ],
            "more": max(holding.count - SHOWN_PER_KIND, 0),
        }
        for holding in found
    ]


class IndexView(PersonalDataView):
    template_name = "home/personal_data/index.html"

    def get(self, request):
        return self.render_to_response(
            self.get_context_data(form=PersonalDataLookupForm())
        )

    def post(self, request):
        form = PersonalDataLookupForm(request.POST)
        context = {"form": form}
        if form.is_valid():
            email = form.cleaned_data["email"]
            found = personal_data.holdings(email)
            context.update(
                email=email,
                holdings=shown(found),
                total=sum(holding.count for holding in found),
                refusals=personal_data.refusals(email, request.user),
            )
        return self.render_to_response(self.get_context_data(**context))

    def get_context_data(self, **kwargs):
        labels = {kind.key: kind.label for kind in personal_data.kinds()}
        log = [
            {
                "entry": entry,
                "kinds": [
                    (labels.get(key, key), count) for key, count in entry.counts.items()
                ],
            }
            for entry in ErasureLog.objects.select_related("performed_by")[
                :RECENT_LOG_ENTRIES
            ]
        ]
        return super().get_context_data(log=log, **kwargs)


class ExportView(PersonalDataView):
    def post(self, request):
        form = PersonalDataLookupForm(request.POST)
        if not form.is_valid():
            return self.back_to_index(form)
        now = timezone.now()
        response = JsonResponse(
            personal_data.export(form.cleaned_data["email"], now=now),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
        # The file name says when, not whose: it may be mailed or stored.
        response["Content-Disposition"] = (
            f'attachment; filename="personuppgifter-{timezone.localtime(now):%Y-%m-%d-%H%M}.json"'
        )
        return response


class EraseView(PersonalDataView):
    template_name = "home/personal_data/confirm_erase.html"

    def post(self, request):
        form = PersonalDataErasureForm(request.POST)
        if not form.is_valid():
            return self.back_to_index(form)
        email = form.cleaned_data["email"]
        found = personal_data.holdings(email)
        seen = fingerprint(found)
        reasons = personal_data.refusals(email, request.user)
        confirmed = "confirmed" in request.POST
        changed = confirmed and form.cleaned_data["expected"] != seen
        if confirmed and not changed and not reasons and personal_data.counts(found):
            entry = personal_data.erase(email, performed_by=request.user)
            messages.success(
                request,
                _("Uppgifterna är raderade: %(total)s poster (%(kinds)s).")
                % {
                    "total": entry.total,
                    "kinds": ", ".join(
                        f"{holding.kind.label} {entry.counts[holding.kind.key]}"
                        for holding in found
                        if holding.kind.key in entry.counts
                    ),
                },
            )
            return HttpResponseRedirect(reverse("personal_data:index"))
        return self.render_to_response(
            self.get_context_data(
                form=PersonalDataErasureForm(
                    initial={"email": email, "expected": seen}
                ),
                email=email,
                holdings=[item for item in shown(found) if item["count"]],
                refusals=reasons,
                changed=changed,
            )
        )

    def get_page_subtitle(self):
        return _("Radera")


app_name = "personal_data"
urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("ladda-ner/", ExportView.as_view(), name="export"),
    path("radera/", EraseView.as_view(), name="erase"),
]
