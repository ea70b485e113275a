"""Verdicts read from the shape of a sentence (``narrative.py``) and sentences that give no claim.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _opinions(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.quote) for c in scored(claims_of(text)) if c.kind in ("strength", "bug")]


def _kinds(text: str) -> set[str]:
    return {c.kind for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an English manner adverb made from a quality word, after its verb
        ("In Veo 3 the waves crash realistically against the pier.", "strength"),
        ("Pika 1.0 animates the dancer's arms awkwardly.", "bug"),
        ("Luma Ray2 tracks the runner well through the crowd.", "strength"),
        # an English quality word before an aspect of the picture
        ("Luma Ray2 keeps convincing shadows on the snow.", "strength"),
        ("Pika 1.0 still gives clumsy hand movement in close-ups.", "bug"),
        ("Veo 3 brings improved textures over the last release.", "strength"),
        # a step up named as a noun
        ("Veo 3 marks a big leap in fidelity.", "strength"),
        # parity with a named model goes to the one compared, not the yardstick
        ("海螺02的人物表情和Veo 3旗鼓相当。", "strength"),
        ("Vidu Q1 is on par with Veo 3 for close-ups.", "strength"),
        # showing a quality, a comparative complement, an achievement
        ("即梦3.0呈现了细腻的皮肤纹理。", "strength"),
        ("即梦3.0换了提示词以后稳定了很多。", "strength"),
        ("即梦3.0让小狗成功跳过了栏杆。", "strength"),
        ("即梦3.0的镜头甚至还会跟着小狗转向。", "strength"),
        # excess, disappointment, acting on its own, kept throughout, lines up
        ("即梦3.0的笑容过于夸张。", "bug"),
        ("即梦3.0这次的表现令人失望。", "bug"),
        ("即梦3.0里的小猫自顾自地跑出了画面。", "bug"),
        ("即梦3.0的发型从头到尾保持不变。", "strength"),
        ("即梦3.0的字幕和配音对得上。", "strength"),
        ("即梦3.0的书本合上后又出现在书架上。", "bug"),
        ("即梦3.0的舞者乱转了好几圈。", "bug"),
        ("即梦3.0的水花有一点小糊。", "bug"),
    ],
)
def test_narrative_verdicts(text: str, kind: str) -> None:
    assert kind in _kinds(text)


def test_a_contrast_after_praise_carries_the_flaw() -> None:
    got = _opinions("海螺02的光线很柔和自然，不过衣角略显僵。")
    assert got == [("strength", "海螺02的光线很柔和自然"), ("bug", "不过衣角略显僵")]


@pytest.mark.parametrize(
    "text",
    [
        "海螺02的画面很稳定，但换成夜景仍然会偏暗。",  # persists
        "海螺02的人物很逼真，却没能读出招牌上的字。",  # fails
        "Veo 3 looks lifelike, but it still cannot keep the logo readable.",
    ],
)
def test_a_contrast_after_praise_that_persists_or_fails_is_a_bug(text: str) -> None:
    assert [k for k, _ in _opinions(text)] == ["strength", "bug"]


def test_a_flaw_after_a_concession_is_a_bug() -> None:
    assert _kinds("即使强如海螺02，碰到多人场景仍旧容易崩。") == {"bug"}
    assert _kinds("尽管海螺02进步很快，在长镜头里依然会丢掉细节。") >= {"bug"}


def test_a_contrast_without_a_flaw_word_is_no_bug() -> None:
    assert _opinions("海螺02的光线很自然，不过我们只测了白天。") == [("strength", "海螺02的光线很自然")]


def test_a_contrast_that_announces_flaws_is_a_lead_in() -> None:
    assert _opinions("海螺02整体很稳定，但还是有一些不足") == [("strength", "海螺02整体很稳定")]


def test_a_contrast_with_an_amount_is_no_bug() -> None:
    assert "bug" not in _kinds("海螺02的画面很稳定，但价格仍然是每条10积分。")


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 is out, as well as a new editor.",  # as well as: no manner
        "Veo 3 ran well over a minute per clip.",  # well over: an amount
        "Veo 3 lets you skip the step and awkwardly resize nothing.",  # the adverb before its own verb
        "即梦3.0的生成成功率只有一半。",  # a success rate is no achievement in the picture
        "即梦3.0上线了，生成功能暂时免费。",  # 生成功能 holds 成功
        "即梦3.0甚至还能做3D动画。",  # what it can make: a feature, not a feat
        "Veo 3 prices saw a jump in price this month.",  # a jump in price is no step up
    ],
)
def test_shapes_that_are_no_verdict(text: str) -> None:
    assert not _kinds(text) & {"strength", "bug"}


@pytest.mark.parametrize(
    "text",
    [
        "即梦3.0的“逼真”标准正在变高。",  # a quoted word used as a name
        "Pika 1.0 tries to escape the “glitchy” label.",
        "评估即梦3.0的指标包括：肢体变形、画面闪烁、口型。",  # a list of what is tested
        "即梦3.0的测评维度包括肢体变形和闪烁。",
    ],
)
def test_mentions_and_test_lists_give_no_opinion(text: str) -> None:
    assert not _kinds(text) & {"strength", "bug"}


def test_flaws_listed_after_a_cons_word_stay_flaws() -> None:
    assert "bug" in _kinds("即梦3.0的缺点包括：画面闪烁。")


def test_a_quoted_verdict_that_ends_its_clause_stays_a_verdict() -> None:
    assert "strength" in _kinds("即梦3.0的运镜非常“丝滑”。")


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 hands-on\nAlex Chen · 6 min read\nVeo 3 is here.",
        "即梦3.0 实测\n预计阅读时间 4 分钟\n即梦3.0 来了。",
    ],
)
def test_reading_time_is_no_generation_time(text: str) -> None:
    assert "speed" not in _kinds(text)


def test_a_generation_time_next_to_a_reading_time_is_kept() -> None:
    text = "Veo 3 hands-on\n6 min read\nVeo 3 took about 2 minutes to render each clip."
    assert [c.generation_s for c in claims_of(text) if c.kind == "speed"] == [120]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # parallel verdicts on aspects of their own: one claim each
        ("Vidu Q1的色彩很真实，人物很灵动，镜头稳定。", ["Vidu Q1的色彩很真实", "人物很灵动", "镜头稳定"]),
        # an elaboration leans on the verdict before it: one claim
        ("Vidu Q1的镜头很稳定，看起来很舒服。", ["Vidu Q1的镜头很稳定，看起来很舒服"]),
        ("Vidu Q1和Veo 3都很稳定，镜头也很流畅。", None),
        ("Vidu Q1稍微有点假，人物的皮肤质感很塑料。", ["Vidu Q1稍微有点假，人物的皮肤质感很塑料"]),
        ("Vidu Q1在这方面没有问题，人物很自然。", ["Vidu Q1在这方面没有问题，人物很自然"]),
    ],
)
def test_parallel_verdicts_are_one_claim_each(text: str, quotes: list[str] | None) -> None:
    got = [q for _, q in _opinions(text) if "Veo" not in q or quotes is None]
    if quotes is None:  # two models, both praised: one claim per model, none split by clause
        assert {c.model for c in scored(claims_of(text))} == {"Vidu Q1", "Veo 3"}
        assert len(set(got)) == 1
    else:
        assert got == quotes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Vidu Q1的动作幅度偏小。", "bug"),  # leaning off the mark
        ("Vidu Q1的色彩有些过饱和。", "bug"),
        ("Vidu Q1里的马有六条腿。", "bug"),  # more body parts than a body has
        ("In Luma Ray2 the horse has five legs.", "bug"),
        ("Vidu Q1里的老人突然变成了另一个人。", "bug"),
        ("Vidu Q1的角色发型前后不一致。", "bug"),
        ("Luma Ray2 loses its shape when the dancer spins.", "bug"),
        ("Luma Ray2 keeps adding random birds.", "bug"),
        ("Luma Ray2 skipped half of my prompt.", "bug"),
        ("Luma Ray2 over-saturates sunsets.", "bug"),
        ("Luma Ray2 gets the reflections right.", "strength"),
        ("Luma Ray2 renders with few artifacts.", "strength"),  # little of a flaw
        ("Vidu Q1的画面基本看不出AI痕迹。", "strength"),
        ("Vidu Q1的表现超出预期。", "strength"),  # expectations
        ("Vidu Q1的表现低于预期。", "bug"),
        ("Vidu Q1的光影不崩也不糊。", "strength"),  # a flaw word denied
        ("Vidu Q1的人物表情缺乏变化。", "bug"),
        ("Vidu Q1的配色比较单调。", "bug"),
    ],
)
def test_common_review_shapes(text: str, kind: str) -> None:
    assert kind in _kinds(text)


def test_a_price_called_cheap_is_no_flaw() -> None:
    assert "bug" not in _kinds("Luma Ray2 is cheap at 720p ($0.05/s).")


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        # better or worse than the side compared: the subject gets it, never the yardstick
        ("Vidu Q1的动作比Veo 3稳很多。", "strength", "Vidu Q1"),
        ("Vidu Q1的口型不如Veo 3准。", "bug", "Vidu Q1"),
        ("Vidu Q1的画质比不上Veo 3。", "bug", "Vidu Q1"),
        ("Vidu Q1 outshines Veo 3 in night scenes.", "strength", "Vidu Q1"),
        ("Vidu Q1 falls behind Veo 3 on faces.", "bug", "Vidu Q1"),
        ("这轮测试里Vidu Q1拿下了第一。", "strength", "Vidu Q1"),
    ],
)
def test_comparisons_credit_the_subject(text: str, kind: str, model: str) -> None:
    assert [(c.kind, c.model) for c in scored(claims_of(text))] == [(kind, model)]


def test_rather_than_is_no_comparison_of_quality() -> None:
    assert not _kinds("与其等Vidu Q1，不如先试试别的。")


def test_a_listed_flaw_is_one_claim_per_item() -> None:
    claims = [c for c in claims_of("Luma Ray2 shows some jitter and blurry faces.") if c.kind == "bug"]
    assert [c.feature for c in claims] == ["Luma Ray2 shows some jitter", "blurry faces"]
    assert len({c.quote for c in claims}) == 1  # each quotes the whole clause
    text = "Vidu Q1的画面偶尔闪烁、人物手部粘连。"
    items = [c.feature for c in claims_of(text) if c.kind == "bug"]
    assert items == ["Vidu Q1的画面偶尔闪烁", "人物手部粘连"]


def test_not_only_negates_nothing() -> None:
    assert _kinds("Luma Ray2 not only looks sharp, it renders fast.") == {"strength"}
