"""Background tasks of the kommuner app."""

from wagtail.search.backends import get_search_backends

from django_tasks import task

from .models import Organisation


@task()
def index_organisations(pks):
    """Add or update organisations in the search index, all in one go."""
    organisations = list(Organisation.objects.filter(pk__in=pks))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Organisation, organisations)
