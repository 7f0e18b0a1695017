"""Demo content for the home app: the home page, generic pages, news, settings and demo accounts.

Idempotent: a page that already exists (by slug under its parent) is left as it is, so a
second run changes nothing and duplicates nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from . import demo_data, roles
from .models import (
    ContentPage,
    HomePage,
    KansliContactSettings,
    NewsIndexPage,
    NewsPage,
)

DEMO_ACCOUNTS = [
    # (username, first name, last name, role or None for a superuser)
    ("admin", "Ada", "Administratör", None),
    ("redaktor", "Rut", "Redaktör", roles.EDITOR),
    ("kansli", "Karin", "Kanslist", roles.KANSLI),
    ("cirkelledare", "Cecilia", "Cirkelledare", roles.CIRCLE_LEADER),
    ("kommun", "Kim", "Handläggare", roles.MUNICIPAL_OFFICIAL),
]
DEMO_PASSWORD = "demo-2026-losen"  # noqa: S105 - printed for local development only

#: Where `make run` serves the site (its HOST and PORT), unless told otherwise.
DEV_SERVER_ADDRESS = "127.0.0.1:8000"
#: The address Wagtail's installation gives its first site, where no server answers.
PLACEHOLDER_ADDRESS = ("localhost", 80)


def stream(blocks):
    """Turn demo data's (block type, value) pairs into StreamField values."""
    result = []
    for block_type, value in blocks:
        if block_type == "heading":
            value = {"text": value, "level": "h2"}
        elif block_type == "paragraph":
            value = RichText(value)
        elif block_type == "fact_box":
            value = {**value, "text": RichText(value["text"])}
        result.append((block_type, value))
    return result


def ensure_child(parent, model, slug, **fields):
    """Return the child page with this slug, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_home_page():
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    data = demo_data.HOME
    home = HomePage(
        title=data["title"],
        slug="start",
        intro=data["intro"],
        search_description=data["search_description"],
        body=stream(data["body"]),
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname=PLACEHOLDER_ADDRESS[0], port=80, is_default_site=True)
    welcome = site.root_page if site.root_page_id else None
    site.root_page = home
    site.site_name = data["title"]
    site.save()
    # Wagtail's installation creates a placeholder "Welcome" page of the base type.
    if welcome is not None and welcome.specific_class is Page and welcome.depth == 2:
        welcome.delete()
    return home, True


def load(stdout, *, with_accounts=False):
    with transaction.atomic():
        home, created = ensure_home_page()
        created_count = int(created)

        pages = {}
        for data in demo_data.PAGES:
            pages[data["slug"]], created = ensure_child(
                home,
                ContentPage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                search_description=data["search_description"],
                body=stream(data["body"]),
                show_in_menus=data["slug"] == "om",
            )
            created_count += created

        data = demo_data.ACCESSIBILITY_STATEMENT
        statement, created = ensure_child(
            home,
            ContentPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            search_description=data["search_description"],
            body=stream(data["body"]),
        )
        created_count += created

        data = demo_data.PRIVACY_POLICY
        privacy_policy, created = ensure_child(
            home,
            ContentPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            search_description=data["search_description"],
            body=stream(data["body"]),
        )
        created_count += created

        news_index, created = ensure_child(
            home,
            NewsIndexPage,
            "nyheter",
            title="Nyheter",
            intro="Nyheter, inbjudningar och rapporter från kansliet för Överenskommelsen.",
            search_description="Nyheter, inbjudningar och rapporter från kansliet för "
            "Överenskommelsen inom det sociala området.",
            show_in_menus=True,
        )
        created_count += created
        for item in demo_data.NEWS:
            _page, created = ensure_child(
                news_index,
                NewsPage,
                item["slug"],
                title=item["title"],
                date=datetime.date.fromisoformat(item["date"]),
                category=item["category"],
                intro=item["intro"],
                search_description=item["intro"][:155],
                body=stream(item["body"]),
            )
            created_count += created

        site = Site.objects.get(root_page=home)
        contact = KansliContactSettings.for_site(site)
        if not contact.email:
            for field, value in demo_data.SITE_SETTINGS.items():
                setattr(contact, field, value)
            contact.accessibility_page = statement
            contact.save()
            created_count += 1
        if contact.privacy_page_id is None:
            # Also on a site whose settings were made before the privacy policy was.
            contact.privacy_page = privacy_policy
            contact.save(update_fields=["privacy_page"])
            created_count += 1
        if contact.contact_page_id is None and "kontakt" in pages:
            # The footer links to the contact page; settings made before it keep theirs.
            contact.contact_page = pages["kontakt"]
            contact.save(update_fields=["contact_page"])
            created_count += 1

        if with_accounts:
            created_count += ensure_accounts()

    stdout.write(f"home: {created_count} nya objekt")


def parse_address(address):
    """An address written HOST:PORT, as (host, port); ValueError if it is not one."""
    host, _colon, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(address)
    return host.strip("[]"), int(port)


def set_site_address(address):
    """Give the demo site the development server's address, "HOST:PORT".

    Only in place of Wagtail's placeholder (localhost:80): an address someone chose in
    the admin is theirs. The site is the default one, so it answers on any address.
    """
    hostname, port = parse_address(address)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) != PLACEHOLDER_ADDRESS:
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def ensure_accounts():
    User = get_user_model()
    created_count = 0
    for username, first_name, last_name, role in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.se",
                "is_staff": role is None,
                "is_superuser": role is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
            created_count += 1
    return created_count


def describe_accounts():
    lines = ["Demokonton (bara för utveckling), lösenord för alla: " + DEMO_PASSWORD]
    for username, _first, _last, role in DEMO_ACCOUNTS:
        lines.append(f"  {username:<14} {role or 'Superanvändare'}")
    return "\n".join(lines)
