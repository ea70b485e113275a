"""Cases from session 30's reading of real pages: questions in a FAQ, caps and minimums said with
"is", a length of a sequence, tables flattened into lines (a bare price column, rows of a clip length
and its time), what a price depends on or buys, flaws of past models as a group, a flaw said right
after the feature it spoils, a reader's saving, and praise said without stock words."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in claims_of(text, title=title)]


def _speeds(text: str) -> list[tuple[float | None, float | None, float | None]]:
    return [
        (c.generation_s, c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"
    ]


def test_a_question_in_a_faq_offers_no_feature() -> None:
    text = (
        "Pika FAQ\n\nCan I make a 30-second video with Pika in one go?\n\n"
        "No. Pika makes 10-second clips at most.\n"
    )
    got = [c for c in claims_of(text) if c.kind in ("capability", "limitation")]
    assert [c.quote for c in got if "one go" in c.quote] == []
    assert got  # the answer still states the cap


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("For Luma Ray2, the limit for one clip is 9 seconds.", "limitation"),
        ("The minimum clip length on Runway Gen-4 is 5 seconds.", "limitation"),
        ("Pika's maximum single-run generation is 10 seconds.", "capability"),
        ("Runway Aleph has a 30-second hard cap on its input.", "limitation"),
    ],
)
def test_a_cap_or_minimum_said_with_is_is_a_length_not_a_generation_time(text: str, kind: str) -> None:
    got = _kinds(text)
    assert all(k != "speed" for k, _ in got)
    assert kind in [k for k, _ in got]


def test_a_bound_on_waiting_said_with_is_stays_a_generation_time() -> None:
    got = _speeds("For Kling 2.1, the maximum wait time is 8 minutes.")
    assert len(got) == 1 and 480.0 in got[0]


def test_a_sequence_of_minutes_is_a_length() -> None:
    text = "With Vidu, people have made sequences of 3-4 minutes from many short clips."
    assert _speeds(text) == []


def test_a_digit_after_a_time_unit_starts_the_next_amount() -> None:
    # a flattened table ran "40 seconds" into "3-5 minutes": two amounts, not 40 s and 5 min
    text = (
        "Hailuo 02 wait times\n\nClip LengthAverage Generation Time\n"
        "6 seconds40-60 seconds\n10 seconds3-5 minutes\n"
    )
    assert _speeds(text) == [(None, 40.0, 60.0), (None, 180.0, 300.0)]


def test_money_tenths_after_kuai_are_still_read() -> None:
    assert prices_of("可灵2.1标准模式一条5秒视频3块5。") == [("Kling 2.1", None, None, 3.5, 5.0)]


def test_a_flattened_header_with_a_bare_price_column_prices_each_row() -> None:
    text = (
        "## 可用模型\n\n"
        "模型价格说明耗时\n"
        "kling-v2-6$0.35标准画质2-4分钟\n"
        "kling-v2-1-master$1.20最高画质5-9分钟\n"
    )
    assert prices_of(text) == [
        ("Kling 2.6", None, 0.35, None, None),
        ("Kling 2.1 Master", None, 1.2, None, None),
    ]


def test_a_flattened_header_with_two_price_columns_is_not_read_as_one() -> None:
    # two bare price words: which amount is which column's is not said
    text = "模型价格会员价格耗时\nkling-v2-6$0.35$0.30两分钟\nkling-v2-1-master$1.20$1.00五分钟\n"
    assert prices_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 的价格按分辨率区分：480p、720p、1080p。",
        "Pricing for Veo 3.1 varies by resolution: 720p and 1080p.",
    ],
)
def test_what_a_price_depends_on_names_no_feature(text: str) -> None:
    assert [k for k, _ in _kinds(text) if k in ("capability", "limitation")] == []


def test_a_note_under_a_price_line_is_what_the_price_buys() -> None:
    text = (
        "Wan 2.6 API\n\nBasic\n$0.08 /秒\n- 720p - with native audio\n"
        "Plus\n$0.12 /秒\n- 1080p - without audio\n"
    )
    got = claims_of(text)
    assert [c.kind for c in got if c.kind in ("capability", "limitation")] == []
    assert sorted(c.price_usd or 0.0 for c in got if c.kind == "price") == [0.08, 0.12]


def test_a_feature_spoiled_right_after_it_is_the_flaw_not_the_feature() -> None:
    got = _kinds("Wan 2.6 生成的视频里，口型与声音不同步，而且人物表情僵硬。")
    assert ("bug", "Wan 2.6") in got
    assert [k for k, _ in got if k == "capability"] == []


def test_a_feature_and_a_flaw_in_separate_clauses_are_both_kept() -> None:
    got = _kinds("Veo 3 支持原生音频，但是偶尔会不同步。")
    assert ("capability", "Veo 3") in got and ("bug", "Veo 3") in got


def test_a_list_under_a_lead_about_past_models_is_no_ones() -> None:
    text = (
        "# Kling 3.0 测评\n\n"
        "回看过去两年的 AI 视频产品，你会发现它们的毛病差不多：\n\n"
        "手指经常粘连\n"
        "画面闪烁严重\n\n"
        "Kling 3.0 的手指很自然。\n"
    )
    got = _kinds(text)
    assert ("strength", "Kling 3.0") in got
    assert [k for k, _ in got if k == "bug"] == []


def test_a_list_under_a_lead_naming_a_model_is_still_read() -> None:
    text = "# 测评\n\n可灵 3.0 的毛病：\n\n- 手指经常粘连\n- 画面闪烁严重\n"
    assert [m for k, m in _kinds(text) if k == "bug"]


def test_flaws_of_past_models_as_a_group_are_no_ones() -> None:
    text = "Sora 2 发布了。以往的模型常常出现物体凭空消失的问题，官方说这次改善很多。"
    assert [k for k, _ in _kinds(text) if k == "bug"] == []


@pytest.mark.parametrize(
    "text",
    [
        "我的建议是先用 Hailuo 02 打样，这样可以节省 60% 的成本。",
        "Test your prompts on Kling 2.1 first and you can save 70% on credits.",
    ],
)
def test_a_saving_a_reader_makes_is_no_price_change(text: str) -> None:
    assert [k for k, _ in _kinds(text) if k == "price_change"] == []


def test_a_price_cut_is_still_a_price_change() -> None:
    got = [c for c in claims_of("Hailuo 02 今天降价，价格降低了 30%。") if c.kind == "price_change"]
    assert [(c.model, c.percent) for c in got] == [("Hailuo 02", 30.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.6 is their sharpest version yet.",
        "Honestly, Veo 3.1's physics are insane.",
        "Luma Ray2 Flash keeps costs down for quick drafts.",
        "What really sets Seedance 2.0 apart is its multi-shot control.",
    ],
)
def test_praise_without_stock_words(text: str) -> None:
    assert "strength" in [k for k, _ in _kinds(text)]


def test_set_apart_from_a_rival_is_no_praise_of_the_rival() -> None:
    assert ("strength", "Sora 2") not in _kinds("What sets it apart from Sora 2 is the price.")


# ----- what the review of the first cut found ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 这次发布了不少新东西。\n\n与其他模型相比，它的优势在于：\n\n"
        "- 运镜非常流畅\n- 人物一致性很强\n",
        "Veo 3.1 review\n\nCompared to other models, here is what it gets right:\n\n"
        "- Motion is incredibly smooth\n",
        "Kling 3.0 测评\n\n和其他模型一样，它也有这些毛病：\n\n- 手指偶尔变形\n- 文字会乱码\n",
    ],
)
def test_a_lead_setting_the_model_against_a_group_keeps_its_list(text: str) -> None:
    assert [k for k, _ in _kinds(text) if k in ("strength", "bug")]


def test_a_list_about_past_models_ends_at_its_blank_line() -> None:
    text = (
        "# Hailuo 02 测评\n\n"
        "回顾过去几年的 AI 视频产品，会发现它们的问题很像：\n\n"
        "手指经常粘连\n画面闪烁严重\n\n"
        "但这一代完全不同\n画面非常稳定\n动作特别流畅\n"
    )
    assert ("strength", "Hailuo 02") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Even at max resolution the generation speed of Kling 2.1 is 3 minutes per clip.",
        "The first Kling 2.1 render took 3 min and the retry was 90 seconds.",
    ],
)
def test_a_time_taken_near_max_or_min_stays_a_generation_time(text: str) -> None:
    got = _kinds(text)
    assert ("speed", "Kling 2.1") in got
    assert [k for k, _ in got if k in ("capability", "limitation")] == []


def test_a_cooldown_or_an_interval_is_no_clip_length() -> None:
    text = "For Luma Ray 2 the minimum interval between generations is 30 seconds."
    assert [k for k, _ in _kinds(text) if k in ("capability", "limitation")] == []


def test_a_score_line_is_no_price_line() -> None:
    got = _kinds("Veo 3.1 review\n\n9/10\nVeo 3.1 supports native audio and 1080p output.\n")
    assert [k for k, _ in got].count("capability") == 2


def test_an_offer_in_a_bullet_under_a_price_is_still_an_offer() -> None:
    text = "Veo 3.1 API\n\n$0.10 /秒\n- 720p - with native audio\n- Supports first and last frame control\n"
    quotes = [c.quote for c in claims_of(text) if c.kind == "capability"]
    assert quotes == ["Supports first and last frame control"]


@pytest.mark.parametrize(
    "text",
    [
        "计费按秒进行，Kling 3.0 支持首尾帧和原生音频。",
        "Pricing is based on credits, and Kling 3.0 supports lip sync and 4K output.",
    ],
)
def test_what_a_model_offers_after_a_pricing_clause_still_stands(text: str) -> None:
    assert [k for k, _ in _kinds(text)].count("capability") == 2


@pytest.mark.parametrize(
    "header",
    ["Model Monthly Price Best For", "模型 每月价格 适合人群", "Model Price Credits Included Notes"],
)
def test_a_flattened_plan_table_gives_no_clip_prices(header: str) -> None:
    text = f"# Plans\n\n{header}\nKling 2.1 $10 cinematic shots\nRunway Gen-4 $15 editing\n"
    assert prices_of(text) == []


def test_a_saving_told_with_a_price_cut_is_the_cut() -> None:
    got = [
        c for c in claims_of("Kling 3.0 官方宣布全面降价，用户可节省40%的费用。") if c.kind == "price_change"
    ]
    assert [(c.model, c.percent) for c in got] == [("Kling 3.0", 40.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Runway Gen-4's pricing is insane: $0.50 per second adds up fast.",
        "The queue times on Runway Gen-4 are insane, I waited an hour.",
        "Nothing really sets Pika 2.2 apart.",
    ],
)
def test_insane_prices_and_queues_and_nothing_setting_it_apart_are_no_praise(text: str) -> None:
    assert "strength" not in [k for k, _ in _kinds(text)]


def test_set_apart_from_rivals_is_praise() -> None:
    text = "What really sets Runway Gen-4 apart from rivals is its camera control."
    assert ("strength", "Runway Gen-4") in _kinds(text)


def test_a_flaw_after_a_contrast_spoils_no_feature() -> None:
    got = _kinds("Kling 3.0 支持4K输出但画面偶尔模糊。")
    assert ("capability", "Kling 3.0") in got and ("bug", "Kling 3.0") in got


def test_a_question_clause_after_a_statement_keeps_the_statement() -> None:
    assert ("capability", "Sora 2") in _kinds("Sora 2 supports 1080p, and what about 4K?")
