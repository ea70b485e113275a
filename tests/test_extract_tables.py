"""Tables: rows and columns as model scopes, header cells as the kind of a column."""

from __future__ import annotations

from tests.extract_helpers import claims_of, scored

ROWS = """# 三款模型对比

| 模型 | 单价 | 平均耗时 | 分辨率 |
| --- | --- | --- | --- |
| 海螺02 | 6秒25积分 | 约3分钟 | 768p |
| Vidu Q1 | 5秒10积分 | 40秒 | 1080p |

整体来看，海螺02的画面最稳定。
"""


def test_rows_are_model_scopes_and_a_time_column_gives_speeds() -> None:
    claims = claims_of(ROWS)
    prices = [(c.model, c.credits, c.duration_s) for c in claims if c.kind == "price"]
    speeds = [(c.model, c.generation_s) for c in claims if c.kind == "speed"]
    assert prices == [("Hailuo 02", 25, 6), ("Vidu Q1", 10, 5)]
    assert speeds == [("Hailuo 02", 180), ("Vidu Q1", 40)]
    # the analysis under the table is about the model it names, not every row's
    assert [(c.kind, c.model) for c in claims if c.kind == "strength"] == [("strength", "Hailuo 02")]


COLUMNS = """| 对比项 | 海螺02 | Vidu Q1 |
| --- | --- | --- |
| 画面 | 非常稳定 | 有点模糊 |
| 音频 | 不支持音频 | 支持原生音频 |
"""


def test_columns_headed_by_models_scope_their_cells() -> None:
    got = {(c.kind, c.model) for c in scored(claims_of(COLUMNS))}
    assert ("strength", "Hailuo 02") in got and ("bug", "Vidu Q1") in got
    assert ("strength", "Vidu Q1") not in got and ("bug", "Hailuo 02") not in got
    assert ("capability", "Vidu Q1") in got and ("capability", "Hailuo 02") not in got


FLAT = """产品 画面评价 变形问题 综合评分
海螺02 很稳定 偶尔变形 A
Vidu Q1 较好 较少 B
"""


def test_a_flattened_header_row_states_nothing() -> None:
    claims = scored(claims_of(FLAT))
    assert claims and all(not c.quote.startswith("产品") for c in claims)
    assert {c.model for c in claims} <= {"Hailuo 02", "Vidu Q1"}


# a two-column comparison pasted as plain text: the cells of each row run together
FLAT_COLUMNS = """对照表

项目Pika 2.2Luma Ray2
片段长度最长 4 秒最长 9 秒
分辨率最高 720p (标准档)最高 1080p
"""


def test_values_under_a_flattened_model_header_go_to_their_columns() -> None:
    caps = [(c.model, c.feature) for c in claims_of(FLAT_COLUMNS) if c.kind == "capability"]
    assert ("Pika 2.2", "4 秒") in caps and ("Luma Ray2", "9 秒") in caps
    assert ("Pika 2.2", "720p") in caps and ("Luma Ray2", "1080p") in caps
    assert ("Pika 2.2", "9 秒") not in caps and ("Luma Ray2", "4 秒") not in caps


# a row with only a comma could be one cell or two: its values go to neither model
FLAT_AMBIGUOUS = """对照表

项目Pika 2.2Luma Ray2
画面比例支持 16:9，另有 9:16
"""


def test_a_flattened_row_that_splits_no_single_way_is_nobodys() -> None:
    claims = [c for c in claims_of(FLAT_AMBIGUOUS) if c.kind in ("capability", "limitation")]
    assert not [c for c in claims if c.model in ("Pika 2.2", "Luma Ray2")]


# three models in a flattened header: where each cell ends is guesswork, so the rows are nobody's
FLAT_THREE = """对照表

规格Pika 2.2 (Pika Labs)Luma Ray2 (Luma AI)Vidu Q1 (生数科技)
片段长度最长 4 秒最长 9 秒最长 8 秒
画面比例支持 16:9，另有 9:16
"""


def test_a_flattened_header_of_three_models_assigns_no_columns() -> None:
    claims = [c for c in claims_of(FLAT_THREE) if c.kind in ("capability", "limitation")]
    assert not [c for c in claims if c.model in ("Pika 2.2", "Luma Ray2", "Vidu Q1")]


PRICED = """| Model | Price per 5s | Avg. generation time |
|---|---|---|
| Kling 2.1 (std) | $0.30 | ~2 min |
| Hailuo 02 (768p) | $0.25 | 4-5 min |
"""


def test_a_price_column_prices_each_row_for_the_length_its_header_names() -> None:
    claims = claims_of(PRICED)
    prices = [(c.model, c.tier, c.price_usd, c.duration_s, c.resolution) for c in claims if c.kind == "price"]
    assert prices == [("Kling 2.1", "standard", 0.3, 5, None), ("Hailuo 02", None, 0.25, 5, "768p")]
    speeds = [(c.model, c.generation_s, c.generation_s_min) for c in claims if c.kind == "speed"]
    assert speeds == [("Kling 2.1", 120, None), ("Hailuo 02", None, 240)]


# two versions of one product side by side, each cell opening with its value
FLAT_VERSIONS = """Spec comparison

  Gen-4 Gen-4.5
Cost 12 credits per second 15 credits per second
"""


def test_a_model_name_run_into_the_next_heads_two_columns_and_a_value_opens_its_cell() -> None:
    prices = [(c.model, c.credits) for c in claims_of(FLAT_VERSIONS) if c.kind == "price"]
    assert prices == [("Runway Gen-4", 12.0), ("Runway Gen-4.5", 15.0)]


def test_length_and_resolution_rows_under_model_columns_give_each_model_its_capability() -> None:
    text = (
        "| 技术特性 | Sora 2 | Runway Gen-3 | Pika 1.5 |\n"
        "|---|---|---|---|\n"
        "| 最长时长 | 20秒 | 10秒 | 5秒 |\n"
        "| 最高分辨率 | 1080p | 720p | 1080p |\n"
        "| 价格区间 | 中等 | 高 | 低 |\n"
    )
    caps = {(c.model, c.feature) for c in claims_of(text) if c.kind == "capability"}
    assert {("Sora 2", "20秒"), ("Pika 1.5", "5秒"), ("Sora 2", "1080p")} <= caps
    assert not [c for c in claims_of(text) if c.kind in ("price", "speed")]


def test_a_length_in_a_speed_row_under_model_columns_is_the_clip_timed() -> None:
    text = (
        "| 对比维度 | Veo 3.1 Fast | Veo 3.1 |\n"
        "| --- | --- | --- |\n"
        "| 生成速度 | 1 分 13 秒 (8秒视频) | 2 分 41 秒 (8秒视频) |\n"
    )
    claims = claims_of(text)
    assert not [c for c in claims if c.kind == "capability"]
    assert sorted(c.generation_s or 0 for c in claims if c.kind == "speed") == [73.0, 161.0]


PRICE_ROWS = """| | Vidu Q1 | Hailuo 02 |
|---|---|---|
| Maker | Shengshu | MiniMax |
| Price (8s clip) | $0.90 | $0.45 |
| Speed | fast | slow |
"""


def test_a_price_row_under_model_columns_prices_each_model_for_the_length_its_label_names() -> None:
    got = [(c.model, c.price_usd, c.duration_s) for c in claims_of(PRICE_ROWS) if c.kind == "price"]
    assert got == [("Vidu Q1", 0.9, 8.0), ("Hailuo 02", 0.45, 8.0)]


def test_a_header_whose_empty_corner_cell_moved_to_its_end_still_heads_the_columns() -> None:
    shifted = PRICE_ROWS.replace("| | Vidu Q1 | Hailuo 02 |", "| Vidu Q1 | Hailuo 02 | |")
    got = [(c.model, c.price_usd) for c in claims_of(shifted) if c.kind == "price"]
    assert got == [("Vidu Q1", 0.9), ("Hailuo 02", 0.45)]
    # a header with a label first and a model in every other cell is read as before
    plain = [(c.model, c.price_usd) for c in claims_of(PRICE_ROWS) if c.kind == "price"]
    assert plain == got


UNITS_IN_HEADER = """| 模型 | 时长(秒) | 平均耗时(秒) | 单价(元/条) | 错峰单价(元/条) |
|---|---|---|---|---|
| 海螺02 | 6 | 150-180 | 2.0 | 1.0 |
| 海螺02 | 文生图 | 10-15 | 0.2 | 0.1 |
| Vidu Q1 | 5 | 40 | 1.5 | - |
"""


def test_bare_numbers_take_the_unit_of_time_their_header_names() -> None:
    claims = claims_of(UNITS_IN_HEADER)
    speeds = [
        (c.model, c.generation_s, c.generation_s_min, c.generation_s_max) for c in claims if c.kind == "speed"
    ]
    assert speeds == [("Hailuo 02", None, 150.0, 180.0), ("Vidu Q1", 40.0, None, None)]
    prices = {(c.model, c.tier, c.price_cny, c.duration_s) for c in claims if c.kind == "price"}
    assert ("Hailuo 02", None, 2.0, 6.0) in prices and ("Vidu Q1", None, 1.5, 5.0) in prices


def test_an_off_peak_column_prices_the_off_peak_tier_and_an_image_row_prices_no_clip() -> None:
    prices = {(c.model, c.tier, c.price_cny) for c in claims_of(UNITS_IN_HEADER) if c.kind == "price"}
    assert ("Hailuo 02", "off-peak", 1.0) in prices
    assert ("Hailuo 02", None, 1.0) not in prices  # no conflict with the regular price
    assert not {p for p in prices if p[2] in (0.2, 0.1)}  # the 文生图 row is an image's


FEATURE_COLUMN = """| Model ID | Duration | Standout feature | Avg. completion |
|---|---|---|---|
| kling-2.1 | 5s / 10s | Standard/pro modes, end-frame control | ~120s |
| kling-2.5-turbo-pro | 5s / 10s | Fastest and cheapest of the five | ~90s |
| kling-3.0 | 3-15s | Multi-shot AI Director, native 4K, 60fps | ~150s |
"""


def test_a_features_column_lists_one_capability_per_item_and_a_range_of_lengths_is_a_value() -> None:
    got = [(c.model, c.feature) for c in claims_of(FEATURE_COLUMN) if c.kind == "capability"]
    assert ("Kling 2.1", "end-frame control") in got
    assert [f for m, f in got if m == "Kling 3.0"] == [
        "Duration",
        "Multi-shot AI Director",
        "native 4K",
        "60fps",
    ]
    # a superlative in the column is a verdict, not a feature
    assert not [f for m, f in got if m == "Kling 2.5 Turbo" and f != "Duration"]
