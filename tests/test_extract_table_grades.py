"""Comparison tables whose columns are models: a row of monthly fees prices no clip and a yes mark
over a grade is praise; a tool that gives out is a bug."""

from __future__ import annotations

from tests.extract_helpers import claims_of, price_rows, scored

TABLE = (
    "| Aspect | Vidu Q1 | Hailuo 02 | Luma |\n"
    "|---|---|---|---|\n"
    "| Best for | Anime shorts | Product ads, fast drafts | Camera moves |\n"
    "| Motion quality | ✅ Outstanding | ✅ Strong | ✔ Yes |\n"
    "| Starting price | Free tier | $12/month | $9.99 per month |\n"
)


def test_a_row_of_monthly_fees_prices_no_clip() -> None:
    assert price_rows(TABLE) == []
    fees = sorted(c.price_usd or 0.0 for c in claims_of(TABLE) if c.kind == "plan_price")
    assert fees == [9.99, 12.0]


def test_a_yes_mark_over_a_grade_is_a_strength_quoting_the_row_label() -> None:
    rows = [(c.kind, c.model, c.quote) for c in scored(claims_of(TABLE)) if "Motion quality" in c.quote]
    assert ("strength", "Vidu Q1", "Motion quality | ✅ Outstanding") in rows
    assert ("strength", "Hailuo 02", "Motion quality | ✅ Outstanding | ✅ Strong") in rows
    assert [k for k, model, _ in rows if model == "Luma"] == ["capability"], "a plain yes stays a feature"
    graded = [c for c in scored(claims_of(TABLE)) if c.quote.strip("| ✅") in ("Outstanding", "Strong")]
    assert graded == [], "the grade is not read again on its own"


def test_a_tool_that_gives_out_is_a_bug() -> None:
    for text in (
        "Pika crashed several times while I rendered the trailer.",
        "Halfway through, Hailuo 02 stopped responding and the job timed out.",
        "Vidu Q1 returned a timeout error on every 8-second render.",
        "可灵的网页版生成到一半就闪退。",
    ):
        kinds = {c.kind for c in scored(claims_of(text))}
        assert kinds == {"bug"}, text
    assert [c.kind for c in scored(claims_of("Prices crashed last year; Luma is now cheaper."))] == []


def test_content_turned_away_and_output_kept_a_while_are_limitations() -> None:
    for text in (
        "Luma: photos of real people cannot be generated.",
        "Pika 2.2: uploads showing celebrities are currently rejected.",
        "即梦上传真人照片会被拒绝。",
        "海螺生成的视频会在7天后被清理，请及时下载。",
        "Vidu Q1 返回的视频链接有效期为2小时。",
        "Hailuo 02 outputs are deleted after 14 days.",
        "Hailuo 02 is blocked or gated across much of the world.",
        "海外用户目前无法使用清影。",
        "注册海螺需要中国手机号。",
    ):
        assert [c.kind for c in scored(claims_of(text))] == ["limitation"], text


def test_a_row_labelled_with_an_edition_prices_that_edition() -> None:
    text = (
        "Veo 3 per-second rates:\n\n"
        "| Tier | 720p | 1080p |\n|---|---|---|\n| Standard | $0.40 | $0.40 |\n| Fast | $0.15 | $0.15 |\n"
    )
    rows = {(model, usd) for model, usd, _, _ in price_rows(text)}
    assert rows == {("Veo 3", 0.4), ("Veo 3 Fast", 0.15)}


def test_a_version_lettered_h_is_the_models_own() -> None:
    # (named as the vendor sells its lettered line since v208: MiniMax H3)
    assert [(c.kind, c.model) for c in scored(claims_of("海螺H3 的 768P 每秒 $0.05。"))] == [
        ("price", "MiniMax H3")
    ]
