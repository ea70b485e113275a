"""Tables: rows and columns as model scopes, header cells as the kind of what a column holds.

Two layouts are read, each line a row:

* Markdown tables (``| 模型 | 价格 | 生成时间 |``): the first line is the header, a
  ``|---|`` line is skipped. When header cells after the first name models (``| 功能 |
  Sora 2 | Kling 3.0 |``), each column is its model's scope: a claim in a cell is
  about the model heading its column. Otherwise each row is the scope of the model
  its first cell names (the nearest-model rule already gives that), and a column
  headed by a generation-time word (生成时间, 耗时, generation time…) makes the time in
  each row's cell a speed claim, whatever the cell says.
* Tables flattened into text: a line naming no model that is followed by two lines
  or more that each open with a model name is a header.

A header row states no claim about any model: it gives no claims.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.numbers import Quantity
from ingest.extract.prices import PriceRules
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.speed import speed_bounds

log = logging.getLogger(__name__)

_SEPARATOR_ROW = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_ROW_LEAD = " \t>*•·-—0123456789.、)）|"
_PIPE = re.compile(r"\|")
_PER_SECOND = re.compile(r"per[\s-]*(?:second|sec)|/\s*s(?:ec)?\b|每秒")
_MONEY = {"credits": "credits", "cny": "price_cny", "usd": "price_usd"}
_PARENS = re.compile(r"[（(][^（()）]{0,30}[）)]")
_BARE_NUMBER = re.compile(r"\s*[`*]*\s*(?:~|≈|约|about\s)?\s*(\d{1,6}(?:\.\d+)?)\s*[`*]*\s*")
# a number with its own note in brackets, two or more to a cell: | 20 (Non-Ultra) · 10 (Ultra) |
_NOTED_NUMBER = re.compile(r"(\d{1,6}(?:\.\d+)?)\s*[(（]([^()（）|\n]{1,20})[)）]")
_NOTED_NUMBERS = re.compile(
    r"\s*(?:\d{1,6}(?:\.\d+)?\s*[(（][^()（）|\n]{1,20}[)）]\s*[·•/,，;；、]\s*)+"
    r"\d{1,6}(?:\.\d+)?\s*[(（][^()（）|\n]{1,20}[)）]\s*"
)
# sorts of value in a spec row: two of one sort are two cells
_VALUE_SORTS = tuple(
    re.compile(p)
    for p in (
        r"\d{3,4}\s*[pP](?![a-z])|\d\s*[kK](?![a-z])",
        r"\d{3,4}\s*[x×*]\s*\d{3,4}",
        r"(?<![\d:])\d{1,2}\s*:\s*\d{1,2}(?![\d:])",
        r"\d+(?:\.\d+)?\s*(?:fps|帧)",
        r"\d+(?:\.\d+)?\s*(?:s|sec|seconds?|秒|min|minutes?|分钟)(?![a-z])",
        r"[$¥￥]\s*\d|\d+(?:\.\d+)?\s*(?:credits?|积分|元|美元|灵感值)",
        r"\d+(?:\.\d+)?\s*(?:characters?|chars?|字)",
    )
)
# a header's unit of time for the bare numbers under it: 平均耗时(秒), Time (s), 时长（秒）, Wait (min)
_HEAD_TIME = re.compile(r"[（(]\s*(秒|s|secs?|seconds?|分钟|分|mins?|minutes?)\s*[）)]")
_TIME_UNIT = {"秒": 1.0, "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0}
_BARE_RANGE = re.compile(
    r"\s*[`*]*\s*(?:~|≈|约|about\s)?\s*(\d{1,4}(?:\.\d+)?)(?:\s*[-~–—至到]\s*(\d{1,4}(?:\.\d+)?))?\s*[`*]*\s*"
)
# a row for an image, not a video (| VQ1 | 图生图 | … |, | Text-to-Image |): its price and time are no clip's
_IMAGE_ROW = re.compile(
    r"[|]\s*(?:[文图]生图|图片生成|text[-\s]to[-\s]image|image[-\s]to[-\s]image)\s*[|（(]"
)
_UNLABELLED = re.compile(r"\s*[$¥￥]?\d")  # a row that opens with a value goes on with the row above
_VALUE_END = re.compile(r"[$¥￥]?\d[\d.,]*\s*$")  # a number that ends where a word starts


def _cell_cut(text: str, a: int, b: int) -> int | None:
    """Where the second value of a flattened two-column row starts, only when the row splits one
    way: a single closing parenthesis run into text ("(Pro)長達 15 秒"), else a single word the
    row uses twice ("長達 25 秒…長達 15 秒"). None when the row offers no split or several: a comma
    may sit inside one cell as well as between two, so it never decides."""
    row = text[a:b].rstrip()
    parens = [m.end() for m in re.finditer(r"[)）](?=[^\s,，;；。)）])", row) if m.end() < len(row)]
    if parens:
        return a + parens[0] if len(parens) == 1 else None
    cuts: set[int] = set()
    for size in (3, 2):
        cut: int | None = None
        for i in range(1, len(row) - size):  # a word the row opens with is its label
            word = row[i : i + size]
            if word.strip() != word or not all("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word):
                continue
            j = row.find(word, i + size)
            if j > 0:
                cuts.add(j - i)  # the offset of the repeat: one split, however many letters agree
                if len(cuts) > 1:
                    return None
                if cut is None:  # where the first repeated word starts again; a value before it
                    # opens its cell (12 credits per second 5 credits per second)
                    first, second = _VALUE_END.search(row, 0, i), _VALUE_END.search(row, 0, j)
                    cut = a + (second.start() if first and second and second.start() >= i + size else j)
        if cut is not None:
            return cut
    return None


def _value_cut(text: str, a: int, b: int) -> int | None:
    """Where the second cell of a flattened two-column row starts when the row holds two values of
    one sort and no more (Resolution 1080p 720p, Length 10 seconds 5 seconds): at the second one.
    Not when a comma or a list mark stands in the row: one cell may hold both values."""
    if any(ch in text[a:b] for ch in ",，、;；/"):
        return None
    seconds = []
    for r in _VALUE_SORTS:
        found = list(r.finditer(text, a, b))
        if len(found) > 2:
            return None
        if len(found) == 2:
            seconds.append((found[0].end(), found[1].start()))
    if not seconds:
        return None
    cut = min(s for _, s in seconds)
    return cut if all(e <= cut for e, _ in seconds) else None


@dataclass(frozen=True, slots=True)
class PriceColumn:
    """A column of prices: what its header says of every cell under it."""

    index: int
    length: float | None  # Price per 5s, 5秒价格: 5; per second: 1
    tier: str | None  # | Standard | Pro |: the tier word heading it
    unit: str | None  # | Price (USD/s) |, | Credits |: the unit of bare numbers in its cells
    length_at: tuple[int, float] | None = None  # | 时长(秒) |: the column of the row's clip length, its unit


@dataclass
class TableInfo:
    """What the rules need to know about the tables of one section (header rows and model columns
    are also set on the view, where every rule's ``subject`` reads them)."""

    header_sids: set[int] = field(default_factory=set)
    # sentence id -> (where its row line starts, the subject of each column, by index)
    columns: dict[int, tuple[list[int], list[Subject | None]]] = field(default_factory=dict)
    # sentence id -> (where its row line starts, indexes of generation-time columns)
    speed_cells: dict[int, tuple[int, list[int], dict[int, float]]] = field(default_factory=dict)
    # sentence id -> (where its row line starts, [price column: (index, the clip length, tier word and
    # unit of money its header names)])
    price_cells: dict[int, tuple[int, list[PriceColumn]]] = field(default_factory=dict)
    # rows of a table whose header names plans or credit packs: their sums buy a plan, not a clip
    plan_rows: set[int] = field(default_factory=set)
    period_spans: list[tuple[int, int]] = field(default_factory=list)  # cells of sums over a month or year


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for part in text.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


class _LineSentences:
    """The sentences of each line, looked up on first use (most lines are never asked about)."""

    def __init__(self, view: SectionView, lines: list[tuple[int, int]]) -> None:
        self.view, self.lines = view, lines
        self.cache: dict[int, list[int]] = {}

    def __getitem__(self, k: int) -> list[int]:
        if k not in self.cache:
            a, b = self.lines[k]
            sents = self.view.sentences
            i = max(bisect_right(self.view.sentence_starts, a) - 1, 0)
            sids = []
            while i < len(sents) and sents[i].start < b:
                if sents[i].end > a:
                    sids.append(i)
                i += 1
            self.cache[k] = sids
        return self.cache[k]


class TableRules:
    def __init__(self, lex: Lexicon, prices: PriceRules) -> None:
        self.speed_head = WordScanner(lex.words("tables", "speed_columns"))
        self.bare_time_head = re.compile(rf"\s*(?:{lex.alt('tables', 'bare_time_columns')})\s*$")
        self.length_head = re.compile(rf"\s*(?:{lex.alt('tables', 'length_columns')})\b")
        self.price_head = WordScanner(lex.words("tables", "price_columns"))
        self.plan_head = WordScanner(lex.words("tables", "plan_columns"))
        self.period_head = WordScanner(lex.words("tables", "period_columns"))
        credit_words = alt(lex.mapping("units", "credits"))
        self.head_units = [
            ("usd", re.compile(r"\$|\b(?:usd|us\$)\b|美元|美金|dollars?")),
            ("cny", re.compile(r"[¥￥]|\b(?:cny|rmb)\b|人民币|[（(]元[)）]|元/|/元")),
            ("credits", re.compile(credit_words)),
        ]

        self.prices = prices  # the model and tier a price is for, from the row's tier word
        self.conf = lex.confidence("table")

    def find(self, view: SectionView) -> TableInfo:
        """The tables of ``view`` (its mentions already added)."""
        info = TableInfo()
        text = view.clean
        if "\n" not in text:
            return info
        lines = _lines(text)
        line_sids = _LineSentences(view, lines)
        if "|" in text:
            self._markdown(view, lines, line_sids, info)
        self._flattened(view, lines, line_sids, info)
        view.header_sids = info.header_sids
        view.columns = info.columns
        view.speed_cells = info.speed_cells
        view.price_cells = info.price_cells
        view.plan_rows = info.plan_rows
        view.period_spans = info.period_spans
        return info

    # ----- markdown ------------------------------------------------------------
    def _markdown(
        self, view: SectionView, lines: list[tuple[int, int]], line_sids: _LineSentences, info: TableInfo
    ) -> None:
        text = view.clean
        i = 0
        while i < len(lines):
            a, b = lines[i]
            if not text[a:b].lstrip().startswith("|"):
                i += 1
                continue
            j = i
            while j < len(lines) and text[lines[j][0] : lines[j][1]].lstrip().startswith("|"):
                j += 1
            rows = [k for k in range(i + 1, j) if not _SEPARATOR_ROW.match(text[lines[k][0] : lines[k][1]])]
            if rows:
                self._markdown_table(view, lines, line_sids, i, rows, info)
            i = j

    def _markdown_table(
        self,
        view: SectionView,
        lines: list[tuple[int, int]],
        line_sids: _LineSentences,
        head: int,
        rows: list[int],
        info: TableInfo,
    ) -> None:
        text = view.clean
        ha, hb = lines[head]
        cells = self._cells(text, ha, hb)
        info.header_sids.update(line_sids[head])
        subjects: list[Subject | None] = []
        for lo, hi in cells:
            found = [m for sid in line_sids[head] for m in view.mentions[sid] if lo <= m.start < hi]
            subjects.append(Subject(list(found[0].models), [found[0].tier], True) if found else None)
        if (
            len(cells) >= 3
            and subjects[0] is not None
            and not text[cells[-1][0] : cells[-1][1]].strip()
            and sum(s is not None for s in subjects[1:]) == len(cells) - 2
        ):
            # | Kling V3 | Hailuo 2.3 | |: a header whose empty corner cell went to its end (as some
            # clippers lay it out): the models head the columns after the rows' labels
            subjects = [None, *subjects[:-1]]
        if sum(s is not None for s in subjects[1:]) >= 2:  # models head the columns
            for k in rows:
                row_cells = self._cells(text, *lines[k])
                priced_row = self._price_row(view, line_sids[k], row_cells, subjects)
                for sid in line_sids[k]:
                    info.columns[sid] = ([lo for lo, _ in row_cells], subjects)
                    if priced_row:
                        info.price_cells[sid] = (lines[k][0], priced_row)
            return
        if self.plan_head.search(view.cue_text, ha, hb):  # | 套餐 | 价格 | 积分 |: a table of plans
            info.plan_rows.update(sid for k in rows for sid in line_sids[k])
            return
        periods = [
            n for n, (lo, hi) in enumerate(cells) if n and self.period_head.search(view.cue_text, lo, hi)
        ]
        for k in rows if periods else []:  # | 月度成本(100视频) |: a month's sum in each row, no clip's price
            row_cells = self._cells(text, *lines[k])
            info.period_spans += [row_cells[n] for n in periods if n < len(row_cells)]
        timed = [n for n, (lo, hi) in enumerate(cells) if self.speed_head.search(view.cue_text, lo, hi)]
        if any(self.length_head.match(view.cue_text, lo, hi) for lo, hi in cells):
            # | Cost | Time | Duration |: beside the clip's length, a bare "Time" is the time it took
            timed += [
                n for n, (lo, hi) in enumerate(cells) if self.bare_time_head.match(view.cue_text, lo, hi)
            ]
        units = {n: u for n in timed if (u := self._head_seconds(view.cue_text, *cells[n])) is not None}
        length_at = next(
            (
                (n, u)
                for n, (lo, hi) in enumerate(cells)
                if n not in timed
                and self.length_head.match(view.cue_text, lo, hi)
                and (u := self._head_seconds(view.cue_text, lo, hi)) is not None
            ),
            None,
        )
        priced: list[PriceColumn] = []
        for n, (lo, hi) in enumerate(cells):
            if n == 0 or n in timed or n in periods:
                continue
            tier = self.prices.tier_word(view.cue_text, lo, hi)
            unit = self._head_unit(view.cue_text[lo:hi])
            if self.price_head.search(view.cue_text, lo, hi) or tier or unit:
                length = self._head_length(view, line_sids[head], lo, hi)
                priced.append(PriceColumn(n, length, tier.group(0) if tier else None, unit, length_at))
        for k in rows:
            if _IMAGE_ROW.search(view.cue_text, *lines[k]):
                info.plan_rows.update(line_sids[k])  # no clip's price in it, as in a table of plans
                continue
            for sid in line_sids[k]:
                if timed:
                    info.speed_cells[sid] = (lines[k][0], timed, units)
                if priced:
                    info.price_cells[sid] = (lines[k][0], priced)

    def _price_row(
        self, view: SectionView, sids: list[int], cells: list[tuple[int, int]], subjects: list[Subject | None]
    ) -> list[PriceColumn]:
        """Under model columns, a row labelled as a price (| Price (10s) | $1.12 | $0.49 |): each model's
        cell is a price column, the label saying what every cell buys."""
        if not cells:
            return []
        lo, hi = cells[0]
        if not self.price_head.search(view.cue_text, lo, hi) or self.period_head.search(
            view.cue_text, lo, hi
        ):
            return []
        tier = self.prices.tier_re.search(view.cue_text, lo, hi)
        length = self._head_length(view, sids, lo, hi)
        unit = self._head_unit(view.cue_text[lo:hi])
        return [
            PriceColumn(n, length, tier.group(0) if tier else None, unit)
            for n in range(1, min(len(cells), len(subjects)))
            if subjects[n] is not None
        ]

    @staticmethod
    def _head_seconds(text: str, lo: int, hi: int) -> float | None:
        """Seconds in the unit of time a header cell names for the bare numbers under it (耗时(秒): 1)."""
        m = _HEAD_TIME.search(text, lo, hi)
        return None if m is None else _TIME_UNIT.get(m.group(1), 60.0)

    def _head_unit(self, head: str) -> str | None:
        """The unit a header cell gives the bare numbers under it (Price (USD/s), 价格（元）, Credits)."""
        for unit, pattern in self.head_units:
            if pattern.search(head):
                return unit
        return None

    @staticmethod
    def _head_length(view: SectionView, sids: list[int], lo: int, hi: int) -> float | None:
        """The clip length a price column's header names (Price per 5s, 5秒价格; per second: 1)."""
        for sid in sids:
            for q in view.quantities[sid]:
                if lo <= q.start < hi and q.kind == "time" and q.unit == "s" and q.value <= 120:
                    return q.value
        return 1.0 if _PER_SECOND.search(view.cue_text, lo, hi) else None

    def _row(self, view: SectionView, line_start: int) -> tuple[int, list[tuple[int, int]]]:
        """Where the row starting at ``line_start`` ends, and its cells."""
        end = view.clean.find("\n", line_start)
        end = end if end >= 0 else len(view.clean)
        return end, self._cells(view.clean, line_start, end)

    @staticmethod
    def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
        """Cell spans of a markdown row (between pipes)."""
        bars = [m.start() for m in _PIPE.finditer(text, a, b)]
        return [(x + 1, y) for x, y in zip(bars, bars[1:], strict=False)]

    # ----- flattened -----------------------------------------------------------
    def _flattened(
        self, view: SectionView, lines: list[tuple[int, int]], line_sids: _LineSentences, info: TableInfo
    ) -> None:
        text = view.clean

        def opens_with_model(k: int) -> bool:
            a, b = lines[k]
            lead = a
            while lead < b and text[lead] in _ROW_LEAD:
                lead += 1
            return any(
                m.start <= lead + 1 and not m.versus for sid in line_sids[k] for m in view.mentions[sid]
            )

        for k in range(len(lines) - 2):
            a, b = lines[k]
            if b - a > 90 or b == a:
                continue  # a header is one short line
            body = text[a:b].strip()
            if (
                not body
                or body.startswith("|")
                or body.endswith(("。", "！", "？", "!", "?", ".", ":", "："))
            ):
                continue
            if self._model_header(view, line_sids[k], a, b):
                self._model_columns(view, lines, line_sids, k, info)
                continue
            if any(view.mentions[sid] for sid in line_sids[k]) or len(body) > 80:
                continue
            if len(body.split()) < 3 and not self.speed_head.search(view.cue_text, a, b):
                continue
            if opens_with_model(k + 1) and opens_with_model(k + 2):
                info.header_sids.update(line_sids[k])

    def _model_header(self, view: SectionView, sids: list[int], a: int, b: int) -> bool:
        """A flattened header naming two models or more and little else (功能Sora 2 (OpenAI)Kling 3.0)?"""
        ms = [m for sid in sids for m in view.mentions[sid] if not m.versus]
        if len(ms) < 2 or len({n for m in ms for n in m.models}) < 2:
            return False
        rest = _PARENS.sub("", view.clean[a:b])
        for m in sorted(ms, key=lambda m: -m.start):
            rest = rest.replace(view.clean[m.start : m.end], "")
        return len(rest.strip()) <= 8 and not any(ch in rest for ch in "，。,.;；!！?？")

    def _model_columns(
        self,
        view: SectionView,
        lines: list[tuple[int, int]],
        line_sids: _LineSentences,
        head: int,
        info: TableInfo,
    ) -> None:
        """Rows under a flattened model header: each value goes to its column's model, in order."""
        subjects: list[Subject | None] = [
            Subject(list(m.models), [m.tier], True)
            for m in sorted((m for sid in line_sids[head] for m in view.mentions[sid]), key=lambda m: m.start)
        ]
        info.header_sids.update(line_sids[head])
        two = len(subjects) == 2  # with more columns, where one cell ends is guesswork
        text = view.clean
        column = 0  # the column a row's cells run on in: a block of values after a blank line is the next
        k = head + 1
        while k < len(lines):
            a, b = lines[k]
            body = text[a:b].strip()
            if not body:
                # a blank line inside a spec sheet: the sheet goes on with a row, or with the second
                # column of the row before (its values only: "5 seconds (25 credits)")
                nxt = next(
                    (n for n in range(k + 1, len(lines)) if text[lines[n][0] : lines[n][1]].strip()), None
                )
                if nxt is None or not self._sheet_row(view, lines, line_sids, nxt):
                    break
                column = 1 if two and column == 0 and _UNLABELLED.match(text, *lines[nxt]) else 0
                k = nxt
                continue
            if any(view.mentions[sid] for sid in line_sids[k]) or not self._sheet_row(
                view, lines, line_sids, k
            ):
                break
            if not _UNLABELLED.match(text, a, b):
                column = 0  # a labelled row starts again from the first column
            found = [q for sid in line_sids[k] for q in view.quantities[sid] if a <= q.start < b]
            amounts = sorted(q.start for q in found)
            # one amount of one sort a column: each its column's (5 seconds (60 credits) is one cell)
            if column == 0 and len(amounts) == len(subjects) >= 2 and len({q.kind for q in found}) == 1:
                for sid in line_sids[k]:
                    info.columns[sid] = ([a, *amounts[1:]], list(subjects))
                k += 1
                continue
            cut = (_cell_cut(text, a, b) or _value_cut(text, a, b)) if two and column == 0 else None
            if cut is None:
                # one value of each sort: the row's only cell is its column's (the first, unless a
                # blank line moved on; the second cell is empty, or the cell spans both); two of a
                # sort that split no single way: nobody's
                single = two and not any(len(r.findall(text, a, b)) > 1 for r in _VALUE_SORTS)
                for sid in line_sids[k]:
                    info.columns[sid] = ([a], subjects[column : column + 1] if single else [])
            else:
                for sid in line_sids[k]:
                    info.columns[sid] = ([a, cut], subjects[:2])
            k += 1

    @staticmethod
    def _sheet_row(
        view: SectionView, lines: list[tuple[int, int]], line_sids: _LineSentences, k: int
    ) -> bool:
        """Can line ``k`` be a row of a spec sheet: short, no model named, not a sentence of prose?"""
        a, b = lines[k]
        body = view.clean[a:b].strip()
        return (
            0 < len(body) <= 80
            and not any(view.mentions[sid] for sid in line_sids[k])
            and not body.endswith(("。", "！", "？", "!", "?", ".", ":", "："))
        )

    # ----- claims --------------------------------------------------------------
    def speed_claims(self, view: SectionView, sid: int) -> list[Draft]:
        """Speed claims of a row's generation-time cells, about the row's model."""
        row = view.speed_cells.get(sid)
        if row is None:
            return []
        line_start, timed, units = row
        _, cells = self._row(view, line_start)
        out: list[Draft] = []
        for n in timed:
            if n >= len(cells):
                continue
            lo, hi = cells[n]
            times = [t for t in view.quantities[sid] if t.kind == "time" and lo <= t.start < hi]
            bare = _BARE_RANGE.fullmatch(view.clean, lo, hi) if n in units and not times else None
            if bare:  # | 270-300 | under 平均耗时(秒): the header gives the unit
                a, b = float(bare.group(1)), float(bare.group(2) or bare.group(1))
                if b >= a:
                    u = units[n]
                    times = [Quantity("time", bare.start(1), bare.end(), a * u, b * u, unit="s")]
            for t in times:
                if t.kind != "time" or not lo <= t.start < hi:
                    continue
                subj = view.subject(sid, line_start, hi, t.start)
                if subj is None:
                    continue
                fields = speed_bounds(t)
                start = line_start + 1 if view.clean[line_start] == "|" else line_start
                out += [
                    Draft("speed", start, hi, name, tier, "table-speed", self.conf, dict(fields))
                    for name, tier in zip(subj.models, subj.tiers, strict=True)
                ]
                break
        return out

    def price_claims(self, view: SectionView, sid: int) -> list[Draft]:
        """Prices in a row's price cells (a column headed 价格, Price per 5s), about the row's model."""
        row = view.price_cells.get(sid)
        if row is None:
            return []
        line_start, priced = row
        line_end, cells = self._row(view, line_start)
        tier = self.prices.tier_re.search(view.cue_text, line_start, line_end)
        tier_word = tier.group(0) if tier else None
        out: list[Draft] = []
        for col in priced:
            if col.index >= len(cells):
                continue
            lo, hi = cells[col.index]
            amounts = [
                q for q in view.quantities[sid] if lo <= q.start < hi and q.kind in _MONEY and not q.plus
            ]
            bare = _BARE_NUMBER.fullmatch(view.clean, lo, hi) if col.unit and not amounts else None
            noted = _NOTED_NUMBERS.fullmatch(view.clean, lo, hi) if col.unit and not amounts else None
            if bare:  # | Veo 3 | 0.40 | under "Price (USD/s)": the header gives the unit
                value = float(bare.group(1))
                amounts = [Quantity(col.unit, bare.start(1), bare.end(1), value, value, unit=col.unit)]
            elif noted:  # | 20 (Non-Ultra) · 10 (Ultra) |: one amount per plan the cell names
                out += [
                    d
                    for m in _NOTED_NUMBER.finditer(view.clean, lo, hi)
                    for d in self._cell_price(
                        view,
                        sid,
                        (line_start, line_end),
                        Quantity(
                            col.unit,
                            m.start(1),
                            m.end(1),
                            float(m.group(1)),
                            float(m.group(1)),
                            unit=col.unit,
                        ),
                        col,
                        tier_word,
                        cells,
                        (lo, hi),
                        m.group(2),
                    )
                ]
                continue
            if col.unit == "credits":  # | Credits | 0 — Ultra $199 only |: money here is no clip's price
                amounts = [q for q in amounts if q.kind == "credits"]
            if (
                len(amounts) != 1
                or amounts[0].per == "credit"
                or self.prices.ctx.not_a_video(view.cue_text, amounts[0])
            ):
                continue  # none, or several: which one the column means is unclear
            out += self._cell_price(
                view, sid, (line_start, line_end), amounts[0], col, tier_word, cells, (lo, hi)
            )
        return out

    def _cell_price(
        self,
        view: SectionView,
        sid: int,
        line: tuple[int, int],
        q: Quantity,
        col: PriceColumn,
        tier_word: str | None,
        cells: list[tuple[int, int]],
        cell: tuple[int, int],
        plan: str | None = None,
    ) -> list[Draft]:
        """The price amount ``q`` in ``cell`` of a row states, about the row's model."""
        line_start, line_end = line
        lo, hi = cell
        out: list[Draft] = []
        subj = _row_model(view, sid, cells[0]) if cells else None
        subj = subj or view.subject(sid, line_start, hi, q.start)
        if subj is None:
            return []
        fields: dict[str, object] = {_MONEY[q.kind]: q.value}
        if q.kind == "credits":
            fields["credit_unit"] = q.unit
        told = [t.value for t in view.quantities[sid] if t.kind == "time" and lo <= t.start < hi]
        label = [  # | 5 seconds | 10 credits |: the row's label names the length
            t.value
            for t in view.quantities[sid]
            if t.kind == "time" and cells and cells[0][0] <= t.start < cells[0][1] and t.value <= 120
        ]
        told = told or label
        if not told and col.length_at is not None and col.length_at[0] < len(cells):
            # | 时长(秒) | … | 5 |: the row's length column, in its header's unit
            bare = _BARE_NUMBER.fullmatch(view.clean, *cells[col.length_at[0]])
            if bare and 0 < float(bare.group(1)) * col.length_at[1] <= 600:
                told = [float(bare.group(1)) * col.length_at[1]]
        length = 1.0 if q.per == "second" else q.per_seconds or (told[0] if told else col.length)
        if length is not None:
            fields["duration_s"] = length
        res = [t for t in view.quantities[sid] if t.kind == "resolution" and line_start <= t.start < line_end]
        if len(res) == 1:
            fields["resolution"] = res[0].unit
        start = line_start + 1 if view.clean[line_start] == "|" else line_start
        for name, mtier in zip(subj.models, subj.tiers, strict=True):
            model, got = self.prices.model_tier(name, mtier, col.tier or tier_word)
            if got is None and plan is not None:  # the plan the cell's note names (Ultra)
                got = " ".join(plan.lower().split())
            out.append(
                Draft("price", start, hi, model, got, "table-price", self.conf, dict(fields), subj.versioned)
            )
        return out


def _row_model(view: SectionView, sid: int, cell: tuple[int, int]) -> Subject | None:
    """The model a row's first cell names with its version (| `veo-3.1-fast` | Fast Veo | 20 |): the
    row's model, whatever a later cell names in passing."""
    named = [m for m in view.mentions[sid] if cell[0] <= m.start < cell[1] and not m.versus]
    if len(named) != 1 or not named[0].explicit:
        return None
    return Subject(list(named[0].models), [named[0].tier] * len(named[0].models), True)
