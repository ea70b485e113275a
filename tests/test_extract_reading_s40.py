"""Session 40: fixes found by reading the misses of unseen sets of real reviews (each case written
for its mechanism, never copied from a set)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]


# ----- a wish is no finding -----


@pytest.mark.parametrize(
    "text",
    [
        "希望海螺以后每个版本都能做得这么稳定。",
        "希望可灵，也希望快手团队，每一步都走得足够扎实。",
        "期待Vidu下个版本的运动更流畅。",
        "I hope Runway gets smoother motion in the next release.",
        "Hopefully Pika fixes the flicker soon.",
        "我们真心希望即梦能修复手指崩坏的问题。",
    ],
)
def test_a_wish_states_no_quality(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] in ("strength", "bug")] == []


@pytest.mark.parametrize(
    "text, kind",
    [
        # a standard met or beaten is no wish
        ("Vidu的运动比我期待的更流畅。", "strength"),
        ("可灵超出了我的期待，运镜很丝滑。", "strength"),
        # a wish in an earlier sentence leaves the next one's verdict
        ("希望海螺继续努力。海螺的人物动作很自然。", "strength"),
        # a wish opening the sentence ends where a clause turns to what is now
        ("希望下个版本能改进，目前可灵的画面还是会闪烁。", "bug"),
        ("I hope Runway improves, but right now the hands still warp.", "bug"),
    ],
)
def test_a_verdict_near_a_wish_stays(text: str, kind: str) -> None:
    assert kind in [c[0] for c in _kinds(text)]


# ----- spans of credits and money are no rate -----


def test_a_row_of_spans_gives_no_credit_rate() -> None:
    text = (
        "| 平台 | 每条消耗 | 单条成本 |\n"
        "|---|---|---|\n"
        "| 可灵 | ~12 积分 | ~¥0.8-4 |\n"
        "| 海螺 | ~30 积分 | ~¥2-6 |\n"
    )
    got = scored(claims_of(text))
    assert [c for c in got if c.kind == "credit_rate"] == []
    credits = sorted((c.model, c.credits, c.price_cny) for c in got if c.kind == "price" and c.credits)
    assert credits == [("Hailuo", 30.0, None), ("Kling", 12.0, None)]


def test_one_amount_of_each_still_gives_a_rate() -> None:
    got = scored(claims_of("可灵的充值比例是10元100积分，生成一条5秒视频要20积分。"))
    assert [c.credits_per_cny for c in got if c.kind == "credit_rate"] == [10.0]


# ----- strengths and weaknesses named together are a topic -----


@pytest.mark.parametrize(
    "text",
    [
        "这个倒茶的例子，很典型地体现了海螺的优点和缺点。",
        "可灵的优缺点都很明显。",
        "Here are the pros and cons of Runway Gen-4.",
        "Below: Veo 3's strengths and weaknesses.",
    ],
)
def test_pros_and_cons_named_together_are_no_verdict(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] in ("strength", "bug")] == []


# ----- a flaw being repaired -----


def test_a_flaw_repaired_is_no_flaw() -> None:
    kinds = [c[0] for c in _kinds("Vidu 2.0这次修复偏色问题，画面稳定可控。")]
    assert "bug" not in kinds and "strength" in kinds
    # not repaired: the flaw stays
    assert "bug" in [c[0] for c in _kinds("Vidu 2.0还没修复偏色问题。")]


# ----- a graded check mark under a feature's label -----

_GRID = (
    "| 功能 | 可灵 | 海螺 |\n"
    "|---|---|---|\n"
    "| **图生视频** | ✅ 优秀 | ✅ 很强 |\n"
    "| **人物一致性** | ✅ 优秀 | ✅ 支持 |\n"
)


def test_a_graded_mark_under_a_feature_says_the_model_has_it() -> None:
    got = _kinds(_GRID)
    i2v = sorted((k, m) for k, m, q in got if q.startswith("图生视频"))
    assert i2v == [("capability", "Hailuo"), ("capability", "Kling")]
    # one reading per cell: the grade is not read again as praise of its own
    assert not [c for c in got if c[0] == "strength" and c[2].lstrip("| ").startswith("✅")]


def test_a_graded_mark_under_a_quality_is_praise() -> None:
    got = _kinds(_GRID)
    assert ("strength", "Kling") in [(k, m) for k, m, q in got if q.startswith("人物一致性")]


# ----- what is announced to come is no feature yet -----


@pytest.mark.parametrize(
    "text",
    [
        "官方说可灵的图生视频也很快就会上线。",
        "可灵即将支持4K输出。",
        "海螺后续会开放首尾帧功能。",
        "Runway says image-to-video support is coming soon.",
        "Pika will support lip sync next month.",
    ],
)
def test_a_feature_to_come_is_no_capability(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] == "capability"] == []


def test_a_feature_offered_now_is_a_capability() -> None:
    assert [c[0] for c in _kinds("海螺现在支持首尾帧功能。")] == ["capability"]
    assert "capability" in [c[0] for c in _kinds("Pika supports lip sync.")]
