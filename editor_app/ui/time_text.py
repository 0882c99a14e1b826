"""Times as the window shows them, in the person's local time zone: one place for the
calendar words ("today", "yesterday", "3 May") the sidebar, the history, the conflict
and the recovery dialogs share. Stored times are UTC; a naive one is taken as UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimeText", text)


def _local(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()


def _day(local: datetime, today: date, month: str) -> str:
    """ "today", "yesterday", "3 May" (this year) or "3 May 2024"; ``month`` is the
    strftime code of the month's name, short or long."""
    if local.date() == today:
        return _tr("today")
    if local.date() == today - timedelta(days=1):
        return _tr("yesterday")
    day = f"{local.day} {local.strftime(month)}"
    return day if local.year == today.year else f"{day} {local.year}"


def relative_time(when: datetime, now: datetime) -> str:
    """ "just now", "5 min ago", "2 h ago", "yesterday", then "12 Mar" (this year) or
    "12 Mar 2023": short enough for a narrow sidebar, exact enough to tell stories apart."""
    seconds = (now - (when if when.tzinfo else when.replace(tzinfo=UTC))).total_seconds()
    if seconds < 60:
        return _tr("just now")
    if seconds < 3600:
        return _tr("{n} min ago").format(n=int(seconds // 60))
    local, today = _local(when), now.astimezone().date()
    if seconds < 12 * 3600 or local.date() == today:
        return _tr("{n} h ago").format(n=int(seconds // 3600))
    return _day(local, today, "%b")


def when_text(moment: datetime | None, now: datetime | None = None) -> str:
    """ "today 14:32", "yesterday 09:05", "3 May 14:32", "3 May 2024 14:32"."""
    if moment is None:
        return _tr("at an unknown time")
    local = _local(moment)
    today = (now or datetime.now()).astimezone().date()
    return f"{_day(local, today, '%B')} {local:%H:%M}"


def local_time(moment: datetime) -> str:
    """A stored time as the person's local date and time: "28 Nov 2026, 06:57"."""
    return _local(moment).strftime("%d %b %Y, %H:%M")
