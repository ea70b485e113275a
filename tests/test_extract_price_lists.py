"""Price sheets laid out the way resellers and API pages lay them out: amounts listed with slashes
before one unit and paired with a list of resolutions, a header run into the text before it, a row
naming a version alone, and a page whose title names an edition."""

from __future__ import annotations

from tests.extract_helpers import claims_of, prices_of

SLASHED = (
    "| 模型 | 分辨率 | 单价 |\n|---|---|---|\n"
    "| wan2.1-t2v-plus | 480P / 720P / 1080P | ¥0.20 / ¥0.40 / ¥0.80 / 秒 |\n"
)


def test_amounts_listed_before_one_unit_each_take_it_and_their_resolution() -> None:
    got = {(model, cny, res) for model, _, cny, res in _rows(SLASHED)}
    assert got == {("Wan 2.1", 0.2, "480p"), ("Wan 2.1", 0.4, "720p"), ("Wan 2.1", 0.8, "1080p")}


def test_a_header_run_into_the_text_before_it_still_heads_its_columns() -> None:
    text = (
        "PixVerse credits per clip ($1 = 100 Credits)\n"
        "Text-to-video / Image-to-video| Model | Quality | Duration | Credits |\n|---|\n"
        "| V5 | 540p | 5s | 45 |\n| V5 | 1080p | 8s | 240 |\n"
    )
    got = sorted((model, credits, seconds) for model, credits, seconds in _credit_rows(text))
    assert got == [("PixVerse V5", 45.0, 5.0), ("PixVerse V5", 240.0, 8.0)]


def test_a_title_naming_an_edition_makes_the_page_about_it() -> None:
    text = "Pricing\n\n| Duration | Cost |\n|---|---|\n| 5 s | $0.40 |\n| 10 s | $0.80 |\n"
    rows = {(model, usd) for model, _, usd, _, _ in prices_of(text, title="Veo 3 Fast API guide")}
    assert rows == {("Veo 3 Fast", 0.4), ("Veo 3 Fast", 0.8)}
    plain = {(model, usd) for model, _, usd, _, _ in prices_of(text, title="Veo 3 API guide")}
    assert plain == {("Veo 3", 0.4), ("Veo 3", 0.8)}


def _rows(text: str) -> list[tuple[str | None, float | None, float | None, str | None]]:
    return [(c.model, c.price_usd, c.price_cny, c.resolution) for c in claims_of(text) if c.kind == "price"]


def _credit_rows(text: str) -> list[tuple[str | None, float | None, float | None]]:
    return [(c.model, c.credits, c.duration_s) for c in claims_of(text) if c.kind == "price"]


def test_a_note_naming_the_variant_an_amount_buys_is_no_limitation() -> None:
    kinds = [c.kind for c in claims_of("Luma Ray 2: 80 credits/video (no audio), 120 credits with sound.")]
    assert "limitation" not in kinds and "price" in kinds
    said = [c.kind for c in claims_of("Luma Ray 2 costs 80 credits per video and has no audio at all.")]
    assert "limitation" in said, "said outside the amount's note, it is the model's"


def test_what_a_price_depends_on_is_no_capability() -> None:
    for text in (
        "即梦3.0 按 720P 与 1080P 分档计费。",
        "Vidu Q1 is billed by output resolution (720p or 1080p).",
    ):
        assert [c.kind for c in claims_of(text) if c.kind in ("capability", "limitation")] == [], text
    assert [c.kind for c in claims_of("即梦3.0 支持1080P输出，价格不变。") if c.kind == "capability"] == [
        "capability"
    ], "a clause of its own still offers it"
