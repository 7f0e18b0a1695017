"""Helpers for each app's personal-data tests: what the register holds, and the search index."""

from django.db.models import TextField

from wagtail.search.models import IndexEntry

from home import personal_data


def index_text():
    """Everything the search index holds, as one lower-case text."""
    fields = [
        field.name
        for field in IndexEntry._meta.get_fields()
        if isinstance(field, TextField)
    ]
    rows = IndexEntry.objects.values_list(*fields)
    return " ".join(str(value) for row in rows for value in row if value).lower()


def holding(email, key):
    """What the register holds about an address, for one kind."""
    return next(h for h in personal_data.holdings(email) if h.kind.key == key)
