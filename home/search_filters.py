"""The check of a search's filters, as the site's database search backends make it.

modelsearch checks every filter of a searched queryset against the model's
FilterFields, so that any backend (Elasticsearch too) could apply it, and takes the
left side of each lookup for a column. A filter on an annotation or a function is
not: Wagtail's image and document listings filter on the usage count they annotate
(`?q=…&usage_count_min=1`), and the check raises AttributeError ("'Coalesce' object
has no attribute 'target'"), a 500. A database backend runs the queryset itself,
filters and all, in the same SQL as the search, so a filter on anything but a plain
column (an annotation, a function, a date's month) needs no check; filters on columns
are still checked as before.
"""

from django.db.models.expressions import Col
from django.db.models.lookups import Lookup


class DatabaseFiltersMixin:
    """For a query compiler of a database backend: the database applies the filters."""

    def _get_filters_from_where_node(self, where_node, check_only=False):
        if (
            check_only
            and isinstance(where_node, Lookup)
            and not isinstance(where_node.lhs, Col)
        ):
            return None
        return super()._get_filters_from_where_node(where_node, check_only=check_only)
