"""A cue word is a claim only where it judges what a model made (``ingest/extract/appraisal.py``).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from ingest.extract.appraisal import Appraisal
from ingest.extract.lexicon import load_lexicon
from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text)) if c.kind in ("bug", "strength")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a flaw noun named as a topic: no flaw seen
        ("可灵2.1发布了。这个问题业内讨论了很久。", []),
        ("可灵2.1上线。本文整理了8大常见问题及解决方案。", []),
        ("可灵2.1很火，也引发了不少社会问题。", []),
        ("可靈2.1推出後，這個問題再次被提起。", []),
        ("Kling 2.1 is out. This problem has been debated for years.", []),
        # a flaw seen, or a flaw denied, still counts
        ("可灵2.1的手部有问题。", [("bug", "Kling 2.1")]),
        ("可灵2.1的人物动作出了问题。", [("bug", "Kling 2.1")]),
        ("Sora 2的手会变形，可灵2.1没有这个问题。", [("bug", "Sora 2"), ("strength", "Kling 2.1")]),
        ("Kling 2.1 has problems with hands.", [("bug", "Kling 2.1")]),
    ],
)
def test_a_flaw_noun_named_as_a_topic_is_no_bug(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the negator belongs to the fix: the flaw stays
        ("可灵2.1还是没有解决穿模。", [("bug", "Kling 2.1")]),
        ("可靈2.1始終沒修復閃爍。", [("bug", "Kling 2.1")]),
        ("Kling 2.1 still hasn't fixed the flickering.", [("bug", "Kling 2.1")]),
        # the flaw itself denied: praise
        ("可灵2.1没有穿模。", [("strength", "Kling 2.1")]),
        ("Kling 2.1 no longer flickers.", [("strength", "Kling 2.1")]),
    ],
)
def test_a_denied_fix_leaves_the_flaw(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a flaw that got smaller, said after it: an improvement
        ("可灵2.1的穿模率从12%降至1%。", [("strength", "Kling 2.1")]),
        ("可靈2.1的閃爍明顯減少。", [("strength", "Kling 2.1")]),
        ("With Kling 2.1 the flickering was reduced a lot.", [("strength", "Kling 2.1")]),
        # a flaw that did not get smaller, or grew
        ("可灵2.1的穿模率从1%升到12%。", [("bug", "Kling 2.1")]),
        ("可灵2.1的画面闪烁，帧率也降低了。", [("bug", "Kling 2.1")]),
    ],
)
def test_a_flaw_reduced_after_it_is_named_is_a_strength(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # negation carried over a coordination of flaws
        ("可灵2.1的球会反弹，而非凭空消失或瞬移。", [("strength", "Kling 2.1")]),
        ("可灵2.1没有穿模和闪烁。", [("strength", "Kling 2.1")]),
        # a flaw after a full clause break keeps its own reading
        ("可灵2.1没有穿模，但是画面闪烁。", [("strength", "Kling 2.1"), ("bug", "Kling 2.1")]),
    ],
)
def test_coordinated_flaws_share_their_negation(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("可灵2.1好不好，大家说了算，关键看稳不稳定。", []),
        ("大家只问可灵2.1像不像真人。", []),
        ("可灵2.1的人物不像真人。", [("bug", "Kling 2.1")]),
    ],
)
def test_a_word_and_its_negation_is_a_question(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # praise in a heading or a label line announces the section
        ("可灵2.1评测\n\n3. 运镜更自然，画质再升级\n\n这次更新加入了新的运镜模式，操作也更简单了。\n", []),
        ("可灵2.1评测\n\n## 画面非常惊艳\n\n我们用五个提示词做了测试，结果放在下面。\n", []),
        ("可靈2.1評測\n\n核心優勢：\n\n我們從三個方面來看這次更新的內容。\n", []),
        (
            "Kling 2.1 review\n\n🎬 Why The Motion Looks Great\n\nWe ran five prompts through it.\n",
            [],
        ),
        ("可灵2.1评测\n\n🚀 画面非常惊艳\n\n我们用五个提示词做了测试，结果放在下面。\n", []),
        # list items keep their verdicts; a finding in prose keeps its verdict
        (
            "可灵2.1评测\n\n1. 运镜非常自然\n2. 画质很清晰\n",
            [("strength", "Kling 2.1"), ("strength", "Kling 2.1")],
        ),
        ("Kling 2.1 review\n\nThe motion is very natural.\n", [("strength", "Kling 2.1")]),
    ],
)
def test_praise_in_a_heading_is_no_claim(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


def test_a_book_or_article_title_holds_no_verdict() -> None:
    assert _kinds("可灵2.1上线了，详见我们的上一篇《画面非常惊艳的一次更新》。") == []
    assert _kinds("可灵2.1上线了，画面非常惊艳。") == [("strength", "Kling 2.1")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a field spelt with a space between Latin and Chinese is still a field
        ("可灵2.1很稳定。\n在 AI 视频领域，闪烁一直是个难题。", [("strength", "Kling 2.1")]),
        ("可灵2.1很稳定。\nAI视频产品普遍存在闪烁。", [("strength", "Kling 2.1")]),
        ("Kling 2.1 is stable. These systems still flicker a lot.", [("strength", "Kling 2.1")]),
    ],
)
def test_a_field_as_subject_is_about_no_model(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


def test_appraisal_checks_on_their_own() -> None:
    ap = Appraisal(load_lexicon())
    text = "像不像"
    assert ap.a_not_a(text, 1) and not ap.a_not_a("不像", 0)
    assert ap.coordinated("闪烁或变形", 2, 3) and not ap.coordinated("闪烁，但变形", 2, 4)
    assert ap.titles("见《一篇文章》") == [(1, 7)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # seemingly smooth: the appearance is what the sentence goes on to deny
        ("可灵2.1的动作看似流畅，其实关节方向全错了。", []),
        ("可灵2.1的动作很流畅。", [("strength", "Kling 2.1")]),
        # "really?" as an idiom asks, it does not call anything fake
        ("可灵2.1能实时生成？真的假的？", []),
        ("可灵2.1的人脸看起来很假。", [("bug", "Kling 2.1")]),
        # a self-correction (oh, no wait) judges nothing
        ("我的首页现在全是可灵2.1，哦不对，是可灵2.1和它的模仿者。", []),
        ("可灵2.1的口型对不上，节奏也不对。", [("bug", "Kling 2.1"), ("bug", "Kling 2.1")]),
        # still some way to go
        ("可灵2.1離真實拍攝還是有一定距離。", [("bug", "Kling 2.1")]),
    ],
)
def test_seeming_and_asking_are_no_verdicts(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds
