"""The guard every public form uses: a honeypot, rate limits and sign-in throttling.

A public form (sign-in, password reset, and later the circle interest form,
participation requests, registrations and newsletter subscriptions) takes it in two
lines, one on the form and one on the view:

    class InterestForm(guard.GuardedForm, forms.ModelForm): ...

    class InterestView(guard.GuardedFormView, CreateView):
        guard_name = "circle_interest"

A function view does the same with `protect` and `render`:

    form = InterestForm(request.POST)
    if guard.protect(request, form, "circle_interest") and form.is_valid():
        ...  # save, then redirect
    return guard.render(request, "cirklar/interest.html", {"form": form})

What the form and the view then do:

- **Honeypot.** `GuardedForm` adds a text field, `homepage` (`honeypot_name`), that
  people neither see nor reach: a visually hidden container with `aria-hidden`, the
  input with `tabindex=-1` and `autocomplete=off`, labelled in Swedish to be left
  empty. `components/field.html` renders it so; a template that lays out its fields
  by hand includes `components/honeypot.html` with `field=form.homepage`. Robots fill
  it. A filled honeypot makes the form invalid with a generic Swedish message, and
  nothing else is validated or done; the form comes back with what was typed and the
  honeypot empty. A hit is answered as an error rather than as a feigned success
  because the one who fills it may be a person (a browser's autofill, an assistive
  technology that ignored `aria-hidden`): a feigned success would throw away what
  they wrote while telling them it was sent. Robots rarely read the answer.
- **Rate limits.** Every submission is counted, per IP address and per value typed in
  a named field (the `email` field), in fixed windows, against the limits named by
  `guard_name` in the `GUARD_RATE_LIMITS` setting (a name it lacks gets "default").
  Over a limit, the form is not validated at all: the view answers 429 with a
  `Retry-After` header and the same page, the form bound to what the visitor typed
  and a Swedish message in the error summary saying how long to wait.
- **Sign-in throttling.** `LoginThrottle`, on a form built on Django's
  AuthenticationForm, counts failed sign-ins per username (an e-mail address that
  names one account counts as its username) and per IP address
  (`GUARD_LOGIN_FAILURES`). The failure that reaches a limit locks sign-in for that
  username or address for the limit's window: attempts are then refused before any
  password is checked, with status 429 and a Swedish explanation pointing to password
  reset. A successful sign-in, and a new password chosen through the reset link,
  clear the username's failures.

Counters live in Django's `default` cache, which every server process shares, under
keys that start with `guard:` and hold a keyed hash, never the address or name itself. They
are counted with `cache.add(key, 0, timeout)` and `cache.incr(key)`, atomic on Redis,
Memcached and the local-memory cache; the file cache's incr reads and then writes, so
two processes at the same instant may count one hit instead of two, which a limit can
bear (each count also renews the key's expiry, which that incr resets). The client's address is found in one place, `client_ip`.
"""

import dataclasses
import ipaddress
import math
import time

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.forms.utils import ErrorDict
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

KEY_PREFIX = "guard"
DEFAULT_LIMITS = "default"


def now():
    """The clock the windows are measured with (tests move it)."""
    return time.time()


def counters():
    return caches["default"]


@dataclasses.dataclass(frozen=True)
class Limit:
    """At most `count` of something per `scope` in a window of `seconds`.

    The scope "ip" is the client's address; any other scope is the name of the form
    field whose typed value is counted ("email", "username").
    """

    scope: str
    count: int
    seconds: int


@dataclasses.dataclass(frozen=True)
class Refusal:
    """Why a submission was refused and for how many seconds more."""

    message: str
    retry_after: int


def limits(setting_value):
    return [Limit(*limit) for limit in setting_value]


def rate_limits(name):
    configured = settings.GUARD_RATE_LIMITS
    return limits(configured.get(name, configured[DEFAULT_LIMITS]))


def login_failure_limits():
    return limits(settings.GUARD_LOGIN_FAILURES)


def client_ip(request):
    """The visitor's address, and for IPv6 their /64 network (one connection's share).

    REMOTE_ADDR, unless GUARD_CLIENT_IP_HEADER names a header that the site's own
    proxy sets (as `X-Real-IP`, or `X-Forwarded-For`, whose last entry the proxy
    added). Behind a proxy without it, every visitor has the proxy's address.
    """
    address = request.META.get("REMOTE_ADDR", "")
    header = settings.GUARD_CLIENT_IP_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        forwarded = request.META.get(meta_key, "").split(",")[-1].strip()
        address = forwarded or address
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def normalise(value):
    return " ".join(str(value).split()).casefold()


def _digest(scope, value):
    # Keyed with SECRET_KEY: a plain hash of an IPv4 address is undone by trying them all.
    return salted_hmac("home.guard", f"{scope}:{value}").hexdigest()[:32]


def _scope_value(request, form, scope):
    if scope == "ip":
        return client_ip(request)
    return normalise(form.data.get(form.add_prefix(scope), "")) if form else ""


def _count(key, seconds):
    """Add one to a counter that lives `seconds`, and return its new value."""
    cache = counters()
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # it expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return 1
    # Redis, Memcached and the local-memory cache keep a key's expiry on incr; the
    # file and database caches set the key anew with the default timeout.
    cache.touch(key, seconds)
    return count


def _minutes(seconds):
    return max(1, math.ceil(seconds / 60))


def rate_limit_message(seconds):
    minutes = _minutes(seconds)
    return ngettext(
        "Formuläret har skickats för många gånger på kort tid. Vänta %(minutes)d "
        "minut och skicka det sedan igen.",
        "Formuläret har skickats för många gånger på kort tid. Vänta %(minutes)d "
        "minuter och skicka det sedan igen.",
        minutes,
    ) % {"minutes": minutes}


def check_rate_limits(request, form=None, name=DEFAULT_LIMITS):
    """Count one submission against the named limits; a Refusal if one is exceeded."""
    moment = now()
    retry_after = 0
    for limit in rate_limits(name):
        value = _scope_value(request, form, limit.scope)
        if not value:
            continue
        window = int(moment // limit.seconds)
        ends = (window + 1) * limit.seconds
        key = f"{KEY_PREFIX}:{name}:{_digest(limit.scope, value)}:{window}"
        if _count(key, math.ceil(ends - moment) + 1) > limit.count:
            retry_after = max(retry_after, math.ceil(ends - moment))
    if retry_after:
        return Refusal(rate_limit_message(retry_after), retry_after)
    return None


def protect(request, form, name=DEFAULT_LIMITS):
    """Count a submission of `form`; False, with the form refused, over a limit.

    A refused form is invalid with the Swedish message as its only error; `render`
    and `GuardedFormView` answer it with 429.
    """
    refusal = check_rate_limits(request, form, name)
    if refusal:
        form.guard_refusal = refusal
        return False
    return True


def refused(form):
    return getattr(form, "guard_refusal", None)


def mark_response(response, form):
    """Give the response to a refused form status 429 and a Retry-After header."""
    refusal = refused(form)
    if refusal:
        response.status_code = 429
        response["Retry-After"] = str(refusal.retry_after)
    return response


def render(request, template_name, context, form=None):
    """Render a form page: 200, or 429 when the form (context["form"]) was refused."""
    form = form if form is not None else context.get("form")
    return mark_response(django_render(request, template_name, context), form)


class HoneypotInput(forms.TextInput):
    """A text input that is never filled in again when the form is shown anew."""

    def __init__(self, attrs=None):
        super().__init__({"tabindex": "-1", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        return None


class HoneypotField(forms.CharField):
    is_honeypot = True

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Lämna det här fältet tomt"))
        super().__init__(required=False, widget=HoneypotInput, strip=False, **kwargs)


HONEYPOT_MESSAGE = _(
    "Formuläret kunde inte skickas. Kontrollera uppgifterna och skicka det igen."
)


class GuardedForm(forms.Form):
    """The honeypot, and the refusal `protect` gives, for any Form or ModelForm.

    Put it first among the bases. The honeypot comes last among the fields, named
    `honeypot_name`; a form with a field of that name sets another, and a form whose
    template cannot hide the honeypot (as the admin's) sets None.
    """

    honeypot_name = "homepage"
    guard_refusal = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.honeypot_name:
            if self.honeypot_name in self.fields:
                raise ImproperlyConfigured(
                    f"{type(self).__name__} has a field {self.honeypot_name!r} "
                    "already: give the honeypot another honeypot_name."
                )
            self.fields[self.honeypot_name] = HoneypotField()

    def honeypot_filled(self):
        if not self.honeypot_name:
            return False
        return bool(self.data.get(self.add_prefix(self.honeypot_name)))

    def full_clean(self):
        if not self.is_bound:
            return super().full_clean()
        if self.guard_refusal:
            message = self.guard_refusal.message
        elif self.honeypot_filled():
            message = HONEYPOT_MESSAGE
        else:
            return super().full_clean()
        # Nothing else is validated, so nothing else (a password check) is done.
        self._errors = ErrorDict()
        self.cleaned_data = {}
        self.add_error(None, ValidationError(message, code="guard"))
        return None


class GuardedFormView:
    """For a class-based form view (FormView, CreateView, Django's auth views)."""

    guard_name = DEFAULT_LIMITS

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        protect(request, form, self.guard_name)
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_invalid(self, form):
        return mark_response(super().form_invalid(form), form)


# Failed sign-ins


def _failure_keys(scope, value):
    digest = _digest(scope, value)
    return (
        f"{KEY_PREFIX}:login-failures:{digest}",
        f"{KEY_PREFIX}:login-locked:{digest}",
    )


def _login_scopes(request, username):
    for limit in login_failure_limits():
        if limit.scope == "ip":
            value = client_ip(request) if request is not None else ""
        else:
            value = normalise(username or "")
        if value:
            yield limit, value


def login_lock(request, username):
    """The seconds left of a lock on this username or address, or 0."""
    moment = now()
    left = 0
    for limit, value in _login_scopes(request, username):
        _, locked_key = _failure_keys(limit.scope, value)
        until = counters().get(locked_key)
        if until and until > moment:
            left = max(left, math.ceil(until - moment))
    return left


def record_login_failure(request, username):
    """Count a failed sign-in; the seconds of a lock it starts, or 0."""
    moment = now()
    locked_for = 0
    for limit, value in _login_scopes(request, username):
        failures_key, locked_key = _failure_keys(limit.scope, value)
        window = int(moment // limit.seconds)
        key = f"{failures_key}:{window}"
        ends = (window + 1) * limit.seconds
        if _count(key, math.ceil(ends - moment) + 1) >= limit.count:
            counters().set(locked_key, moment + limit.seconds, timeout=limit.seconds)
            counters().delete(key)
            locked_for = max(locked_for, limit.seconds)
    return locked_for


def forget_login_failures(*usernames):
    """Clear the failures and locks of these usernames (or e-mail addresses)."""
    moment = now()
    keys = []
    for limit in login_failure_limits():
        if limit.scope == "ip":
            continue
        for username in usernames:
            if not username:
                continue
            failures_key, locked_key = _failure_keys(limit.scope, normalise(username))
            keys += [f"{failures_key}:{int(moment // limit.seconds)}", locked_key]
    counters().delete_many(keys)


def lockout_message(seconds, password_reset_url):
    minutes = _minutes(seconds)
    wait = ngettext(
        "För många misslyckade inloggningar. Av säkerhetsskäl är inloggningen spärrad "
        "en stund: försök igen om %(minutes)d minut.",
        "För många misslyckade inloggningar. Av säkerhetsskäl är inloggningen spärrad "
        "en stund: försök igen om %(minutes)d minuter.",
        minutes,
    ) % {"minutes": minutes}
    return format_html(
        '{} {} <a href="{}">{}</a>',
        wait,
        _("Har du glömt lösenordet kan du välja ett nytt:"),
        password_reset_url,
        _("Glömt lösenordet?"),
    )


class LoginThrottle:
    """Failed-sign-in throttling for a form built on Django's AuthenticationForm.

    Put it before AuthenticationForm (and after GuardedForm) among the bases.
    """

    reset_view_name = "password_reset"

    def _refuse(self, seconds):
        self.guard_refusal = Refusal(
            lockout_message(seconds, reverse(self.reset_view_name)), seconds
        )
        return ValidationError(self.guard_refusal.message, code="locked_out")

    def throttled_name(self, username):
        """The name failures are counted under: the account's username when one
        account has the typed e-mail address (as home.backends signs in with it), so
        that typing the address instead does not give a guesser a second count."""
        username = (username or "").strip()
        if "@" in username:
            users = get_user_model()._default_manager.filter(email__iexact=username)
            names = list(
                users.values_list(get_user_model().USERNAME_FIELD, flat=True)[:2]
            )
            if len(names) == 1:
                return names[0]
        return username

    def clean(self):
        name = self.throttled_name(self.cleaned_data.get("username"))
        locked = login_lock(self.request, name)
        if locked:
            raise self._refuse(locked)
        try:
            cleaned_data = super().clean()
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_login":
                locked = record_login_failure(self.request, name)
                if locked:
                    raise self._refuse(locked) from error
            raise
        forget_login_failures(name, self.get_user().get_username())
        return cleaned_data
