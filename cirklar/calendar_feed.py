"""A circle's meetings as an iCalendar feed (RFC 5545), for the participants' calendars.

The feed is public at a secret link, so it holds nothing about people: the circle's
name, its meeting place, each meeting's times and the titles of the module's sessions
it covers. No leader, participant or note.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from icalendar import Calendar, Event

PRODID = "-//Överenskommelsens studieplattform//Studiecirklar//SV"


def feed(circle, meetings, *, host):
    local = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", circle.name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for meeting in meetings:
        starts = datetime.datetime.combine(
            meeting.date, meeting.start_time, tzinfo=local
        )
        event = Event()
        event.add("uid", f"traff-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", starts)
        event.add("dtend", starts + datetime.timedelta(minutes=meeting.length_minutes))
        titles = [session.title for session in meeting.sessions.all()]
        event.add(
            "summary", f"{circle.name}: {', '.join(titles)}" if titles else circle.name
        )
        event.add("location", circle.meeting_place)
        if titles:
            event.add("description", "\n".join(titles))
        calendar.add_component(event)
    return calendar.to_ical()
