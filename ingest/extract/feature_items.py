"""Feature lists in announcements: ``* **Label**：what it does`` is one capability, the label's.

A vendor's or a news site's list of what a model does puts each feature in a bold label and
describes it after a colon (``*   **Region repair**: precisely replaces…``). The label names
the feature; the description's quality words (精准, 自然连贯) describe the feature, not a
verdict on the model. An item is a feature when the description opens with an ability (支持,
能够, 一键, 自动, 基于, 将…, lets, supports) or the label ends in an operation (…修复, …生成,
…editing); a label over a verdict (**画面质感**：非常细腻) or over an architecture (**双流架构**：
两个分支并行) is none. The item gives one capability per model in scope, quoting the line from
its label; other capabilities and strengths read inside the line are dropped. A list of
limits (**功能限制**：仅支持…) and an item naming a model are no feature items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon
from ingest.extract.section import Draft, SectionView

_ITEM = re.compile(
    r"(?m)^[ \t]*(?:[*\-•+][ \t]+|\d{1,2}[.、)][ \t]*)?\*\*(?P<label>[^*\n:：]{2,24}?)"
    r"(?:[:：]\*\*|\*\*[ \t]*[:：])[ \t]*(?P<desc>[^\n]+)"
)
# the same without bold, on a bullet line: "- Cinematic Camera Control: Professional camera…"
# (a Title Case English label of two to five words; read in lower case like the rest)
_PLAIN_ITEM = re.compile(
    r"(?m)^[ \t]*[*\-•+][ \t]+(?P<label>[A-Z][A-Za-z0-9/&\-]*(?:[ \t]+[A-Z][A-Za-z0-9/&\-]*){1,4})"
    r"[ \t]*:[ \t]+(?P<desc>[^\n]+)"
)
# the same with a Chinese label, under a heading that announces features (核心功能介绍, 新功能):
# "* 图像延伸与动画化：将静态图像转化为动画" (read in the normalised text)
_PLAIN_ZH_ITEM = re.compile(
    r"(?m)^[ \t]*[*\-•+][ \t]+(?=[^:：\n]{0,15}[\u4e00-\u9fff])"
    r"(?P<label>[\u4e00-\u9fffa-z][\u4e00-\u9fffa-z0-9（）() \-]{1,15}?)"
    r"[ \t]*[:：][ \t]*(?P<desc>[^\n]+)"
)
_HEADING_LINE = re.compile(r"(?m)^#{1,6}[ \t][^\n]*")
_FEATURE_HEADING = re.compile(r"功能|特性|特点|新增|能力|features?\b|what'?s new|capabilities")
_FIRST_CLAUSE = re.compile(r"[^，,。；;.!?！？]*")
# a label over a summary of the whole model (**简介**：…, **主要特点**：…), no one feature's name: what
# follows is read as prose, feature by feature
_SUMMARY_LABEL = re.compile(
    r"(?:主要|核心)?(?:简介|介绍|概述|概况|特点|特色|亮点|优点|优势|评价|点评|总结|描述|说明|定位)"
    r"|(?:key |main )?(?:overview|description|summary|features|highlights|pros|verdict)"
)
# 能力 (ability) names a quality, no verb of being able: 在写实能力上较强 is a verdict
_ABILITY_NOUN = re.compile(r"能力")


@dataclass(frozen=True, slots=True)
class FeatureItem:
    start: int  # the label's first character
    end: int  # the line's end
    label: str


class FeatureItems:
    def __init__(self, lex: Lexicon) -> None:
        self.ability = re.compile(rf"(?:{lex.alt('features', 'item_ability')})")
        self.ops = re.compile(rf"(?:{lex.alt('features', 'item_operations')})\s*$")
        # limits and their labels (仅支持, 不支持, 功能限制, Limits): a list of limits is no feature list
        self.limited = re.compile(
            rf"(?:{lex.alt('features', 'only')})|(?:{lex.alt('features', 'cannot')})|限制|不足|缺点|局限"
            r"|\blimit|\brestrict|\bcons?\b"
        )
        self.conf = lex.confidence("feature_item")
        # a spec's or a price's label (时长：支持5秒和10秒) lists values, each read as its own claim
        self.value_label = re.compile(
            rf"(?:{lex.alt('features', 'spec_labels')}|价格|价|费用|积分|点数|速度|耗时)\s*$"
        )

    def find(self, view: SectionView) -> dict[int, FeatureItem]:
        """Sentence index -> the feature item whose label it opens with."""
        out: dict[int, FeatureItem] = {}
        found = [(m.span("label"), m.span("desc")) for m in _ITEM.finditer(view.clean)]
        if "-" in view.clean or "•" in view.clean:
            found += [(m.span("label"), m.span("desc")) for m in _PLAIN_ITEM.finditer(view.text)]
        found += [
            (m.span("label"), m.span("desc"))
            for m in _PLAIN_ZH_ITEM.finditer(view.clean)
            if not self.value_label.search(m.group("label"))
            and self._under_feature_heading(view, m.start("label"))
        ]
        for (la, lb), (da, db) in found:
            label, desc = view.clean[la:lb].strip(), view.clean[da:db]
            first = _FIRST_CLAUSE.match(desc)
            head = first.group(0) if first else desc
            if _SUMMARY_LABEL.fullmatch(label):
                continue
            if not (self.ability.search(_ABILITY_NOUN.sub("  ", head)) or self.ops.search(label)):
                continue
            if self.limited.search(label) or self.limited.search(head):
                continue
            sid = view.sentence_index(la)
            head_end = da + len(head)
            if sid is None or any(x.start < head_end for x in view.mentions[sid]):
                continue  # a label or description naming a model: a heading, or another model's
            out[sid] = FeatureItem(la, db, view.text[la:lb].strip())
        return out

    @staticmethod
    def _under_feature_heading(view: SectionView, pos: int) -> bool:
        """Is the nearest heading line (#…) above ``pos`` one announcing features?"""
        heads = list(_HEADING_LINE.finditer(view.clean, 0, pos))
        return bool(heads) and _FEATURE_HEADING.search(heads[-1].group(0)) is not None

    def claims(self, view: SectionView, sid: int, item: FeatureItem) -> list[Draft]:
        subj = view.subject(sid, view.sentences[sid].start, view.sentences[sid].end, item.start)
        if subj is None or not subj.models:
            return []
        return [
            Draft(
                "capability",
                item.start,
                item.end,
                name,
                tier,
                "feature_item",
                self.conf,
                {"feature": item.label},
            )
            for name, tier in zip(subj.models, subj.tiers, strict=False)
        ]


def drop_inside(drafts: list[Draft], items: dict[int, FeatureItem]) -> list[Draft]:
    """``drafts`` without the capabilities and strengths read inside a feature item's line."""
    if not items:
        return drafts
    spans = sorted((i.start, i.end) for i in items.values())
    out = []
    for d in drafts:
        inside = any(s <= d.start < e for s, e in spans)
        if inside and d.rule != "feature_item" and d.kind in ("capability", "strength"):
            continue
        out.append(d)
    return out
