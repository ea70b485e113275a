"""Markdown tables (``| 模型 | 价格 | 生成时间 |``): the first line is the header, a ``|---|`` line is
skipped. Model names heading the columns make each column its model's scope; otherwise the
header's words say which columns hold generation times, prices (with the clip length, tier and
unit of money a header names), sums over a month, or plans (see ``tables.py``)."""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.prices import PriceRules
from ingest.extract.section import SectionView, Subject
from ingest.extract.table_cells import (
    FRAME_SIZE,
    SEPARATOR_ROW,
    LineSentences,
    PriceColumn,
    TableInfo,
    cells_of,
)

# a text that says its prices are per second of output (per-second billing, 按秒计费)
_BILLED_PER_SECOND = re.compile(
    r"per[- ]second (?:billing|pricing|rates?)|billed per second|billing per second|charged per second"
    r"|按秒(?:计费|收费|扣费)|每秒(?:计费|收费)"
)
_PER_SECOND = re.compile(r"per[\s-]*(?:second|sec)|/\s*s(?:ec(?:ond)?)?\b|每秒")
# a header's unit of time for the bare numbers under it: 平均耗时(秒), Time (s), 时长（秒）, Wait (min)
_HEAD_TIME = re.compile(r"[（(]\s*(秒|s|secs?|seconds?|分钟|分|mins?|minutes?)\s*[）)]")
_TIME_UNIT = {"秒": 1.0, "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0}
# a row for an image, not a video (| VQ1 | 图生图 | … |, | Text-to-Image |): its price and time are no clip's
_IMAGE_MODE = r"(?:[文图]生图|图片生成|text[-\s]to[-\s]image|image[-\s]to[-\s]image)"
_IMAGE_ROW = re.compile(rf"[|]\s*{_IMAGE_MODE}(?:\s*[,，、/]\s*{_IMAGE_MODE})*\s*[|（(]")
# a table's title: a bold line (**Generation time**); one naming a price is no table of times
_BOLD_LINE = re.compile(r"\*\*[^*\n]+\*\*[:：]?")
_PRICE_TITLE = re.compile(r"pric|cost|credit|价|费|成本|积分|点数")
# a header cell naming a clip by its length: 5-second video, 10s clip, 5秒视频, 10 秒
_CLIP_HEAD = re.compile(
    r"\s*\d+(?:\.\d+)?\s*-?\s*(?:seconds|second|secs|sec|s|秒钟|秒)(?![a-z])\s*(?:videos?|clips?|视频|片段|的视频)?\s*"
)
# a first column headed as the models' or platforms' (| Model | Cost per second |, | 平台 | 单价 |):
# each row is its own model's
_MODEL_HEAD = re.compile(
    r"[\s*`]*(?:models?|模型|视频模型|模型名称|model names?|平台|产品|工具|厂商|服务商|"
    r"platforms?|products?|tools?|providers?|vendors?)[\s*`]*",
    re.I,
)
# a first cell naming a mode, tier or resolution of one model (| Standard mode |, | 1080p |), no other model
_NOT_A_NAME = re.compile(
    r"\d{3,4}\s*p\b|\b[248]k\b|\b(?:mode|tier|quality|standard|pro|professional|master|fast|turbo|audio|"
    r"sound|resolution|plan|total|average)\b|模式|版|标准|高品质|专业|大师|音频|分辨率|合计|平均",
    re.I,
)
# a 方案 that is a way of doing something (| 优化方案 |), no plan one buys
_NOT_PLAN = re.compile(r"(?:优化|解决|部署|技术|实现|加速|推荐|配置|替代|备选)方案")
# a header cell that is only a clip length (| 4 秒 | 8 秒 |, | 10s |, | 5s Video |): the amount of
# money in each cell under it is the price of a clip that long (matched on the lower-cased text)
_LENGTH_ONLY = re.compile(
    r"\s*[*`]*\s*(\d{1,3})\s*-?\s*(?:s|secs?|seconds?|秒钟?)\s*(?:(?:video|clip)s?|视频|片段)?\s*[*`]*\s*"
)


_DIMS = re.compile(FRAME_SIZE)


class MarkdownTables:
    """Reads the markdown tables of a section: header rows, model columns and the columns whose
    cells hold times or prices."""

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

        self.prices = prices  # the tier words of price columns

    def read(
        self, view: SectionView, lines: list[tuple[int, int]], line_sids: LineSentences, info: TableInfo
    ) -> None:
        """The markdown tables among ``lines`` (runs of lines opening with a pipe), into ``info``."""
        text = view.clean
        i = 0
        while i < len(lines):
            a, b = lines[i]
            head = text[a:b].lstrip()
            if (
                not head.startswith("|")
                and not (  # a GFM header may leave out its opening pipe
                    "|" in head
                    and i + 1 < len(lines)
                    and SEPARATOR_ROW.match(text[lines[i + 1][0] : lines[i + 1][1]])
                )
            ):
                i += 1
                continue
            j = i + 1
            # a row a clipper broke over two lines goes on in a line that ends on a pipe
            while j < len(lines) and (
                (line := text[lines[j][0] : lines[j][1]].strip()).startswith("|") or line.endswith("|")
            ):
                if j > i + 1 and not line.startswith("|") and self._opens_table(text, lines, j):
                    # the next table's header run onto a line of prose ("…quality.| Model | Price |"
                    # over its |---| rule): a table of its own, not a row of this one (a header opening
                    # on a pipe inside a run of rows stays a row: whose prices follow is unclear)
                    break
                j += 1
            # under a header and its |---| rule, a row may leave out its opening pipe (as GFM allows)
            # when it has as many pipes as the header has cells; a row broken over lines has fewer
            ruled = i + 1 < j and bool(SEPARATOR_ROW.match(text[lines[i + 1][0] : lines[i + 1][1]]))
            width = len(cells_of(text, a, b))
            rows = [
                k
                for k in range(i + 1, j)
                if (
                    (row := text[lines[k][0] : lines[k][1]]).lstrip().startswith("|")
                    or (ruled and row.count("|") >= width)
                )
                and not SEPARATOR_ROW.match(row)
            ]
            if rows and not head.startswith("|") and text.startswith("|", b - 1):
                # "…/ Extend| Model | Quality | Credits |": a clipper ran the text before a table into
                # its header; with one cell more than its rows, the header starts at its first pipe
                bar = text.index("|", a)
                lead = text[a:bar].strip()
                if width == len(cells_of(text, *lines[rows[0]])) + 1 and (
                    len(lead) > 24 or lead.endswith((":", "："))  # (or a label's colon: "片段价格(含音频):|")
                ):
                    lines = [*lines[:i], (bar, b), *lines[i + 1 :]]
            if rows:
                self._markdown_table(view, lines, line_sids, i, rows, info)
            i = j

    @staticmethod
    def _opens_table(text: str, lines: list[tuple[int, int]], k: int) -> bool:
        """Is line ``k`` a table's header: a line with a pipe that a |---| rule follows?"""
        return (
            k + 1 < len(lines)
            and not SEPARATOR_ROW.match(text[lines[k][0] : lines[k][1]])
            and bool(SEPARATOR_ROW.match(text[lines[k + 1][0] : lines[k + 1][1]]))
        )

    def _markdown_table(
        self,
        view: SectionView,
        lines: list[tuple[int, int]],
        line_sids: LineSentences,
        head: int,
        rows: list[int],
        info: TableInfo,
    ) -> None:
        text = view.clean
        ha, hb = lines[head]
        cells = cells_of(text, ha, hb)
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
                row_cells = cells_of(text, *lines[k])
                priced_row = self._price_row(view, line_sids[k], row_cells, subjects)
                for sid in line_sids[k]:
                    info.columns[sid] = ([lo for lo, _ in row_cells], subjects)
                    if priced_row:
                        info.price_cells[sid] = (lines[k][0], priced_row)
            return
        head_text = _NOT_PLAN.sub(lambda m: " " * len(m.group(0)), view.cue_text[ha:hb])
        if self.plan_head.search(head_text, 0, len(head_text)):  # | 套餐 | 价格 | 积分 |: a table of plans
            info.plan_rows.update(sid for k in rows for sid in line_sids[k])
            return
        periods = [
            n for n, (lo, hi) in enumerate(cells) if n and self.period_head.search(view.cue_text, lo, hi)
        ]
        for k in rows if periods else []:  # | 月度成本(100视频) |: a month's sum in each row, no clip's price
            row_cells = cells_of(text, *lines[k])
            info.period_spans += [row_cells[n] for n in periods if n < len(row_cells)]
        timed = [n for n, (lo, hi) in enumerate(cells) if self.speed_head.search(view.cue_text, lo, hi)]
        if not timed and self._titled_speed(text, lines, head):
            # under "## Generation Time Estimates", | Model | 5-second video | 10-second video |: a
            # column headed by a clip's length holds the times such clips take
            timed = [n for n, (lo, hi) in enumerate(cells) if n and _CLIP_HEAD.fullmatch(text, lo, hi)]
        if any(self.length_head.match(view.cue_text, lo, hi) for lo, hi in cells):
            # | Cost | Time | Duration |: beside the clip's length, a bare "Time" is the time it took
            timed += [
                n for n, (lo, hi) in enumerate(cells) if self.bare_time_head.match(view.cue_text, lo, hi)
            ]
        units = {n: u for n in timed if (u := self._head_seconds(view.cue_text, *cells[n])) is not None}
        length_at = next(
            (  # (a header naming no unit, | Duration |, leaves it to the cells: 5s, 10 秒)
                (n, u if (u := self._head_seconds(view.cue_text, lo, hi)) is not None else 0.0)
                for n, (lo, hi) in enumerate(cells)
                if n not in timed and self.length_head.match(view.cue_text, lo, hi)
            ),
            None,
        )
        priced: list[PriceColumn] = []
        for n, (lo, hi) in enumerate(cells):
            if n == 0 or n in timed or n in periods:
                continue
            tier = self.prices.tier_word(view.cue_text, lo, hi)
            unit = self._head_unit(view.cue_text[lo:hi])
            res = self._head_resolution(view, line_sids[head], lo, hi)
            if (bare := _LENGTH_ONLY.fullmatch(view.cue_text, lo, hi)) and 0 < int(bare.group(1)) <= 120:
                priced.append(PriceColumn(n, float(bare.group(1)), None, None, None, None))
            elif self.price_head.search(view.cue_text, lo, hi) or tier or unit or res:
                length = self._head_length(view, line_sids[head], lo, hi)
                priced.append(PriceColumn(n, length, tier.group(0) if tier else None, unit, length_at, res))
        if not priced and not timed and not periods:
            priced = self._money_columns(view, lines, line_sids, head, rows, cells)
        # (only where other rows name models: a row of the table's own kind, | P-Video |, is another model)
        unnamed = (
            [self._unnamed_row(view, text, lines[k], line_sids[k]) for k in rows]
            if cells and _MODEL_HEAD.fullmatch(view.cue_text, *cells[0])
            else []
        )
        by_model = not all(unnamed)
        for n, k in enumerate(rows):
            if _IMAGE_ROW.search(view.cue_text, *lines[k]):
                info.plan_rows.update(line_sids[k])  # no clip's price in it, as in a table of plans
                continue
            if by_model and unnamed[n]:
                # | P-Video | $0.005/sec |, under | Model |: a model the registry does not know; its
                # price and speed are nobody's here (not the model named in the row before)
                info.other_rows.update(line_sids[k])
                continue
            for sid in line_sids[k]:
                if timed:
                    info.speed_cells[sid] = (lines[k][0], timed, units)
                if priced:
                    info.price_cells[sid] = (lines[k][0], priced)

    def _titled_speed(self, text: str, lines: list[tuple[int, int]], head: int) -> bool:
        """Does the title right above the table (a heading or a bold line) name the time a generation
        takes, and nothing of price?"""
        for k in range(head - 1, max(-1, head - 3), -1):
            line = text[lines[k][0] : lines[k][1]].strip()
            if not line:
                continue
            titled = line.startswith("#") or _BOLD_LINE.fullmatch(line)
            return (
                bool(titled)
                and len(line) <= 80
                and self.speed_head.search(line, 0, len(line)) is not None
                and not _PRICE_TITLE.search(line)
            )
        return False

    @staticmethod
    def _unnamed_row(view: SectionView, text: str, line: tuple[int, int], sids: list[int]) -> bool:
        """Does the row's first cell name something, but no model the text knows?"""
        row_cells = cells_of(text, *line)
        if not row_cells:
            return False
        lo, hi = row_cells[0]
        if not any(c.isalpha() for c in text[lo:hi]) or _NOT_A_NAME.search(text, lo, hi):
            return False  # | Standard mode |, | 1080p |, | with audio |: a way of one model, no other
        return not any(lo <= m.start < hi for sid in sids for m in view.mentions[sid])

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
    def _head_resolution(view: SectionView, sids: list[int], lo: int, hi: int) -> str | None:
        """The resolution a header cell is (| 720p |, | 1080P 价格 |): each cell under it is a price at
        that resolution; a cell saying more (| 1080p 支持 |) is no such header."""
        found = [
            q for sid in sids for q in view.quantities[sid] if q.kind == "resolution" and lo <= q.start < hi
        ]
        if len(found) != 1:
            return None
        rest = (view.cue_text[lo : found[0].start] + view.cue_text[found[0].end : hi]).strip(" *`|")
        # the frame size beside it says the same (| 832×480 (480p) |)
        rest = _DIMS.sub("", rest).strip(" ()（）*`|")
        return found[0].unit if len(rest) <= 4 else None

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

    def _money_columns(
        self,
        view: SectionView,
        lines: list[tuple[int, int]],
        line_sids: LineSentences,
        head: int,
        rows: list[int],
        cells: list[tuple[int, int]],
    ) -> list[PriceColumn]:
        """Columns whose every cell is one amount of money (| 720p | $0.075 | $0.113 |), under headers
        that name no price, in a text billed per second (Kling uses per-second billing): each is a
        column of prices per second. Added amounts (+$0.038) are a difference, no price."""
        text = view.clean
        if len(rows) < 2 or not _BILLED_PER_SECOND.search(view.cue_text, 0, lines[head][0]):
            return []
        row_cells = {k: cells_of(text, *lines[k]) for k in rows}

        def one_amount(k: int, n: int) -> bool:
            if n >= len(row_cells[k]):
                return False
            lo, hi = row_cells[k][n]
            money = [
                q
                for sid in line_sids[k]
                for q in view.quantities[sid]
                if lo <= q.start < hi and q.kind in ("usd", "cny")
            ]
            return len(money) == 1 and not text[lo:hi].strip().startswith("+") and not money[0].plus

        return [
            PriceColumn(n, 1.0, None, None)
            for n in range(1, len(cells))
            if all(one_amount(k, n) for k in rows)
        ]

    @staticmethod
    def _head_length(view: SectionView, sids: list[int], lo: int, hi: int) -> float | None:
        """The clip length a price column's header names (Price per 5s, 5秒价格; per second: 1)."""
        for sid in sids:
            for q in view.quantities[sid]:
                if lo <= q.start < hi and q.kind == "time" and q.unit == "s" and q.value <= 120:
                    return q.value
        return 1.0 if _PER_SECOND.search(view.cue_text, lo, hi) else None
