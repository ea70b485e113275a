"""Cases from session 31's reading of real pages: a markdown table a page ran into one line, a sum
that names no amount (几块钱), a further clip length in a long run of prices, lengths of shots and
scenes, licences named like models, access kept to a few and credits that lapse, "a few minutes" of
waiting, a letter version said without its brand, and the price of a batch of images."""

from __future__ import annotations

import pytest

from ingest.extract.normalize import unfold_tables
from tests.extract_helpers import claims_of, prices_of


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in claims_of(text, title=title)]


def _speeds(text: str) -> list[tuple[float | None, float | None, float | None]]:
    return [
        (c.generation_s, c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"
    ]


# ----- a table run into one line ------------------------------------------------------------------

_ONE_LINE = (
    "几款模型对比 | 模型 | 单条价格 | 分辨率 | 生成耗时 | |---|---|---|---| "
    "| Hailuo 02 | $0.45 | 768p | 70秒 | | Runway Gen-4 | $1.20 | 1080p | 3分钟 | 以上为实测。"
)


def test_unfold_tables_puts_each_row_on_its_own_line_and_keeps_length() -> None:
    out = unfold_tables(_ONE_LINE)
    assert len(out) == len(_ONE_LINE)
    lines = out.split("\n")
    assert lines[0] == "几款模型对比"
    assert lines[1].startswith("| 模型 |") and lines[2].startswith("|---|")
    assert lines[3] == "| Hailuo 02 | $0.45 | 768p | 70秒 |"
    assert lines[4] == "| Runway Gen-4 | $1.20 | 1080p | 3分钟 |"
    assert lines[5] == "以上为实测。"


@pytest.mark.parametrize(
    "text",
    [
        "| 模型 | 价格 |\n|---|---|\n| 可灵 | 20 |",  # a table on lines already
        "可灵 | 即梦 | 海螺 都不错",  # pipes, no separator
        "| 模型 | 价格 | |---|---|---| | 可灵 | 20 |",  # a separator of more cells than the header has
    ],
)
def test_unfold_tables_leaves_other_text_alone(text: str) -> None:
    assert unfold_tables(text) == text


def test_an_empty_cell_stays_a_cell_when_a_table_is_unfolded() -> None:
    text = "对比 | 模型 | 价格 | 备注 | |---|---|---| | 可灵 | | 慢 | | 海螺 | 25积分 | 快 |"
    lines = unfold_tables(text).split("\n")
    assert lines[3:] == ["| 可灵 | | 慢 |", "| 海螺 | 25积分 | 快 |"]


def test_a_table_run_into_one_line_is_read_row_by_row() -> None:
    claims = claims_of(_ONE_LINE)
    prices = {(c.model, c.price_usd) for c in claims if c.kind == "price"}
    assert ("Hailuo 02", 0.45) in prices and ("Runway Gen-4", 1.2) in prices
    speeds = {(c.model, c.generation_s) for c in claims if c.kind == "speed"}
    assert ("Hailuo 02", 70.0) in speeds and ("Runway Gen-4", 180.0) in speeds


# ----- prices -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "用可灵做一条5秒的视频，一次得花好几块钱。",
        "海螺每条要十几积分，具体看模式。",
        "A Runway clip costs a few dollars each time.",
        "Each Pika generation runs several dollars.",
    ],
)
def test_a_sum_that_names_no_amount_is_no_price(text: str) -> None:
    assert prices_of(text) == []


def test_a_stated_amount_next_to_a_vague_one_is_still_a_price() -> None:
    got = prices_of("可灵每条3块钱，海螺一次好几块钱。")
    assert got == [("Kling", None, None, 3.0, None)]


def test_a_further_clip_length_in_a_long_run_of_prices_is_the_model_just_named() -> None:
    text = (
        "Credit costs: Ray2 540p 5 seconds: 80 credits, 9 seconds: 144 credits "
        "Ray2 Flash 540p 5 seconds: 25 credits, 9 seconds: 45 credits "
        "Ray2 720p 5 seconds: 150 credits, 9 seconds: 270 credits "
        "Ray2 Flash 720p 5 seconds: 50 credits, 9 seconds: 90 credits"
    )
    got = {(m, cr, d) for m, cr, _, _, d in prices_of(text)}
    assert ("Luma Ray2 Flash", 45.0, 9.0) in got
    assert ("Luma Ray2 Flash", 90.0, 9.0) in got
    assert ("Luma Ray2", 270.0, 9.0) in got
    assert len(got) == 8


def test_a_run_of_amounts_with_no_model_named_stays_unclear() -> None:
    # no model heads the run: which amount is whose is not said
    text = (
        "Kling 2.1 and Hailuo 02 compared. "
        "Costs: 5 seconds: 20 credits, 10 seconds: 40 credits, 5 seconds: 25 credits"
    )
    assert prices_of(text) == []


def test_the_price_of_a_batch_of_images_is_no_clip_price() -> None:
    text = "Luma Ray2 pricing. Stills are made in batches of four, costing 16 credits per batch."
    assert prices_of(text) == []


# ----- kinds and models ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "With Runway Gen-3 I broke the scene into 4-second shots with slow camera moves, and it worked.",
        "Hailuo 02 handles 6-second scenes with a slow zoom well.",
        "For Veo 3 we planned fast 8-second segments.",
    ],
)
def test_a_length_of_shots_scenes_or_segments_is_no_generation_time(text: str) -> None:
    assert _speeds(text) == []


@pytest.mark.parametrize("licence", ["Apache-2.0", "MIT", "GPL-3.0", "CC-BY-4.0"])
def test_a_licence_is_no_model(licence: str) -> None:
    text = (
        f"Wan 2.2 is released under {licence}.\n\n| 模型 | 协议 |\n|---|---|\n| Wan 2.2 | {licence} |\n\n"
        f"{licence} 协议下 30s 尾帧不崩。"
    )
    assert all(m in (None, "Wan 2.2") for _, m in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "混元视频已上线元宝APP，用户可在AI视频板块申请试用。",
        "Seaweed 目前只在火山引擎小范围邀测。",
        "截至发稿，Sora仍未正式对外开放。",
        "Midjourney的视频功能并未提供免费额度。",
        "Pika is invite-only for now.",
        "Luma Dream Machine: unused credits do not roll over to the next month.",
        "可灵会员的灵感值不可累积，到期清零。",
    ],
)
def test_access_kept_to_a_few_or_credits_that_lapse_are_limitations(text: str) -> None:
    assert "limitation" in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    "text",
    [
        "可灵的生成速度比上一代快了6倍。",  # no access or credits said
        "Pika credits that you buy as a top-up carry over to the next month.",
    ],
)
def test_a_carried_credit_or_a_speed_up_is_no_lapse(text: str) -> None:
    assert "limitation" not in [k for k, _ in _kinds(text)]


def test_a_few_minutes_of_waiting_is_two_to_five_minutes() -> None:
    got = _speeds("海螺点了生成以后，大概几分钟就出来了。")
    assert got == [(None, 120.0, 300.0)]


def test_a_letter_version_alone_is_the_named_brands_listed_edition() -> None:
    text = "快手的可灵本周上新。新系列的o1是统一多模态模型，既可以给它提供参考图，让它根据图片生成视频。"
    models = {m for k, m in _kinds(text) if k == "capability"}
    assert models == {"Kling O1"}


def test_a_bare_o1_is_not_klings_where_openai_is_named() -> None:
    text = "快手的可灵本周上新。OpenAI的o1也能看图，可以根据图片生成视频。"
    assert "Kling O1" not in {m for _, m in _kinds(text)}


# ----- guards found by a fresh reader's review ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vidu 2.0 测评。\n\nQ1：贵不贵？\nA1：一条4秒视频10积分，很便宜。\n\nQ2：快不快？\nA2：30秒出片。",
        "Vidu 2.0 review FAQ.\n\nQ1: How much does it cost?\nA: 10 credits for a 4-second clip.",
        "生数科技 Vidu 2.0 公布业绩：Q3 营收增长，一条4秒视频10积分。",
        "Kling 2.1 review. I wrote the prompts in o1. Each 5-second clip costs 20 credits.",
    ],
)
def test_a_letter_version_not_said_as_a_model_names_none(text: str) -> None:
    models = {m for _, m in _kinds(text)}
    assert not models & {"Vidu Q1", "Vidu Q2", "Vidu Q3", "Kling O1"}
    assert models  # the page's model keeps its claims


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 5 seconds: 35 credits, while other tools charge 10 seconds: 100 credits.",
        "可灵 2.1 5秒35灵感值，某些竞品10秒要100积分。",
    ],
)
def test_a_further_length_said_of_someone_else_is_not_carried(text: str) -> None:
    assert [p[1] for p in prices_of(text)] == [35.0]


def test_a_row_of_placeholders_in_a_table_on_lines_is_left_alone() -> None:
    text = (
        "| Model | 720p 5s | 1080p 5s | 4K 5s | 4K 10s | 1080p 10s |\n"
        "|---|---|---|---|---|---|\n"
        "| Hailuo 02 | $0.28 | | -- | -- | $0.56 |\n"
    )
    assert unfold_tables(text) == text
    assert (0.56, 10.0) in {(c.price_usd, c.duration_s) for c in claims_of(text) if c.kind == "price"}


def test_a_one_line_table_with_an_escaped_pipe_is_left_alone() -> None:
    text = (
        "价格对比 | Model | 5s | 10s | |---|---|---| "
        "| Kling 2.1 \\| 快手 | $0.90 | $1.80 | | Hailuo 02 | $0.45 | $0.90 | end"
    )
    assert unfold_tables(text) == text


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Veo 3 took 2 minutes per scene.", 120.0),
        ("Kling 2.1 needs 3 minutes a scene.", 180.0),
        ("Hailuo 02 took about 2 minutes per segment.", 120.0),
    ],
)
def test_minutes_per_scene_are_a_generation_time(text: str, seconds: float) -> None:
    assert [s[0] for s in _speeds(text)] == [seconds]


@pytest.mark.parametrize(
    "text",
    [
        "可灵 2.1 的灵感值不会当月清零，买的灵感值两年内有效。",
        "海螺 02 赠送的积分不会在月底清零。",
        "海螺 02 申请试用后体验了一周，画质很稳。",
        "我提交了 Vidu Q1 的内测申请，第二天就通过了。",
    ],
)
def test_credits_that_stay_or_a_trial_already_had_are_no_limitation(text: str) -> None:
    assert "limitation" not in [k for k, _ in _kinds(text)]


# ----- v168: reseller and API pricing pages ---------------------------------------------------------


def test_a_word_of_instruction_before_model_is_no_model_name() -> None:
    text = (
        "PixVerse V5 API.\n\nSee model capabilities for feature differences. Choose model settings below.\n\n"
        "| Video | Credits |\n|---|---|\n| 5s 720p | 35 |\n"
    )
    models = {m for _, m in _kinds(text)}
    assert not models & {"See", "Choose"}
    assert ("PixVerse V5", 35.0) in {(c.model, c.credits) for c in claims_of(text) if c.kind == "price"}


def test_a_line_headed_by_a_version_alone_scopes_the_table_under_it() -> None:
    text = (
        "PixVerse API\n\nWe support v6, v5.5 and v5.\n\n"
        "v6 — default model for create and extend. Duration 1-15s.\n"
        "| Video | Credits |\n|---|---|\n| 10s 720p | 70 |\n| 10s 1080p | 140 |\n\n"
        "v5 — used by lipsync.\n"
        "| Video | Credits |\n|---|---|\n| 8s 1080p | 120 |\n"
    )
    got = {(c.model, c.credits) for c in claims_of(text) if c.kind == "price"}
    assert got == {("PixVerse V6", 70.0), ("PixVerse V6", 140.0), ("PixVerse V5", 120.0)}


def test_a_version_in_running_text_after_a_dash_is_no_heading() -> None:
    # not at a line's start: no scope is opened
    text = "PixVerse V5 costs 35 credits for 5 seconds. The older one - v4 - was cheaper."
    assert {m for _, m in _kinds(text)} <= {"PixVerse V5", "PixVerse V4"}
    assert ("PixVerse V5", 35.0) in {(c.model, c.credits) for c in claims_of(text) if c.kind == "price"}


def test_a_reading_time_after_a_colon_is_no_generation_time() -> None:
    assert _speeds("Seedance 2.0 Fast 计费指南\n  • 预计阅读耗时:10分钟。") == []
    assert _speeds("Kling 2.1 tutorial. Estimated reading time: 8 minutes.") == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Quick read: Kling 2.1 takes 90 seconds per clip.", 90.0),
        ("适合快速阅读：可灵2.1生成只要2分钟。", 120.0),
    ],
)
def test_a_reading_word_not_labelling_the_time_keeps_the_speed(text: str, seconds: float) -> None:
    assert [s[0] or s[1] for s in _speeds(text)] == [seconds]


@pytest.mark.parametrize(
    "text",
    [
        "PixVerse review\n\nPixVerse costs 30 credits per 5s clip at 720p. "
        "It renders a clip in 40 seconds.\n\n"
        "Changelog\n- v1: first draft\n- v2: fixed typos\n",
        "Kling 2.1 prompt test\n\nv1 — first attempt, the hand was broken.\nv2 — added natural hands.\n"
        "Each 5s clip costs 35 credits and takes 40 seconds.\n",
    ],
)
def test_a_version_line_over_no_table_names_no_model(text: str) -> None:
    models = {m for _, m in _kinds(text)}
    assert not models & {"PixVerse V1", "PixVerse V2", "Kling 1.0", "Kling 2.0 Master", "Kling 2.0"}
    assert any(c.kind == "price" for c in claims_of(text))


# ----- v169: a price's add-on, a pair of prices set against each other --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kling 3.0 with audio: $0.126/s. Voice control adds another $0.028/s on top.",
        "Kling 3.0 with audio: $0.126/s. The voice surcharge is $0.028/s.",
        "可灵3.0开音频每秒0.9元，开启音色控制另加0.2元/秒。",
    ],
)
def test_an_add_on_to_a_price_is_no_price(text: str) -> None:
    got = [p[2] or p[3] for p in prices_of(text)]
    assert got and all(v not in (0.028, 0.2) for v in got)


def test_a_pair_of_prices_set_against_a_yardstick_is_split_between_them() -> None:
    text = (
        '---\ntitle: "Luma Ray 2 Flash"\n---\n\nLuma Ray 2 Flash costs $0.300/clip.\n\n'
        "50% cheaper than standard Ray 2 (~$0.25 vs $0.50 at 540p)\n\n"
        "At approximately $0.25 per generation at 540p, it provides significant savings "
        "over standard Ray 2.\n"
    )
    got = {(c.model, c.price_usd) for c in claims_of(text) if c.kind == "price"}
    assert got == {("Luma Ray2 Flash", 0.3), ("Luma Ray2 Flash", 0.25), ("Luma Ray2", 0.5)}


@pytest.mark.parametrize(
    "text",
    [
        "Cheaper than Veo 3, Sora 2 costs $0.10/s at 720p vs $0.30/s at 1080p.",
        "Compared to Veo 3, Sora 2 Pro costs $0.30 vs $0.50 per second (720p vs 1024p).",
    ],
)
def test_two_sums_of_the_subject_set_against_each_other_are_not_the_yardsticks(text: str) -> None:
    assert all(not (m or "").startswith("Veo") for m, *_ in prices_of(text))


def test_adds_meaning_launches_keeps_the_price() -> None:
    assert [p[2] for p in prices_of("Kling 2.5 Turbo adds $0.35 5-second clips in 1080p.")] == [0.35]
