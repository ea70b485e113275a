"""Specification rows laid out as table rows: cells that answer yes or no (``| 竖屏 | ❌ |``,
``音视频同步 ❌ 不支持 ✅ 首次实现``, ``Audio: No``), a row opening with a model under a header naming
features, and cells under a pros or cons header; also the ``Row`` record of every spec layout and
the span helpers the list rows in ``spec_rows.py`` share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, alt
from ingest.extract.mode_cells import mode_items, mode_list
from ingest.extract.prices import column_head
from ingest.extract.section import SectionView, Subject
from ingest.extract.table_cells import cells_of

MARK = re.compile(r"[ \t]*(?:[-•*·+▪◦●][ \t]*|\d{1,2}[.、)][ \t]*)")  # a list item's mark
HEADING_TRIM = " \t#*>-•·+▪◦●_`"
SEGMENT = re.compile(r"[^，,；;、。\n]+")
_SEPARATOR = re.compile(r"\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
# a cell stating a value: a length, a resolution, a frame rate, a ratio (not a dash or a word)
_TIME_UNIT = r"(?:s|sec|秒|seconds?|分钟|min|minutes?)"
_UNIT = rf"(?:{_TIME_UNIT}|p|k|fps|帧)"
# a column headed by a bound alone (| Max |, | 最长 |): with a time under it, the longest clip
_BARE_MAX_HEAD = re.compile(r"[\s*`]*(?:max\.?|maximum|longest|最长|上限)[\s*`]*")
# …unless the table measures times: a least, mean or typical beside it (| Min | Avg | Max |, | Typical |
# Max |), a column of a time taken or of a resolution (| Generation time | Max |, | 480p | Max |), or
# a line above naming the time taken (### 生成耗时实测)
_TIMED_HEAD = re.compile(
    r"\b(?:min|minimum|avg|average|mean|median|p\d{2}|typical|fastest|slowest|queue|wait|waits|runs?|"
    r"times?|speed|latency|\d{3,4}p)\b|最短|最快|平均|中位|一般|耗时|用时|速度|排队|等待|时间"
)
_TIMED_ABOVE = re.compile(
    r"耗时|用时|速度|生成时间|渲染时间|等待|排队|\b(?:generation|render|rendering|wait|queue) times?\b|"
    r"\bspeed\b|\blatency\b|\btook\b|\btakes\b",
    re.I,
)
_TIME_CELL = re.compile(rf"[\s*`]*\d+(?:\.\d+)?\s*{_TIME_UNIT}[\s*`]*")
_VALUE_CELL = re.compile(
    rf"(?:(?:up to|最长|最高|最多|max\.?)\s*)?\d+(?:\.\d+)?\s*{_UNIT}"
    rf"(?:\s*(?:[-~–/、,，]|or|或)\s*\d+(?:\.\d+)?\s*{_UNIT}?)*"
    rf"|\d+(?:\.\d+)?\s*(?:[-~–]|to|至|到)\s*\d+(?:\.\d+)?\s*{_UNIT}"  # 3-15s: the unit once, at the end
    r"|\d+\s*[:：]\s*\d+(?:\s*[/、,，]\s*\d+\s*[:：]\s*\d+)*"
)
# a column of what each row's model stands out for: | Standout feature |, | Key features |, | 特色功能 |
_LISTING = re.compile(r"[,，、;；/]|\band\b")
_FEATURES_HEAD = re.compile(
    r"[\s*`]*(?:standout|key|main|notable|core|new)?\s*features?[\s*`]*"
    r"|[\s*`]*(?:主要|核心|特色|亮点|新增)?(?:功能|特色|亮点)[\s*`]*",
    re.I,
)
_RANKED = re.compile(r"\b(?:fastest|cheapest|best|most|highest|lowest|quickest)\b|最")
# praise in a features cell (物理模拟强, 效果惊艳, 易用、快速): a highlight, not a feature
_PRAISED = re.compile(
    r"(?<![增加])[强強](?![制化大])|惊艳|驚艷|快速(?!模式|生成|版|通道|预览|預覽)|易用|出色|优秀|優秀|领先|領先|流畅|流暢"
    r"|\b(?:impressive|stunning|excellent)\b",
    re.I,
)
_MAX_COLUMN_HEAD = 50  # a header longer than this is a sentence, not a column's name
_MIXED_HEAD = re.compile(r"\band\b|&|与|和|及")  # Strengths and limitations: two kinds in one column
# a header naming what a column of modes holds (Modes, Type, Task, Inputs, 能力, 功能, 生成方式)
_MODE_HEAD = re.compile(
    r"mode|type|task|input|support|capabilit|feature|workflow|能力|功能|类型|模式|方式|任务|输入|支持|玩法",
    re.I,
)
_TO_COME_HEAD = re.compile(r"\b(?:coming|planned|roadmap|upcoming)\b|即将|计划|规划|待上线", re.I)
_MISSING_HEAD = re.compile(r"\b(?:missing|absent|unsupported)\b|缺失|不具备")  # Missing features
# a cell saying there is nothing to say (N/A, None, 无)
_PLACEHOLDER = re.compile(
    r"(?:n/?a|none|nil|tbd|unknown|not stated|not specified|无|暂无|不适用|未知|未公布)[.。]?", re.I
)
# a cons label naming where a model is weak (| Worst at | Long scenes |, 不擅长): each cell a limit of
# what it can do, not a flaw seen in a clip (only the lexicon's cons labels reach it)
_WEAK_AREA = re.compile(r"[\s*`]*(?:worst at|weakest at|weak at|struggles with|不擅长)[\s*`:：]*", re.I)


def _verdict_kind(verdict: re.Match[str], label: str) -> str:
    """The kind of the cells under a pros or cons label."""
    if verdict.group("pro"):
        return "strength"
    return "limitation" if _WEAK_AREA.fullmatch(label) else "bug"


# an item that binds what it names (Text + image required, 1080p only, 仅限720p), unlike one that
# names an absence as a feature (no watermark)
_BOUND = re.compile(
    r"\b(?:required|requires?|only|must|minimum|at least|limited to|capped)\b|仅|只能|只有|必须|至少|需要|需"
)
# an item of a features cell: cut at commas (not inside a number: 2,500), 、, semicolons
_FEATURE_ITEM = re.compile(r"(?:[^，,；;、。\n]|(?<=\d),(?=\d{3}))+")
_MAX_HEAD = re.compile(r"\b(?:max|maximum|longest|up to)\b|最长|最高|最大|上限")
MAX_LABEL = 30


def lstripped(text: str, a: int, b: int, chars: str | None = None) -> int:
    """Where [a, b) of ``text`` starts past ``chars`` (whitespace when None)."""
    return a + len(text[a:b]) - len(text[a:b].lstrip(chars))


def rstripped(text: str, a: int, b: int, chars: str | None = None) -> int:
    """Where [a, b) of ``text`` ends before ``chars`` (whitespace when None)."""
    return b - (len(text[a:b]) - len(text[a:b].rstrip(chars)))


def has_money(view: SectionView, a: int, b: int) -> bool:
    """Does [a, b) hold an amount of money or credits (then it is a price, not a spec)?"""
    sid = view.sentence_index(a)
    return sid is not None and any(
        a <= q.start < b and q.kind in ("credits", "cny", "usd") for q in view.quantities[sid]
    )


def feature_of(text: str, a: int, b: int) -> str:
    """The feature [a, b) names, its whitespace collapsed, at most 60 characters."""
    return " ".join(text[a:b].split())[:60]


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
    graded: bool = False  # a yes cell with a grade (| ✅ Excellent |): its words are not read again


class TableSpecs:
    def __init__(self, lex: Lexicon) -> None:
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
        # a row label that is a feature and nothing else (| 文生视频 |, | Native Audio |)
        self.feature_label = re.compile(rf"[\s*`]*(?:{alt(lex.words('features', 'words'))})[\s*`:：]*", re.I)
        self.label_answer = re.compile(rf"[:：]\s*(?:{yes}|{no})\s*(?:[(（,，]|$)")
        self.label_line = re.compile(rf"(?P<label>[^\n:：|]{{1,{MAX_LABEL}}})[:：][ \t]*")
        pros, cons = lex.alt("markers", "pros_labels"), lex.alt("markers", "cons_labels")
        # a column of pros or of cons: each cell is a verdict on the row's model
        self.verdict_head = re.compile(rf"[\s*`]*(?:(?P<pro>{pros})|(?P<con>{cons}))[\s*`]*")
        # a longer header naming what the column holds (Publicly documented inputs, Main tradeoff,
        # 对客能力): its cells' kind
        self.column_heads = [
            (kind, re.compile(rf"(?:{lex.alt('spec_rows', f'{kind}_columns')})$"))
            for kind in ("limitation", "strength", "capability")
        ]
        self.negative = re.compile(lex.alt("spec_rows", "negative"))

    def polarity_row(self, view: SectionView, lines: list[tuple[int, int]], k: int) -> list[Row]:
        """A row whose cells answer yes or no: one claim per answering cell."""
        text = view.cue_text
        a, b = lines[k]
        cells = self._cells(text, a, b)
        if len(cells) < 2:
            return []
        la, lb = cells[0]
        label_start = lstripped(text, la, lb, " \t|*-•·")  # past marks and pipes
        label = text[la:lb].strip(HEADING_TRIM + ":：")
        if not label or len(label) > MAX_LABEL or has_money(view, a, b):
            return []
        sid = view.sentence_index(la)
        columns = self._columns(view, lines, k, sid, len(cells) - 1)
        verdict = self.verdict_head.fullmatch(label)
        if verdict and columns:  # | Best at | Motion | Cinematic look |: each cell a verdict on its column
            said = _verdict_kind(verdict, label)
            start = label_start
            found = []
            for column, (ca, cb) in zip(columns, cells[1:], strict=False):
                for r in self._verdict_cell(text, ca, cb, ca, said, (a, b)) if column else ():
                    found.append(Row(start, r.end, said, "", r.rule, r.anchor, column, r.whole))
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
            if not said or MARK.match(text, a) is None:
                return []  # only a list item: a table row or a line of prose with a mark says less
            start = label_start
            return [Row(start, cells[1][1], said, "", "verdict_cell", la, whole=(a, b))]
        out: list[Row] = []
        featured = bool(self.feature_label.fullmatch(text, la, lb))
        answers = [(n, c) for n, c in enumerate(cells[1:]) if self._answer(text, *c, featured)]
        if answers:
            flags = self._flag_columns(text, lines, k)
            answers = [(n, c) for n, c in answers if n + 1 not in flags]
        if not answers:
            return []
        for n, (ca, cb) in answers:
            kind = self._answer(text, ca, cb, featured)
            if kind is None:
                continue
            column = columns[n] if columns and n < len(columns) else None
            if columns and column is None:
                continue  # a cell under no model's column
            if not columns and len(answers) > 1:
                return []  # several answers, no header saying whose: unclear
            start = label_start
            feature = feature_of(view.text, start, start + len(text[start:lb].rstrip(" \t|:：*")))
            graded = self._graded(text[ca:cb].strip(" \t*`"))
            out.append(Row(start, cb, kind, feature, "spec_row", ca, column, (a, b), graded))
        return out

    def feature_columns(self, view: SectionView, lines: list[tuple[int, int]], k: int) -> list[Row]:
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
        priced = has_money(view, a, b)
        la = lstripped(text, *cells[0])
        out: list[Row] = []
        for (ca, cb), (ha, hb) in zip(cells[1:], heads[1:], strict=False):
            # | text-to-video, image-to-video |: the modes, under a header that names such a column
            if mode_list(text, ca, cb) and self._holds_modes(text[ha:hb]):
                out += self._mode_cell(text, ca, cb, la, (a, b))
                continue
            verdict = self.verdict_head.fullmatch(text, ha, hb)
            if verdict:
                out += self._verdict_cell(text, ca, cb, la, _verdict_kind(verdict, text[ha:hb]), (a, b))
                continue
            if _FEATURES_HEAD.fullmatch(text, ha, hb):
                # | kling-v2-6 | 有声 | ¥1.0/秒 |: the one variant the row prices, no offer (a list is)
                if not priced or _LISTING.search(text, ca, cb):
                    out += self._feature_cell(view, ca, cb, la, (a, b))
                continue
            said = self._column_kind(text, ha, hb) if self._answer(text, ca, cb) is None else None
            if said and not has_money(view, ca, cb):  # a money cell is the row's price, read as one
                if said == "capability":
                    out += self._feature_cell(view, ca, cb, la, (a, b))
                    continue
                out += self._verdict_cell(text, ca, cb, la, said, (a, b))
                continue
            if not self.dimension.search(text, ha, hb) and not (
                _BARE_MAX_HEAD.fullmatch(text, ha, hb)
                and _TIME_CELL.fullmatch(text, ca, cb)
                and not _TIMED_HEAD.search(text, *lines[head])
                # (read in the normalised text: the cue text masks a heading's words)
                and not _TIMED_ABOVE.search(view.norm, max(0, lines[head][0] - 160), lines[head][0])
            ):
                continue
            kind = self._answer(text, ca, cb)
            value = _VALUE_CELL.fullmatch(text[ca:cb].strip(" \t*`"))
            if kind is None and (not value or (priced and not _MAX_HEAD.search(text, ha, hb))):
                continue  # in a price row a length or resolution is what the price buys
            end = rstripped(text, ca, cb)
            out.append(
                Row(
                    la, end, kind or "capability", feature_of(view.text, ha, hb), "spec_row", la, whole=(a, b)
                )
            )
        return out

    def mode_row(self, view: SectionView, a: int, b: int) -> list[Row]:
        """A table row, with or without its outer pipes, that opens with a model (``veo3 | text-to-video,
        image-to-video | 63 |``): the generation modes a cell lists, one capability each."""
        text = view.cue_text
        cells = cells_of(text, a, b)
        sid = view.sentence_index(a)
        if sid is None or len(cells) < 2 or not self._opens_with_model(view, *cells[0]):
            return []
        la = lstripped(text, *cells[0])
        return [
            r
            for n, (ca, cb) in enumerate(cells)
            if n and mode_list(text, ca, cb) and self._holds_modes(column_head(view, sid, ca, n))
            for r in self._mode_cell(text, ca, cb, la, (a, b))
        ]

    def _holds_modes(self, head: str | None) -> bool:
        """Does a column's header (None: no header) name what a column of modes holds (Modes, 能力), and
        not two kinds (Capabilities and limits), what is missing or to come, or verdicts (Best at, Cons)?"""
        if head is None:
            return True
        if not _MODE_HEAD.search(head):
            return False  # (Failed on, 翻车场景, a model's name: not what the row's model offers)
        s, e = _trimmed(head, 0, len(head))
        kinds = [kind for kind, column in self.column_heads if column.search(head, s, e)]
        return not (
            self.verdict_head.fullmatch(head)
            or any(kind != "capability" for kind in kinds)
            or _MIXED_HEAD.search(head)
            or _TO_COME_HEAD.search(head)
            or self.negative.search(head)
            or _MISSING_HEAD.search(head)
        )

    @staticmethod
    def _mode_cell(text: str, ca: int, cb: int, la: int, whole: tuple[int, int]) -> list[Row]:
        """One claim per mode of a mode-list cell, each quoted from the row's label to the cell's end
        (``veo3 | text-to-video, image-to-video``), so the evidence names the row's model; a mode bound
        by "only" is a limitation."""
        end = rstripped(text, ca, cb, " \t*`|")
        return [
            Row(
                la,
                end,
                "limitation" if _BOUND.search(item) else "capability",
                item,
                "spec_row",
                la,
                whole=whole,
            )
            for item in mode_items(text, ca, cb)
        ]

    def _column_kind(self, text: str, ha: int, hb: int) -> str | None:
        """The kind a header cell gives its column's cells: a header ending on a word for features,
        upsides or limits (Publicly documented inputs, Main tradeoff, 对客能力), naming one thing
        (not Strengths and limitations) that is not itself missing (Missing features, 不支持的功能)."""
        s, e = _trimmed(text, ha, hb)
        if (
            not 0 < e - s <= _MAX_COLUMN_HEAD
            or _MIXED_HEAD.search(text, s, e)
            or self.negative.search(text, s, e)
            or _MISSING_HEAD.search(text, s, e)
        ):
            return None
        return next((kind for kind, head in self.column_heads if head.search(text, s, e)), None)

    def _feature_cell(
        self, view: SectionView, ca: int, cb: int, la: int, whole: tuple[int, int]
    ) -> list[Row]:
        """The items of a cell under a features header, one capability each; an item binding what it
        names (Text + image required, 仅限720p) is a limitation, and an item stating money is none."""
        text = view.cue_text
        return [
            _as_limit(r) if r.kind == "capability" and _BOUND.search(text, r.start, r.end) else r
            for r in _feature_items(view.text, text, ca, cb, la, whole)
            if not has_money(view, r.start, r.end)
        ]

    @staticmethod
    def _verdict_cell(
        text: str, ca: int, cb: int, anchor: int, kind: str, whole: tuple[int, int]
    ) -> list[Row]:
        """The cell under a pros or cons header, as one strength, flaw or limit (none for an empty or dash
        cell). A limit is read like a spec cell's (its row's other limits are dropped)."""
        s, e = _trimmed(text, ca, cb)
        if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]) or _PLACEHOLDER.fullmatch(text, s, e):
            return []  # empty, a dash, a lone mark, or N/A
        rule = "spec_row" if kind == "limitation" else "verdict_cell"
        return [Row(s, e, kind, "", rule, anchor, whole=whole)]

    def _flag_columns(self, text: str, lines: list[tuple[int, int]], k: int) -> set[int]:
        """Indexes of the cells of row ``k``'s table whose header is a required/optional flag."""
        head = _table_head(text, lines, k)
        if head is None:
            return set()
        cells = self._cells(text, *lines[head])
        return {n for n, (ca, cb) in enumerate(cells) if _FLAG_HEAD.fullmatch(text[ca:cb].strip(" *`"))}

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
        lead = MARK.match(text, a)
        m = self.label_line.match(text, lead.end() if lead else a, b)
        return [(a, m.end() - 1), (m.end(), b)] if m and m.end() < b else []

    def _graded(self, cell: str) -> bool:
        """Is ``cell`` (stripped) a yes mark over a grade (✅ Excellent, ✔ 出色)?"""
        return cell[:1] in self.yes_marks and _GRADE.fullmatch(cell, 1) is not None

    def _answer(self, text: str, a: int, b: int, featured: bool = False) -> str | None:
        """The polarity of a cell: a mark opening it, or a cell that is only a yes or a no word
        (``featured``: the row's label is a feature)."""
        cell = text[a:b].strip(" \t*`")
        if not cell:
            return None
        if cell[0] in self.yes_marks:
            # | Character consistency | ✅ Excellent |: a mark over a grade is praise, no feature; under
            # a feature's label (| 文生视频 | ✅ 优秀 |) the mark still says the model has it
            return "strength" if self._graded(cell) and not featured else "capability"
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


# a cell's grade after its yes mark (✅ Excellent, ✔ 出色)
_GRADE = re.compile(
    r"\s*(?:excellent|outstanding|superb|great|very good|strong|best|best in class"
    r"|优秀|出色|极佳|优异|很强|强|最佳|顶级)"
    r"\s*(?:[(（][^)）|\n]{0,30}[)）])?\s*[.!。！]?",
    re.I,
)


def _table_head(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """The header line of the markdown table row ``k`` is in (the line above its separator)."""
    j = _table_top(text, lines, k)
    if j + 1 >= k or not _SEPARATOR.match(text, *lines[j + 1]):
        return None
    return j


# the last row asked for and where its run of table lines starts: the rows of a table are read in
# order (twice each), and walking each back to the table's top was quadratic in the table's length
_LAST_TOP: list[tuple[str, list[tuple[int, int]], int, int]] = []


def _table_top(text: str, lines: list[tuple[int, int]], k: int) -> int:
    """The first of the lines opening with a pipe that run on into line ``k`` (``k`` when the line
    above it opens with none)."""
    if _LAST_TOP and _LAST_TOP[0][0] is text and _LAST_TOP[0][1] is lines and 0 <= k - _LAST_TOP[0][2] <= 1:
        _, _, last, j = _LAST_TOP[0]  # the same row again, or the next: the run above it goes on into it
        if k == last + 1 and not text[lines[k - 1][0] : lines[k - 1][1]].lstrip().startswith("|"):
            j = k  # unless the row above opens with no pipe
    else:
        j = k
        while j > 0 and text[lines[j - 1][0] : lines[j - 1][1]].lstrip().startswith("|"):
            j -= 1
    _LAST_TOP[:] = [(text, lines, k, j)]
    return j


# a column saying whether a parameter must be given (| Parameter | Type | Required |): its yes and no
# are about the request, not the model
_FLAG_HEAD = re.compile(
    r"\s*(?:required|optional|mandatory|必填|必需|必须|是否必填|是否必须|可选|选填)\s*", re.I
)


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) past the spaces, bold and code marks around a cell."""
    return lstripped(text, a, b, " \t*`"), rstripped(text, a, b, " \t*`")


def _as_limit(r: Row) -> Row:
    """A listed feature that says it is missing or bound (Text + image required): a limitation."""
    return Row(r.start, r.end, "limitation", r.feature, r.rule, r.anchor, r.column, r.whole)


def _feature_items(shown: str, text: str, ca: int, cb: int, anchor: int, whole: tuple[int, int]) -> list[Row]:
    """The features a cell under a features header lists (``Multi-shot AI Director, native 4K,
    60fps``), one capability each; a superlative (Fastest and cheapest of the five) is a verdict,
    which the opinion rules read; an item of praise (物理模拟强, 易用) is a strength quoting its cell."""
    out: list[Row] = []
    cell = lstripped(text, ca, cb, " \t*`|"), rstripped(text, ca, cb, " \t*`|")  # what praise quotes
    for m in _FEATURE_ITEM.finditer(text, ca, cb):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t*`|":
            s += 1
        while e > s and text[e - 1] in " \t*`|":
            e -= 1
        item = text[s:e]
        if not 2 <= e - s <= MAX_LABEL + 20 or not any(ch.isalnum() for ch in item) or _RANKED.search(item):
            continue
        if _PRAISED.search(item):  # quoted with its whole cell (易用、快速), one claim per item
            out.append(Row(*cell, "strength", shown[s:e], "verdict_cell", anchor, whole=whole))
            continue
        out.append(Row(s, e, "capability", feature_of(shown, s, e), "spec_row", anchor, whole=whole))
    return out
