"""Cases from session 34's reading of real pages: editions named as the subject of a price, runs of
amounts with their editions in brackets, a price row of credits a second under model columns, a
family or a yardstick that is no topic, a time changed from one value to another, and measured gains
and scores told as verdicts."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, price_rows, scored


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text, title=title))]


# ----- an edition word as the subject of a price -------------------------------------------------


def test_edition_words_opening_each_price_name_the_model_they_are_of() -> None:
    text = "Google sells Veo 3.1 in two editions: Fast at $0.12/sec (1080p), and Lite at $0.04/sec (720p).\n"
    rows = price_rows(text)
    assert ("Veo 3.1 Fast", 0.12, 1.0, "1080p") in rows
    assert ("Veo 3.1 Lite", 0.04, 1.0, "720p") in rows
    assert not [r for r in rows if r[0] == "Veo 3.1"]


def test_the_edition_carries_to_the_next_amounts_of_its_sentence_until_another_subject() -> None:
    text = "Veo 3.1 pricing.\n\nFast costs $0.09/sec at 720p, $0.11/sec at 1080p, and $0.28/sec for 4K.\n"
    rows = price_rows(text)
    assert [r[0] for r in rows] == ["Veo 3.1 Fast"] * 3
    assert sorted(r[1] or 0.0 for r in rows) == [0.09, 0.11, 0.28]


def test_a_word_that_is_no_edition_ends_the_carried_one() -> None:
    text = "Veo 3.1 pricing.\n\nLite is at $0.04/sec for 720p, Full at $0.36/sec for 720p.\n"
    rows = price_rows(text)
    assert ("Veo 3.1 Lite", 0.04, 1.0, "720p") in rows
    assert ("Veo 3.1", 0.36, 1.0, "720p") in rows


def test_a_quoted_edition_mode_before_the_amount() -> None:
    text = (
        "Veo 3 got cheaper this week. Google also added a “Fast” mode at only $0.12 per second, "
        "made for quick drafts of viral clips.\n"
    )
    rows = price_rows(text)
    assert ("Veo 3 Fast", 0.12, 1.0, None) in rows


@pytest.mark.parametrize(
    "text",
    [
        # a brand with no such edition keeps its price
        "Kling 2.1 pricing.\n\nLite at $0.30/sec for 1080p.\n",
        # a word after "and" that is no edition is no subject either
        "Kling 2.1 costs $0.30/sec for 1080p and only $0.20/sec for 720p.\n",
    ],
)
def test_no_edition_no_change_of_model(text: str) -> None:
    assert {r[0] for r in price_rows(text)} == {"Kling 2.1"}


# ----- a run of amounts, each with its edition in brackets -------------------------------------


def test_each_amount_of_a_run_takes_the_edition_in_its_bracket() -> None:
    text = (
        "Veo 3.1 costs.\n\nFor a 6-second clip at 1080p, that comes to "
        "$0.30 (Lite), $0.66 (Fast), and $2.40 (Full).\n"
    )
    rows = price_rows(text)
    assert ("Veo 3.1 Lite", 0.30, 6.0, "1080p") in rows
    assert ("Veo 3.1 Fast", 0.66, 6.0, "1080p") in rows
    assert ("Veo 3.1", 2.40, 6.0, "1080p") in rows


def test_a_sentence_opening_on_the_clip_says_what_its_amount_buys() -> None:
    text = "Sora 2 notes.\n\nFor one 10-second video at 720p, the bill works out to $1.00.\n"
    assert ("Sora 2", 1.0, 10.0, "720p") in price_rows(text)


def test_amounts_in_a_run_without_any_price_context_are_still_no_prices() -> None:
    text = (
        "Sora 2 notes.\n\nMy three test budgets were $5.00 (week one), "
        "$8.00 (week two), and $9.00 (week three).\n"
    )
    assert price_rows(text) == []


# ----- credits a second in a row under model columns ---------------------------------------------


def test_a_credits_row_under_model_columns_gives_each_model_its_rate() -> None:
    text = (
        "Three Kling routes compared.\n\n"
        "| Dimension | Kling 3.0 Turbo | Kling 3.0 |\n|---|---|---|\n"
        "| Base credits @1080p | 9.5 / s | 7 / s (sound off) |\n"
    )
    found = [(c.model, c.credits, c.duration_s, c.resolution) for c in claims_of(text) if c.kind == "price"]
    assert ("Kling 3.0 Turbo", 9.5, 1.0, "1080p") in found
    assert ("Kling 3.0", 7.0, 1.0, "1080p") in found


def test_a_sound_setting_is_no_flaw() -> None:
    text = (
        "Pricing table.\n\n| Dimension | Kling 3.0 Turbo | Kling 3.0 |\n|---|---|---|\n"
        "| Base credits | 9.5 / s | 7 / s (sound off) |\n"
    )
    assert not [k for k in _kinds(text) if k[0] == "bug"]
    assert [k for k in _kinds("Kling 3.0's lip sync looks off in close-ups.\n") if k[0] == "bug"]


# ----- old price given as what the new one replaces ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3.1 Lite costs $0.05/sec instead of $0.40/sec.\n",
        # (two editions compared: no change of one model's price either)
        "Veo 3 pricing. With Lite you pay $0.05/sec instead of $0.15/sec on Fast.\n",
    ],
)
def test_an_amount_after_instead_of_is_what_the_price_replaces_not_a_second_price(text: str) -> None:
    found = claims_of(text)
    assert [c.price_usd for c in found if c.kind == "price"] == [0.05]
    assert not [c for c in found if c.kind == "price_change"]


# ----- who a sentence is about --------------------------------------------------------------------


def test_a_family_named_last_is_not_what_it_goes_on_about() -> None:
    text = (
        "Seedance 1.0 Lite is the cheapest member of ByteDance's Seedance 1.0 family. "
        "It supports image-to-video and outputs 720p clips.\n"
    )
    models = {m for k, m, _ in _kinds(text) if k == "capability"}
    assert models == {"Seedance 1.0 Lite"}


def test_both_opening_a_coordination_of_features_is_no_pair_of_models() -> None:
    text = "I tried Kling 2.1 after Veo 3. It supports both text-to-video and image-to-video.\n"
    models = {m for k, m, _ in _kinds(text) if k == "capability"}
    assert models == {"Veo 3"}
    pair = "I tried Kling 2.1 and Veo 3. Both support 1080p output.\n"
    assert {m for k, m, _ in _kinds(pair) if k == "capability"} == {"Kling 2.1", "Veo 3"}


def test_the_title_names_an_edition_and_its_brand_again() -> None:
    text = "The cheap route through the API. Resolution is capped at 720p.\n"
    found = _kinds(text, title="Seedance 2.0 Fast: the Seedance you can afford")
    assert ("limitation", "Seedance 2.0 Fast") in {(k, m) for k, m, _ in found}


def test_same_limits_as_a_model_are_said_of_the_subject() -> None:
    text = (
        "Seedance 2.0 Fast is the cheap route.\n\n"
        "Same structural limits as Seedance 2.0: no end-frame input, and a 12-second maximum.\n"
    )
    found = {(k, m) for k, m, _ in _kinds(text, title="Seedance 2.0 Fast review")}
    assert ("limitation", "Seedance 2.0 Fast") in found
    assert ("limitation", "Seedance 2.0") not in found


# ----- a time changed from one value to another ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("混元视频经过量化后，生成时间从42秒缩短到15秒。\n", 42.0, 15.0),
        (
            "With the new sampler, Wan 2.2 generation time went from 90 seconds down to 20 seconds.\n",
            90.0,
            20.0,
        ),
    ],
)
def test_a_time_changed_from_one_value_to_another_gives_both(text: str, old: float, new: float) -> None:
    speeds = sorted(c.generation_s or 0.0 for c in claims_of(text) if c.kind == "speed")
    assert speeds == sorted([old, new])


@pytest.mark.parametrize(
    "text",
    [
        "Pixverse V5 generation times run ~5s to ~40s depending on the mode.\n",
        "With Hailuo 02, generation takes anywhere from 30 seconds to 2 minutes depending on the queue.\n",
    ],
)
def test_a_range_written_with_to_is_one_time(text: str) -> None:
    speeds = [c for c in claims_of(text) if c.kind == "speed"]
    assert len(speeds) == 1


# ----- measured gains and scores as verdicts ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "经过编译优化，Wan 2.1 提速近80%。\n",
        "Wan 2.1 推理加速超过20倍。\n",
        "Wan 2.1 的吞吐量翻了一倍。\n",
        "Wan 2.1 的显存占用比原生实现低35%。\n",
        "HunyuanVideo has lower VRAM usage than most open models.\n",
        "In our tests, Hailuo 02 scored 8.9/10 for motion.\n",
        "Hailuo 02 在我们的测试里评分8.5分。\n",
    ],
)
def test_a_measured_gain_or_a_high_score_is_a_strength(text: str) -> None:
    assert "strength" in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Hailuo 02 scored 4/10 for motion.\n",
        "Hailuo 02 在我们的测试里评分5分。\n",
        "Hailuo 02 加速按钮在右上角。\n",
    ],
)
def test_a_low_score_or_a_bare_word_is_no_strength(text: str) -> None:
    assert "strength" not in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    ("text", "old_model", "new_model"),
    [
        ("可灵2.1的生成时间从可灵2.0的5分钟缩短到2分钟。\n", "Kling 2.0", "Kling 2.1"),
        ("Veo 3.1 Fast cut the wait from Veo 3's 90 seconds down to 30 seconds.\n", "Veo 3", "Veo 3.1 Fast"),
    ],
)
def test_the_new_time_is_the_subjects_when_the_old_one_is_another_models(
    text: str, old_model: str, new_model: str
) -> None:
    speeds = sorted((c.generation_s, c.model) for c in claims_of(text) if c.kind == "speed")
    assert speeds[0][1] == new_model
    assert speeds[1][1] is not None and speeds[1][1].startswith(old_model)


# ----- review guards: what the edition and run readings must leave alone -------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Veo 3.1 is sharp, fast at $0.40/sec, and has native audio.\n", "Veo 3.1"),
        # an edition the registry does not list for the version names no model
        ("Veo 3 costs $0.75/sec; Lite at $0.20/sec.\n", "Veo 3"),
    ],
)
def test_an_adjective_or_an_unlisted_edition_keeps_the_model(text: str, model: str) -> None:
    assert {r[0] for r in price_rows(text)} == {model}


def test_an_edition_said_after_a_model_with_its_own_edition() -> None:
    rows = price_rows("Veo 3.1 Fast costs $0.15/sec, Lite $0.05/sec.\n")
    assert ("Veo 3.1 Fast", 0.15, 1.0, None) in rows
    assert ("Veo 3.1 Lite", 0.05, 1.0, None) in rows


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 costs $0.10/sec (720p), $4.00 (what my 40-second test cost), $0.50/sec (Pro at 1024p).\n",
        "Hailuo 02 costs $0.28 per clip (768p), $0.56 (1080p), $9.99 (my first top-up).\n",
    ],
)
def test_a_run_of_amounts_with_brackets_naming_no_edition_adds_no_price(text: str) -> None:
    amounts = {r[1] for r in price_rows(text)}
    assert 4.0 not in amounts and 9.99 not in amounts


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 notes. For a single clip, the Pro plan at $200 is overkill for Sora 2.\n",
        "For one 10-second video, Sora 2 charges $1.00, and my whole test run came to $36.\n",
    ],
)
def test_a_clip_lead_reaches_only_its_own_clause_and_no_plan(text: str) -> None:
    assert {r[1] for r in price_rows(text)} <= {1.0}


# ----- what is no claim ---------------------------------------------------------------------------


def test_steps_of_a_process_in_a_chain_are_no_features() -> None:
    chain = (
        "# 用可灵2.1做短片\n\n这次用的是可灵2.1。\n\n"
        "老的制作流程是这样的:选题 → 脚本 → 分镜 → 拍摄 → 剪辑 → 配音。\n"
    )
    assert not [k for k in _kinds(chain) if k[0] == "capability"]
    assert [k for k in _kinds("可灵2.1支持分镜和配音。\n") if k[0] == "capability"]


def test_a_rhetorical_question_is_no_flaw() -> None:
    assert not [k for k in _kinds("Wan 2.2 跑得飞快。那么问题来了:它是怎么做到的？\n") if k[0] == "bug"]


def test_the_software_of_a_local_run_is_no_model() -> None:
    found = _kinds("Wan 2.2 在 TensorRT 8.6 上的显存占用比原生实现低42%。\n")
    assert {m for _, m, _ in found} == {"Wan 2.2"}


# ----- v177: from reading O40-R40 after their unseen score -----------------------------------------


def test_a_row_listing_many_lengths_is_one_capability_its_longest() -> None:
    text = "# 可灵4.0 参数\n\n| 参数 | 值 |\n|---|---|\n| 时长 | 3s, 4s, 5s, 6s, 7s, 8s, 9s, 10s |\n"
    caps = [(c.model, c.feature, c.quote) for c in claims_of(text) if c.kind == "capability"]
    assert len(caps) == 1
    assert caps[0][1] == "10s" and "3s, 4s" in caps[0][2]


def test_model_columns_keep_a_length_each() -> None:
    text = "Two models.\n\n| 参数 | 可灵2.1 | 海螺02 |\n|---|---|---|\n| 最长时长 | 10秒 | 6秒 |\n"
    found = {(c.model, c.feature) for c in claims_of(text) if c.kind == "capability"}
    assert ("Kling 2.1", "10秒") in found and ("Hailuo 02", "6秒") in found


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("kling-v4-text-to-video costs $0.20 per second.\n", "Kling 4.0"),
        ("Seedance 3 costs 5 credits per second.\n", "Seedance 3.0"),
        # a brand that writes whole versions bare keeps them so
        ("Veo 4 costs $0.40/sec.\n", "Veo 4"),
    ],
)
def test_a_version_the_registry_lacks_is_written_as_its_brand_writes_versions(text: str, model: str) -> None:
    assert [r[0] for r in price_rows(text)] == [model]


def test_every_model_of_a_list_after_better_than_is_a_yardstick() -> None:
    text = (
        "海螺02 很强。它在画质方面优于 Veo 3 Quality 、 Veo 3 Fast 、 "
        "Seedance 1.0 以及 Seedance 1.0 Mini 。\n"
    )
    models = {m for k, m, _ in _kinds(text) if k == "strength"}
    assert not models & {"Veo 3 Fast", "Seedance 1.0 Pro", "Seedance 1.0 Mini"}


def test_a_method_with_a_number_is_no_model() -> None:
    text = (
        "HappyHorse 1.0 is fast. DMD-2 distillation cuts denoising to just 8 steps. "
        "It generates a 5-second 1080p clip in ~40 seconds on an H100.\n"
    )
    speeds = [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [("HappyHorse 1.0", 40.0)]


@pytest.mark.parametrize(
    "lead",
    [
        "Built on a deeply refactored architecture from Sora 1, the upgrades focus on three areas:",
        "- 15-25 second videos: extended from Sora 1's 6-second limit",
    ],
)
def test_the_model_a_new_one_grew_from_is_no_topic(lead: str) -> None:
    text = (
        f"# Sora 2 review\n\nSora 2 is OpenAI's new model.\n{lead}\n- Synchronized audio: perfect lip-sync\n"
    )
    models = {m for k, m, _ in _kinds(text, title="Sora 2 review") if k in ("strength", "capability")}
    assert "Sora 1" not in models and "Sora 2" in models


def test_a_length_limit_is_no_generation_time() -> None:
    text = "Sora 2 notes.\n\n- 25-second video generation: extended from Sora 1's 6-second limit\n"
    assert not [c for c in claims_of(text) if c.kind == "speed"]


# ----- v177 review guards ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 的 API 今天暂时不可用，一整天都生成不了。\n",
        "Runway Gen-4 的服务暂时不可用，重试三次都失败了。\n",
    ],
)
def test_an_outage_is_still_a_flaw(text: str) -> None:
    assert [k for k in _kinds(text) if k[0] == "bug"]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "# Veo 3 vs Sora 2\n\n"
            "Sora 2 improved but the best clips still came from Veo 3, with excellent lip-sync.\n",
            "Veo 3",
        ),
        (
            "# Sora 2 review\n\nSora 2 is strong. The rebuilt physics engine from Veo 3 is excellent too.\n",
            "Veo 3",
        ),
    ],
)
def test_praise_of_what_came_from_a_model_is_that_models(text: str, model: str) -> None:
    assert model in {m for k, m, _ in _kinds(text) if k == "strength"}


def test_a_name_before_an_ordinary_word_still_takes_its_sentence() -> None:
    text = "HappyHorse 1.0 is fast. LongCat 2 attention to detail is excellent.\n"
    assert ("strength", "HappyHorse 1.0") not in {(k, m) for k, m, _ in _kinds(text)}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Veo 3 generation took 45 seconds - limit of 3 per day on the free tier.\n", 45.0),
        ("Veo 3 renders in 60 seconds cap included, Kling 2.1 in 3 minutes.\n", 60.0),
    ],
)
def test_a_wait_before_a_limit_of_something_else_is_still_a_wait(text: str, seconds: float) -> None:
    assert seconds in {c.generation_s for c in claims_of(text) if c.kind == "speed"}


def test_the_longest_of_listed_lengths_is_kept_whatever_the_order() -> None:
    text = "# 可灵2.1 参数\n\n| 参数 | 值 |\n|---|---|\n| 时长 | 10s, 5s, 3s |\n"
    assert [c.feature for c in claims_of(text) if c.kind == "capability"] == ["10s"]


# ----- v178: from reading S41-U41 after their unseen score -----------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "The main difference from Hailuo 01 is native text-to-video.",
        "Image-to-video follows the same rules as in Hailuo 01.",
    ],
)
def test_the_model_a_new_one_is_measured_against_is_no_topic(lead: str) -> None:
    text = f"# Hailuo 02 guide\n\nHailuo 02 is MiniMax's new model.\n\n{lead} It supports 1080p output.\n"
    models = {m for k, m, _ in _kinds(text, title="Hailuo 02 guide") if k == "capability"}
    assert models and "Hailuo 01" not in models


def test_bare_lengths_listed_before_their_unit_are_one_capability() -> None:
    text = "# Veo 3.1 specs\n\n| Spec | Veo 3.1 |\n|---|---|\n| Native clip length | 4, 6, or 8 seconds |\n"
    caps = [(c.feature, c.quote) for c in claims_of(text) if c.kind == "capability"]
    assert caps == [("8 seconds", "Native clip length | 4, 6, or 8 seconds")]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # what stands out from a model's output is that model's
        ("Sora 2 is the default here. The clip that stands out from Veo 3 is the cooking scene.\n", "Veo 3"),
        # what sets a model apart from another is the first one's
        ("What sets Kling 2.1 apart from Veo 3 is price, and it generates 10-second clips.\n", "Kling 2.1"),
    ],
)
def test_review_guards_of_the_yardstick_phrases(text: str, model: str) -> None:
    assert model in {m for _, m, _ in _kinds(text)}


def test_lengths_split_by_a_slash_stay_each_their_own() -> None:
    text = "# Specs\n\n| Spec | Veo 3 / Sora 2 |\n|---|---|\n| Clip length | 8 / 12 seconds |\n"
    assert len([c for c in claims_of(text) if c.kind == "capability"]) == 2


# ----- v179: from reading V42-W42 after their unseen score -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a rough span of money for no unit (a rough span of a rate per second is one: session 43)
        "Veo 3: ~$25-40 for the whole thing.\n",
        # a sum for a whole piece
        "Veo 3: ~$6-8 total cost for the finished Short.\n",
        "Veo 3: a 60-second YouTube Short costs ~$5 in API spend.\n",
        # a finished piece of a stated length
        "Veo 3: a 60-second branded ad costs $30-45 once the voice-over is in.\n",
    ],
)
def test_rough_spans_totals_and_finished_pieces_are_no_prices(text: str) -> None:
    assert price_rows(text) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Kling 2.1 costs $0.28-0.30 per clip.\n", 0.28),
        # a clip length's own total
        ("Runway Gen-4 pricing.\n\nSupported durations: 5 seconds (60 total credits)\n", 60.0),
        ("Kling 2.1 costs $0.28 per clip, $2.80 in total for ten.\n", 0.28),
    ],
)
def test_stated_spans_and_a_clips_own_total_stay_prices(text: str, amount: float) -> None:
    assert amount in {r[1] for r in price_rows(text)}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Veo 3: a 5-second short clip costs $0.40.\n", 0.40),
        ("Kling 2.1: a 5-second clip costs $0.50 in total.\n", 0.50),
        ("Hailuo 02: in total, each 6-second clip cost me $0.27.\n", 0.27),
        ("Kling 2.1: a 5-second clip costs $0.40 with the total wait under two minutes.\n", 0.40),
    ],
)
def test_review_guards_a_clips_price_near_total_or_short_stays(text: str, amount: float) -> None:
    assert amount in {r[1] for r in price_rows(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2: a two-minute music video cost me $60.\n",
        "Sora 2: a 30s commercial costs about $20.\n",
        "可灵2.1：这条60秒广告共花费了320元。\n",
    ],
)
def test_review_guards_rough_spans_and_finished_pieces_in_other_forms(text: str) -> None:
    assert price_rows(text) == []


# ----- v180: a table of clip lengths priced in credits and money --------------------------------


def test_a_row_labelled_by_a_clip_length_prices_each_cell_for_that_length() -> None:
    text = (
        "# Seedance 2.0 API\n\n| 时长 | 无音频 | 含音频 |\n|---|---|---|\n"
        "| 5s | 10 credits ($0.05) | 18 credits ($0.09) |\n"
        "| 10s | 20 credits ($0.10) | 36 credits ($0.18) |\n"
    )
    found = {(c.model, c.credits, c.price_usd, c.duration_s) for c in claims_of(text) if c.kind == "price"}
    assert found == {
        ("Seedance 2.0", 10.0, 0.05, 5.0),
        ("Seedance 2.0", 18.0, 0.09, 5.0),
        ("Seedance 2.0", 20.0, 0.10, 10.0),
        ("Seedance 2.0", 36.0, 0.18, 10.0),
    }
    assert not [c for c in claims_of(text) if c.kind == "credit_rate"]


def test_credits_and_money_outside_a_length_row_are_still_a_rate() -> None:
    found = claims_of("Seedance 2.0 credits: 100 credits ($1.00) per top-up pack.\n")
    assert not [c for c in found if c.kind == "price" and c.credits == 100.0 and c.duration_s]


@pytest.mark.parametrize(
    "text",
    [
        # the first column is how long a render took, not the clip's length
        "# Kling 2.1 review\n\n| Time | Model | Cost |\n|---|---|---|\n"
        "| 30s | Kling 2.1 | 20 credits ($0.14) |\n",
        # a table of plans
        "# Kling 2.1 review\n\n| Max length | Plan | Kling 2.1 credits |\n|---|---|---|\n"
        "| 10s | Pro | 3000 credits ($37) |\n",
    ],
)
def test_review_guards_no_clip_price_from_a_time_taken_or_a_plan_row(text: str) -> None:
    assert not [c for c in claims_of(text) if c.kind == "price" and c.duration_s]


def test_review_guards_each_cell_of_a_length_row_keeps_its_column_and_own_length() -> None:
    text = (
        "# Hailuo 02 pricing\n\n| 时长 | 768p | 1080p |\n|---|---|---|\n"
        "| 6s | $0.28 ($0.045/s) | $0.49 ($0.08/s) |\n"
    )
    found = {(c.price_usd, c.duration_s, c.resolution) for c in claims_of(text) if c.kind == "price"}
    assert (0.28, 6.0, "768p") in found and (0.49, 6.0, "1080p") in found
    assert (0.045, 1.0, "768p") in found and (0.08, 1.0, "1080p") in found
    own = "# Runway\n\n| Length | Runway Gen-4 | Runway Gen-4 Turbo |\n|---|---|---|\n"
    own += "| 5s | 10s clip: 120 credits ($1.20) | 25 credits ($0.25) |\n"
    found2 = {(c.model, c.credits, c.duration_s) for c in claims_of(own) if c.kind == "price"}
    assert ("Runway Gen-4 Turbo", 25.0, 5.0) in found2 and ("Runway Gen-4", 120.0, 10.0) in found2


# ----- v181: a short label run into a table's header ---------------------------------------------


def test_a_label_run_into_a_tables_header_does_not_shift_its_columns() -> None:
    text = (
        "# 可灵4.0 价格\n\n片段价格(含音频):| 时长 | 720p | 1080p |\n|---|---|---|\n| 5s | $0.98 | $1.47 |\n"
    )
    found = {(c.price_usd, c.resolution) for c in claims_of(text) if c.kind == "price"}
    assert (1.47, "720p") not in found
    assert (0.98, "720p") in found and (1.47, "1080p") in found
