"""Leaders' accounts without HTTP: sign-up, the e-mail confirmation, invitations, deactivation.

A new leader signs up with a name, an e-mail address, a studieförbund and a password. The
account is active at once (they can sign in) but has no role: only the confirmation link
mailed to the address gives it the cirkelledare role, and so Mina cirklar. The link is a
signed value (django.core.signing) with the account, the address and a mark of the
password in it, valid for CONFIRMATION_MAX_AGE; confirming twice does nothing more, and a
link for an address the account no longer has, or from before a later sign-up on the same
address (the latest sign-up sets the password), is refused.

An editor may instead invite a leader from the admin: the account is made with no usable
password, the role and a confirmed profile (the editor vouches for the address, and only
its owner can use the set-password link, Django's password reset token).
"""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from home import roles
from home.tasks import send_email

from .models import LeaderProfile

CONFIRMATION_SALT = "cirklar.leader-confirmation"
#: How long a confirmation link works.
CONFIRMATION_MAX_AGE = datetime.timedelta(days=3)


class ConfirmationError(Exception):
    """Why a confirmation link does not work: `expired` or `invalid`."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def split_name(name):
    """'Anna Maria Berg' → ('Anna Maria', 'Berg'); one word is a first name."""
    words = name.split()
    if len(words) < 2:
        return (" ".join(words), "")
    return (" ".join(words[:-1]), words[-1])


def unique_username(email):
    """A username from the address, made unique (usernames are at most 150 characters)."""
    User = get_user_model()  # noqa: N806 - a model
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def email_taken(email):
    return get_user_model().objects.filter(email__iexact=email).exists()


def leader_group():
    return Group.objects.get(name=roles.CIRCLE_LEADER)


@transaction.atomic
def sign_up(*, name, email, association, password):
    """Create the account and its unconfirmed leader profile; returns the user."""
    first_name, last_name = split_name(name)
    user = get_user_model().objects.create_user(
        username=unique_username(email),
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    LeaderProfile.objects.create(user=user, association=association)
    return user


def _password_mark(user):
    # The link confirms the account with the password it had when the link was sent:
    # a later sign-up on the same address (which sets a new one) voids earlier links,
    # so nobody confirms an account with a stranger's password in it.
    return salted_hmac(CONFIRMATION_SALT, user.password).hexdigest()[:20]


def confirmation_token(user):
    return signing.dumps(
        {"user": user.pk, "email": user.email.lower(), "p": _password_mark(user)},
        salt=CONFIRMATION_SALT,
    )


@transaction.atomic
def renew_sign_up(user, *, name, association, password):
    """A second sign-up before the first was confirmed: the latest one counts."""
    user.first_name, user.last_name = split_name(name)
    user.set_password(password)
    user.save(update_fields=["first_name", "last_name", "password"])
    LeaderProfile.objects.filter(user=user).update(association=association)
    return user


def confirmation_url(request, user):
    path = reverse("leader_confirm", args=[confirmation_token(user)])
    return request.build_absolute_uri(path)


def user_for_token(token):
    """The account a confirmation token names; ConfirmationError if it does not work."""
    try:
        value = signing.loads(
            token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ConfirmationError("expired") from error
    except signing.BadSignature as error:
        raise ConfirmationError("invalid") from error
    if not isinstance(value, dict):
        raise ConfirmationError("invalid")
    profile = (
        LeaderProfile.objects.select_related("user")
        .filter(user_id=value.get("user"), user__is_active=True)
        .first()
    )
    if (
        profile is None
        or profile.user.email.lower() != value.get("email")
        or not constant_time_compare(_password_mark(profile.user), value.get("p", ""))
    ):
        raise ConfirmationError("invalid")
    return profile.user


@transaction.atomic
def confirm(user):
    """Give a confirmed address the cirkelledare role. True the first time."""
    profile = LeaderProfile.objects.select_for_update().get(user=user)
    if profile.email_confirmed_at:
        return False
    profile.email_confirmed_at = timezone.now()
    profile.save(update_fields=["email_confirmed_at"])
    user.groups.add(leader_group())
    return True


def pending_sign_up(email):
    """The active account with this address whose sign-up awaits confirmation, or None."""
    profile = (
        LeaderProfile.objects.select_related("user")
        .filter(
            user__email__iexact=email,
            user__is_active=True,
            email_confirmed_at__isnull=True,
        )
        .first()
    )
    return profile.user if profile else None


def is_unconfirmed_leader(user):
    """A signed-up leader who has not yet confirmed the address."""
    if not user.is_authenticated:
        return False
    profile = LeaderProfile.objects.filter(user=user).first()
    return profile is not None and profile.email_confirmed_at is None


def _mail(template, context, to):
    subject = "".join(
        render_to_string(
            f"cirklar/leaders/{template}_subject.txt", context
        ).splitlines()
    )
    body = render_to_string(f"cirklar/leaders/{template}_email.txt", context)
    send_email.enqueue(subject, body, [to])


def send_confirmation(request, user):
    _mail(
        "confirm",
        {
            "user": user,
            "url": confirmation_url(request, user),
            "days": CONFIRMATION_MAX_AGE.days,
        },
        user.email,
    )


def send_already_registered(request, email):
    """To the owner of an address someone tried to sign up with again."""
    _mail(
        "already_registered",
        {
            "login_url": request.build_absolute_uri(reverse("login")),
            "reset_url": request.build_absolute_uri(reverse("password_reset")),
        },
        email,
    )


@transaction.atomic
def invite(*, name, email, association, invited_by):
    """An editor's invitation: an account without a usable password, the role, a profile."""
    first_name, last_name = split_name(name)
    user = get_user_model().objects.create_user(
        username=unique_username(email),
        email=email,
        password=None,
        first_name=first_name,
        last_name=last_name,
    )
    LeaderProfile.objects.create(
        user=user,
        association=association,
        invited_by=invited_by,
        email_confirmed_at=timezone.now(),
    )
    user.groups.add(leader_group())
    return user


def send_invitation(request, user):
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    _mail(
        "invitation",
        {
            "user": user,
            "url": request.build_absolute_uri(path),
            "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
        },
        user.email,
    )


def end_sessions(user):
    """Sign the account out everywhere: delete its unexpired sessions (and cache copies)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get("_auth_user_id") == user_id:
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def set_active(user, active):
    """Activate or deactivate an account; a deactivated one is signed out everywhere."""
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
    if not active:
        end_sessions(user)
