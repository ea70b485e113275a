"""Cases from session 33's reading of real pages: a table whose rows open with a model and whose
header names what a column holds (the inputs a model takes, its highlights, its main upside, the
trade-off it asks for) gives each row's model the column's kind of claim."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.extract_helpers import claims_of, scored

ROOT = Path(__file__).resolve().parents[1]


def _cells(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text)) if c.kind != "price"]


_HEAD = "A comparison of two models.\n\n"


@pytest.mark.parametrize(
    "header",
    [
        "Documented inputs",
        "Key capabilities",
        "Supported tasks",
        "对客能力",
        "主要特性",
        "Control highlights",
    ],
)
def test_a_column_naming_what_a_model_offers_gives_one_capability_per_item(header: str) -> None:
    text = (
        _HEAD + f"| Model | {header} |\n|---|---|\n"
        "| Kling 2.1 | multi-shot, lip sync, first and last frame |\n"
        "| Hailuo 02 | camera moves、subject reference |\n"
    )
    found = _cells(text)
    assert ("capability", "Kling 2.1", "multi-shot") in found
    assert ("capability", "Kling 2.1", "lip sync") in found
    assert ("capability", "Kling 2.1", "first and last frame") in found
    assert ("capability", "Hailuo 02", "camera moves") in found
    assert ("capability", "Hailuo 02", "subject reference") in found
    assert not [c for c in found if c[0] == "capability" and c[1] == "Kling 2.1" and "camera" in c[2]]


def test_an_item_that_says_it_is_bound_is_a_limitation() -> None:
    text = _HEAD + "| Model | Inputs |\n|---|---|\n| Runway Gen-4 | Text + image required |\n"
    assert _cells(text) == [("limitation", "Runway Gen-4", "Text + image required")]


def test_a_column_of_upsides_and_one_of_tradeoffs_give_a_strength_and_a_limitation_per_cell() -> None:
    text = (
        _HEAD + "| Model | Main upside | Main tradeoff |\n|---|---|---|\n"
        "| Kling 2.1 | Better motion, cleaner faces | Slower and higher cost |\n"
        "| Hailuo 02 | Lower cost and lower wait time | Less visual detail |\n"
    )
    found = _cells(text)
    assert ("strength", "Kling 2.1", "Better motion, cleaner faces") in found
    assert ("limitation", "Kling 2.1", "Slower and higher cost") in found
    assert ("strength", "Hailuo 02", "Lower cost and lower wait time") in found
    assert ("limitation", "Hailuo 02", "Less visual detail") in found
    assert len(found) == 4


def test_a_chinese_tradeoff_column_is_a_limitation_of_its_row() -> None:
    text = _HEAD + "| 模型 | 你要接受的代价 |\n|---|---|\n| 海螺02 | 延迟和成本通常更高 |\n"
    assert _cells(text) == [("limitation", "Hailuo 02", "延迟和成本通常更高")]


def test_a_cons_column_stays_a_flaw() -> None:
    text = _HEAD + "| Model | Cons |\n|---|---|\n| Kling 2.1 | hands melt in fast motion |\n"
    assert _cells(text) == [("bug", "Kling 2.1", "hands melt in fast motion")]


@pytest.mark.parametrize(
    "header",
    [
        "Parameters",  # a count of weights, not a feature
        "Release date",
        # a sentence in the header cell is no column name
        "What the public documentation emphasises about each model's features today",
    ],
)
def test_a_column_naming_no_feature_upside_or_limit_gives_nothing(header: str) -> None:
    text = _HEAD + f"| Model | {header} |\n|---|---|\n| Kling 2.1 | multi-shot, lip sync |\n"
    assert _cells(text) == []


def test_a_row_opening_with_no_model_gives_nothing() -> None:
    text = _HEAD + "| Tool | Key capabilities |\n|---|---|\n| Our editor | multi-shot, lip sync |\n"
    assert _cells(text) == []


def _one_row(header: str, cell: str) -> list[tuple[str, str | None, str]]:
    return _cells(_HEAD + f"| Model | {header} |\n|---|---|\n| Kling 2.1 | {cell} |\n")


@pytest.mark.parametrize(
    ("header", "cell"),
    [
        ("Supported regions", "US, EU, Japan"),  # the header does not end on a features word
        ("支持平台", "iOS、Android、Web"),
        ("Feature film", "Dune"),
        ("Limits per day", "3 videos"),
        ("Capabilities and limits", "T2V, I2V"),  # two kinds in one column
        ("Missing features", "lip sync, 4K"),  # what a model lacks is no capability
        ("Not supported", "lip sync, 4K"),
        ("Main tradeoff", "N/A"),  # a cell saying there is nothing to say
        ("Limitations", "None"),
        ("Main upside", "n/a"),
    ],
)
def test_headers_and_cells_that_name_no_claim_give_none(header: str, cell: str) -> None:
    assert _one_row(header, cell) == []


def test_a_money_cell_under_a_features_header_stays_a_price() -> None:
    found = [
        (c.kind, c.price_usd)
        for c in scored(
            claims_of(_HEAD + "| Model | Highlights |\n|---|---|\n| Kling 2.1 | T2V ($0.10/s), lip sync |\n")
        )
    ]
    assert ("price", 0.1) in found
    assert not [k for k, _ in found if k == "capability"]


def test_an_item_is_not_cut_inside_a_number() -> None:
    assert _one_row("Key features", "prompts of 2,500 characters, lip sync") == [
        ("capability", "Kling 2.1", "prompts of 2,500 characters"),
        ("capability", "Kling 2.1", "lip sync"),
    ]


def test_an_absence_named_as_a_feature_stays_a_capability() -> None:
    assert _one_row("Key features", "multi-shot, no watermark") == [
        ("capability", "Kling 2.1", "multi-shot"),
        ("capability", "Kling 2.1", "no watermark"),
    ]


@pytest.mark.parametrize(("cell", "kind"), [("✅", "capability"), ("❌", "limitation"), ("No", "limitation")])
def test_a_yes_or_no_cell_under_a_features_header_keeps_the_header_as_its_feature(
    cell: str, kind: str
) -> None:
    (c,) = [
        c for c in scored(claims_of(_HEAD + f"| Model | Audio input |\n|---|---|\n| Kling 2.1 | {cell} |\n"))
    ]
    assert (c.kind, c.model, c.feature) == (kind, "Kling 2.1", "Audio input")


def test_a_padded_header_is_measured_without_its_padding() -> None:
    header = "Key capabilities" + " " * 40
    assert [q for _, _, q in _one_row(header, "multi-shot, lip sync")] == ["multi-shot", "lip sync"]


# ----- labels run into one line ------------------------------------------------------------------

_RUN_ON = (
    "## Sora 2\n\n"
    "Strengths: Cinematic quality, physical coherence, prompt adherence Limitations: Slow generation, "
    "expensive Access: Available in ChatGPT Plus\n"
)


def test_each_label_in_a_line_starts_its_own_list() -> None:
    found = _cells(_RUN_ON)
    strengths = [q for k, _, q in found if k == "strength"]
    limits = [q for k, _, q in found if k == "limitation"]
    assert strengths == ["Strengths: Cinematic quality", "physical coherence", "prompt adherence"]
    assert limits == ["Limitations: Slow generation", "expensive"]
    assert {m for _, m, _ in found} == {"Sora 2"}


def test_a_cons_label_inside_a_line_lists_flaws() -> None:
    text = "## Kling 2.1\n\nPros: smooth motion, sharp faces Cons: hands melt, text garbles\n"
    found = _cells(text)
    assert [q for k, _, q in found if k == "strength"] == ["Pros: smooth motion", "sharp faces"]
    assert [q for k, _, q in found if k == "bug"] == ["Cons: hands melt", "text garbles"]


def test_a_capitalised_word_before_a_colon_in_prose_is_no_label_of_a_list() -> None:
    # a line not opening with a label is not cut
    text = "## Kling 2.1\n\nI liked the motion a lot, and the Verdict: it is the best model here.\n"
    assert [k for k, _, _ in _cells(text)] == [k for k, _, _ in _cells(text.replace("Verdict:", "verdict,"))]


def _by_kind(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, _, quote in _cells("## Kling 2.1\n\n" + text + "\n"):
        out.setdefault(kind, []).append(quote)
    return out


def test_a_capitalised_item_before_a_known_label_stays_an_item() -> None:
    found = _by_kind(
        "Strengths: Great motion, Sharp detail Limitations: Slow generation, Expensive Access: Web app"
    )
    assert found["strength"] == ["Strengths: Great motion", "Sharp detail"]
    assert found["limitation"] == ["Limitations: Slow generation", "Expensive"]


def test_a_part_named_inside_a_list_ends_nothing() -> None:
    assert _by_kind("Limitations: Free tier: 3 videos per day, Pro plan: 1080p only")["limitation"][:2] == [
        "Limitations: Free tier: 3 videos per day",
        "Pro plan: 1080p only",
    ]
    assert _by_kind("限制：免费版：每天3段，会员：最长10秒")["limitation"] == [
        "限制：免费版：每天3段",
        "会员：最长10秒",
    ]


def test_a_plan_called_pro_inside_a_cons_list_is_no_pros_label() -> None:
    found = _by_kind("Cons: Free tier: heavy watermark, Pro: slow queue at peak hours")
    assert "strength" not in found
    # a con of the service, not of a clip: a limitation (v189)
    assert "slow queue at peak hours" in found["limitation"]


def test_bold_labels_run_into_one_line() -> None:
    found = _by_kind("**Pros:** smooth motion, sharp detail **Cons:** slow renders, weak hands")
    assert found["strength"][1:] == ["sharp detail"]
    # slow rendering is a limit of the model, weak hands a flaw of the clip (v189)
    assert found["limitation"] == ["**Cons:** slow renders"]
    assert found["bug"] == ["weak hands"]


def test_a_sentence_before_a_label_does_not_lead_into_its_list() -> None:
    found = _by_kind("Pros: great motion, sharp detail. Overall a solid tool Cons: slow renders, expensive")
    assert found["limitation"] == ["Cons: slow renders", "expensive"]


def test_a_limit_word_inside_prose_leaves_the_line_to_the_other_rules() -> None:
    # the line opens with no label: the lower-case "restriction:" lists nothing and drops nothing
    text = (
        "## Veo 3\n\nVeo 3 supports 1080p resolution now. (One outlet notes a current restriction: "
        "1080p works for 16:9 outputs today.)\n"
    )
    assert ("capability", "Veo 3", "Veo 3 supports 1080p resolution now") in _cells(text)


def test_a_line_opening_with_another_label_is_not_cut() -> None:
    # "Verdict" names no list: a model and a colon inside the line stay prose
    text = "Verdict: Kling 2.1 beats Runway: it is cheaper and sharper."
    assert ("strength", "Kling 2.1", text.rstrip(".")) in _cells("## Kling 2.1\n\n" + text + "\n")


def test_a_lower_case_limit_word_inside_a_list_is_no_label() -> None:
    found = _by_kind("Pros: great motion, and the limitations: few and minor.")
    assert "limitation" not in found


def test_a_plan_called_pro_run_on_inside_a_cons_list_ends_nothing() -> None:
    assert "slow queue" in _by_kind("Cons: watermark Pro: slow queue")["limitation"]


_COUNT_CALLS = """
from ingest.extract import inline_labels
from tests.extract_helpers import claims_of
calls = []
inside = inline_labels.InlineLabels.inside
def counted(self, text, a, b):
    calls.append((a, b))
    return inside(self, text, a, b)
inline_labels.InlineLabels.inside = counted
line = "Pros: fast renders, sharp detail Cons: jittery hands, warped faces " * 200
bugs = [c for c in claims_of("## Kling 2.1\\n\\n" + line + "\\n") if c.kind == "bug"]
print(len(calls), len(bugs))
"""


def test_labels_inside_one_line_are_found_once_per_line() -> None:
    # plain Python (a compiled module's own calls do not go through a patched class attribute)
    env = {**os.environ, "PINGCE_COMPILED": "off"}
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_CALLS], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    calls, bugs = map(int, done.stdout.split())
    assert bugs >= 200  # every Cons label inside the line lists its flaws
    assert 1 <= calls <= 4  # read once per line, by the engine, for the opinion and limit rules alike


# ----- making a clip in a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Kling 2.1 turns a prompt into a 480p clip in about 75 seconds.", 75.0),
        ("Kling 2.1 converts still photos into short videos in 40 seconds.", 40.0),
    ],
)
def test_turning_something_into_a_clip_in_a_time_is_a_generation_time(text: str, seconds: float) -> None:
    assert [c.generation_s for c in claims_of(text) if c.kind == "speed"] == [seconds]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 turns photos into clips in 5-second increments.",
        "Kling 2.1 turns images into video clips in 5s or 10s lengths.",
        "Kling 2.1 turns photos into videos in 5 seconds or 10 seconds durations.",
        "Kling 2.1 generates clips in 5s or 10s lengths.",
    ],
)
def test_making_clips_in_lengths_is_no_generation_time(text: str) -> None:
    assert not [c for c in claims_of(text) if c.kind == "speed"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Kling 2.1 generates a clip in 45 seconds or 90 seconds at 1080p.", 45.0),
        ("Kling 2.1 generates clips in 30s or 60s depending on load.", 30.0),
    ],
)
def test_a_time_and_its_alternative_stay_a_generation_time(text: str, seconds: float) -> None:
    speeds = [c for c in claims_of(text) if c.kind == "speed"]
    assert [c.generation_s or c.generation_s_min for c in speeds] == [seconds]


@pytest.mark.parametrize(
    "text",
    [
        # a length inside what is turned into a clip, or a time of something else: minutes need a
        # word of making or waiting
        "Kling 2.1 converts a 2 minute song into a music video in 5 minutes.",
        "Kling 2.1 turned into a video powerhouse in 2 minutes of the keynote.",
        "Kling 2.1 turns photos into clips in 10-second chunks.",
    ],
)
def test_turning_into_no_clip_time_is_no_generation_time(text: str) -> None:
    assert not [c for c in claims_of(text) if c.kind == "speed"]


# ----- the model in a bracket right after a price -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "## Runway Gen-4 pricing\n\n- 12 credits/sec (Gen-4) or 5 credits/sec (Gen-4 Turbo)\n",
            [("Runway Gen-4", 12.0), ("Runway Gen-4 Turbo", 5.0)],
        ),
        (
            "## Kling pricing\n\n- 10 credits per clip (Kling 2.1) or 35 credits per clip"
            " (Kling 2.1 Master)\n",
            [("Kling 2.1", 10.0), ("Kling 2.1 Master", 35.0)],
        ),
    ],
)
def test_the_model_in_the_bracket_after_a_price_owns_it(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.model, c.credits) for c in claims_of(text) if c.kind == "price"] == expected


def test_a_bracket_saying_more_than_a_name_does_not_decide_the_owner() -> None:
    text = "Kling 2.1 costs 35 credits per clip (about the price Hailuo 02 charged last year)."
    assert [c.model for c in claims_of(text) if c.kind == "price"] == ["Kling 2.1"]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Hailuo 02 costs 25 credits per clip (Kling 2.1: 35).", "Hailuo 02"),
        ("Kling 2.1 costs 35 credits per clip (Hailuo 02 is cheaper).", "Kling 2.1"),
        ("海螺02一条25积分（可灵2.1：35）", "Hailuo 02"),
        ("海螺02一条25积分（可灵2.1更贵）", "Hailuo 02"),
    ],
)
def test_a_bracket_naming_a_yardstick_and_more_keeps_the_price_its_subjects(text: str, model: str) -> None:
    assert [c.model for c in claims_of(text) if c.kind == "price"] == [model]


# ----- costs that weigh, quotas that run out, access still closed ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "海螺02的成本很高，批量跑不起。",
        "可灵2.1每天的免费额度有限。",
        "即梦目前还在内测，普通人还用不上。",
        "Vidu Q1目前只对企业用户开放。",
        "混元仍处于测试阶段。",
    ],
)
def test_cost_quota_and_closed_access_are_limitations(text: str) -> None:
    assert "limitation" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize("text", ["海螺02不再只对企业开放了，所有人都能用。", "可灵2.1已经向所有用户开放。"])
def test_open_access_is_no_limitation(text: str) -> None:
    assert "limitation" not in [c.kind for c in claims_of(text)]
