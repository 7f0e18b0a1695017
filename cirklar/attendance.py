"""Saving attendance: ticks as states with a time, never as toggles.

A tick says "this person was (or was not) at this meeting, as of `ticked_at`", the
moment the leader ticked it on their phone. Saving one sets that state unless the
stored state was ticked later: the same tick sent twice (a phone that lost the answer
and sent again) leaves the same row, and an older tick sent late (a phone that was
offline) does not overwrite a newer one from another phone. The stored row is locked
(select_for_update) while it is compared, so two phones saving at once cannot both
win; on SQLite the whole database is locked by the write anyway.

The leaders are present unless marked absent (Meeting.absent_leaders): their ticks
set that state, without a time of their own.

A meeting's attendance_taken_at is written with an UPDATE, not save(): a Meeting is
public content (kind "cirklar") and save() would refresh the public pages, while
taking attendance changes nothing a visitor sees.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Attendance, Meeting


def _clamped(ticked_at, now):
    """A phone whose clock runs ahead must not win over every later tick: no tick is
    later than the moment it arrives."""
    if ticked_at is None or ticked_at > now:
        return now
    return ticked_at


def _mark_taken(meeting, now):
    Meeting.objects.filter(pk=meeting.pk).update(attendance_taken_at=now)
    meeting.attendance_taken_at = now


def record_tick(meeting, participant, present, ticked_at, *, now=None):
    """Save one participant's tick. Returns (applied, the stored Attendance)."""
    now = now or timezone.now()
    ticked_at = _clamped(ticked_at, now)
    with transaction.atomic():
        row = (
            Attendance.objects.select_for_update()
            .filter(meeting=meeting, participant=participant)
            .first()
        )
        applied = False
        if row is None:
            try:
                with transaction.atomic():
                    row = Attendance.objects.create(
                        meeting=meeting,
                        participant=participant,
                        present=present,
                        ticked_at=ticked_at,
                    )
                applied = True
            except IntegrityError:
                # Another request created it meanwhile: compare with theirs.
                row = Attendance.objects.select_for_update().get(
                    meeting=meeting, participant=participant
                )
        if not applied and ticked_at > row.ticked_at:
            Attendance.objects.filter(pk=row.pk).update(
                present=present, ticked_at=ticked_at
            )
            row.present, row.ticked_at = present, ticked_at
            applied = True
        _mark_taken(meeting, now)
    return applied, row


def record_leader_tick(meeting, leader, present, *, now=None):
    """Mark a leader present (the default) or absent. Setting the same state twice
    changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        if present:
            meeting.absent_leaders.remove(leader)
        else:
            meeting.absent_leaders.add(leader)
        _mark_taken(meeting, now)


def save_checklist(meeting, participants, present_ids, leaders, absent_leader_ids):
    """Save the whole checklist as the form sent it, as ticks made now: each
    participant present if their id is in `present_ids`, each leader absent if in
    `absent_leader_ids`. A row ticked later than now (never, but for clocks) stays."""
    now = timezone.now()
    with transaction.atomic():
        stored = {
            row.participant_id: row
            for row in Attendance.objects.select_for_update().filter(meeting=meeting)
        }
        new, changed = [], []
        for participant in participants:
            present = participant.pk in present_ids
            row = stored.get(participant.pk)
            if row is None:
                new.append(
                    Attendance(
                        meeting=meeting,
                        participant=participant,
                        present=present,
                        ticked_at=now,
                    )
                )
            elif now > row.ticked_at:
                row.present, row.ticked_at = present, now
                changed.append(row)
        if new:
            Attendance.objects.bulk_create(new, ignore_conflicts=True)
        if changed:
            Attendance.objects.bulk_update(changed, ["present", "ticked_at"])
        meeting.absent_leaders.set([u for u in leaders if u.pk in absent_leader_ids])
        _mark_taken(meeting, now)


def parse_ticked_at(value):
    """A client's ISO 8601 time (JavaScript's toISOString()), or None."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        return None
    return parsed
