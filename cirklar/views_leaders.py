"""Becoming a circle leader: sign up, confirm the address by the mailed link, resend it.

Thin views over cirklar/leaders.py. The sign-up and resend forms are behind the guard
(home/guard.py). Neither tells whether an address already has an account: both answer
with the same page either way, and the owner of an address that has one is told so by
e-mail instead.
"""

from django.contrib.auth.hashers import make_password
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from home import guard

from . import leaders
from .forms_leaders import ResendForm, SignUpForm


def sign_up(request):
    if request.user.is_authenticated and request.user.has_perm(
        "cirklar.use_mina_cirklar"
    ):
        return redirect("account")
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if guard.protect(request, form, "leader_signup") and form.is_valid():
            data = form.cleaned_data
            if leaders.email_taken(data["email"]):
                # As long as a new account takes: the answer's time tells nothing.
                make_password(data["password1"])
                pending = leaders.pending_sign_up(data["email"])
                if pending is not None:  # signed up before: the latest counts
                    leaders.renew_sign_up(
                        pending,
                        name=data["name"],
                        association=data["association"],
                        password=data["password1"],
                    )
                    leaders.send_confirmation(request, pending)
                else:
                    leaders.send_already_registered(request, data["email"])
            else:
                user = leaders.sign_up(
                    name=data["name"],
                    email=data["email"],
                    association=data["association"],
                    password=data["password1"],
                )
                leaders.send_confirmation(request, user)
            return redirect("leader_sent")
    else:
        form = SignUpForm()
    return guard.render(request, "cirklar/leaders/sign_up.html", {"form": form})


@require_GET
def sent(request):
    return render(request, "cirklar/leaders/sent.html")


@require_GET
def confirm(request, token):
    try:
        user = leaders.user_for_token(token)
    except leaders.ConfirmationError as error:
        return render(
            request,
            "cirklar/leaders/link_invalid.html",
            {"expired": error.reason == "expired"},
            status=400,
        )
    leaders.confirm(user)
    # Away from the address with the token in it (the Referer, the history).
    return redirect("leader_ready")


@require_GET
def ready(request):
    return render(request, "cirklar/leaders/ready.html")


def resend(request):
    pending = leaders.is_unconfirmed_leader(request.user)
    if request.method == "POST":
        form = ResendForm(request.POST)
        if guard.protect(request, form, "leader_resend") and form.is_valid():
            pending = leaders.pending_sign_up(form.cleaned_data["email"])
            if pending is not None:
                leaders.send_confirmation(request, pending)
            return redirect("leader_sent")
    else:
        initial = {"email": request.user.email} if pending else {}
        form = ResendForm(initial=initial)
    return guard.render(
        request, "cirklar/leaders/resend.html", {"form": form, "pending": pending}
    )
