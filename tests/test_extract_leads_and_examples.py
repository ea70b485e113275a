"""A lead line ending on a colon after a word of gain or fault gives each list line below it as a
point; an example clause (例如…) belongs to the point before it; a yardstick before 分庭抗礼 keeps its
version; two flaws a reader noticed (注意到…，…) stay two claims."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in claims_of(text)]


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("可灵 2.0 的优点：\n- 动态质量\n- 画面美学\n", "strength", "Kling 2.0 Master"),
        ("可灵 2.0 相比 1.6，在以下方面显著提升：\n- 动态质量\n- 画面美学\n", "strength", "Kling 2.0 Master"),
        (
            "Kling 2.0 improves on 1.6 in these areas:\n- motion quality\n- prompt adherence\n",
            "strength",
            "Kling 2.0 Master",
        ),
        ("可灵 2.0 有待提升的地方：\n- 手部细节\n- 文字生成\n", "bug", "Kling 2.0 Master"),
    ],
)
def test_list_lines_under_a_lead_of_gain_or_fault_are_its_points(text: str, kind: str, model: str) -> None:
    got = _kinds(text)
    assert [(k, m) for k, m, _ in got] == [(kind, model), (kind, model)]
    assert not any(q.endswith(("：", ":")) or "以下" in q or "areas" in q for _, _, q in got)


def test_a_lead_of_steps_gives_no_points() -> None:
    assert claims_of("可灵 2.0 的使用步骤：\n- 打开官网\n- 输入提示词\n") == []


def test_an_example_of_an_absent_flaw_is_part_of_the_praise() -> None:
    assert [c.kind for c in claims_of("Seedance 2.0 不会出现低级错误，例如六根手指。")] == ["strength"]


def test_a_yardstick_before_fen_ting_kang_li_keeps_its_version() -> None:
    got = claims_of("字节的Seedance 2.0。笔者认为其在视觉稳定度上已足以与Sora 2分庭抗礼。")
    assert [(c.kind, c.model, c.versus) for c in got] == [("strength", "Seedance 2.0", "Sora 2")]


@pytest.mark.parametrize(
    ("text", "model"),
    [("Sora 2分镜能力很强。", "Sora 2"), ("Kling 2分钟就能出片。", "Kling")],
)
def test_fen_after_a_version_is_a_unit_only_as_a_unit(text: str, model: str) -> None:
    assert {c.model for c in claims_of(text)} == {model}


def test_two_flaws_a_reader_noticed_stay_two_claims() -> None:
    text = "可灵AI的短剧。部分观众注意到主角在特写镜头中表情略显僵硬,群体场景里偶尔出现五官错位。"
    assert [c.kind for c in claims_of(text)] == ["bug", "bug"]


def test_the_core_of_the_problem_is_a_lead_in_not_a_flaw() -> None:
    assert [c.quote for c in claims_of("Sora 2 的问题核心在于：它太贵了。") if c.kind == "bug"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 Fast 的端到端延迟大约是完整 Pro 的一半。",
        "可灵2.1的速度比Veo 3快三倍。",
        "Kling 2.1 generates twice as fast as Veo 3.",
        "Kling 2.1 is 3 times as fast as Veo 3.",
    ],
)
def test_faster_by_a_factor_is_praise(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["strength"]


def test_half_the_price_is_no_speed_praise() -> None:
    assert [c for c in claims_of("可灵2.1的价格是Veo 3的一半。") if c.kind == "strength"] == []


def test_a_json_body_an_api_guide_shows_is_no_one_s_words() -> None:
    text = (
        'Kling 2.1 很稳。\n{ "prompt": "一只猫从沙发上跳下来,慢动作", "resolution": "720p" }\n'
        '"duration": 5,\n'
    )
    assert [(c.kind, c.quote) for c in claims_of(text)] == [("strength", "Kling 2.1 很稳")]


def test_an_error_a_response_shows_is_still_read() -> None:
    text = (
        'Sora 2 said:\n{"code" => "moderation_blocked", '
        '"message" => "Your request was blocked by our moderation."}'
    )
    assert {c.kind for c in claims_of(text)} == {"limitation"}


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 避免了过去模型常犯的低级错误，例如六根手指。",
        "Seedance 2.0 avoids the usual glitches, such as extra fingers.",
        "Seedance 2.0 avoided the flicker.",
    ],
)
def test_a_flaw_avoided_is_praise(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["strength"]


def test_advice_to_avoid_a_flaw_is_no_claim() -> None:
    assert claims_of("To avoid flicker, keep prompts short in Kling 2.1.") == []


@pytest.mark.parametrize(
    "text",
    [
        "字节的Seedance 2.0。笔者认为其在视觉稳定度上已足以与OpenAI的Sora2或Google的Veo3分庭抗礼。",
        "Seedance 2.0与Sora 2、Veo 3不相上下。",
    ],
)
def test_every_model_of_a_compared_list_is_a_yardstick(text: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", "Seedance 2.0")]


def test_a_list_that_is_the_subject_keeps_every_model() -> None:
    got = claims_of("可灵2.1、海螺02和Vidu Q1都很好。")
    assert [c.model for c in got] == ["Kling 2.1", "Hailuo 02", "Vidu Q1"]


def test_a_resolution_reached_is_a_capability() -> None:
    got = claims_of("Seedance 2.0 画质达2K分辨率。")
    assert [(c.kind, c.feature) for c in got] == [("capability", "2K")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Veo 3.1 甚至有些片段生成时完全没有声音。", "bug"),
        ("Sometimes Veo 3 produces no audio at all.", "bug"),
        ("Veo 3.1 不支持音频。", "limitation"),
        ("Veo 3 has no audio.", "limitation"),
    ],
)
def test_a_lack_in_some_clips_only_is_a_glitch(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


def test_challenges_still_faced_are_a_flaw() -> None:
    assert [c.kind for c in claims_of("Veo 3.1 在基本可靠性方面仍面临挑战。")] == ["bug"]
