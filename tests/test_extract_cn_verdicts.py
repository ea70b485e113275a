"""Chinese verdicts the word lists lacked: no worse than a rival (不输), a gain told with a
modifier (有了史诗级的加强), fair praise (表现还可以), features kept (特征都基本保留, 保持了原状),
prone to a flaw (容易糊), drift (偏移), a body cut short or something that pops out (人物不全,
从地里钻出来, 变出一根烟); a lead-in to praise states nothing."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("海螺02的画质完全不输可灵2.1。", "strength"),
        ("Vidu 2.0 的首尾帧生成也有了史诗级的加强。", "strength"),
        ("清影的人物在光影上的表现还可以。", "strength"),
        ("Vidu Q2 生成的六个画家，每个人的特征都基本保留。", "strength"),
        ("Vidu Q2 生成的瓶子和罐子，都保持了原状。", "strength"),
        ("只有可灵2.1把墨镜完完整整地生成出来了。", "strength"),
        ("清影多人场景的表现也出乎我的意料。", "strength"),
        ("海螺02在快速运动时容易糊。", "bug"),
        ("Veo 3.1 偶发语义到动作的偏移。", "bug"),
        ("Vidu Q1 会出现人物不全的情况。", "bug"),
        ("Vidu Q1 里人物突然从地里钻出来。", "bug"),
        ("Vidu Q1 的角色嘴里还变出一根烟。", "bug"),
    ],
)
def test_a_verdict(text: str, kind: str) -> None:
    assert kind in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1不输入提示词也能生成视频。",
        "Veo 3 不输出音频的时候更快。",
        "这不全是可灵2.1的问题。",
        "可灵2.1还可以生成10秒的视频。",
    ],
)
def test_no_verdict(text: str) -> None:
    assert [c.kind for c in claims_of(text) if c.kind in ("strength", "bug")] == []


def test_a_lead_in_to_praise_is_no_claim() -> None:
    got = [c.quote for c in claims_of("Vidu 2.0 除了价格外，还有另一个我觉得极度牛逼超级香的点，就是速度。")]
    assert not any(q.endswith("的点") for q in got)


def test_less_famous_is_no_flaw() -> None:
    assert [c.kind for c in claims_of("Luma 或许不如可灵、Runway 知名。")] == []


def test_the_dimensions_a_test_covers_are_no_verdict() -> None:
    text = "我们从物理真实感、人物表现力和语义理解能力三个维度对可灵1.6进行了深度测评。"
    assert [c.kind for c in claims_of(text)] == []


def test_a_model_named_as_an_event_sets_no_topic() -> None:
    text = (
        "Seedance 2.0 是这次测试的主角。\n\n"
        "次年Sora的出现让公众首次意识到，AI还能构建视觉叙事。\n\n"
        "测试中，画面非常稳定。\n"
    )
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind == "strength"]
    assert got == [("strength", "Seedance 2.0")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("可灵2.1、Runway走起路来，全都是顺拐。", "bug"),
        ("亚洲人可灵2.1还是无敌的。", "strength"),
        ("Runway对亚洲人的细节还是差了点。", "bug"),
        ("PixVerse V2效果独一档的稳。", "strength"),
        ("清影的鸟飞的实在太抽象了。", "bug"),
        ("可灵2.1的成功率并不是很高。", "bug"),
        ("Seedance 2.0的细节一致性出奇的高。", "strength"),
        ("Seedance 2.0的效率逆天。", "strength"),
        ("可灵2.1挑不出什么毛病。", "strength"),
        ("Veo 3.1跑了10个左右的case，几乎没有比Sora 2 Pro好的。", "bug"),
        ("Sora 2 的 Storyboard 时长失准。", "bug"),
        ("Sora 2 文生视频仍高度随机。", "bug"),
        ("Sora 2 的随机性太大。", "bug"),
        ("Sora 2 相同Prompt需反复多次尝试才能产出可用结果。", "bug"),
        ("Sora 2 现实生成效果远未达预期。", "bug"),
    ],
)
def test_verdicts_in_reviewers_words(text: str, kind: str) -> None:
    assert kind in [c.kind for c in claims_of(text)]


def test_a_quality_word_before_a_model_describes_it_and_a_track_is_a_place() -> None:
    got = [(c.kind, c.model) for c in claims_of("写实赛道里很强的Runway和可灵表现非常一般。")]
    assert got == [("bug", "Runway"), ("bug", "Kling")]


def test_a_random_seed_option_is_no_flaw() -> None:
    assert [c.kind for c in claims_of("Sora 2 提供了随机种子选项。")] == ["capability"]
