"""Wagtail's PostgreSQL full-text search backend, leaving the queryset's filters to the database.

Imported only on PostgreSQL (see home/search_backend.py). The backend is Wagtail's
own, but for the check of the filters (home/search_filters.py).
"""

from modelsearch.backends.database.postgres import postgres

from .search_filters import DatabaseFiltersMixin


class QueryCompiler(DatabaseFiltersMixin, postgres.PostgresSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(
    DatabaseFiltersMixin, postgres.PostgresAutocompleteQueryCompiler
):
    pass


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
