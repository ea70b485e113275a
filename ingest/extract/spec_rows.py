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
(the row's cells decide), and so are those of the other kind inside an item of a list. The rows
laid out as table rows are read by ``spec_cells.py``.
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.section import Draft, SectionView
from ingest.extract.sentences import TELLING_OPENERS
from ingest.extract.spec_cells import (
    HEADING_TRIM,
    MARK,
    SEGMENT,
    Row,
    TableSpecs,
    feature_of,
    has_money,
    lstripped,
    rstripped,
)
from ingest.extract.table_cells import lines_of

_SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")
_COORDINATED = re.compile(r"\band\b|&|与|和|及|、|/")
# the last clause of a line introducing a list, when it grants what the list holds
_LAST_CLAUSE = re.compile(r"[。，,！？!?；;]|\.\s")
_GRANT_INTRO = re.compile(
    r"(?:可以|能够|还能|支持|允许)[^，。]{0,12}$"
    r"|\b(?:lets you|let you|allows you to|you can(?: now)?|can now)\b[^,.]{0,30}$"
    # what it makes on its own: Sora 2 can automatically generate:, 自动生成：
    r"|\bcan (?:automatically |also |natively )?(?:generate|create|produce|output|render)\b[^,.]{0,20}$"
    r"|自动生成[^，。]{0,8}$"
)
# an intro ending on a verb of offering (Gen-4 maintains:, The update adds:, 新版本新增了：)
_OFFER_INTRO = re.compile(
    r"\b(?:maintains|introduces|adds|brings|offers|provides|includes|delivers|unlocks)\s*$"
    r"|(?:新增了?|带来了?|提供了?|包括|包含|引入了?)\s*$"
)
# an intro naming flaws or tests lists no features (你可以看到这些问题：, you can see the glitches:)
_FLAWS_NAMED = re.compile(
    r"问题|缺点|不足|毛病|瑕疵|翻车|错误|缺陷|短板|弱点|bug|测试"
    r"|\b(?:issues?|problems?|flaws?|glitch(?:es)?|errors?|failures?|tests?|weakness(?:es)?|drawbacks?|downsides?)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_MAX_ITEM = 90  # an item longer than this is a sentence of prose, not a list entry
_MAX_BARE_ITEM = 30  # an unmarked line after a list's colon: longer is prose
_WORDED = re.compile(r"[^\W\d_]")  # a letter or a character of a word (no rule, no number alone)
_ENUM_ENDS = ("。", ".", "！", "!", "？", "?")  # an unmarked item ending so ends its list


class SpecRows:
    def __init__(self, lex: Lexicon) -> None:
        self.spec_head = re.compile(rf"(?:{lex.alt('spec_rows', 'spec_heads')})")
        self.limit_head = re.compile(rf"(?:{lex.alt('spec_rows', 'limit_heads')})")
        # Latency: 3-5 minutes, 生成时间：约2分钟: a time, read as a speed (需要排队 is still a limit)
        self.timed = WordScanner(lex.words("features", "not_length"))
        self.cells = TableSpecs(lex)
        self.negative = self.cells.negative  # (only, no, requires…: an item limiting itself)
        # a line that reads as prose (a pronoun, a degree word, a verdict): no item of a bare list
        quality = [w for k in ("strength", "bug") for w in lex.words("cues", k, "adjectives") if len(w) > 1]
        self.not_item = re.compile(alt(lex.words("features", "list_not_item") + quality))
        self.conf = {
            "capability": lex.confidence("capability"),
            "limitation": lex.confidence("limitation"),
            "strength": lex.confidence("strength"),
            "bug": lex.confidence("bug"),
        }

    # ----- finding rows ------------------------------------------------------------
    def find(self, view: SectionView) -> dict[int, list[Row]]:
        """Sentence index -> the spec rows and list items that start in it."""
        text, clean = view.cue_text, view.clean
        out: dict[int, list[Row]] = {}
        lines = lines_of(text)
        under: str | None = None  # the kind a heading gives the list items below it
        under_sort: str | None = None  # the sort of mark its list's items carry (bullets, numbers)
        gap = 0
        # the line before opened an enumeration its next lines go on without marks (支持3种方式：/ 文生视频、)
        enum_open = False

        def keep(rows: list[Row]) -> None:
            for r in rows:
                sid = view.sentence_index(r.start)
                if sid is not None and not view.sentences[sid].prompt:
                    out.setdefault(sid, []).append(r)

        for k, (a, b) in enumerate(lines):
            line = text[a:b]
            if not line.strip():
                gap += 1
                enum_open = False
                if gap > 1:
                    under = None
                continue
            gap = 0
            if enum_open and under and self._bare_item(clean, text, a, b):
                keep(self._item(view, a, a, b, under))  # an item of an enumeration set without marks
                enum_open = not clean[a:b].rstrip().endswith(_ENUM_ENDS)
                continue
            enum_open = False
            item = MARK.match(text, a)
            is_item = item is not None and item.end() > a and clean[a:b].strip()[:1] not in "#"
            rows: list[Row] = []
            if (
                self.cells.mark_re.search(text, a, b)
                or (line.lstrip().startswith("|") and "|" in line[1:])
                or self.cells.label_answer.search(line)
            ):
                rows = self.cells.polarity_row(view, lines, k)
                if not rows and line.lstrip().startswith("|"):
                    rows = self.cells.feature_columns(view, lines, k)
            if not rows and line.count("|") >= 2:
                rows = self.cells.mode_row(view, a, b)
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
            if not is_item or (not rows and clean[a:b].rstrip().endswith((":", "："))):
                # a heading, or an item that opens a list of its own (3. 新的编辑器可以：)
                under, under_sort = self._heading(clean, text, a, b), None
                enum_open = under is not None and clean[a:b].rstrip().endswith((":", "："))
            keep(rows)
        return out

    def _heading(self, clean: str, text: str, a: int, b: int) -> str | None:
        """The kind a heading line gives the list below it: a short line, ending in a colon or no
        sentence, naming specs or limits."""
        body = clean[a:b].strip(HEADING_TRIM)
        last = _LAST_CLAUSE.split(body[:-1])[-1] if body.endswith((":", "：")) else ""
        if (
            last
            and (
                _GRANT_INTRO.search(last)
                or (
                    _OFFER_INTRO.search(last)
                    and not _FLAWS_NAMED.search(body)
                    and self.limit_head.search(text, a, b) is None
                )
            )
            and not _FLAWS_NAMED.search(last)
        ):
            return (
                "capability"  # 这次发布的编辑器，可以直接在视频中：, Now you can: (not 你可以看到这些问题：)
            )
        if not body or len(body) > 40:
            return None
        if not body.endswith((":", "：")) and (_SENTENCE_END.search(body) or "，" in body or "," in body):
            return None
        lo = a + len(clean[a:b]) - len(clean[a:b].lstrip(HEADING_TRIM))
        if self.limit_head.search(text, lo, b):
            # limits and something else (Limits and Performance): each item's own words decide
            return "capability" if _COORDINATED.search(text, lo, b) else "limitation"
        if self.spec_head.search(text, lo, b):
            return "capability"
        return None

    def _bare_item(self, clean: str, text: str, a: int, b: int) -> bool:
        """Is line [a, b), which carries no list mark, an item of the enumeration the lines above
        opened: a short phrase, not a heading of its own (Limitations), a labelled value (音频：不支持),
        a marked or table row, or a line of prose (我第一时间去试了, I tried it on three prompts)?"""
        body = clean[a:b].strip()
        return (
            MARK.match(text, a) is None
            and len(body) <= _MAX_BARE_ITEM
            and _WORDED.search(body) is not None
            and not body.startswith("|")
            and ":" not in body
            and "：" not in body
            and self.cells.mark_re.search(text, a, b) is None
            and self._heading(clean, text, a, b) is None
            and self.cells.verdict_head.fullmatch(body.strip(HEADING_TRIM + ":：")) is None  # Drawbacks
            and self.not_item.search(text, a, b) is None
        )

    def _item(self, view: SectionView, line: int, a: int, b: int, under: str) -> list[Row]:
        """List item [a, b) (its line starts at ``line``) under a heading giving ``under``."""
        text = view.cue_text
        end = rstripped(text, a, b, " \t*_；;。，,")
        start = lstripped(text, a, end, " \t*_")
        if (
            not 2 <= end - start <= _MAX_ITEM
            or has_money(view, start, end)
            or text[end - 1 : end] in "?？"
            or (
                self.timed.search(text, start, end) is not None
                and _DIGIT.search(text, start, end) is not None
            )
        ):
            return []
        kind, rule = under, "limit_list" if under == "limitation" else "spec_list"
        if under == "capability" and self.negative.search(text, start, end):
            kind = "limitation"
        return [Row(start, end, kind, feature_of(view.text, start, end), rule, start, whole=(line, b))]

    def _limit_label(self, view: SectionView, a: int, b: int) -> list[Row]:
        """``限制:带水印,每日上限3段`` / ``Not best for: 4K purists, or long shots``: one limitation per
        item after the label."""
        text = view.cue_text
        lead = MARK.match(text, a)
        lo = lead.end() if lead else a
        m = self.cells.label_line.match(text, lo, b)
        if m is None:
            return []
        inside = view.line_labels.get(a, [])
        out: list[Row] = []
        if self.limit_head.search(text, m.start("label"), m.end("label")):
            out += self._limit_items(view, lo, m.end(), inside[0].start if inside else b, (a, b))
        for k, label in enumerate(inside):  # "Strengths: A, B Limitations: C, D": a label inside the line
            if label.kind == "limitation":  # (only its own items are its: the rest of the line is read)
                end = inside[k + 1].start if k + 1 < len(inside) else b
                out += self._limit_items(view, label.start, label.end, end, (label.start, end))
        return out

    def _limit_items(self, view: SectionView, lo: int, at: int, b: int, whole: tuple[int, int]) -> list[Row]:
        """The limits listed in [at, b) after a limit label starting at ``lo``: one per item."""
        text = view.cue_text
        if at >= b or has_money(view, at, b):
            return []
        out: list[Row] = []
        for s, e in _items(view, at, b):
            body = text[s:e]
            s += len(body) - len(re.sub(r"^\s*(?:and|or|以及|和|或)?\s*", "", body))
            e -= len(body) - len(body.rstrip())
            if e - s < 2 or _ADVICE.match(text, s, e):
                continue  # 建议提早开始操作: what to do about a limit is none
            quote_start = lo if not out else s  # the first item quotes its label
            out.append(
                Row(quote_start, e, "limitation", feature_of(view.text, s, e), "limit_label", s, whole=whole)
            )
        return out

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
    # a graded yes cell (| ✅ Excellent |) is its column's praise: the cell's words are not read again
    graded = [(r.anchor, r.end) for rs in rows.values() for r in rs if r.rule == "spec_row" and r.graded]
    out = []
    for d in drafts:
        if (
            d.kind in ("strength", "bug")
            and d.rule not in ("verdict_cell", "spec_row")
            and any(a <= d.start < b and kind == d.kind for (a, b), kind in verdicts)
        ):
            continue  # a row with a pros or cons column: its cells give the verdicts
        if d.kind == "strength" and d.rule != "spec_row" and any(a <= d.start < b for a, b in graded):
            continue
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
# advice after a limit (建议提早开始操作, we recommend starting early): no limit of its own
# "Limitations: Limited availability. Very slow generation. No API access yet.": a period before a
# capital ends an item as a comma does
_ITEM_STOP = re.compile(r"(?:(?<=[A-Za-z]{3})|(?<=[0-9)）%]))\.\s+(?=[A-Z(])")
# a piece after a full stop that opens on a person, a link word or a saying tells, it lists nothing
_TELLING = re.compile(
    rf"(?i:(?:{TELLING_OPENERS}|until|google|openai)\b)"
    r"|.*\b(?:says|said|notes|noted|according|recommend|recommends)\b"
)
_PIECE_WORDS = 8


_NUMBER_END = re.compile(r"\d\s*$")
_NUMBER_START = re.compile(r"\s*(?:(?:and|or)\s+|和|或)?\d")


def _items(view: SectionView, at: int, b: int) -> list[tuple[int, int]]:
    """The spans of the items listed in [at, b) of the cue text: cut at commas, semicolons, 、 and 。,
    and at English full stops ("Limitations: Limited availability. Very slow generation. No API
    access yet.") when every piece after one is a short item naming no model but as a yardstick;
    otherwise the text after a full stop stays with its item."""
    text, cased = view.cue_text, view.text
    segs: list[tuple[int, int]] = []
    for m in SEGMENT.finditer(text, at, b):
        if (
            segs
            and _NUMBER_END.search(text, segs[-1][0], segs[-1][1])
            and _NUMBER_START.match(text, m.start(), m.end())
        ):
            segs[-1] = (segs[-1][0], m.end())  # lengths of 4, 5, 8, and 15 seconds: one list of values
        else:
            segs.append((m.start(), m.end()))
    stops = [m.span() for m in _ITEM_STOP.finditer(cased, at, b)]
    if not stops or not all(
        _short_piece(view, e, nxt) for (_, e), nxt in zip(stops, [*[s for s, _ in stops[1:]], b], strict=True)
    ):
        return segs
    out: list[tuple[int, int]] = []
    for s, e in segs:
        for cut_s, cut_e in stops:
            if s <= cut_s < e:
                out.append((s, cut_s))
                s = cut_e
        out.append((s, e))
    return out


def _short_piece(view: SectionView, a: int, b: int) -> bool:
    """Is [a, b), a piece after a full stop up to the next, short and an item (no model of its own)?"""
    body = view.text[a:b].strip()
    if not body or len(body.split()) > _PIECE_WORDS or _TELLING.match(body):
        return False
    sid = view.sentence_index(a)
    return sid is None or not any(a <= m.start < b and not m.versus for m in view.mentions[sid])


_ADVICE = re.compile(
    r"(?:建议|推荐|最好|记得|务必|请|可以先"
    r"|\b(?:we )?(?:suggest|recommend|try to|tip|be sure to|make sure)\b)"
)


def _sort(mark: str) -> str:
    return "number" if any(ch.isdigit() for ch in mark) else "bullet"
