"""Cases from session 29's reading of real pages: a past model recalled in a time frame, a model's
own name counted as the version a page is about, tables quoted in a blockquote, lengths and
tutorial times that are no generation time, option lists of bare numbers, sentences about the page
itself, prices for hours or worked out for a month, and flaws and praise said without stock words;
then what a fresh reader's review of the first cut found."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def _models(text: str, kind: str, title: str | None = None) -> list[str | None]:
    return [c.model for c in claims_of(text, title=title) if c.kind == kind]


def test_a_model_recalled_in_a_time_frame_does_not_take_the_next_paragraphs() -> None:
    text = (
        "这次测试的是Sora 2。\n\n"
        "当年Sora 1的时候，大家就被它的画面震撼了。\n\n"
        "而且，现在也终于支持原生1080P了。\n"
    )
    assert _models(text, "capability") == ["Sora 2"]


def test_a_model_named_by_its_own_name_sets_the_version_the_page_is_about() -> None:
    # a short line with no model (said like a heading) returns the text to the page's model: the
    # model the page names by its own name (Hailuo 02), not the bare brand
    text = "我测了一下Hailuo 02，动作很流畅。\n\n哥们真铁\n\n海螺也终于支持原生1080P了。\n"
    assert _models(text, "capability") == ["Hailuo 02"]


def test_a_price_grid_quoted_in_a_blockquote_is_read_and_quoted_without_the_marker() -> None:
    text = (
        "> Wan 2.6 的片段价格（无音频）：\n>\n"
        "> | 时长 | 720p | 1080p |\n> | - | - | - |\n"
        "> | 5s | $0.55 | $0.83 |\n> | 10s | $1.10 | $1.65 |\n"
    )
    got = [c for c in claims_of(text) if c.kind == "price"]
    assert sorted((c.price_usd, c.duration_s, c.resolution) for c in got) == [
        (0.55, 5.0, "720p"),
        (0.83, 5.0, "1080p"),
        (1.1, 10.0, "720p"),
        (1.65, 10.0, "1080p"),
    ]
    assert all(not c.quote.startswith(">") for c in got)


def test_a_greater_than_sign_with_no_space_is_no_blockquote() -> None:
    # ">10秒" opening a line is a bound, not a quote marker: the line stays as it is
    text = "可灵2.1的限制：\n>10秒的视频不支持。\n"
    assert [c.quote for c in claims_of(text) if c.quote.startswith(" ")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 适合日均视频调用时长≥10分钟、需要实时出片的内容平台。",
        "Seedance 2.0 价格指南，预计阅读和完成成本估算耗时15分钟。",
        "Seedance 2.0 接入教程。预计完整操作耗时：15分钟",
    ],
)
def test_lengths_and_a_readers_own_time_are_no_generation_time(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "speed"] == []


def test_a_generation_time_is_still_read_after_a_reading_word_far_back() -> None:
    got = [
        c.generation_s
        for c in claims_of("Seedance 2.0 阅读完提示词以后，生成一条视频耗时约2分钟。")
        if c.kind == "speed"
    ]
    assert got == [120.0]


def test_a_list_of_bare_numbers_names_no_features() -> None:
    text = (
        "Kling 3.0 API\n\n- **`duration`**: Video duration in seconds.\n"
        '  - Options: `"3"`, `"4"`, `"5"`, `"10"`\n'
        "- **`aspect_ratio`**: Aspect ratio.\n"
        '  - Options: `"16:9"`, `"9:16"`, `"1:1"`\n'
    )
    features = [c.feature for c in claims_of(text) if c.kind == "capability"]
    assert not any(f and f.strip('`" ').isdigit() for f in features)
    assert "9:16" in features


@pytest.mark.parametrize(
    "text",
    [
        "This guide helps you choose between Wan 2.1 and Hunyuan by the quality you need.",
        "This topic describes the input and output parameters of the Wan 2.1 text-to-video model.",
        "本文将介绍Seedance 2.0 的文生视频能力和画质表现。",
    ],
)
def test_a_sentence_about_the_page_itself_names_no_feature_or_verdict(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))] == []


def test_what_a_sentence_about_the_page_states_after_a_colon_is_still_claimed() -> None:
    got = [(c.kind, c.quote) for c in scored(claims_of("本文将介绍Seedance 2.0的核心能力：支持文生视频。"))]
    assert got == [("capability", "支持文生视频")]


def test_a_price_in_a_sentence_about_the_page_is_still_a_price() -> None:
    assert [(m, cny) for m, _, _, cny, _ in prices_of("本文介绍Seedance 2.0价格：每秒0.5元。")] == [
        ("Seedance 2.0", 0.5)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 Pro can render 4, 8, and 12 seconds.",
        "Sora 2 Pro 可以生成 4、8 和 12 秒。",
    ],
)
def test_three_lengths_or_more_are_no_generation_time(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "speed"] == []


def test_three_times_taken_are_still_times_taken() -> None:
    got = [c for c in claims_of("Sora 2 took 30, 40 and 50 seconds in my three runs.") if c.kind == "speed"]
    assert [c.model for c in got] == ["Sora 2"]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 简直是废片生成器。",
        "用 Sora 2 就像在抽盲盒，好坏全凭运气。",
        "Veo 3 is a gacha game for anyone who needs one clean take.",
        "Veo 3 keeps making stuff up between the lines of dialogue.",
    ],
)
def test_duds_lotteries_and_made_up_content_are_flaws(text: str) -> None:
    assert "bug" in [c.kind for c in claims_of(text)]


def test_what_a_model_grew_out_of_is_no_flaw_of_it() -> None:
    assert [c.kind for c in scored(claims_of("Seedance 2.0：从抽卡游戏到导演引擎"))] == []


def test_a_heading_over_prices_names_no_feature() -> None:
    text = "Kling 2.6 文生视频 API 价格\n按秒计费，每秒 $0.07。\n"
    assert [c.kind for c in scored(claims_of(text))] == ["price"]


def test_what_a_negative_prompt_lists_is_no_flaw() -> None:
    text = '反向提示词是 Pika 1.0 一个独特的功能，输入类似 " 变形、噪点、失真、模糊 " 等提示词，可优化效果。'
    assert [c for c in claims_of(text) if c.kind == "bug"] == []


def test_troubleshooting_names_no_flaw() -> None:
    assert [c.kind for c in scored(claims_of("Vidu Q2 的返回值包含 request_id（用于排查问题）。"))] == []


@pytest.mark.parametrize(
    "text",
    [
        "Runway Gen-3 生成速度非常的快。",
        "海螺 02 的动作稳的一笔。",
        "Kling 2.6 拥有出色的渲染质量。",
        "Wan 2.1 has the strongest all-around quality of the open models.",
        "HunyuanVideo has a higher quality ceiling than Wan 2.1.",
        "Sora 2 has a noticeable edge in prompt adherence.",
        "Kling 2.1 对二次元风格的理解具有统治力。",
    ],
)
def test_praise_without_a_stock_adjective(text: str) -> None:
    assert "strength" in [c.kind for c in claims_of(text)]


# ----- from a fresh reader's review of the first cut ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "本文将介绍可灵2.1，它支持1080P，画面非常稳定。",
        "本文介绍的可灵2.1支持首尾帧。",
        "This document describes the Kling 2.1 API, which supports 1080p and 10-second clips.",
        "This post shows that Kling 2.1 supports first and last frame control.",
    ],
)
def test_a_sentence_about_the_page_that_goes_on_to_state_claims_keeps_them(text: str) -> None:
    assert "capability" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1 生成时长超过10分钟，太慢了。",
        "可灵2.1 等待时长超过5分钟。",
        "海螺02 的生成时长低于1分钟，很快。",
        "My three Sora 2 runs finished in 30, 40 and 50 seconds.",
        "Sora 2 needs 30, 45, or 60 seconds depending on the queue.",
        "Kling 2.1 needs 2, 3, and 5 minutes.",
    ],
)
def test_times_taken_stay_speeds(text: str) -> None:
    assert "speed" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 has no consistency issues across shots.",
        "The gacha days are over with Kling 2.1.",
        "Kling 2.1 turns video generation from a slot machine into a reliable tool.",
        "When the scene cuts, the crowd goes silent, exactly as prompted in Veo 3.",
    ],
)
def test_lottery_and_silence_words_said_of_something_else_are_no_flaws(text: str) -> None:
    assert "bug" not in [c.kind for c in claims_of(text)]


def test_api_ids_named_as_yardsticks_do_not_move_the_page_off_its_version() -> None:
    text = (
        "MiniMax 发布 Hailuo 2.3。它和 T2V-01、I2V-01、I2V-01-Director 相比进步很大。\n\n海螺的画面很稳定。\n"
    )
    assert [c.model for c in claims_of(text) if c.kind == "strength"][-1] == "Hailuo 2.3"


def test_the_titles_version_outweighs_a_list_of_ids() -> None:
    text = (
        "We compare Kling 2.5 Turbo with kling-v2-1, kling-v2-1-master and kling-v2-1-pro.\n\n"
        "Summary\n\nKling supports 1080p.\n"
    )
    got = [
        c.model for c in claims_of(text, title="Kling 2.5 Turbo review") if c.quote == "Kling supports 1080p"
    ]
    assert got == ["Kling 2.5 Turbo"]


def test_a_contest_announced_is_no_verdict() -> None:
    text = "从物理规律等角度出题，让可灵1.6和海螺、即梦同题 PK，看谁遥遥领先。"
    assert [c.kind for c in scored(claims_of(text))] == []


def test_made_fast_said_plainly_is_praise() -> None:
    assert "strength" in [c.kind for c in claims_of("相比之下，PixVerse 的首帧生成极快。")]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("可灵1.5 仅支持高品质模式。", "Kling 1.5"),
        ("Kling 1.6 first-last frame is only available in Pro mode.", "Kling 1.6"),
        ("Pika 要在 Discord 內使用。", "Pika"),
        ("Runway 只能在网页端使用。", "Runway"),
    ],
)
def test_one_mode_or_one_place_only_is_a_limitation(text: str, model: str) -> None:
    assert [(c.kind, c.model) for c in scored(claims_of(text))] == [("limitation", model)]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1 支持标准模式和高品质模式。",
        "可灵2.1 我只用了高品质模式。",
        "我们要在手机上用可灵2.1生成视频，效果很好。",
    ],
)
def test_modes_offered_used_or_wanted_are_no_limitation(text: str) -> None:
    assert "limitation" not in [c.kind for c in claims_of(text)]
