"""'Min kommun': where municipal officials (and the kansli) keep a kommun's record and register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .access import municipality_for, redirect_to_message, signed_in_or_login
from .forms import (
    MarkActiveForm,
    OrganisationForm,
    PartnershipFormSet,
    PolicyDocumentFormSet,
    PolicyRecordForm,
)
from .models import (
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyRecord,
    presence_refusal,
)
from .rules import is_kansli

RECENT_REVISIONS = 10


@login_required
def index(request):
    if not request.user.has_perm("kommuner.use_min_kommun"):
        raise PermissionDenied
    own = request.user.municipalities.select_related("county").order_by("name")
    all_municipalities = None
    query = request.GET.get("q", "").strip()[:100]
    if is_kansli(request.user):
        all_municipalities = Municipality.objects.select_related("county").order_by(
            "name"
        )
        if query:
            all_municipalities = all_municipalities.filter(name__icontains=query)
    return render(
        request,
        "kommuner/min_kommun/index.html",
        {"own": own, "all_municipalities": all_municipalities, "query": query},
    )


def _record_for(municipality):
    try:
        return municipality.record
    except PolicyRecord.DoesNotExist:
        return PolicyRecord(municipality=municipality)


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def record(request, slug):
    municipality = municipality_for(request, slug, "kommuner.change_policyrecord")
    policy_record = _record_for(municipality)
    loaded_at = policy_record.updated_at.isoformat() if policy_record.pk else ""
    if request.method == "POST":
        form = PolicyRecordForm(request.POST, instance=policy_record)
        partnerships = PartnershipFormSet(
            request.POST, instance=policy_record, prefix="iop"
        )
        documents = PolicyDocumentFormSet(
            request.POST, instance=policy_record, prefix="dokument"
        )
        if _changed_meanwhile(policy_record, request.POST.get("loaded_at", "")):
            form.add_error(
                None,
                _(
                    "Någon annan har sparat ändringar i uppgifterna medan du arbetade. "
                    "Öppna sidan igen för att se dem; dina ändringar är inte sparade."
                ),
            )
        elif form.is_valid() and partnerships.is_valid() and documents.is_valid():
            try:
                with transaction.atomic():
                    saved = form.save()
                    partnerships.instance = saved
                    documents.instance = saved
                    partnerships.save()
                    documents.save()
                    saved.save_revision(user=request.user, log_action=True)
            except IntegrityError:
                # Two people created the kommun's first record at the same moment.
                form.add_error(
                    None, _("Någon annan sparade samtidigt. Öppna sidan igen.")
                )
            else:
                messages.success(
                    request, _("Uppgifterna för %s är sparade.") % municipality.name
                )
                return redirect_to_message("min_kommun:record", municipality)
    else:
        form = PolicyRecordForm(instance=policy_record)
        partnerships = PartnershipFormSet(instance=policy_record, prefix="iop")
        documents = PolicyDocumentFormSet(instance=policy_record, prefix="dokument")
    revisions = []
    if policy_record.pk:
        revisions = policy_record.revisions.select_related("user").order_by(
            "-created_at"
        )[:RECENT_REVISIONS]
    return render(
        request,
        "kommuner/min_kommun/record.html",
        {
            "municipality": municipality,
            "section": "record",
            "form": form,
            "partnerships": partnerships,
            "documents": documents,
            # The error summary lists the rows' errors too (components/form_errors.html).
            "formsets": [partnerships, documents],
            "loaded_at": loaded_at,
            "revisions": revisions,
            "record": policy_record,
            "is_kansli": is_kansli(request.user),
        },
    )


def _changed_meanwhile(policy_record, loaded_at):
    """True if the record was saved by someone else after this form was loaded."""
    if not policy_record.pk:
        return False
    loaded = parse_datetime(loaded_at) if loaded_at else None
    current = PolicyRecord.objects.filter(pk=policy_record.pk).values_list(
        "updated_at", flat=True
    )
    return loaded is None or current.first() != loaded


@signed_in_or_login
def organisations(request, slug):
    municipality = municipality_for(request, slug, "kommuner.add_organisation")
    query = request.GET.get("q", "").strip()[:100]
    items = municipality.organisations.order_by("name")
    # Those with a home elsewhere that the kommun has marked as active in it.
    active_here = Organisation.objects.filter(
        presences__municipality=municipality
    ).select_related("municipality")
    if query:
        items = items.filter(name__icontains=query)
        active_here = active_here.filter(name__icontains=query)
    return render(
        request,
        "kommuner/min_kommun/organisations.html",
        {
            "municipality": municipality,
            "section": "organisations",
            "subpage_title": _("Organisationer"),
            "organisations": items,
            "active_here": active_here.order_by("name"),
            "query": query,
            "total": municipality.organisations.aggregate(n=Count("pk"))["n"],
            "active_total": municipality.organisation_presences.aggregate(
                n=Count("pk")
            )["n"],
        },
    )


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def organisation_add(request, slug):
    municipality = municipality_for(request, slug, "kommuner.add_organisation")
    form = OrganisationForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            organisation = form.save(commit=False)
            organisation.municipality = municipality
            organisation.save()
        messages.success(request, _("%s är tillagd.") % organisation.name)
        return redirect_to_message("min_kommun:organisations", municipality)
    return render(
        request,
        "kommuner/min_kommun/organisation_form.html",
        {
            "municipality": municipality,
            "section": "organisations",
            "subpage_title": _("Ny organisation"),
            "form": form,
            **_mark_active_offer(request, municipality, form.existing_organisation),
        },
    )


def _mark_active_offer(request, municipality, existing):
    """What the add form offers for a number another kommun (or none) already has."""
    if existing is None or existing.municipality_id == municipality.pk:
        return {}
    if not request.user.has_perm("kommuner.mark_organisation_active", municipality):
        return {}
    return {
        "existing": existing,
        "mark_active_refusal": presence_refusal(existing, municipality),
    }


@signed_in_or_login
@require_POST
def organisation_mark_active(request, slug):
    """Mark an organisation with a home elsewhere as active in this kommun, then back
    to the kommun's list."""
    municipality = municipality_for(request, slug, "kommuner.mark_organisation_active")
    form = MarkActiveForm(request.POST, municipality=municipality)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect_to_message("min_kommun:organisations", municipality)
    organisation = form.cleaned_data["organisation"]
    try:
        with transaction.atomic():
            OrganisationPresence.objects.create(
                organisation=organisation,
                municipality=municipality,
                added_by=request.user,
            )
    except IntegrityError:
        pass  # marked by someone else at the same moment: it is marked all the same
    messages.success(
        request,
        _("%(name)s är markerad som verksam i %(kommun)s.")
        % {"name": organisation.name, "kommun": municipality.name},
    )
    return redirect_to_message("min_kommun:organisations", municipality)


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def organisation_unmark_active(request, slug, pk):
    """Take an organisation with a home elsewhere off this kommun's list (the
    organisation itself stays as it is, in its home kommun)."""
    municipality = municipality_for(request, slug, "kommuner.add_organisation")
    presence = get_object_or_404(
        OrganisationPresence.objects.select_related(
            "organisation", "organisation__municipality"
        ),
        municipality=municipality,
        organisation_id=pk,
    )
    if not request.user.has_perm("kommuner.remove_organisation_presence", presence):
        raise PermissionDenied
    organisation = presence.organisation
    if request.method == "POST":
        with transaction.atomic():
            presence.delete()
        messages.success(
            request,
            _("%(name)s är borttagen ur listan för %(kommun)s.")
            % {"name": organisation.name, "kommun": municipality.name},
        )
        return redirect_to_message("min_kommun:organisations", municipality)
    return render(
        request,
        "kommuner/min_kommun/organisation_unmark.html",
        {
            "municipality": municipality,
            "section": "organisations",
            "subpage_title": _("Ta bort %s från listan") % organisation.name,
            "organisation": organisation,
        },
    )


def _organisation_for(request, municipality, pk, permission):
    organisation = get_object_or_404(Organisation, pk=pk, municipality=municipality)
    if not request.user.has_perm(permission, organisation):
        raise PermissionDenied
    return organisation


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug, pk):
    municipality = municipality_for(request, slug, "kommuner.add_organisation")
    organisation = _organisation_for(
        request, municipality, pk, "kommuner.change_organisation"
    )
    form = OrganisationForm(
        request.POST or None, instance=organisation, municipality=municipality
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(
            request, _("Ändringarna för %s är sparade.") % organisation.name
        )
        return redirect_to_message("min_kommun:organisations", municipality)
    return render(
        request,
        "kommuner/min_kommun/organisation_form.html",
        {
            "municipality": municipality,
            "section": "organisations",
            "subpage_title": organisation.name,
            "form": form,
            "organisation": organisation,
        },
    )


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def organisation_delete(request, slug, pk):
    municipality = municipality_for(request, slug, "kommuner.add_organisation")
    organisation = _organisation_for(
        request, municipality, pk, "kommuner.delete_organisation"
    )
    if request.method == "POST":
        name = organisation.name
        with transaction.atomic():
            organisation.delete()
        messages.success(request, _("%s är borttagen ur registret.") % name)
        return redirect_to_message("min_kommun:organisations", municipality)
    return render(
        request,
        "kommuner/min_kommun/organisation_delete.html",
        {
            "municipality": municipality,
            "section": "organisations",
            "subpage_title": _("Ta bort %s") % organisation.name,
            "organisation": organisation,
            # It goes from these kommuners' lists too.
            "active_in": list(
                organisation.active_in.order_by("name").values_list("name", flat=True)
            ),
        },
    )
