"""Price pages as resellers write them: table rows without their opening pipe, a cell of several
amounts each paired with a clip length elsewhere in the row (| 11, 22 | 5s = 11, 10s = 22 |), a
flat rate per N-second clip, price lists of label: amount lines, a label before a colon; and a
model-column table whose column names a model the registry lacks."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of

_TABLE = """Video models
| Model ID | Modes | Credits per call | Rule |
|---|---|---|---|
kling/v2-1-standard | image-to-video | 11, 22 | 5s = 11, 10s = 22. |
hailuo/02-text-to-video-pro | text-to-video | 24, 48 | 5s = 24, 10s = 48. |
veo3_fast | text-to-video, image-to-video | 9 | Flat rate per 8-second clip. |
"""


def test_rows_without_their_opening_pipe_are_rows_and_paired_lengths_price_each_amount() -> None:
    assert prices_of(_TABLE) == [
        ("Kling 2.1", 11.0, None, None, 5.0),
        ("Kling 2.1", 22.0, None, None, 10.0),
        ("Hailuo 02", 24.0, None, None, 5.0),
        ("Hailuo 02", 48.0, None, None, 10.0),
        ("Veo 3 Fast", 9.0, None, None, 8.0),
    ]


def test_amounts_the_row_does_not_pair_with_a_length_are_no_prices() -> None:
    table = _TABLE.replace("5s = 11, 10s = 22.", "Same pricing profile as the pro model.")
    assert [p for p in prices_of(table) if p[0] == "Kling 2.1"] == []


def test_a_row_broken_over_two_lines_is_still_one_row() -> None:
    text = (
        "| Model | Credits | Note |\n|---|---|---|\n| Kling 2.1 | 20 | per 5-second clip, then\n"
        "more on longer clips |\n"
    )
    assert prices_of(text) == [("Kling 2.1", 20.0, None, None, 5.0)]


def test_image_rows_listing_several_image_modes_hold_no_clip_price() -> None:
    text = (
        "Veo 3 is the video model here.\n| Model ID | Modes | Credits per call |\n|---|---|---|\n"
        "google/nano-banana | text-to-image, image-to-image | 3 |\n"
    )
    assert prices_of(text) == []


def test_a_price_list_of_label_lines_prices_every_line() -> None:
    text = "Veo 3 快速模式\n基础价格:200积分\nVIP1:300积分\n非VIP:400积分\n"
    assert [p[1] for p in prices_of(text)] == [200.0, 300.0, 400.0]


def test_label_lines_under_no_price_line_are_no_prices() -> None:
    assert prices_of("Veo 3 快速模式\nVIP1:300积分\n非VIP:400积分\n") == []


@pytest.mark.parametrize("text", ["Veo 3.1 價格:$0.40", "Veo 3.1 每次請求:$0.40", "Veo 3.1 价格：$0.40"])
def test_a_label_before_a_colon_says_the_amount_is_a_price(text: str) -> None:
    assert prices_of(text) == [("Veo 3.1", None, 0.4, None, None)]


def test_a_colon_after_no_price_word_makes_no_price() -> None:
    assert prices_of("Veo 3.1 预算: $20") == []


def test_a_column_headed_by_an_unknown_name_is_nobody_s() -> None:
    text = (
        "Mochi 1 is slow.\n\n|   | 昊元视频 | Wan2.1 | LTX-Video |\n| --- | --- | --- | --- |\n"
        "| **最大分辨率** | 1280×720 | 848×480 | 1216×704 |\n"
    )
    got = [(c.model, c.feature) for c in claims_of(text) if c.kind == "capability"]
    assert got == [("Wan 2.1", "848×480"), ("LTX-Video", "1216×704")]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Seedance 2.0 Fast：4s 片段典型延迟15-25s。", (15.0, 25.0)),
        ("Seedance 2.0 Fast 典型周转在 30 秒以内。", (None, 30.0)),
    ],
)
def test_latency_and_turnaround_are_generation_times(text: str, seconds: tuple) -> None:
    got = [(c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"]
    assert got == [seconds]


def test_an_audio_lag_is_no_generation_time() -> None:
    assert [c for c in claims_of("可灵2.1的音画延迟大约0.5秒。") if c.kind == "speed"] == []


_LENGTH_COLUMNS = """Hailuo 02 标准版
| 画质 | 每秒 | 6 秒 | 10 秒 |
|---|---|---|---|
| 768P | $0.05/秒 | $0.30 | $0.50 |
"""


def test_header_cells_that_are_only_a_clip_length_price_a_clip_that_long() -> None:
    assert prices_of(_LENGTH_COLUMNS) == [
        ("Hailuo 02", None, 0.05, None, 1.0),
        ("Hailuo 02", None, 0.3, None, 6.0),
        ("Hailuo 02", None, 0.5, None, 10.0),
    ]


def test_times_under_clip_length_headers_are_no_prices() -> None:
    text = "| 模型 | 5s | 10s |\n|---|---|---|\n| Hailuo 02 | 40 秒 | 80 秒 |\n"
    assert prices_of(text) == []
