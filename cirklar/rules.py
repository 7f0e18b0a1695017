"""Who may see and change what of the study circles: written once, asked by every view.

A circle leader sees and changes only the circles they lead (as leader or co-leader)
and those circles' participants, meetings, attendance and interest requests. Editors
and the kansli see and change all. Visitors see only the public fields of open circles
(Hitta en studiecirkel), which need no permission. The object of every circle
permission is the StudyCircle itself (a participant's or meeting's circle is asked).
"""

import contextlib

import rules

from home import roles

is_kansli = (
    rules.is_superuser
    | rules.is_group_member(roles.EDITOR)
    | rules.is_group_member(roles.KANSLI)
)
is_circle_leader = rules.is_group_member(roles.CIRCLE_LEADER)


def led_circle_ids(user):
    """The ids of the circles the user leads, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_led_circle_ids"):
        user._led_circle_ids = frozenset(user.led_circles.values_list("pk", flat=True))
    return user._led_circle_ids


def forget_led_circles(user):
    """After the user has started or been given a circle within the same request."""
    # delattr, not __dict__: request.user is a SimpleLazyObject, which forwards it.
    with contextlib.suppress(AttributeError):
        del user._led_circle_ids


@rules.predicate
def leads(user, circle):
    return circle is not None and circle.pk in led_circle_ids(user)


# Mina cirklar, and starting a circle of one's own.
rules.add_perm("cirklar.use_mina_cirklar", is_kansli | is_circle_leader)
rules.add_perm("cirklar.start_circle", is_kansli | is_circle_leader)
# A circle and everything in it: its details, participants, meetings, attendance,
# report, exports, calendar link and interest requests.
rules.add_perm("cirklar.view_circle", is_kansli | leads)
rules.add_perm("cirklar.change_circle", is_kansli | leads)
# Reports across every circle.
rules.add_perm("cirklar.view_reports", is_kansli)
