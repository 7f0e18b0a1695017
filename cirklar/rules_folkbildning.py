"""Folkbildningsrådet's rules for a study circle, as plain functions of plain data.

What decides whether a circle's hours count towards the studieförbund's state grant:

- 3–20 participants, the leaders included;
- a participant counts only once they have attended one of the first three meetings;
- at least 3 present at each meeting;
- at least 3 meetings and at least 9 study hours in all;
- a study hour (studietimme) is 45 minutes, and a meeting's study hours are its whole
  study hours: 100 minutes are 2, and the 10 left over are not added to another
  meeting's;
- at most 4 study hours per meeting and at most 3 meetings per calendar week;
- participants at least 13 years old in the year of the circle; only the year of birth
  is kept, so the year the circle starts minus the year of birth is the age that counts.

Nothing here knows of models or requests: `check()` takes a Circle of plain values and
returns one Result per rule, each with a plain Swedish explanation when it is not met
and what the leader can do about it. A circle that is still running is checked "so
far": a rule that later meetings can still meet is PENDING rather than NOT_MET.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MINUTES_PER_STUDY_HOUR = 45
MIN_PARTICIPANTS = 3
MAX_PARTICIPANTS = 20
MIN_PRESENT = 3
MIN_MEETINGS = 3
MIN_STUDY_HOURS = 9
MAX_STUDY_HOURS_PER_MEETING = 4
MAX_MEETINGS_PER_WEEK = 3
MIN_AGE = 13
#: A participant counts once they have attended one of this many first meetings.
QUALIFYING_MEETINGS = 3

MET = "met"
PENDING = "pending"
NOT_MET = "not_met"


@dataclass(frozen=True)
class Person:
    """A participant or a leader; `key` is unique within the circle."""

    key: str
    name: str
    birth_year: int | None = None
    is_leader: bool = False


@dataclass(frozen=True)
class Meeting:
    """A meeting (sammankomst). `present`: the keys of those present, leaders included.

    `held`: the meeting has taken place (its attendance is what it is); a planned one
    counts towards nothing yet but shows what the circle can still reach.
    """

    date: datetime.date
    minutes: int
    present: frozenset = field(default_factory=frozenset)
    held: bool = True


@dataclass(frozen=True)
class Circle:
    people: tuple
    meetings: tuple
    #: The year of the circle, for the age rule (the year it starts).
    year: int
    #: The circle is over: nothing more can change, so nothing is PENDING.
    finished: bool = False


@dataclass(frozen=True)
class Result:
    key: str
    title: str
    status: str
    explanation: str = ""
    advice: str = ""

    @property
    def met(self):
        return self.status == MET


def study_hours(minutes):
    """A meeting's study hours: whole 45-minute hours only (100 minutes → 2)."""
    return max(minutes, 0) // MINUTES_PER_STUDY_HOUR


def reportable_hours(minutes):
    """The study hours a meeting can be reported with: at most four."""
    return min(study_hours(minutes), MAX_STUDY_HOURS_PER_MEETING)


def ordered(meetings):
    return sorted(meetings, key=lambda meeting: meeting.date)


def counted_people(circle):
    """Who counts as a participant: every leader, and each participant who attended
    one of the circle's first three meetings."""
    first = [m for m in ordered(circle.meetings)[:QUALIFYING_MEETINGS] if m.held]
    attended = set().union(*(m.present for m in first)) if first else set()
    return [p for p in circle.people if p.is_leader or p.key in attended]


def total_hours(circle):
    return sum(reportable_hours(m.minutes) for m in circle.meetings if m.held)


def _first_three_done(circle):
    meetings = ordered(circle.meetings)[:QUALIFYING_MEETINGS]
    return circle.finished or (
        len(meetings) == QUALIFYING_MEETINGS and all(m.held for m in meetings)
    )


def _participants_rule(circle):
    counted = counted_people(circle)
    count = len(counted)
    title = _("3–20 deltagare, ledaren inräknad")
    if MIN_PARTICIPANTS <= count <= MAX_PARTICIPANTS:
        return Result("participants", title, MET)
    if count > MAX_PARTICIPANTS:
        return Result(
            "participants",
            title,
            NOT_MET,
            ngettext(
                "Cirkeln har %(count)d deltagare som räknas; högst %(max)d får vara med.",
                "Cirkeln har %(count)d deltagare som räknas; högst %(max)d får vara med.",
                count,
            )
            % {"count": count, "max": MAX_PARTICIPANTS},
            _(
                "Dela upp gruppen i två cirklar, eller kontakta ditt studieförbund om "
                "hur deltagarna ska redovisas."
            ),
        )
    status = NOT_MET if _first_three_done(circle) else PENDING
    return Result(
        "participants",
        title,
        status,
        ngettext(
            "Bara %(count)d deltagare räknas än så länge; minst %(min)d behövs. En "
            "deltagare räknas när hen har varit med på någon av de tre första träffarna.",
            "Bara %(count)d deltagare räknas än så länge; minst %(min)d behövs. En "
            "deltagare räknas när hen har varit med på någon av de tre första träffarna.",
            count,
        )
        % {"count": count, "min": MIN_PARTICIPANTS},
        _(
            "Bjud in fler innan den tredje träffen och pricka av dem som är där."
            if status == PENDING
            else "De tre första träffarna är redan hållna, så fler deltagare kan inte "
            "räknas in nu. Tala med ditt studieförbund."
        ),
    )


def _present_rule(circle):
    title = _("Minst 3 närvarande på varje träff")
    short = [
        m for m in ordered(circle.meetings) if m.held and len(m.present) < MIN_PRESENT
    ]
    if not short:
        return Result("present", title, MET)
    dates = ", ".join(_date(m.date) for m in short)
    return Result(
        "present",
        title,
        NOT_MET,
        ngettext(
            "Färre än %(min)d var där på träffen %(dates)s.",
            "Färre än %(min)d var där på träffarna %(dates)s.",
            len(short),
        )
        % {"min": MIN_PRESENT, "dates": dates},
        _(
            "Kontrollera närvaron på träffen: har någon glömts att pricka av? En träff "
            "med färre än tre närvarande kan inte redovisas; den räknas inte in i "
            "cirkelns studietimmar hos studieförbundet."
        ),
    )


def _meetings_rule(circle):
    title = _("Minst 3 träffar och minst 9 studietimmar")
    held = [m for m in circle.meetings if m.held]
    hours = total_hours(circle)
    if len(held) >= MIN_MEETINGS and hours >= MIN_STUDY_HOURS:
        return Result("meetings", title, MET)
    planned_hours = sum(reportable_hours(m.minutes) for m in circle.meetings)
    can_still = not circle.finished and (
        len(circle.meetings) >= MIN_MEETINGS and planned_hours >= MIN_STUDY_HOURS
    )
    explanation = _(
        "Hittills %(meetings)s och %(hours)s; cirkeln behöver minst %(min_meetings)d "
        "träffar och %(min_hours)d studietimmar."
    ) % {
        "meetings": ngettext("%d träff", "%d träffar", len(held)) % len(held),
        "hours": ngettext("%d studietimme", "%d studietimmar", hours) % hours,
        "min_meetings": MIN_MEETINGS,
        "min_hours": MIN_STUDY_HOURS,
    }
    if can_still:
        return Result(
            "meetings",
            title,
            PENDING,
            explanation,
            _("De planerade träffarna räcker, om de hålls som planerat."),
        )
    return Result(
        "meetings",
        title,
        NOT_MET,
        explanation,
        _(
            "Planera fler träffar, eller längre: en studietimme är 45 minuter och bara "
            "hela studietimmar räknas på varje träff."
        ),
    )


def _hours_per_meeting_rule(circle):
    title = _("Högst 4 studietimmar per träff")
    long = [
        m
        for m in ordered(circle.meetings)
        if study_hours(m.minutes) > MAX_STUDY_HOURS_PER_MEETING
    ]
    if not long:
        return Result("hours_per_meeting", title, MET)
    return Result(
        "hours_per_meeting",
        title,
        NOT_MET,
        _("Träffen %(dates)s är längre än 4 studietimmar (180 minuter).")
        % {"dates": ", ".join(_date(m.date) for m in long)},
        _(
            "Bara 4 studietimmar kan redovisas för en träff; resten räknas inte. Dela "
            "en lång träff i två, på olika dagar."
        ),
    )


def _week_rule(circle):
    title = _("Högst 3 träffar per kalendervecka")
    weeks = Counter(m.date.isocalendar()[:2] for m in circle.meetings)
    crowded = sorted(
        week for week, count in weeks.items() if count > MAX_MEETINGS_PER_WEEK
    )
    if not crowded:
        return Result("per_week", title, MET)
    names = ", ".join(
        _("vecka %(week)d %(year)d") % {"week": week, "year": year}
        for year, week in crowded
    )
    return Result(
        "per_week",
        title,
        NOT_MET,
        _("Fler än 3 träffar ligger i %(weeks)s.") % {"weeks": names},
        _("Flytta en av träffarna till en annan vecka."),
    )


def _age_rule(circle):
    title = _("Deltagarna är minst 13 år det år cirkeln hålls")
    participants = [p for p in counted_people(circle) if not p.is_leader]
    young = [
        p
        for p in participants
        if p.birth_year is not None and circle.year - p.birth_year < MIN_AGE
    ]
    unknown = [p for p in participants if p.birth_year is None]
    if young:
        return Result(
            "age",
            title,
            NOT_MET,
            _(
                "%(names)s fyller inte 13 år under %(year)d. Vi sparar bara födelseåret, "
                "så åldern räknas som %(year)d minus födelseåret."
            )
            % {"names": ", ".join(p.name for p in young), "year": circle.year},
            _(
                "Den som är yngre kan vara med i cirkeln men räknas inte som deltagare; "
                "kontrollera att födelseåret är rätt."
            ),
        )
    if unknown:
        return Result(
            "age",
            title,
            PENDING if not circle.finished else NOT_MET,
            _("Födelseår saknas för %(names)s.")
            % {"names": ", ".join(p.name for p in unknown)},
            _(
                "Fyll i födelseåret: det är det enda vi sparar om åldern, och det "
                "behövs för att visa att deltagaren är minst 13 år."
            ),
        )
    return Result("age", title, MET)


RULES = (
    _participants_rule,
    _present_rule,
    _meetings_rule,
    _hours_per_meeting_rule,
    _week_rule,
    _age_rule,
)


def check(circle):
    """Every rule's Result for the circle, in the order the leader reads them."""
    return [rule(circle) for rule in RULES]


def all_met(results):
    return all(result.met for result in results)


def none_failed(results):
    """Nothing NOT_MET: the circle meets the rules so far."""
    return all(result.status != NOT_MET for result in results)


def _date(value):
    from django.utils.formats import date_format

    return date_format(value, "j F")
