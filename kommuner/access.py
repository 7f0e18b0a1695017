"""Looking up the kommun a "Min kommun" view works on, and refusing those who may not."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from .models import Municipality


class NotSignedIn(Exception):
    """Raised for an anonymous visitor; `signed_in_or_login` turns it into a redirect."""


def municipality_for(request, slug, permission):
    """The kommun with this slug, if the user holds `permission` for it (403 otherwise)."""
    if not request.user.is_authenticated:
        raise NotSignedIn
    municipality = get_object_or_404(
        Municipality.objects.select_related("county"), slug=slug
    )
    if not request.user.has_perm(permission, municipality):
        raise PermissionDenied
    return municipality


def signed_in_or_login(view):
    """Send anonymous visitors to the login page and back, for views that use municipality_for."""

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


def redirect_to_message(viewname, municipality):
    """After a message is added: back to a Min kommun page, at its content.

    A redirect without a fragment keeps the one the form was posted from (an error
    summary's link to a field), which would scroll the message out of view. The
    message comes first in <main>, so it is what the visitor sees and hears.
    """
    return HttpResponseRedirect(
        reverse(viewname, kwargs={"slug": municipality.slug}) + "#main"
    )
