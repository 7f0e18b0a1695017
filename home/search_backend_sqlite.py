"""Wagtail's SQLite FTS5 search backend, ranking its matches in one pass.

Imported only on SQLite (see home/search_backend.py): the FTS5 model exists nowhere else.
Wagtail's FTS5 backend finds the results in one query but ranks them with a
correlated subquery that runs the full-text match again for every matching page, so a
word found on a few hundred pages costs tens of milliseconds and grows with the square
of the matches. Here the matches are ranked as FTS5 finds them, in one pass, keeping
only those the queryset allows (live, public pages); the objects are then fetched by
primary key. The results, their order and their count are the same.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .search_filters import DatabaseFiltersMixin
from .search_text import printable


def fts_text(text):
    """Text to go between double quotes in an FTS5 query.

    Wagtail's backend quotes each word but leaves quotes inside it as they are, so a
    search for `"` or `dia"log` is an FTS5 syntax error; FTS5 escapes a quote by
    doubling it. A control character (a NUL ends the query early) becomes a space;
    if nothing is left, a lone quote, which matches nothing, keeps the query valid.
    """
    text = printable(text)
    return text.replace('"', '""') if text.strip() else '""'


class RankedMixin:
    """For a query compiler of Wagtail's SQLite backend: rank the matches in one pass."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                fts_text(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(fts_text(query.query_string))
        return super().build_search_query_content(query, config=config)

    def matches(self, config):
        """The index entries that match and that the queryset allows; None if not ranked."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        model = self.queryset.model
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(query, config=config),
        )
        allowed = self.queryset.filter(
            pk=Cast(OuterRef("index_entry__object_id"), model._meta.pk)
        )
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model)
            )
            .filter(Exists(allowed))
        )

    def ranked_keys(self, config, start, stop):
        """(primary key, score) of the best matches, best first; None if not ranked."""
        matches = self.matches(config)
        if matches is None:
            return None
        rows = (
            matches.annotate(
                score=self._build_rank_expression(self.get_search_vectors(), config)
            )
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")
        )[start:stop]
        to_python = self.queryset.model._meta.pk.to_python
        return [(to_python(object_id), score) for object_id, score in rows]


class RankedQueryCompiler(
    RankedMixin, DatabaseFiltersMixin, sqlite.SQLiteSearchQueryCompiler
):
    pass


class RankedAutocompleteCompiler(
    RankedMixin, DatabaseFiltersMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class RankedSearchResults(sqlite.SQLiteSearchResults):
    def primary_keys(self):
        """The primary keys of these results, best first, without fetching the objects."""
        if self._results_cache is None:
            compiler = self.query_compiler
            ranked = compiler.ranked_keys(
                compiler.get_config(self.backend), self.start, self.stop
            )
            if ranked is not None:
                return [pk for pk, _score in ranked]
        return [obj.pk for obj in self]

    def _do_search(self):
        compiler = self.query_compiler
        ranked = compiler.ranked_keys(
            compiler.get_config(self.backend), self.start, self.stop
        )
        if ranked is None:
            return super()._do_search()
        objects = compiler.queryset.in_bulk([pk for pk, _score in ranked])
        results = []
        for pk, score in ranked:
            obj = objects.get(pk)
            if obj is None:  # removed between the two queries
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self):
        matches = self.query_compiler.matches(
            self.query_compiler.get_config(self.backend)
        )
        return super()._do_count() if matches is None else matches.count()


class RankedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = RankedQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteCompiler
    results_class = RankedSearchResults
