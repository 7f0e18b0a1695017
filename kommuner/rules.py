"""Who may change what in the kommuner app: written once, asked by every view.

The kansli (editors and kansli staff) may change every kommun's record and every
organisation. A municipal official may change only the record and the local
organisations of the kommuner their account is tied to; national organisations and the
regions' records are the kansli's. An organisation is changed only by its home kommun's
officials; the officials of another kommun may mark it as active in theirs, and remove
that mark again, which puts it on their lists without any right to change it.
"""

import rules

from home import roles

is_kansli = (
    rules.is_superuser
    | rules.is_group_member(roles.EDITOR)
    | rules.is_group_member(roles.KANSLI)
)


def official_municipality_ids(user):
    """The ids of the kommuner the user is an official for, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_official_municipality_ids"):
        user._official_municipality_ids = frozenset(
            user.municipalities.values_list("pk", flat=True)
        )
    return user._official_municipality_ids


def _municipality_id(obj):
    from .models import Municipality

    if obj is None:
        return None
    if isinstance(obj, Municipality):
        return obj.pk
    municipality = getattr(obj, "owner_municipality", None)
    return municipality.pk if municipality is not None else None


@rules.predicate
def is_official_for(user, obj):
    municipality_id = _municipality_id(obj)
    return municipality_id is not None and municipality_id in official_municipality_ids(
        user
    )


@rules.predicate
def is_an_official(user):
    return bool(official_municipality_ids(user))


# The "Min kommun" area.
rules.add_perm("kommuner.use_min_kommun", is_kansli | is_an_official)
# A kommun (or region) record; the object is a Municipality, County or PolicyRecord.
rules.add_perm("kommuner.change_policyrecord", is_kansli | is_official_for)
# Organisations: adding takes the kommun as object; changing and deleting the organisation.
rules.add_perm("kommuner.add_organisation", is_kansli | is_official_for)
rules.add_perm("kommuner.change_organisation", is_kansli | is_official_for)
rules.add_perm("kommuner.delete_organisation", is_kansli | is_official_for)
# Marking an organisation of another kommun (or a national one) as active in a kommun:
# the object is the kommun. Removing the mark: the object is the OrganisationPresence,
# whose kommun is the one it marks, so the home kommun's officials cannot remove it
# from another kommun's list, nor another kommun's officials the organisation itself.
rules.add_perm("kommuner.mark_organisation_active", is_kansli | is_official_for)
rules.add_perm("kommuner.remove_organisation_presence", is_kansli | is_official_for)
# Import into a kommun's register, and export it.
rules.add_perm("kommuner.import_organisations", is_kansli | is_official_for)
