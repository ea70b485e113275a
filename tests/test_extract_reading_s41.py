"""Session 41: fixes found by reading the misses of unseen sets of real reviews (each case written
for its mechanism, never copied from a set)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]


def _of(text: str, kind: str) -> list[tuple[str, str | None, str]]:
    return [c for c in _kinds(text) if c[0] == kind]


# ----- praise said as a rank, a grade or a win -----


@pytest.mark.parametrize(
    "text, model",
    [
        ("横评下来，海螺的性价比最高。", "Hailuo"),
        ("三款里即梦的成功率最高，可灵其次。", "Jimeng"),
        ("Across our runs, Luma wins for camera control.", "Luma"),
        ("在我们的盲测里，Vidu 综合第一。", "Vidu"),
        ("Seedance 的画面已经达到了影视级别。", "Seedance"),
        ("海螺的运镜都非常在线。", "Hailuo"),
        ("可灵的人物一致性会强到非常离谱。", "Kling"),
        ("即梦把出片率从30%提升到了80%以上。", "Jimeng"),
    ],
)
def test_a_rank_grade_or_win_is_praise(text: str, model: str) -> None:
    assert [c[1] for c in _of(text, "strength")] == [model]


@pytest.mark.parametrize(
    "text",
    [
        "海螺的清晰度最高可达1080p。",  # a cap, not a rank
        "Whichever tool wins for you depends on your budget.",
        "即梦的综合第一个问题是排队。",  # the first of a list, not first place
        "Vidu 还没有达到影视级别。",
        "可灵在股市带动了中文在线、欢瑞世纪等股票。",  # a company's name, no verdict
        "海螺的成功率最高只有六成。",  # at most, not the best
        "性价比最高的不是即梦。",
        "Pika特别在线上开放了免费额度。",
        "我已经是可灵的专业级会员了。",
        "官方号称已经达到了电影级画质。",  # the vendor's word
    ],
)
def test_no_praise_without_a_verdict(text: str) -> None:
    assert _of(text, "strength") == []


# ----- a question of which is better states no verdict -----


@pytest.mark.parametrize(
    "text",
    [
        "我们把可灵和海螺的片子混在一起，让读者盲测哪个效果更好。",
        "We showed Luma and Pika clips to testers and asked which one looks better.",
    ],
)
def test_asking_which_is_better_is_no_praise(text: str) -> None:
    assert _of(text, "strength") == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("可灵和海螺哪个都很好用，画面都很稳定。", "strength"),  # 哪个都: every one, no question
        ("可灵和海螺哪个更强？我觉得海螺的画质更好。", "strength"),  # answered in its own sentence
        ("很多人问我哪个更好，我的答案是即梦，画面最稳。", "strength"),  # answered in the same one
        ("无论哪个场景，Vidu 的人物都更稳。", "strength"),  # 无论哪个: every one
        # "regardless of whether" asks nothing: the limit before it stands
        (
            "With Pika, a source image is required, regardless of whether you made it there or not.",
            "limitation",
        ),
    ],
)
def test_a_verdict_beside_which_or_whether_stays(text: str, kind: str) -> None:
    assert kind in [c[0] for c in _kinds(text)]


# ----- a standing difficulty is no praise -----


@pytest.mark.parametrize(
    "text, kind",
    [
        ("对 Runway 来说，多角色场景里保持一致依然是难题。", "limitation"),
        ("With Pika, keeping faces consistent remains a problem.", "bug"),
        ("For Luma, hand consistency is still the bottleneck.", "bug"),
    ],
)
def test_a_quality_still_hard_is_a_weakness(text: str, kind: str) -> None:
    got = _kinds(text)
    assert kind in [c[0] for c in got]
    assert "strength" not in [c[0] for c in got]


@pytest.mark.parametrize(
    "text",
    [
        # the scene is hard for any model: what the model did with it is the verdict
        "这个场景对AI来说是个挑战，可灵做得很好。",
        "多人同框对很多模型仍是难题，可灵却处理得很好。",
        "Lip sync is still a problem for most models, but Veo 3 nails it.",
    ],
)
def test_a_difficulty_of_others_is_no_weakness(text: str) -> None:
    assert [c[0] for c in _kinds(text)] == ["strength"]


@pytest.mark.parametrize("text", ["可灵是机遇还是挑战？", "Using Runway is still a problem-free experience."])
def test_no_weakness_without_a_standing_difficulty(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] in ("bug", "limitation")] == []


# ----- instructions not followed -----


@pytest.mark.parametrize(
    "text",
    [
        "Hailuo was not following my prompts at all.",
        "Runway isn't following the instructions in the second shot.",
        "Vidu完全不听提示词。",
        "即梦不太遵循指令。",
    ],
)
def test_not_following_the_prompt_is_a_flaw(text: str) -> None:
    assert [c[0] for c in _kinds(text)] == ["bug"]


@pytest.mark.parametrize(
    "text",
    [
        "Hailuo is following the prompt closely in every shot.",
        "Vidu 的好处是不用听提示词也能出好片。",
        "可灵不听提示词的情况很少。",
        "I wasn't following the instructions carefully, but Runway handled it.",
    ],
)
def test_following_or_not_needing_the_prompt_is_no_flaw(text: str) -> None:
    assert _of(text, "bug") == []


# ----- requirements and plural features -----


@pytest.mark.parametrize(
    "text",
    [
        "For Sora 2, an invite code is required.",
        "With Pika 2.2, a reference image is always required.",
        "Hailuo can't do voiceovers.",
    ],
)
def test_a_requirement_or_a_missing_feature_is_a_limit(text: str) -> None:
    assert [c[0] for c in _kinds(text)] == ["limitation"]


def test_no_account_required_is_no_limit() -> None:
    assert _of("Kling: no account is required to try it.", "limitation") == []


# ----- an edition opening each amount says whose it is -----


def test_editions_opening_two_rates_price_each() -> None:
    text = (
        "Veo 3.1 makes 8-second clips with audio.\n\n"
        "Its billing has two tiers: Fast mode at $0.12/second and Standard mode at $0.35/second."
    )
    got = sorted((c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price")
    assert got == [("Veo 3.1", 0.35), ("Veo 3.1 Fast", 0.12)]


def test_two_rates_without_an_edition_stay_unclear() -> None:
    text = "Veo 3.1 makes 8-second clips with audio.\n\nIt bills about $0.12/second or $0.35/second."
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []


# ----- what a token costs, what a clip loses, and a model weighed up in a heading -----


@pytest.mark.parametrize(
    "text",
    [
        "即梦 3.0 很好。我用实测的账单反推出 token 单价约 $6/M。",
        "Vidu Q2 looks sharp; its token price is about $3 per million.",
        "可灵 2.1 很好。按同一个价卖 1080p，等于每条倒贴十块钱。",
        "海螺 02 很好。按这个价卖高清档，每段要亏 5 元。",
    ],
)
def test_a_token_rate_or_a_loss_is_no_clip_price(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []


def test_a_model_weighed_up_in_a_heading_owns_the_prices_under_it() -> None:
    text = "Vidu Q2 很不错。\n\n## 再比一下 PixVerse V5 划不划算\n\n它在官网上 720p 卖 ¥0.8/秒。"
    got = [(c.model, c.price_cny) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("PixVerse V5", 0.8)]


# ----- a failed run's time, a model offered instead, a span over a family -----


def test_a_failed_run_in_a_table_gives_no_generation_time() -> None:
    text = (
        "| Model | Status | Latency |\n"
        "| --- | --- | ---: |\n"
        "| Wan 2.2 | completed | 312.5s |\n"
        "| LTX-Video | failed | 48.9s |\n"
        "| Mochi 1 | timeout | 7200s |\n"
    )
    got = [(c.model, c.generation_s) for c in scored(claims_of(text)) if c.kind == "speed"]
    assert got == [("Wan 2.2", 312.5)]


def test_a_model_offered_instead_does_not_take_the_topic() -> None:
    text = (
        "Pika 2.2 is built for cheap, fast clips. If you want sharper output, Luma Ray2 offers a "
        "strong alternative.\n\n"
        "| Mode | Resolution | Cost |\n"
        "|---|---|---|\n"
        "| Turbo | 720p | $0.04/sec |\n"
    )
    got = [c.model for c in scored(claims_of(text)) if c.kind == "price"]
    assert got and all(m is not None and m.startswith("Pika") for m in got)


@pytest.mark.parametrize(
    "text",
    [
        "Google's Veo 3 family spans $0.10 to $0.75 per second.",
        "即梦全系价格从 0.5 元到 3 元一条。",
    ],
)
def test_a_span_over_a_family_is_no_price(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []


def test_a_span_of_one_model_still_prices_both_ends() -> None:
    got = sorted(
        c.price_usd
        for c in scored(claims_of("Veo 3 costs $0.50-$0.75 per second."))
        if c.kind == "price" and c.price_usd is not None
    )
    assert got == [0.5, 0.75]


@pytest.mark.parametrize(
    "text",
    [
        "With Pika 2.2 the whole batch finished 3 minutes faster than before.",
        "Luma Ray2 renders 40 seconds quicker than Ray 1.6.",
        "即梦 3.0 比 2.0 快了2分钟。",
        "Vidu Q2 比 Vidu Q1 慢 30 秒。",
    ],
)
def test_a_time_saved_or_lost_is_no_generation_time(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "speed"] == []


@pytest.mark.parametrize("text", ["Pika 2.2 finished in 3 minutes.", "即梦 3.0 最快2分钟出片。"])
def test_a_time_taken_stays_a_speed(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))].count("speed") == 1


@pytest.mark.parametrize(
    "text, model, usd",
    [
        ("Hailuo 02 is a cheaper alternative, at $0.28 per clip.", "Hailuo 02", 0.28),
        (
            "Veo 3.1 is pricey, so Vidu Q2 remains a good alternative: $0.20 per 5-second clip.",
            "Vidu Q2",
            0.2,
        ),
    ],
)
def test_a_model_offered_instead_keeps_its_own_price(text: str, model: str, usd: float) -> None:
    assert [(c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price"] == [(model, usd)]


def test_compared_with_a_model_after_its_subject_is_still_a_yardstick() -> None:
    got = [(c.kind, c.model) for c in scored(claims_of("海螺 02 我比了一下可灵 2.1，一条才 25 积分。"))]
    assert ("price", "Hailuo 02") in got and all(m == "Hailuo 02" for _, m in got)


@pytest.mark.parametrize(
    "text",
    ["Kling 3.0 Pro tiers cost $0.10-$0.20 per second.", "我做了一系列测试，海螺 02 每条 2-3 元。"],
)
def test_a_span_of_one_model_near_tier_or_series_words_is_priced(text: str) -> None:
    assert len([c for c in scored(claims_of(text)) if c.kind == "price"]) == 2


def test_a_failed_verdict_after_the_time_leaves_the_speed() -> None:
    text = "| 模型 | 生成时间 | 文字渲染 |\n| --- | --- | --- |\n| 可灵 2.1 | 95s | 失败 |\n"
    assert [(c.model, c.generation_s) for c in scored(claims_of(text)) if c.kind == "speed"] == [
        ("Kling 2.1", 95.0)
    ]


def test_text_back_on_its_headings_model_keeps_the_numbered_parts_under_it() -> None:
    text = (
        "Vidu Q2 很好。\n\n"
        "## Pika 2.2 为什么还在我的工具箱里\n\n"
        "### 1. 审核更宽松\n\n"
        "这类镜头，在 Vidu 的审查阶段常被拒；Pika 2.2 处理得挺顺。\n\n"
        "### 2. 跟图很稳\n\n"
        "给它一张底图，它就照着往下拍。\n\n"
        "### 3. 单次成本\n\n"
        "本次 10 秒任务实付 0.80 美元。\n"
    )
    got = [(c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("Pika 2.2", 0.8)]


@pytest.mark.parametrize(
    "text",
    [
        "LTX-2 部署在云端 A100 上，费用约 $3/GPU-hour。",
        "Wan 2.2 on a rented card costs $1.20 per GPU hour.",
        "Vidu Q2 每条 <$0.5。",  # a bound, no stated price
    ],
)
def test_gpu_time_or_a_bound_is_no_clip_price(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []


@pytest.mark.parametrize(
    "text, model",
    [
        ("MiniMax H3 的 768P 档每秒 $0.06。", "MiniMax H3"),  # a lettered line under the vendor's name
        ("海螺 H3 的画面很稳。", "MiniMax H3"),
        ("海螺 03 的画面很稳。", "Hailuo 03"),  # a numbered version stays the brand's
        ("MiniMax 海螺 02 的画面很稳。", "Hailuo 02"),
    ],
)
def test_an_unlisted_lettered_version_takes_the_vendors_name(text: str, model: str) -> None:
    assert {c.model for c in scored(claims_of(text))} == {model}


def test_a_benchmarks_run_columns_hold_generation_times() -> None:
    text = (
        "LTX-2 on one RTX 4090, 121 frames:\n\n"
        "| Configuration | Run 1 | Run 2 |\n"
        "|---|---|---|\n"
        "| Default | 98s | 84s |\n"
        "| + TeaCache | 71s | 66s |\n"
    )
    got = sorted(c.generation_s or 0.0 for c in scored(claims_of(text)) if c.kind == "speed")
    assert got == [66.0, 71.0, 84.0, 98.0]


def test_the_time_a_tool_takes_to_load_is_no_generation_time() -> None:
    text = "With HunyuanVideo in ComfyUI you wait a long time (4 minutes) for it to load."
    assert [c for c in scored(claims_of(text)) if c.kind == "speed"] == []
