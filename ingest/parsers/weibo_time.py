"""Weibo post times: ``created_at`` in any of its forms, and the time a post's mid encodes.

An absolute ``created_at`` ("Thu Jun 17 16:00:11 +0800 2021") is kept. A relative
one ("15小时前", "昨天", or "06-27" without a year) is only meaningful at the moment
it was served, so the time is read from the post's mid instead:
``(mid >> 22) + 515483463`` is its creation time in Unix seconds (``mid_time``).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from schemas.document import CST

logger = logging.getLogger(__name__)

__all__ = ["mid_time", "parse_weibo_time"]

_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_ABS_RE = re.compile(r"^\w{3} (\w{3}) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$")
_AGO_RE = re.compile(r"^(\d+)\s*(秒|分钟|小时|天)前$")
_DAY_RE = re.compile(r"^(今天|昨天|前天)\s*(?:(\d{1,2}):(\d{2}))?$")
_DATE_RE = re.compile(
    r"^(?:(\d{4})[-/年])?(\d{1,2})[-/月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_MID_EPOCH = 515483463  # Unix time of mid 0: mid >> 22 counts seconds from it
_FIRST_POST = datetime(2009, 8, 1, tzinfo=CST)  # Weibo's launch: an earlier mid time is not a time


def mid_time(mid: Any) -> datetime | None:
    """When a post was created, from its numeric mid (exact to about a second); None if not a mid."""
    text = str(mid).strip() if isinstance(mid, int | str) else ""
    if not (text.isascii() and text.isdigit() and 15 <= len(text) <= 19):
        return None
    stamp = datetime.fromtimestamp((int(text) >> 22) + _MID_EPOCH, CST)
    return stamp if _FIRST_POST <= stamp <= datetime.now(CST) + timedelta(days=1) else None


def _absolute_time(text: str) -> datetime | None:
    m = _ABS_RE.match(text)
    if not (m and m.group(1) in _MONTHS):
        return None
    mon, day, hh, mm, ss, sign, oh, om, year = m.groups()
    offset = timedelta(hours=int(oh), minutes=int(om)) * (1 if sign == "+" else -1)
    try:
        stamp = datetime(
            int(year), _MONTHS[mon], int(day), int(hh), int(mm), int(ss), tzinfo=timezone(offset)
        )
    except ValueError:
        return None
    return stamp.astimezone(CST)


def _relative_time(text: str, now: datetime) -> datetime | None:
    if text == "刚刚":
        return now.replace(microsecond=0)
    m = _AGO_RE.match(text)
    if m:
        unit = {"秒": "seconds", "分钟": "minutes", "小时": "hours", "天": "days"}[m.group(2)]
        return (now - timedelta(**{unit: int(m.group(1))})).replace(microsecond=0)
    m = _DAY_RE.match(text)
    if m:
        day = now - timedelta(days=("今天", "昨天", "前天").index(m.group(1)))
        hh, mm = int(m.group(2) or 0), int(m.group(3) or 0)
        return day.replace(hour=hh, minute=mm, second=0, microsecond=0) if hh < 24 and mm < 60 else None
    return None


def _dated(text: str, now: datetime) -> tuple[datetime | None, bool]:
    """A "[YYYY-]MM-DD[ hh:mm[:ss]]" date, and whether it named its year."""
    m = _DATE_RE.match(text)
    if not m:
        return None, False
    year, mon, day_s, hh_s, mm_s, ss_s = m.groups()
    try:
        stamp = datetime(
            int(year or now.year),
            int(mon),
            int(day_s),
            int(hh_s or 0),
            int(mm_s or 0),
            int(ss_s or 0),
            tzinfo=CST,
        )
    except ValueError:
        return None, False
    return stamp, year is not None


def parse_weibo_time(value: Any, now: datetime | None = None, mid: Any = None) -> datetime | None:
    """created_at of a post ("Thu Jun 17 16:00:11 +0800 2021", "5分钟前", "06-27"…), in +08:00.

    An absolute time is returned as given. Given the post's ``mid``, a relative or
    year-less date gives the mid's time (see ``mid_time``), and a dated day with a
    year gives it too when they name the same day (the mid adds the time of day).
    Without a mid, relative dates are counted back from ``now`` (the current year for
    "06-27"): only right at the moment the answer was served.
    """
    if not isinstance(value, str) or not value.strip():
        return mid_time(mid)
    text = " ".join(value.split())
    absolute = _absolute_time(text)
    if absolute is not None:
        return absolute
    from_mid = mid_time(mid)
    now = (now or datetime.now(CST)).astimezone(CST)
    dated, has_year = _dated(text, now)
    if dated is not None and has_year:
        same_day = from_mid is not None and from_mid.date() == dated.date()
        return from_mid if same_day and dated.time() == datetime.min.time() else dated
    if from_mid is not None:
        return from_mid
    return dated or _relative_time(text, now)
