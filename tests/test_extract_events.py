"""Flaws and limits told as events, with no quality word (``events.py``), and what they must not read.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from ingest.extract.events import EventCues
from ingest.extract.lexicon import Lexicon
from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> set[str]:
    return {c.kind for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    "text",
    [
        # the prompt not followed, or an expectation turned around
        "可灵2.1生成的视频里，女孩本来应该向左转身，结果却转向了右边。",
        "海螺02没有按照提示词让小狗坐下，而是让它一直在原地打转。",
        "即梦3.0让角色做了和提示词完全相反的动作。",
        "Veo 3本應讓女孩坐下，卻讓她站了起來。",
        "In Veo 3's clip the woman walks away from the camera instead of toward it.",
        "The Veo 3 output ignored half of what I asked for.",
        "Kling 2.1 threw in an extra character that was not in my script.",
        "Veo 3 suddenly added a random dog in the last second.",
        # things changing, appearing or vanishing mid-clip
        "在可灵2.1的视频里，桌上的花瓶到一半就凭空没了。",
        "生成到第三秒时，海螺02画面里突然多出来一只猫。",
        "即夢3.0生成的人物五官一直在變化。",
        "海螺02的人物衣服颜色在中途变了。",
        "可灵的人脸不停畸变，看着很难受。",
        "Pika's faces keep warping whenever the head turns.",
        "Halfway through the Luma clip the mug sprouts a second handle.",
        # flicker and alternation
        "海螺02的背景画面一闪一闪的，很影响观感。",
        "Sora 2的镜头里，人物的手指数量时多时少。",
        # bodies merging, swapping, misplaced
        "Vidu Q1里两个人物的身体慢慢融合成了一个。",
        "可灵2.1里的女孩走路时两条腿交叉打架。",
        "Vidu Q1的视频里狗的尾巴长在了头上。",
        "In Runway Gen-4, the two dancers' arms merge into one another.",
        "Runway Gen-4's character swapped legs mid-stride.",
        # the wrong person
        "Sora 2生成的主角完全不是我上传的那个人，像是换了一个陌生人。",
        "Kling 2.1 gave me a completely different person from the reference photo.",
        # garbled text, broken physics
        "Veo 3画面里招牌上的字全是看不懂的乱码。",
        "可靈2.1的文字全部亂掉，完全無法閱讀。",
        "即梦3.0里的球落地后又自己弹回了手里，完全违背常识。",
        "In Sora 2 the ball falls upward, which breaks basic physics.",
        "The Veo 3 shop sign shows letters that are completely jumbled.",
        # no progress, cannot compete, worse, not there yet
        "可灵2.1的效果至今没有什么进步，很难跟Veo 3抗衡。",
        "Pika 1.0 has made almost no progress since launch and is no match for Sora.",
        "Hailuo 02 fares much worse with fast action scenes.",
        "Sora 2還沒有完全做到以假亂真。",
        "Vidu Q1 still can't get the hands right.",
        # luck and retries
        "With Veo 3 you end up regenerating the same shot several times.",
        "可灵2.1生成的结果随机性很大，很难控制。",
        "Hailuo 02 is hit or miss with crowds.",
        "海螺02经常生成失败，只能重来。",
        "用可灵2.1做长镜头需要多多试错。",
        # something covering what should be seen
        "In the Veo 3 clip she talks with her hand covering her mouth.",
        "海螺02里的杯子一直挡住了人物的嘴。",
    ],
)
def test_flaws_told_as_events(text: str) -> None:
    assert "bug" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "即梦3.0必须登录抖音账号才能使用。",
        "Sora 2需要邀请码才能用。",
        "想用可灵2.1的高品质模式，需要开通会员。",
        "海螺02的免费用户每天只有3次生成机会。",
        "Sora 2 requires an invite code to get in.",
        "Kling 2.1 doesn't let you choose the aspect ratio.",
        "可靈2.1目前還沒有開放API。",
        "可灵2.1缺少对口型功能。",
        "Veo 3's best mode is locked behind a paid plan.",
    ],
)
def test_limits_told_as_requirements(text: str) -> None:
    assert "limitation" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # a flaw denied, avoided, fixed or only feared
        "海螺02没有出现人物突然消失的情况。",
        "Sora 2 never once swapped the characters' faces.",
        "即梦3.0生成的文字清清楚楚，字幕没有乱码。",
        "我本来以为海螺02会翻车，结果效果出乎意料。",
        "原本需要反复生成很多次，现在可灵2.1一次就成功了。",
        "Runway Gen-4 keeps the character consistent instead of morphing it.",
        "Veo 3 can render readable text on signs instead of gibberish.",
        # what the user can make happen, or asked for
        "海螺02可以让物体凭空出现，这是特效需要的。",
        "The prompt asked Veo 3 to have the dog suddenly turn into a cat, and it did.",
        "Sora 2 lets you swap faces between characters.",
        # prompts and test plans
        "提示词：女孩本来在跑步，突然停下来，结果摔倒了。",
        "测试内容包括：人物一致性、文字渲染、物理规律。",
        # progress and praise that only look like the rules
        "海螺02的进步很大，已经能和Veo 3抗衡了。",
        "可灵2.1的画面完全符合物理规律。",
        "Vidu Q1的光影不断变化，很真实。",
        "本来应该花一天做的视频，用海螺02半小时就完成了。",
    ],
)
def test_no_flaw_where_none_is_told(text: str) -> None:
    assert "bug" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # cannot be told from real footage
        "海螺02生成的人声已经让人难以分辨是真人还是AI。",
        "Veo 3's street scenes are nearly indistinguishable from real footage.",
        # a large step up, first place, pulling away, parity with the one just named
        "可灵2.1的运镜比上一代有了非常大的提升。",
        "Runway Gen-4 shows significant improvements over Gen-3.",
        "在榜单上，即梦3.0稳居国内第一。",
        "海螺02的画面把其他几家拉开了一大截差距。",
        "Veo 3很强，即梦3.0也能与之一战。",
        # a quality noun rated high, an outcome called striking, a plain English verdict
        "Vidu Q1的人物一致性非常高。",
        "可灵2.1的效果真的惊人。",
        "The result from Luma was pretty decent.",
    ],
)
def test_praise_told_as_an_outcome(text: str) -> None:
    assert "strength" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "为了得到最好的效果，我用可灵2.1跑了很多次。",  # a goal, no verdict
        "If you want the best results from Kling 2.1, write short prompts.",
        "可灵2.1的价格高得惊人。",  # a price, no quality of the picture
        "Sounds great, so I tried Veo 3 next.",  # an interjection
    ],
)
def test_no_praise_where_none_is_given(text: str) -> None:
    assert "strength" not in _kinds(text)


def test_a_prompt_said_in_passing_before_a_colon_leaves_the_next_line_to_the_reviewer() -> None:
    text = (
        "Here is Veo 3 again with the same prompt, a minute later:\n"
        "This time the cup suddenly vanishes from his hand."
    )
    assert "bug" in _kinds(text)
    assert "bug" not in _kinds("Veo 3 got this prompt:\nThe cup suddenly vanishes from his hand.")


def test_english_flaws_in_their_own_clauses_are_claims_of_their_own() -> None:
    text = (
        "In the second Veo 3 take, the dog's tail keeps flickering, "
        "the leash melts into the grass, and the owner suddenly grows a third arm."
    )
    bugs = [c.quote for c in scored(claims_of(text)) if c.kind == "bug"]
    assert len(bugs) == 3


def test_a_release_date_is_no_limitation() -> None:
    assert "limitation" not in _kinds("报告发布的时候，可灵2.1还未上线。")


def test_a_flaw_inside_the_comparison_bracket_is_the_compared_models() -> None:
    got = [(c.kind, c.model) for c in scored(claims_of("与可灵2.1人物不停变形的效果相比，海螺02稳定多了。"))]
    assert ("bug", "Kling 2.1") in got
    assert ("bug", "Hailuo 02") not in got


def test_the_side_a_model_cannot_compete_with_is_not_its_subject() -> None:
    got = [(c.kind, c.model) for c in scored(claims_of("Vidu Q1的画面看起来很难与Veo 3抗衡。"))]
    assert got == [("bug", "Vidu Q1")]


def test_an_unknown_word_list_in_a_rule_is_a_clear_error() -> None:
    lex = Lexicon({"events": {"rules": [{"kind": "bug", "re": "(?:{nothing})变了"}]}})
    with pytest.raises(ValueError, match="nothing"):
        EventCues(lex)


def test_a_bad_negate_mode_is_a_clear_error() -> None:
    lex = Lexicon({"events": {"rules": [{"kind": "bug", "re": "x", "negate": "sometimes"}]}})
    with pytest.raises(ValueError, match="negate"):
        EventCues(lex)
