"""The page cache: what each cached response shows, and the writes that refresh it.

Anonymous visitors all see the same page, so a rendered page is kept and served again
without touching the session, the database or the templates; it is kept compressed too,
so that a hit costs no compression. A page is only kept when nothing in it belongs to
one visitor: no session cookie on the request, no cookie set by the response (a CSRF
token or a message), and no private or no-store cache header.

Content kinds. Every model is of one or more kinds of public content ("pages",
"settings", "kommuner", ...) or is private: no public page shows it (sessions, log
entries, task rows, later a participant's attendance). Each kind has a version in the
shared cache. A response records the kinds it shows while it is made (shows(), and
cached() for fragments), and is kept with the versions those kinds had when the request
began; a write to a model bumps the versions of its kinds, so every response showing
that kind is out of date at once, on every server, and nothing is listed or deleted:
an invalidation costs one cache write whatever the cache holds. A write to a private
model bumps nothing. A response that records nothing is taken to show every kind.

Apps declare their models' kinds in their AppConfig.ready() with register_kind() and
register_private(); a model that is declared neither way bumps every kind (safe, but
slow), and a test fails for it (tests/home/test_page_cache.py).

The few small values that nearly every request reads (the sites, the menu, the footer,
the restricted sections) are also kept in each process (cached_locally()), under the
versions they were made with; the versions come from the shared cache on every request,
so a change through one server is seen by every process on every server at once.

A version is a random token rather than a counter, so a version evicted from the cache
comes back as a new token and never as one that an old entry was stored with. Inside a
transaction a write bumps at once and again when the transaction commits, since a
request in between may render the old rows under the new version.

Keys carry the release (settings.RELEASE), the method, scheme, host and full path, so a
deploy shows its new templates at once and an http request never gets an https copy.

Signed-in visitors see the same pages but for the header's account link. A view whose
output is the same for everyone marks it with share_with_signed_in() (a Wagtail page
type that declares shared_with_signed_in, in home.views.serve_page); a signed-in visitor
who does not edit the site is then served the anonymous visitors' copy with "Mitt konto"
in place of "Logga in", kept beside it and compressed once (SignedInPageMiddleware), and
checked against the same versions. Editors always get a fresh page, since theirs carries
Wagtail's user bar.
"""

import contextvars
import gzip
import hashlib
import logging
import pickle
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

from wagtail.models import Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
HEADER = "X-Page-Cache"
MIN_COMPRESS_LENGTH = 200
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")

# The kinds of content that home knows; higher apps register their own.
PAGES = "pages"  # the page tree and what pages hold (their inline rows too)
SITES = "sites"  # which site answers for a host, and its root
SETTINGS = "settings"  # site settings: the kansli's contact details in every footer
MEDIA = "media"  # documents and images that pages link to or show
RESTRICTIONS = "restrictions"  # who may see which section: view restrictions

#: What every Wagtail page shows: its own content and the chrome (menu, footer, media).
PAGE_KINDS = (PAGES, SITES, SETTINGS, MEDIA, RESTRICTIONS)

_kinds_by_model = {}
_private_models = set()
_all_kinds = list(PAGE_KINDS)

# Models of Django, Wagtail and the libraries that no public page shows.
_private_models.update(
    {
        "sessions.session",
        "migrations.migration",
        "contenttypes.contenttype",
        "auth.permission",
        "auth.group",
        "auth.group_permissions",
        "auth.user",
        "auth.user_groups",
        "auth.user_user_permissions",
        "admin.logentry",
        "taggit.tag",
        "taggit.taggeditem",
        "wagtailcore.collection",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.groupapprovaltask",
        "wagtailcore.groupapprovaltask_groups",
        "wagtailcore.groupcollectionpermission",
        "wagtailcore.grouppagepermission",
        "wagtailcore.groupsitepermission",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.revision",
        "wagtailcore.task",
        "wagtailcore.taskstate",
        "wagtailcore.uploadedfile",
        "wagtailcore.workflow",
        "wagtailcore.workflowcontenttype",
        "wagtailcore.workflowpage",
        "wagtailcore.workflowstate",
        "wagtailcore.workflowtask",
        "wagtailadmin.admin",
        "wagtailadmin.formstate",
        "wagtailcore.apitoken",
        "wagtailadmin.editingsession",
        "wagtailusers.userprofile",
        # Renditions and embeds are made while a page renders, from what it shows.
        "wagtailimages.rendition",
        "wagtailembeds.embed",
        # Redirects only answer requests that would be a 404, which is never cached.
        "wagtailredirects.redirect",
        "wagtailforms.formsubmission",
        "wagtailsearch.indexentry",
        "wagtailsearch.query",
        "wagtailsearch.querydailyhits",
        "modelsearch.indexentry",
        "modelsearch.sqliteftsindexentry",
        "wagtailsearch.sqliteftsindexentry",
        "django_tasks_database.dbtaskresult",
        "django_tasks_db.dbtaskresult",
    }
)


def _label(model):
    return model if isinstance(model, str) else model._meta.label_lower


def register_kind(kind, *models):
    """Declare that public pages show these models (labels or classes) as `kind`."""
    if kind not in _all_kinds:
        _all_kinds.append(kind)
    for model in models:
        label = _label(model)
        _kinds_by_model[label] = (*_kinds_by_model.get(label, ()), kind)


def register_private(*models):
    """Declare that no public page shows these models: writing them refreshes nothing."""
    _private_models.update(_label(model) for model in models)


def all_kinds():
    return tuple(_all_kinds)


def _is_page_model(model):
    from wagtail.models import Page

    return isinstance(model, type) and issubclass(model, Page)


def _page_inline_model(model):
    """Whether the model is a page's inline row (a ParentalKey to a page type)."""
    from modelcluster.fields import ParentalKey

    return any(
        isinstance(field, ParentalKey) and _is_page_model(field.related_model)
        for field in model._meta.get_fields()
        if field.concrete
    )


def _registered_model(label):
    from django.apps import apps

    try:
        return apps.get_model(label)
    except LookupError:
        return None


def kinds_of(model):
    """The kinds of content a model is shown as: () if private, None if undeclared."""
    label = _label(model)
    if label in _private_models:
        return ()
    if label in _kinds_by_model:
        return _kinds_by_model[label]
    if not isinstance(model, str):
        real = _registered_model(label)
        if real is not None and real is not model:
            return kinds_of(real)  # a migration's historical model
        if _is_page_model(model) or _page_inline_model(model):
            return (PAGES,)
        auto_created = getattr(model._meta, "auto_created", None)
        if auto_created:  # a many-to-many table: the kinds of the model that owns it
            return kinds_of(auto_created)
    return None


register_kind(SITES, "wagtailcore.site", "wagtailcore.locale")
register_kind(SETTINGS, "home.kanslicontactsettings")
register_kind(PAGES, "wagtailcore.locale", "wagtailcore.pageviewrestriction")
register_kind(RESTRICTIONS, "wagtailcore.pageviewrestriction")
register_kind(MEDIA, "wagtaildocs.document", "wagtailimages.image")
register_kind(MEDIA, "wagtailcore.collectionviewrestriction")
register_kind(RESTRICTIONS, "wagtailcore.collectionviewrestriction")


# The store and the versions.


def store():
    """The page cache: shared by every server process (Redis with several servers)."""
    return caches[CACHE_ALIAS]


def _version_key(kind):
    return f"version:{kind}"


def _new_version():
    return secrets.token_hex(8)


class _RequestState:
    """What the request in progress has read: the versions, and the kinds it shows."""

    __slots__ = ("shows", "versions")

    def __init__(self):
        self.shows = set()
        self.versions = None


_state = contextvars.ContextVar("home.cache.request_state", default=None)


def _complete_versions(found):
    """The versions of every kind from what get_many found, making up any missing."""
    versions = {}
    for kind in _all_kinds:
        value = found.get(_version_key(kind))
        if value is None:
            value = _new_version()
            # add(): if another process made one up first, theirs is the one.
            if not store().add(_version_key(kind), value, timeout=None):
                value = store().get(_version_key(kind)) or value
        versions[kind] = value
    return versions


def _read(*keys):
    """The values under `keys` and the current versions, in one round trip."""
    found = store().get_many([*keys, *(_version_key(kind) for kind in _all_kinds)])
    return found, _complete_versions(found)


def current_versions():
    """The version of every kind: as the request began, or as it is now outside one."""
    state = _state.get()
    if state is not None and state.versions is not None:
        return state.versions
    versions = _read()[1]
    if state is not None:
        state.versions = versions
    return versions


def shows(*kinds):
    """Record that the response being made shows these kinds of content."""
    state = _state.get()
    if state is not None:
        state.shows.update(kinds)


def versioned_key(key, kinds):
    """`key` tied to the current versions of `kinds`: a new key once any is bumped."""
    versions = current_versions()
    return key + "@" + ".".join(versions[kind] for kind in kinds)


def cached(key, compute, kinds):
    """The value under `key` for the current versions of `kinds`, computed if missing.

    The response being made is recorded as showing `kinds`.
    """
    shows(*kinds)
    full_key = versioned_key(key, kinds)
    value = store().get(full_key)
    if value is None:
        value = compute()
        store().set(full_key, value)
    return value


def bump(*kinds):
    """Make every cached response and fragment that shows these kinds out of date."""
    if kinds:
        store().set_many(
            {_version_key(kind): _new_version() for kind in kinds}, timeout=None
        )


def bump_all():
    bump(*_all_kinds)


class _BumpOnCommit:
    def __init__(self, kind):
        self.kind = kind

    def __call__(self):
        bump(self.kind)


def content_changed(*kinds, using=None):
    """A write to content of these kinds: bump now, and again after the commit."""
    if not kinds:
        return
    bump(*kinds)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    pending = {
        callback.kind
        for _sids, callback, _robust in connection.run_on_commit
        if isinstance(callback, _BumpOnCommit)
    }
    for kind in kinds:
        if kind not in pending:
            transaction.on_commit(_BumpOnCommit(kind), using=using)


#: Values kept in this process: key → (the versions they were made under, pickled).
_local = {}


def cached_locally(key, compute, kinds):
    """As cached(), but kept in this process rather than in the shared cache.

    For the few small values that nearly every request reads (the sites, the menu,
    the footer's contact details, the restricted sections): no cache read for them
    on a request, and no cache write when they are made again, once a process, after
    a change. Tied to the versions of `kinds` like any fragment, so never out of date.
    Only for keys of which there are few (one per site, not one per page). Each call
    gets a copy of its own, as from the shared cache.
    """
    shows(*kinds)
    versions = current_versions()
    token = tuple(versions[kind] for kind in kinds)
    kept = _local.get(key)
    if kept is None or kept[0] != token:
        kept = (token, pickle.dumps(compute()))
        _local[key] = kept
    return pickle.loads(kept[1])  # noqa: S301 - pickled in this process, above


def _read_sites():
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    root_paths = [
        SiteRootPath(
            site.id,
            site.root_page.url_path,
            site.root_url,
            site.root_page.locale.language_code,
        )
        for site in sites
    ]
    return sites, root_paths


def _sites():
    """Every site with its root page, and the root paths Wagtail makes page URLs from.

    One query whenever sites or pages have changed (a page move or a new slug changes
    a root page's URL path), and none otherwise.
    """
    return cached_locally("sites", _read_sites, (SITES, PAGES))


def _site_for_host(sites, hostname, port):
    """Wagtail's choice of site (wagtail.models.sites.get_site_for_hostname), in Python."""

    def match(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        if site.is_default_site:
            return MATCH_DEFAULT
        return MATCH_HOSTNAME

    found = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site),
        key=match,
    )
    if not found:
        return None
    first = match(found[0])
    if len(found) == 1 or first in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return found[0]
    if first == MATCH_DEFAULT:
        return found[len(found) == 2]
    return None


def site_for_request(request):
    """Wagtail's Site for the request (as Site.find_for_request), without a query.

    Also gives the request Wagtail's site root paths, from which every page URL in the
    response is made, so that those are not read from the default cache either.
    """
    if not hasattr(request, "_wagtail_site"):
        sites, root_paths = _sites()
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = _site_for_host(sites, hostname, request.get_port())
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            request._wagtail_cached_site_root_paths = root_paths
    return request._wagtail_site


# Writes.

#: Page fields that a draft, a lock or a comment changes: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)

_warned = set()


def _kinds_written(sender, update_fields=None):
    kinds = kinds_of(sender)
    if kinds is None:
        label = _label(sender)
        if label not in _warned:
            _warned.add(label)
            logger.warning(
                "%s har inget innehållsslag (home.cache.register_kind eller "
                "register_private): varje ändring gör hela sidcachen inaktuell.",
                label,
            )
        return all_kinds()
    if (
        kinds == (PAGES,)
        and update_fields
        and _is_page_model(sender)
        and DRAFT_FIELDS.issuperset(update_fields)
    ):
        return ()
    return kinds


def _on_model_change(sender, **kwargs):
    if kwargs.get("raw"):
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: once for each change, after it
    content_changed(
        *_kinds_written(sender, kwargs.get("update_fields")), using=kwargs.get("using")
    )


def _on_page_change(sender, **kwargs):
    content_changed(PAGES)


def _on_page_move(sender, **kwargs):
    # A move changes tree paths, which the restricted sections are kept as.
    content_changed(PAGES, RESTRICTIONS)


def connect_invalidation_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_change, dispatch_uid=f"home.cache.{signal!r}")
    for signal in (page_published, page_unpublished):
        signal.connect(_on_page_change, dispatch_uid=f"home.cache.{signal!r}")
    post_page_move.connect(_on_page_move, dispatch_uid="home.cache.post_page_move")


# Responses.


def cache_key(request):
    """The key for a request: release, method (HEAD as GET), scheme, host and full path."""
    method = "GET" if request.method == "HEAD" else request.method
    raw = (
        f"{settings.RELEASE}:{method}:{request.scheme}:"
        f"{request.get_host()}:{request.get_full_path()}"
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _is_fresh(entry, versions):
    shown = entry.get("shows") if isinstance(entry, dict) else None
    return shown is not None and all(
        versions.get(kind) == version for kind, version in shown.items()
    )


def _is_anonymous_request(request, session_cookie, message_cookie):
    return (
        request.method in ("GET", "HEAD")
        and session_cookie not in request.COOKIES
        and message_cookie not in request.COOKIES
        and "preview" not in request.GET
    )


def _is_cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(
        word in cache_control for word in ("private", "no-store", "no-cache")
    )


def _entry(response, shown):
    """What is kept of a response: status, headers, body plain and compressed, versions."""
    content = response.content
    compressed = (
        gzip.compress(content, compresslevel=6)
        if len(content) >= MIN_COMPRESS_LENGTH
        else None
    )
    return {
        "status": response.status_code,
        "headers": dict(response.items()),
        "content": content,
        "gzip": compressed if compressed and len(compressed) < len(content) else None,
        "shows": shown,
    }


def _response(entry, request, state="hit"):
    use_gzip = entry["gzip"] is not None and ACCEPTS_GZIP.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    response = HttpResponse(
        entry["gzip"] if use_gzip else entry["content"], status=entry["status"]
    )
    for name, value in entry["headers"].items():
        response[name] = value
    if use_gzip:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response[HEADER] = state
    return response


class AnonymousPageCacheMiddleware:
    """Answers anonymous visitors from the cache; keeps what they may all be served.

    Comes first, before sessions: it also begins the record of what each request reads
    (the versions, and the kinds the response shows) for every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")

    def __call__(self, request):
        state = _RequestState()
        token = _state.set(state)
        try:
            return self._serve(request, state)
        finally:
            _state.reset(token)

    def _serve(self, request, state):
        if not _is_anonymous_request(request, self.session_cookie, self.message_cookie):
            return self.get_response(request)
        key = cache_key(request)
        found, state.versions = _read(key)
        entry = found.get(key)
        if _is_fresh(entry, state.versions):
            return _response(entry, request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            _is_cacheable_response(response)
            and not getattr(request, "_page_cache_skip", False)
            and (user is None or not user.is_authenticated)
        ):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
            kinds = state.shows or _all_kinds
            entry = _entry(response, {kind: state.versions[kind] for kind in kinds})
            entry["shared"] = getattr(request, "_page_cache_shared", False)
            store().set(key, entry)
            response[HEADER] = "miss"
        return response


def skip(request):
    """Mark a response as not to be kept, for views whose output depends on the visitor."""
    request._page_cache_skip = True


def share_with_signed_in(request):
    """Mark a response as the same for every visitor, signed in or not, but the header."""
    request._page_cache_shared = True


ACCOUNT_TEMPLATE = "components/site_account.html"


def _account_html(user):
    from django.template.loader import render_to_string

    return render_to_string(ACCOUNT_TEMPLATE, {"user": user}).encode()


def _signed_in_entry(entry, user):
    """The anonymous entry with the signed-in header, or None if it cannot be made."""
    from django.contrib.auth.models import AnonymousUser

    anonymous, signed_in = _account_html(AnonymousUser()), _account_html(user)
    if entry["content"].count(anonymous) != 1:
        return None
    content = entry["content"].replace(anonymous, signed_in)
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["Content-Length"] = str(len(content))
    response["Cache-Control"] = "private"
    return {**_entry(response, entry["shows"]), "shared": True}


class SignedInPageMiddleware:
    """Serves signed-in visitors who do not edit the site the shared pages from the cache.

    Comes after the authentication middleware. A page is only in the cache if an
    anonymous visitor was allowed to see it, and a public page is public to everyone, so
    no access rule is passed by; what a visitor sees of their own is the header alone.
    The signed-in copy is kept with the anonymous copy's versions, and is out of date
    with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.method not in ("GET", "HEAD")
            or "preview" in request.GET
            or not user.is_authenticated
            or user.has_perm("wagtailadmin.access_admin")
        ):
            return self.get_response(request)
        key = cache_key(request)
        variant_key = key + ":signed-in"
        found, versions = _read(variant_key, key)
        state = _state.get()
        if state is not None:
            state.versions = versions
        entry = found.get(variant_key)
        if not _is_fresh(entry, versions):
            anonymous = found.get(key)
            if not _is_fresh(anonymous, versions) or not anonymous.get("shared"):
                return self.get_response(request)
            entry = _signed_in_entry(anonymous, user)
            if entry is None:
                return self.get_response(request)
            store().set(variant_key, entry)
        return _response(entry, request, state="shared")
