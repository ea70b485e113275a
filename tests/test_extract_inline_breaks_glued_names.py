"""Page layouts that split or glue words: an amount a page set on a line of its own inside a
sentence, a product name written with no spaces, a generation time said with 就能生成 after it
(examples written here)."""

from __future__ import annotations

import pytest

from ingest.extract.lexicon import load_lexicon
from ingest.extract.sentences import Splitter
from tests.extract_helpers import claims_of, prices_of, scored

SPLIT = Splitter(load_lexicon())


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in SPLIT.split(text)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("海螺02的一条6s视频价格：\n2.5元\n。下一句。", 2),  # the amount on its own line, then the full stop
        ("算下来一条视频是\n0.8元\n，很便宜。", 1),  # the line after the amount goes on with a comma
        ("第一行说完了\n第二行也说完了", 2),  # two lines that are two sentences stay two
        ("价格如下：\n- 标准版 2元\n- 专业版 4元", 3),  # list items after a colon are their own sentences
    ],
)
def test_a_line_break_around_an_inline_piece_does_not_end_the_sentence(text: str, count: int) -> None:
    assert len(_sentences(text)) == count


def test_an_amount_on_its_own_line_is_the_price_the_line_before_names() -> None:
    text = "先说价格。\n\n海螺02的一条6s视频价格：\n2.5元\n。\n"
    assert prices_of(text) == [("Hailuo 02", None, None, 2.5, 6.0)]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Runway Gen-4 is the topic.\n\nLumaDreamMachine的一条5s视频价格：1.5元。", "Luma"),
        ("Runway Gen-4 is the topic.\n\nLumaRay2的一条5s视频价格：1.5元。", "Luma Ray2"),
    ],
)
def test_a_name_written_without_spaces_is_still_its_model(text: str, model: str) -> None:
    assert [p[0] for p in prices_of(text)] == [model]


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("海螺02的极速模式只要20s就能生成。", True),
        ("海螺02十几秒就搞定了。", True),
        ("海螺02能生成10秒的视频。", False),  # a length it can make, no time taken
    ],
)
def test_a_time_followed_by_done_words_is_a_generation_time(text: str, speed: bool) -> None:
    assert any(c.kind == "speed" for c in claims_of(text)) is speed


def test_a_prompt_given_after_a_colon_mid_line_states_nothing() -> None:
    text = "Vidu Q2 我测了一下。我输入了以下提示词：镜头缓缓推进，一只橘猫完美地跳上窗台，画面非常唯美。"
    assert [c for c in claims_of(text) if c.kind == "strength"] == []
    # "提示词理解" is no prompt: what follows is the reviewer's verdict
    assert [c.kind for c in claims_of("Vidu Q2 的提示词理解很好。")] == ["strength"]


@pytest.mark.parametrize(
    "text",
    [
        "Luma Ray 2 turned the crowd into a mushy mess.",
        "Veo 3 left the dancer's hands blurred in every fast move.",
        "可灵2.1生成的小狗变成了两个脑袋。",
    ],
)
def test_quality_words_of_mush_blur_and_doubled_heads_are_bugs(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))] == ["bug"]


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("Vidu Q1 很好看。我能对着这段视频看一个小时。", False),  # watching, not making
        ("Vidu Q1 送的积分会24小时过期。", False),  # an expiry
        ("Vidu Q1 上线了。短短一分钟，就有上万人涌入。", False),
        ("Vidu Q1 上线了。生成一条视频要几分钟。", True),
        ("Vidu Q1 vs Pika\nGeneration Speed 2-5 min 3-10 min", True),  # a row labelled speed
    ],
)
def test_minutes_and_hours_are_a_generation_time_only_where_the_text_says_so(text: str, speed: bool) -> None:
    assert any(c.kind == "speed" for c in claims_of(text)) is speed


def test_a_grant_of_credits_told_with_gei_is_no_price() -> None:
    assert prices_of("Hailuo 02 的活动：只要刷新页面，就给50积分。") == []


def test_three_amounts_run_together_under_no_model_are_nobodys() -> None:
    text = "Sora 2 leads.\n\nCost per clip~$0.50$0.10-0.50$0.10-0.30\n"
    assert prices_of(text) == []


def test_a_gift_of_credits_told_again_is_still_no_price() -> None:
    text = "Vidu Q1 每天登录送30积分，今天出了个bug，刷新一次又加30积分，一条视频消耗10积分。"
    assert [p[1] for p in prices_of(text)] == [10.0]


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("Vidu Q1 上线了。我就花了大概两个小时，跑了20个case。", False),  # the reviewer's own effort
        ("Vidu Q1 上线了。生成花了3分钟，跑了两次都一样。", True),
    ],
)
def test_hours_spent_running_cases_are_the_reviewers_not_the_models(text: str, speed: bool) -> None:
    assert any(c.kind == "speed" for c in claims_of(text)) is speed


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Vidu 1.5来了。\n\n你确定只升级了0.1版本？动作非常流畅。", "Vidu 1.5"),  # a step, not Vidu 0.1
        ("Vidu 1.5来了。\n\n虽然只是0.5个版本的更新，动作非常流畅。", "Vidu 1.5"),
        ("Vidu这次更新了2.0版本，动作非常流畅。", "Vidu 2.0"),  # a release named by its number
    ],
)
def test_how_far_a_version_moved_is_no_version(text: str, model: str) -> None:
    assert [c.model for c in scored(claims_of(text))] == [model]


def test_rows_under_a_header_of_model_names_run_together_are_nobodys() -> None:
    text = (
        "Hailuo 02 is the one we use most.\n\n"
        "FeatureLumaPika\n"
        "Motion qualitySmoothWarping and flickeringGood\n"
        "Cost per clip$0.40$0.20\n\n"
        "Hailuo 02 costs $0.27 per 6-second clip.\n"
    )
    assert [
        (c.kind, c.model) for c in scored(claims_of(text)) if c.kind != "strength" or c.model != "Hailuo 02"
    ] == [("price", "Hailuo 02")]
