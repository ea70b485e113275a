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

The layouts are read by ``table_markdown.py`` and ``table_flat.py`` (their geometry in
``table_cells.py``); this module finds a section's tables and reads the claims of their cells.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from ingest.extract.lexicon import Lexicon
from ingest.extract.numbers import Quantity
from ingest.extract.prices import BY_PERIOD, PriceRules
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.speed import speed_bounds
from ingest.extract.table_cells import LineSentences, PriceColumn, TableInfo, cells_of, lines_of, row_model
from ingest.extract.table_flat import read_flattened
from ingest.extract.table_markdown import MarkdownTables

log = logging.getLogger(__name__)

_MONEY = {"credits": "credits", "cny": "price_cny", "usd": "price_usd"}
_BARE_NUMBER = re.compile(r"\s*[`*]*\s*(?:~|≈|约|about\s)?\s*(\d{1,6}(?:\.\d+)?)\s*[`*]*\s*")
# a bare number a second, maybe with a note (| 7.2 / s | 5.4 / s (sound off) | under "Base credits")
_PER_SECOND_NUMBER = re.compile(
    r"\s*[`*]*\s*(?:~|≈|约|about\s)?\s*(\d{1,6}(?:\.\d+)?)\s*(?:/\s*(?:s|sec|second|秒)|per\s+(?:second|sec)|每秒)"
    r"\s*(?:[(（][^()（）|\n]{1,20}[)）])?\s*[`*]*\s*"
)
# a number with its own note in brackets, two or more to a cell: | 20 (Non-Ultra) · 10 (Ultra) |
_NOTED_NUMBER = re.compile(r"(\d{1,6}(?:\.\d+)?)\s*[(（]([^()（）|\n]{1,20})[)）]")
# several bare amounts in one cell (| 11, 22 |), each bought by a clip length the row pairs with it
# elsewhere (| 5s = 11, 10s = 22 |)
_NUMBER_LIST = re.compile(r"\s*\d{1,6}(?:\.\d+)?(?:\s*[,，/、]\s*\d{1,6}(?:\.\d+)?)+\s*\.?\s*")
_PER_CLIP = re.compile(r"\bper (\d{1,3})[-\s]?(?:s|sec|second)\s+(?:clip|video|generation)")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?")
_LENGTH_PAIR = re.compile(
    r"(?<![\d.])(\d{1,3})\s*(?:s|sec|secs|seconds?|秒)\s*(?:=|:|：|→|->)\s*(\d{1,6}(?:\.\d+)?)(?!\.?\d)"
)
_NOTED_NUMBERS = re.compile(
    r"\s*(?:\d{1,6}(?:\.\d+)?\s*[(（][^()（）|\n]{1,20}[)）]\s*[·•/,，;；、]\s*)+"
    r"\d{1,6}(?:\.\d+)?\s*[(（][^()（）|\n]{1,20}[)）]\s*"
)
_BARE_RANGE = re.compile(
    r"\s*[`*]*\s*(?:~|≈|约|about\s)?\s*(\d{1,4}(?:\.\d+)?)(?:\s*[-~–—至到]\s*(\d{1,4}(?:\.\d+)?))?\s*[`*]*\s*"
)


# editions a price table's row may be labelled with alone (| Fast | $0.10 |)
_ROW_EDITIONS = ("fast", "lite", "turbo", "flash")


# a period named before the amounts of a cell (| 一个月 73 元， 9.99$ |, | Monthly: $10 |): a plan's fee
_PERIOD_BEFORE = re.compile(
    r"一个月|每个?月|月付|包月|一年|每年|年付|\bmonthly\b|\bper month\b|\ba month\b", re.I
)


_NO_TIME_CELL = re.compile(r"\s*(?:n/?a|none)\b", re.I)
# a run's status cell saying it failed (| failed | 31.2s |, | 超时 | 600s |): the time after it is no
# generation time
_FAILED_CELL = re.compile(
    r"[\s*`❌✗×]*(?:failed|failure|error|errored|timed out|timeout|oom|crashed"
    r"|失败|报错|出错|超时|崩溃)[\s*`]*",
    re.I,
)


class TableRules:
    def __init__(self, lex: Lexicon, prices: PriceRules) -> None:
        self.markdown = MarkdownTables(lex, prices)
        self.prices = prices  # the model and tier a price is for, from the row's tier word
        self.conf = lex.confidence("table")

    def find(self, view: SectionView) -> TableInfo:
        """The tables of ``view`` (its mentions already added)."""
        info = TableInfo()
        text = view.clean
        if "\n" not in text:
            return info
        lines = lines_of(text)
        line_sids = LineSentences(view, lines)
        if "|" in text:
            self.markdown.read(view, lines, line_sids, info)
        read_flattened(view, lines, line_sids, info, self.markdown.speed_head)
        view.header_sids = info.header_sids
        view.columns = info.columns
        view.speed_cells = info.speed_cells
        view.flat_speed = info.flat_speed
        view.price_cells = info.price_cells
        view.flat_prices = info.flat_prices
        view.plan_rows = info.plan_rows
        view.other_rows = info.other_rows
        view.period_spans = info.period_spans
        return info

    def _row(self, view: SectionView, line_start: int) -> tuple[int, list[tuple[int, int]]]:
        """Where the row starting at ``line_start`` ends, and its cells."""
        end = view.clean.find("\n", line_start)
        end = end if end >= 0 else len(view.clean)
        return end, cells_of(view.clean, line_start, end)

    # ----- claims --------------------------------------------------------------
    def speed_claims(self, view: SectionView, sid: int) -> list[Draft]:
        """Speed claims of a row's generation-time cells, about the row's model."""
        flat = view.flat_speed.get(sid)
        if flat is not None:
            return self._flat_speed(view, sid, *flat)
        row = view.speed_cells.get(sid)
        if row is None:
            return []
        line_start, timed, units = row
        _, cells = self._row(view, line_start)
        failed = next(
            (k for k, (lo, hi) in enumerate(cells) if _FAILED_CELL.fullmatch(view.clean, lo, hi)), None
        )
        out: list[Draft] = []
        for n in timed:
            if n >= len(cells) or (failed is not None and failed < n):
                continue  # | failed | 48.9s |: a status before the time (| 95s | 失败 | is a test's verdict)
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
                if _NO_TIME_CELL.match(view.clean, lo):
                    continue  # | N/A (6s max) |: no time taken, the longest clip
                subj = view.subject(sid, line_start, hi, t.start)
                if subj is None:
                    continue
                start = line_start + 1 if view.clean[line_start] == "|" else line_start
                out += self._speed_drafts(subj, start, hi, t)
                break
        return out

    def _flat_speed(self, view: SectionView, sid: int, start: int, at: int, end: int) -> list[Draft]:
        """The generation time ending a flattened row (kling-2.6Dec 3, 2025…~135s), about the row's model."""
        subj = view.subject(sid, start, end, start)
        times = [t for t in view.quantities[sid] if t.kind == "time" and t.start == at]
        if subj is None or not times:
            return []
        return self._speed_drafts(subj, start, end, times[0])

    def _speed_drafts(self, subj: Subject, start: int, end: int, t: Quantity) -> list[Draft]:
        """A table row's generation time ``t``, one draft per model of ``subj``."""
        fields = speed_bounds(t)
        return [
            Draft("speed", start, end, name, tier, "table-speed", self.conf, dict(fields))
            for name, tier in zip(subj.models, subj.tiers, strict=True)
        ]

    def price_claims(self, view: SectionView, sid: int) -> list[Draft]:
        """Prices in a row's price cells (a column headed 价格, Price per 5s), about the row's model."""
        flat = view.flat_prices.get(sid)
        if flat is not None:
            return self._flat_prices(view, sid, *flat)
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
            second = _PER_SECOND_NUMBER.fullmatch(view.clean, lo, hi) if col.unit and not amounts else None
            if bare and col.unit:  # | Veo 3 | 0.40 | under "Price (USD/s)": the header gives the unit
                amounts = [_cell_amount(col.unit, bare)]
            elif second and col.unit:
                amounts = [replace(_cell_amount(col.unit, second), per="second")]
            elif noted and col.unit:  # | 20 (Non-Ultra) · 10 (Ultra) |: one amount per plan the cell names
                out += [
                    d
                    for m in _NOTED_NUMBER.finditer(view.clean, lo, hi)
                    for d in self._cell_price(
                        view,
                        sid,
                        (line_start, line_end),
                        _cell_amount(col.unit, m),
                        col,
                        tier_word,
                        cells,
                        (lo, hi),
                        m.group(2),
                    )
                ]
                continue
            if col.unit and not amounts and _NUMBER_LIST.fullmatch(view.clean, lo, hi):
                out += self._paired_prices(view, sid, (line_start, line_end), col, tier_word, cells, (lo, hi))
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

    def _flat_prices(
        self, view: SectionView, sid: int, start: int, end: int, priced: list[tuple[int, float | None]]
    ) -> list[Draft]:
        """The amounts of a flattened row, each the price of what its column's header names."""
        out: list[Draft] = []
        label = (start, min(at for at, _ in priced))
        tier = self.prices.tier_re.search(view.cue_text, start, end)
        for at, length in priced:
            q = next(q for q in view.quantities[sid] if q.start == at)
            col = PriceColumn(1, length, None, None)
            cells = [label, (q.start, q.end)]
            out += self._cell_price(
                view,
                sid,
                (start, end),
                q,
                col,
                tier.group(0) if tier else None,
                cells,
                (q.start, q.end),
                length=length,
            )
        return out

    def _paired_prices(
        self,
        view: SectionView,
        sid: int,
        line: tuple[int, int],
        col: PriceColumn,
        tier_word: str | None,
        cells: list[tuple[int, int]],
        cell: tuple[int, int],
    ) -> list[Draft]:
        """| 11, 22 | 5s = 11, 10s = 22 |: a price for each amount of the cell the row pairs with a
        clip length; nothing unless the row pairs every one of them."""
        lo, hi = cell
        values = [float(m.group(0)) for m in _AMOUNT.finditer(view.clean, lo, hi)]
        pairs = {float(m.group(2)): float(m.group(1)) for m in _LENGTH_PAIR.finditer(view.clean, *line)}
        if len(set(values)) != len(values) or any(v not in pairs for v in values):
            return []
        out: list[Draft] = []
        unit = col.unit or "credits"
        for m in _AMOUNT.finditer(view.clean, lo, hi):
            value = float(m.group(0))
            q = Quantity(unit, m.start(), m.end(), value, value, unit=unit)
            out += self._cell_price(view, sid, line, q, col, tier_word, cells, cell, length=pairs[value])
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
        length: float | None = None,
    ) -> list[Draft]:
        """The price amount ``q`` in ``cell`` of a row states, about the row's model (``length``: the
        clip length the row pairs with it)."""
        line_start, line_end = line
        lo, hi = cell
        if q.per != "second" and (
            BY_PERIOD.match(view.cue_text, q.end) or _PERIOD_BEFORE.search(view.cue_text, lo, q.start)
        ):
            return []  # | Price (Starting) | $15/month |, | 一个月 73 元，9.99$ |: a plan's fee
        out: list[Draft] = []
        subj = row_model(view, sid, cells[0]) if cells else None
        if subj is not None and not self._registered(subj):
            # | LiblibAI | 可灵 3.0 Omni | 0.18 |: a platform first, the model it runs in a later cell
            later = [row_model(view, sid, c) for c in cells[1:] if c[1] <= lo]
            known = [x for x in later if x is not None and self._registered(x)]
            if len(known) == 1:
                subj = known[0]
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
        told = [length] if length is not None else told or label
        if not told and (per := _PER_CLIP.search(view.clean, line_start, line_end)):
            told = [float(per.group(1))]  # | veo3_fast | 9 | Flat rate per 8-second clip |
        if not told and col.length_at is not None and col.length_at[0] < len(cells):
            # | 时长(秒) | … | 5 |: the row's length column, in its header's unit
            la, lb = cells[col.length_at[0]]
            bare = _BARE_NUMBER.fullmatch(view.clean, la, lb)
            timed = [
                t.value
                for t in view.quantities[sid]
                if t.kind == "time" and la <= t.start < lb and t.value == t.high
            ]
            if bare and 0 < float(bare.group(1)) * col.length_at[1] <= 600:
                told = [float(bare.group(1)) * col.length_at[1]]
            elif len(timed) == 1 and 0 < timed[0] <= 600:  # | 5s |: the cell says its own unit
                told = timed
        length = 1.0 if q.per == "second" else q.per_seconds or (told[0] if told else col.length)
        if length is not None:
            fields["duration_s"] = length
        res = [t for t in view.quantities[sid] if t.kind == "resolution" and line_start <= t.start < line_end]
        if col.resolution is not None:
            fields["resolution"] = col.resolution
        elif len(res) == 1:
            fields["resolution"] = res[0].unit
        start = line_start + 1 if view.clean[line_start] == "|" else line_start
        row_label = view.cue_text[cells[0][0] : cells[0][1]].strip(" \t*`|") if cells else ""
        for name, mtier in zip(subj.models, subj.tiers, strict=True):
            name = self._edition_row(name, row_label)
            model, got = self.prices.model_tier(name, mtier, col.tier or tier_word)
            if got is None and plan is not None:  # the plan the cell's note names (Ultra)
                got = " ".join(plan.lower().split())
            out.append(
                Draft("price", start, hi, model, got, "table-price", self.conf, dict(fields), subj.versioned)
            )
        return out

    def _registered(self, subj: Subject) -> bool:
        """Does ``subj`` name models the registry knows (not a name read as an unknown model's)?"""
        reg = self.prices.reg
        return all(m in reg.models or m in reg.brands for m in subj.models)

    def _edition_row(self, name: str, label: str) -> str:
        """``name``, or its edition a row's label names and nothing else but a tier (| Fast | $0.10 |,
        | Fast Pro | under Veo 3.1: Veo 3.1 Fast, sold as its own model)."""
        reg = self.prices.reg
        info = reg.models.get(name)
        words = label.split()
        if info is None or info.version is None or not 0 < len(words) <= 2 or len(label) > 16:
            return name
        edition, _ = reg.words_of(info.brand, words)
        if edition not in _ROW_EDITIONS or info.edition == edition:
            return name  # (Pro, Plus: as often a plan's name as an edition's)
        brand = reg.brands[info.brand]
        second = words[-1].lower()
        if len(words) == 2 and second not in brand.tier_words and second not in brand.plain_words:
            return name  # | Fast Pro |: an edition and a tier, nothing else
        got = reg.resolve(info.brand, info.version, words)[0]
        return got if got in reg.models else name  # a registered model only (no "Hailuo 2 Fast")


def over_prose(drafts: list[Draft], table: list[Draft]) -> list[Draft]:
    """``drafts`` without the prose reading of an amount a row's price cell gave an edition of the
    prose's model (| Fast | $0.19 | under Hailuo 2.3: the row's Hailuo 2.3 Fast, not Hailuo 2.3): one
    ending where the cell's reading ends (a note in a later cell keeps its own)."""
    if not table:
        return drafts
    read = [(t.end, t.model, _amount(t)) for t in table]
    return [
        d
        for d in drafts
        if d.kind != "price"
        or d.rule == "table-price"
        or not any(
            e <= d.end <= e + 3 and d.start < e and _edition_of(m, d.model) and a == _amount(d)
            for e, m, a in read
        )
    ]


def _edition_of(row: str | None, prose: str | None) -> bool:
    """Is ``row`` an edition of ``prose`` (Hailuo 2.3 Fast of Hailuo 2.3)?"""
    return bool(row and prose and row != prose and row.startswith(prose + " "))


def _amount(d: Draft) -> tuple[object, ...]:
    return tuple(d.fields.get(k) for k in _MONEY.values())


def _cell_amount(unit: str, m: re.Match[str]) -> Quantity:
    """The bare number of group 1 of ``m``, in the unit its column's header gives."""
    value = float(m.group(1))
    return Quantity(unit, m.start(1), m.end(1), value, value, unit=unit)
