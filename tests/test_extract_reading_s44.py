"""Session 44: fixes found by reading the misses of real reviews (each case written for its
mechanism, never copied from a set)."""

from __future__ import annotations

from tests.extract_helpers import claims_of, scored
from tests.extract_helpers import quoted_of as _of
from tests.extract_helpers import speeds_of as _speeds

# ----- a time followed by the making it buys -----


def test_seconds_to_generate_is_a_time_taken() -> None:
    assert _speeds("Hailuo 02 needs only 45 seconds to generate a clip.") == [("Hailuo 02", 45.0)]


def test_only_seconds_to_render_is_no_length_limit() -> None:
    text = "Wan 2.2: only 25s to render 81 frames on one card."
    assert _speeds(text) == [("Wan 2.2", 25.0)]
    assert all("25s" not in q for _, q in _of(text, "limitation"))


def test_a_length_chosen_to_generate_is_no_time_taken() -> None:
    assert _speeds("Sora 2 lets you select 15 seconds to generate a story.") == []
    assert _speeds("Veo 3.1 lets you pick 4, 6 or 8 seconds to generate.") == []


def test_a_made_clip_then_only_so_long_is_a_time_taken() -> None:
    assert _speeds("海螺02生成一段视频只需45秒。") == [("Hailuo 02", 45.0)]
    assert _speeds("可灵2.1生成1080p视频只要50秒。") == [("Kling 2.1", 50.0)]


def test_the_extra_length_an_option_adds_is_no_time_taken() -> None:
    assert _speeds("Vidu Q2 的会员能生成更长的视频。千万别小看这多出来的 4 秒！") == []
    assert _speeds("Kling 2.1 gives you an extra 5 seconds per clip.") == []


# ----- a column headed by a bound alone -----


def test_a_max_column_of_times_is_each_rows_longest_clip() -> None:
    text = (
        "| Model | $/sec | Default | Max |\n| --- | --- | --- | --- |\n"
        "| Vidu Q2 | $0.05 | 4s | 8s |\n| Hailuo 02 | $0.045 | 6s | 10s |"
    )
    got = _of(text, "capability")
    assert ("Vidu Q2", "Vidu Q2 | $0.05 | 4s | 8s") in got
    assert ("Hailuo 02", "Hailuo 02 | $0.045 | 6s | 10s") in got


def test_a_max_column_beside_min_and_mean_is_measured_times() -> None:
    text = (
        "| Model | Min | Avg | Max |\n| --- | --- | --- | --- |\n"
        "| Vidu Q2 | 30s | 45s | 80s |\n| Hailuo 02 | 50s | 70s | 110s |"
    )
    assert _of(text, "capability") == []


# ----- the first model of a line, named with what it was -----


def test_the_first_generation_tool_is_the_bare_brand() -> None:
    text = (
        "这篇测 Veo 3.1。\n\n早在2024年，谷歌发布了第一代AI视频模型 Veo，但人物的手经常扭曲变形。"
        "Veo 3.1 的手部稳定多了。"
    )
    assert [m for m, _ in _of(text, "bug")] == ["Veo"]


def test_the_original_video_model_is_the_bare_brand_in_english() -> None:
    text = (
        "This post reviews Kling 2.6. "
        "Kuaishou's original video model Kling often produced warped hands in fast motion."
    )
    assert [m for m, _ in _of(text, "bug")] == ["Kling"]


def test_the_earlier_model_said_with_what_it_is_stays_a_yardstick() -> None:
    text = "这篇测可灵2.6。和第一代模型可灵相比，手部稳定多了。"
    got = [(c.model, c.versus) for c in scored(claims_of(text)) if c.kind == "strength"]
    assert got == [("Kling 2.6", "Kling")]


def test_a_first_generation_tool_spoken_of_now_is_the_documents_model() -> None:
    text = "这篇测可灵2.6。作为国内第一代AI视频生成工具可灵，现在的运镜已经非常稳定，但手部还是会变形。"
    assert [m for m, _ in _of(text, "bug")] == ["Kling 2.6"]


# ----- a yardstick described by its maker and an adjective -----


def test_a_model_built_on_a_described_predecessor_keeps_the_credit() -> None:
    text = (
        "Kling 2.6 builds on Kuaishou’s foundational Kling 2.1 model, "
        "adding steadier camera motion and native audio."
    )
    assert {m for m, _ in _of(text, "capability")} == {"Kling 2.6"}


# ----- an edition sold as its own line keeps it under a tier -----


def test_an_omni_id_priced_in_a_mode_stays_the_omni_model() -> None:
    text = (
        "| 模型 | 计费说明 |\n| --- | --- |\n"
        "| kling-v3-omni | 标准(std) x无声：0.6元/秒，高品质(pro) x无声：0.8元/秒 |"
    )
    got = [(c.model, c.tier, c.price_cny) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("Kling 3.0 Omni", "standard", 0.6), ("Kling 3.0 Omni", "high-quality", 0.8)]


def test_a_master_model_priced_in_another_tier_is_unchanged() -> None:
    got = [
        (c.model, c.credits) for c in scored(claims_of("可灵2.1大师版 每条100灵感值")) if c.kind == "price"
    ]
    assert got == [("Kling 2.1 Master", 100.0)]


# ----- prices the text withdraws -----


def test_prices_under_a_heading_calling_them_wrong_are_no_prices() -> None:
    text = (
        "## Hailuo 02 定价更正\n\n### 之前的错误定价\n\n- 6秒 768P: 20 积分\n\n"
        "### 正确定价\n\n- 6秒 768P: 25 积分"
    )
    got = [(c.model, c.credits) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("Hailuo 02", 25.0)]


def test_prices_under_an_outdated_heading_in_english() -> None:
    text = "## Vidu Q2 pricing (outdated)\n\n- 4 s clip: $0.20\n\n## Vidu Q2 pricing\n\n- 4 s clip: $0.16"
    got = [(c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("Vidu Q2", 0.16)]


# ----- a field list of costs and times per clip length -----


def test_a_time_field_gives_each_clip_its_time() -> None:
    text = (
        "### Hailuo 02\n- **Cost**: 120 credits (6s), 230 credits (10s)\n- **Time**: ~70s (6s), ~115s (10s)"
    )
    assert _speeds(text) == [("Hailuo 02", 70.0), ("Hailuo 02", 115.0)]


def test_a_time_field_with_words_before_the_time_gives_no_speed() -> None:
    assert _speeds("### Sora 2\n- **Time**: free users get 10s (5s on 1080p)") == []
    assert _speeds("### Sora 2\n- **Time**: bug appears at 3s (5s clip), faces warp") == []
    assert _speeds("### Sora 2\n- **Time**: 10s (5s + 5s extension), stitched later") == []


def test_a_time_field_without_a_clip_length_gives_no_speed() -> None:
    text = "### Hailuo 02\n- **Time**: 2024-06, a busy week"
    assert _speeds(text) == []


def test_the_far_end_of_a_credit_span_buys_the_far_end_of_the_lengths() -> None:
    text = "### Vidu Q2\n- **Cost**: 40-150 credits (2-8s)"
    got = [(c.credits, c.duration_s) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [(40.0, 2.0), (150.0, 8.0)]


def test_a_span_of_tiers_keeps_the_length_it_names() -> None:
    text = "Kling 2.1 costs 20-35 credits per clip (5-10s), 20 in standard mode and 35 in pro mode."
    assert all(c.duration_s == 5.0 for c in scored(claims_of(text)) if c.kind == "price")


def test_a_heading_on_mistakes_withdraws_no_price() -> None:
    text = "### 常见错误\n\n很多人不知道，可灵2.1 高品质模式 5秒要 35 灵感值。"
    assert [c.credits for c in scored(claims_of(text)) if c.kind == "price"] == [35.0]
    text = "## Is Runway Gen-4 outdated?\n\nRunway Gen-4 Turbo is 5 credits per second."
    assert [c.credits for c in scored(claims_of(text)) if c.kind == "price"] == [5.0]


def test_than_usual_then_another_makers_model_is_no_yardstick() -> None:
    text = "Kling 2.1 rendered slower than usual and Google's Veo 3 produced flawless audio."
    assert all(c.versus is None for c in scored(claims_of(text)))


def test_frontier_before_model_is_no_model_name() -> None:
    text = "### Veo 3.1\n- **Features**: Frontier model with audio + reference images\n- **Time**: ~130s (8s)"
    rows = scored(claims_of(text))
    assert {c.model for c in rows if c.kind in ("capability", "speed")} == {"Veo 3.1"}


# ----- verdicts in plain English -----


def test_does_not_perform_well_is_a_limitation() -> None:
    text = "Vidu Q2 is tuned for live action, so it does not perform well with cartoon styles."
    assert [m for m, _ in _of(text, "limitation")] == ["Vidu Q2"]
    assert _of(text, "strength") == []


def test_ignoring_what_was_asked_is_a_bug() -> None:
    text = "Hailuo 02 ignored my clearly written description of the scene."
    assert [m for m, _ in _of(text, "bug")] == ["Hailuo 02"]
