"""The site's search backend: Wagtail's database backend, ranked in one pass on SQLite.

On PostgreSQL (production) this is Wagtail's PostgreSQL full-text backend; on SQLite
it is Wagtail's FTS5 backend with the ranking made linear in the number of matches
(home/search_backend_sqlite.py). On both, a filter of the searched queryset on an
annotation is left to the database rather than refused (home/search_filters.py).
"""

from django.db import connection

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        from .search_backend_postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite":
        from . import search_backend_sqlite as ranked

        if type(backend) is ranked.sqlite.SQLiteSearchBackend:
            return ranked.RankedSQLiteSearchBackend(params)
    return backend


def result_keys(results):
    """The primary keys of (a slice of) search results, fetching no objects if it can."""
    primary_keys = getattr(results, "primary_keys", None)
    if primary_keys is not None:
        return primary_keys()
    return [obj.pk for obj in results]
