"""Specification layouts: lists under a spec or limit heading, limit labels, yes/no table rows.

A specification is often laid out rather than said, and then the layout gives the polarity:

* a heading over a list (``Minimax 2.3 Specs:`` / ``关键技术参数:`` / ``Limitations``, then
  list items): under a spec heading each item is one capability, or a limitation when the
  item says so itself (only, no, requires, 仅, 需求…); under a limit heading (限制, Not best
  for, 硬件要求…) each item is a limitation;
* a limit label with its items on the same line (``限制:带水印,每日上限3段``, ``Not best for:
  4K purists, ultra-long shots``): one limitation per item;
* a markdown table row opening with a model under a header naming features: one claim per
  answering cell; under a pros or cons header (优点 / 缺点 / Pros / Cons) the cell is one
  strength or flaw of the row's model, quoting the cell;
* a table row whose cells answer yes or no (``| 竖屏 | ❌ |``, ``音视频同步 ❌ 不支持 ✅ 首次实现``,
  ``| 首尾帧 | 支持 | 不支持 |``, ``Audio: No``): one claim per cell, of the cell's polarity,
  about the cell's column model (a markdown header, or the nearest line above naming two
  models or more), else the row's model; the row's label is the feature.

A row or item that states an amount of money is a price, not a spec; a list item longer than a
line of prose is prose. Other capabilities and limitations read inside a yes/no row are dropped
(the row's cells decide), and so are those of the other kind inside an item of a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, alt
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.table_cells import lines_of

_MARK = re.compile(r"[ \t]*(?:[-•*·+▪◦●][ \t]*|\d{1,2}[.、)][ \t]*)")  # a list item's mark
_HEADING_TRIM = " \t#*>-•·+▪◦●_`"
_SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")
_SEGMENT = re.compile(r"[^，,；;、。\n]+")
_COORDINATED = re.compile(r"\band\b|&|与|和|及|、|/")
_SEPARATOR = re.compile(r"\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
# a cell stating a value: a length, a resolution, a frame rate, a ratio (not a dash or a word)
_UNIT = r"(?:s|sec|秒|seconds?|p|k|fps|帧|分钟|min|minutes?)"
_VALUE_CELL = re.compile(
    rf"(?:(?:up to|最长|最高|最多|max\.?)\s*)?\d+(?:\.\d+)?\s*{_UNIT}"
    rf"(?:\s*(?:[-~–/、,，]|or|或)\s*\d+(?:\.\d+)?\s*{_UNIT}?)*"
    rf"|\d+(?:\.\d+)?\s*(?:[-~–]|to|至|到)\s*\d+(?:\.\d+)?\s*{_UNIT}"  # 3-15s: the unit once, at the end
    r"|\d+\s*[:：]\s*\d+(?:\s*[/、,，]\s*\d+\s*[:：]\s*\d+)*"
)
# a column of what each row's model stands out for: | Standout feature |, | Key features |, | 特色功能 |
_FEATURES_HEAD = re.compile(
    r"[\s*`]*(?:standout|key|main|notable|core|new)?\s*features?[\s*`]*"
    r"|[\s*`]*(?:主要|核心|特色|亮点|新增)?(?:功能|特色|亮点)[\s*`]*",
    re.I,
)
_RANKED = re.compile(r"\b(?:fastest|cheapest|best|most|highest|lowest|quickest)\b|最")
_MAX_HEAD = re.compile(r"\b(?:max|maximum|longest|up to)\b|最长|最高|最大|上限")
_MAX_ITEM = 90  # an item longer than this is a sentence of prose, not a list entry
_MAX_LABEL = 30


@dataclass(slots=True)
class Row:
    start: int  # the quote
    end: int
    kind: str
    feature: str
    rule: str
    anchor: int  # where the subject is looked up from
    column: Subject | None = None  # the model of the cell's column, when a header names it
    whole: tuple[int, int] | None = None  # the row's line: other readings inside it are dropped


class SpecRows:
    def __init__(self, lex: Lexicon) -> None:
        self.spec_head = re.compile(rf"(?:{lex.alt('spec_rows', 'spec_heads')})")
        self.limit_head = re.compile(rf"(?:{lex.alt('spec_rows', 'limit_heads')})")
        self.negative = re.compile(lex.alt("spec_rows", "negative"))
        self.yes_marks = "".join(lex.words("spec_rows", "yes_marks"))
        self.no_marks = "".join(lex.words("spec_rows", "no_marks"))
        marks = re.escape(self.yes_marks + self.no_marks)
        self.mark_re = re.compile(rf"[{marks}]")
        yes, no = alt(lex.words("spec_rows", "yes_words")), alt(lex.words("spec_rows", "no_words"))
        self.yes_cell = re.compile(rf"\s*(?:{yes})\s*(?:[(（,，][^|\n]{{0,30}})?\s*$")
        self.no_cell = re.compile(rf"\s*(?:{no})\s*(?:[(（,，][^|\n]{{0,30}})?\s*$")
        dims = lex.words("features", "words") + lex.words("features", "spec_labels")
        dims += lex.words("features", "function_heads") + lex.words("features", "list_heads")
        self.dimension = re.compile(alt(dims))  # a row label naming what a model offers
        self.label_answer = re.compile(rf"[:：]\s*(?:{yes}|{no})\s*(?:[(（,，]|$)")
        self.label_line = re.compile(rf"(?P<label>[^\n:：|]{{1,{_MAX_LABEL}}})[:：][ \t]*")
        self.conf = {
            "capability": lex.confidence("capability"),
            "limitation": lex.confidence("limitation"),
            "strength": lex.confidence("strength"),
            "bug": lex.confidence("bug"),
        }
        pros, cons = lex.alt("markers", "pros_labels"), lex.alt("markers", "cons_labels")
        # a column of pros or of cons: each cell is a verdict on the row's model
        self.verdict_head = re.compile(rf"[\s*`]*(?:(?P<pro>{pros})|(?P<con>{cons}))[\s*`]*")

    # ----- finding rows ------------------------------------------------------------
    def find(self, view: SectionView) -> dict[int, list[Row]]:
        """Sentence index -> the spec rows and list items that start in it."""
        text, clean = view.cue_text, view.clean
        out: dict[int, list[Row]] = {}
        lines = lines_of(text)
        under: str | None = None  # the kind a heading gives the list items below it
        under_sort: str | None = None  # the sort of mark its list's items carry (bullets, numbers)
        gap = 0
        for k, (a, b) in enumerate(lines):
            line = text[a:b]
            if not line.strip():
                gap += 1
                if gap > 1:
                    under = None
                continue
            gap = 0
            item = _MARK.match(text, a)
            is_item = item is not None and item.end() > a and clean[a:b].strip()[:1] not in "#"
            rows: list[Row] = []
            if (
                self.mark_re.search(text, a, b)
                or (line.lstrip().startswith("|") and "|" in line[1:])
                or self.label_answer.search(line)
            ):
                rows = self._polarity_row(view, lines, k)
                if not rows and line.lstrip().startswith("|"):
                    rows = self._feature_columns(view, lines, k)
            if under and is_item and item is not None:
                sort = _sort(text[item.start() : item.end()])
                if under_sort is None:
                    under_sort = sort
                elif sort != under_sort:
                    under = None  # a numbered heading after a bulleted list (2. 核心创新点): the list ended
            if not rows and under and is_item and item is not None:
                rows = self._item(view, a, item.end(), b, under)
                if not rows and under == "capability" and b - item.end() > _MAX_ITEM:
                    # a long item under a features heading: the features it names are offered
                    view.offered_lines.append((a, b))
            if not rows:
                rows = self._limit_label(view, a, b)
            if not is_item:
                under, under_sort = self._heading(clean, text, a, b), None
            for r in rows:
                sid = view.sentence_index(r.start)
                if sid is not None and not view.sentences[sid].prompt:
                    out.setdefault(sid, []).append(r)
        return out

    def _heading(self, clean: str, text: str, a: int, b: int) -> str | None:
        """The kind a heading line gives the list below it: a short line, ending in a colon or no
        sentence, naming specs or limits."""
        body = clean[a:b].strip(_HEADING_TRIM)
        if not body or len(body) > 40:
            return None
        if not body.endswith((":", "：")) and (_SENTENCE_END.search(body) or "，" in body or "," in body):
            return None
        lo = a + len(clean[a:b]) - len(clean[a:b].lstrip(_HEADING_TRIM))
        if self.limit_head.search(text, lo, b):
            # limits and something else (Limits and Performance): each item's own words decide
            return "capability" if _COORDINATED.search(text, lo, b) else "limitation"
        if self.spec_head.search(text, lo, b):
            return "capability"
        return None

    def _item(self, view: SectionView, line: int, a: int, b: int, under: str) -> list[Row]:
        """List item [a, b) (its line starts at ``line``) under a heading giving ``under``."""
        text = view.cue_text
        end = b - (len(text[a:b]) - len(text[a:b].rstrip(" \t*_")))
        start = a + (len(text[a:end]) - len(text[a:end].lstrip(" \t*_")))
        if not 2 <= end - start <= _MAX_ITEM or _has_money(view, start, end) or text[end - 1 : end] in "?？":
            return []
        kind, rule = under, "limit_list" if under == "limitation" else "spec_list"
        if under == "capability" and self.negative.search(text, start, end):
            kind = "limitation"
        return [Row(start, end, kind, _feature(view.text, start, end), rule, start, whole=(line, b))]

    def _limit_label(self, view: SectionView, a: int, b: int) -> list[Row]:
        """``限制:带水印,每日上限3段`` / ``Not best for: 4K purists, or long shots``: one limitation per
        item after the label."""
        text = view.cue_text
        lead = _MARK.match(text, a)
        lo = lead.end() if lead else a
        m = self.label_line.match(text, lo, b)
        if m is None or not self.limit_head.search(text, m.start("label"), m.end("label")):
            return []
        if m.end() >= b or _has_money(view, m.end(), b):
            return []
        out: list[Row] = []
        for seg in _SEGMENT.finditer(text, m.end(), b):
            s, e = seg.start(), seg.end()
            body = text[s:e]
            s += len(body) - len(re.sub(r"^\s*(?:and|or|以及|和|或)?\s*", "", body))
            e -= len(body) - len(body.rstrip())
            if e - s < 2:
                continue
            quote_start = lo if not out else s  # the first item quotes its label
            out.append(
                Row(quote_start, e, "limitation", _feature(view.text, s, e), "limit_label", s, whole=(a, b))
            )
        return out

    def _polarity_row(self, view: SectionView, lines: list[tuple[int, int]], k: int) -> list[Row]:
        """A row whose cells answer yes or no: one claim per answering cell."""
        text = view.cue_text
        a, b = lines[k]
        cells = self._cells(text, a, b)
        if len(cells) < 2:
            return []
        la, lb = cells[0]
        label_start = la + (len(text[la:lb]) - len(text[la:lb].lstrip(" \t|*-•·")))  # past marks and pipes
        label = text[la:lb].strip(_HEADING_TRIM + ":：")
        if not label or len(label) > _MAX_LABEL or _has_money(view, a, b):
            return []
        sid = view.sentence_index(la)
        columns = self._columns(view, lines, k, sid, len(cells) - 1)
        verdict = self.verdict_head.fullmatch(label)
        if verdict and columns:  # | Best at | Motion | Cinematic look |: each cell a verdict on its column
            said = "strength" if verdict.group("pro") else "bug"
            start = label_start
            found = []
            for column, (ca, cb) in zip(columns, cells[1:], strict=False):
                for r in self._verdict_cell(text, ca, cb, ca, said, (a, b)) if column else ():
                    found.append(Row(start, r.end, said, "", "verdict_cell", r.anchor, column, r.whole))
            return found
        if not columns and not self.dimension.search(text, la, lb):
            # a row of one model whose label names no feature (发丝与花瓣同步飘落 ✅): a verdict on what
            # it made, the mark saying which way
            mark = text[cells[1][0] : cells[1][1]].strip(" \t*`")[:1] if len(cells) == 2 else ""
            said = (
                "strength"
                if mark and mark in self.yes_marks
                else "bug"
                if mark and mark in self.no_marks
                else ""
            )
            if not said or _MARK.match(text, a) is None:
                return []  # only a list item: a table row or a line of prose with a mark says less
            start = label_start
            return [Row(start, cells[1][1], said, "", "verdict_cell", la, whole=(a, b))]
        out: list[Row] = []
        answers = [(n, c) for n, c in enumerate(cells[1:]) if self._answer(text, *c)]
        if not answers:
            return []
        for n, (ca, cb) in answers:
            kind = self._answer(text, ca, cb)
            if kind is None:
                continue
            column = columns[n] if columns and n < len(columns) else None
            if columns and column is None:
                continue  # a cell under no model's column
            if not columns and len(answers) > 1:
                return []  # several answers, no header saying whose: unclear
            start = label_start
            feature = _feature(view.text, start, start + len(text[start:lb].rstrip(" \t|:：*")))
            out.append(Row(start, cb, kind, feature, "spec_row", ca, column, (a, b)))
        return out

    def _feature_columns(self, view: SectionView, lines: list[tuple[int, int]], k: int) -> list[Row]:
        """A markdown row opening with a model, under a header whose cells name features
        (``| Model | Max length | Resolution | Audio |``): one claim per cell that answers (a yes or a
        no, or a value such as ``10s`` or ``1080p`` where the row prices nothing), about the row's
        model, its column header the feature."""
        text = view.cue_text
        head = _table_head(text, lines, k)
        if head is None:
            return []
        a, b = lines[k]
        cells = self._cells(text, a, b)
        heads = self._cells(text, *lines[head])
        if len(cells) < 2 or len(heads) != len(cells) or not self._opens_with_model(view, *cells[0]):
            return []
        priced = _has_money(view, a, b)
        la = cells[0][0] + (
            len(text[cells[0][0] : cells[0][1]]) - len(text[cells[0][0] : cells[0][1]].lstrip())
        )
        out: list[Row] = []
        for (ca, cb), (ha, hb) in zip(cells[1:], heads[1:], strict=False):
            verdict = self.verdict_head.fullmatch(text, ha, hb)
            if verdict:
                out += self._verdict_cell(
                    text, ca, cb, la, "strength" if verdict.group("pro") else "bug", (a, b)
                )
                continue
            if _FEATURES_HEAD.fullmatch(text, ha, hb):
                out += _feature_items(view.text, text, ca, cb, la, (a, b))
                continue
            if not self.dimension.search(text, ha, hb):
                continue
            kind = self._answer(text, ca, cb)
            value = _VALUE_CELL.fullmatch(text[ca:cb].strip(" \t*`"))
            if kind is None and (not value or (priced and not _MAX_HEAD.search(text, ha, hb))):
                continue  # in a price row a length or resolution is what the price buys
            end = cb - (len(text[ca:cb]) - len(text[ca:cb].rstrip()))
            out.append(
                Row(la, end, kind or "capability", _feature(view.text, ha, hb), "spec_row", la, whole=(a, b))
            )
        return out

    @staticmethod
    def _verdict_cell(
        text: str, ca: int, cb: int, anchor: int, kind: str, whole: tuple[int, int]
    ) -> list[Row]:
        """The cell under a pros or cons header, as one strength or flaw (none for an empty or dash cell)."""
        cell = text[ca:cb]
        s = ca + len(cell) - len(cell.lstrip(" \t*`"))
        e = cb - (len(cell) - len(cell.rstrip(" \t*`")))
        if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
            return []  # empty, a dash, or a lone mark
        return [Row(s, e, kind, "", "verdict_cell", anchor, whole=whole)]

    @staticmethod
    def _opens_with_model(view: SectionView, a: int, b: int) -> bool:
        sid = view.sentence_index(a)
        return sid is not None and any(a <= m.start < b and not m.versus for m in view.mentions[sid])

    def _cells(self, text: str, a: int, b: int) -> list[tuple[int, int]]:
        """The label and cells of a row: between pipes, else cut at each yes/no mark, else a label
        and its one value after a colon."""
        body = text[a:b]
        if body.lstrip().startswith("|"):
            bars = [a + i for i, ch in enumerate(body) if ch == "|"]
            return [(x + 1, y) for x, y in zip(bars, bars[1:], strict=False)]
        marks = [m.start() for m in self.mark_re.finditer(text, a, b)]
        if marks:
            bounds = [a, *marks, b]
            return [(x, y) for x, y in zip(bounds, bounds[1:], strict=False) if x < y]
        lead = _MARK.match(text, a)
        m = self.label_line.match(text, lead.end() if lead else a, b)
        return [(a, m.end() - 1), (m.end(), b)] if m and m.end() < b else []

    def _answer(self, text: str, a: int, b: int) -> str | None:
        """The polarity of a cell: a mark opening it, or a cell that is only a yes or a no word."""
        cell = text[a:b].strip(" \t*`")
        if not cell:
            return None
        if cell[0] in self.yes_marks:
            return "capability"
        if cell[0] in self.no_marks:
            return "limitation"
        if self.no_cell.fullmatch(cell):
            return "limitation"
        if self.yes_cell.fullmatch(cell):
            return "capability"
        return None

    def _columns(
        self, view: SectionView, lines: list[tuple[int, int]], k: int, sid: int | None, n: int
    ) -> list[Subject | None]:
        """The model of each cell column of row ``k``: the markdown header's, else the models the
        nearest line above (in the same block) names, when it names as many as the row has cells."""
        if sid is not None and sid in view.columns:
            subjects = view.columns[sid][1]
            return list(subjects[1:]) if len(subjects) > 1 else []
        text = view.cue_text
        for j in range(k - 1, max(-1, k - 12), -1):
            a, b = lines[j]
            if not text[a:b].strip():
                break
            hid = view.sentence_index(a)
            ms = [m for m in view.mentions[hid] if a <= m.start < b] if hid is not None else []
            names = {x for m in ms for x in m.models}
            if len(names) >= 2 and not self.mark_re.search(text, a, b):
                heads: list[Subject | None] = [
                    Subject(list(m.models), [m.tier] * len(m.models), True) for m in ms
                ]
                return heads if len(heads) >= n else []
        return []

    # ----- claims --------------------------------------------------------------------
    def claims(self, view: SectionView, sid: int, rows: list[Row]) -> list[Draft]:
        out: list[Draft] = []
        sent = view.sentences[sid]
        for r in rows:
            subj = r.column or view.subject(sid, sent.start, max(sent.end, r.end), r.anchor)
            if subj is None or not subj.models:
                continue
            conf = self.conf[r.kind] * (1.0 if subj.explicit else 0.9)
            fields = {"feature": r.feature} if r.feature else {}
            out += [
                Draft(r.kind, r.start, r.end, name, tier, r.rule, round(conf, 3), dict(fields))
                for name, tier in zip(subj.models, subj.tiers, strict=False)
            ]
        return out


def drop_covered(drafts: list[Draft], rows: dict[int, list[Row]]) -> list[Draft]:
    """Where a layout and the other rules both read a line, one reading stays: a yes/no row's
    cells and a limit list's items over what else was read there; the other rules' verdict on a
    spec list item over the list's default."""
    spans = {
        kind: [r.whole for rs in rows.values() for r in rs if r.rule == kind and r.whole]
        for kind in (*_RULES, "verdict_cell")
    }
    others = [d for d in drafts if d.kind in ("capability", "limitation") and d.rule not in _RULES]

    def inside(d: Draft, rule: str) -> bool:
        return any(a <= d.start < b for a, b in spans[rule])

    verdicts = {(r.whole, r.kind) for rs in rows.values() for r in rs if r.rule == "verdict_cell" and r.whole}
    out = []
    for d in drafts:
        if (
            d.kind in ("strength", "bug")
            and d.rule != "verdict_cell"
            and any(a <= d.start < b and kind == d.kind for (a, b), kind in verdicts)
        ):
            continue  # a row with a pros or cons column: its cells give the verdicts
        if d.kind in ("capability", "limitation") and d.rule not in _RULES:
            if (
                inside(d, "spec_row")
                or inside(d, "verdict_cell")
                or (d.kind != "limitation" and (inside(d, "limit_list") or inside(d, "limit_label")))
            ):
                continue
        elif d.rule == "spec_list" and any(
            o.model == d.model
            and d.start - 8 <= o.start < d.end
            and (o.kind != d.kind or (o.start <= d.start and o.end >= d.end - 1))
            for o in others
            if inside(o, "spec_list")
        ):
            continue  # the item's own words were read (1080p only, Max duration: 10 s)
        out.append(d)
    return out


_RULES = ("spec_row", "spec_list", "limit_list", "limit_label")


def _table_head(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """The header line of the markdown table row ``k`` is in (the line above its separator)."""
    j = k
    while j > 0 and text[lines[j - 1][0] : lines[j - 1][1]].lstrip().startswith("|"):
        j -= 1
    if j + 1 >= k or not _SEPARATOR.match(text, *lines[j + 1]):
        return None
    return j


def _sort(mark: str) -> str:
    return "number" if any(ch.isdigit() for ch in mark) else "bullet"


def _has_money(view: SectionView, a: int, b: int) -> bool:
    sid = view.sentence_index(a)
    return sid is not None and any(
        a <= q.start < b and q.kind in ("credits", "cny", "usd") for q in view.quantities[sid]
    )


def _feature_items(shown: str, text: str, ca: int, cb: int, anchor: int, whole: tuple[int, int]) -> list[Row]:
    """The features a cell under a features header lists (``Multi-shot AI Director, native 4K,
    60fps``), one capability each; a superlative (Fastest and cheapest of the five) is a verdict,
    which the opinion rules read."""
    out: list[Row] = []
    for m in _SEGMENT.finditer(text, ca, cb):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t*`|":
            s += 1
        while e > s and text[e - 1] in " \t*`|":
            e -= 1
        item = text[s:e]
        if not 2 <= e - s <= _MAX_LABEL + 20 or not any(ch.isalnum() for ch in item) or _RANKED.search(item):
            continue
        out.append(Row(s, e, "capability", _feature(shown, s, e), "spec_row", anchor, whole=whole))
    return out


def _feature(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())[:60]
