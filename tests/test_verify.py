"""The learned claim verifier: features, pruning, training, the command and the extraction hook.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract import EXTRACTOR_VERSION, verify
from ingest.extract.engine import Extractor
from ingest.extract.evaluate import load_scorer
from ingest.extract.train_verify import Params, dump, fit, main, read_set
from ingest.extract.verify import VerifyModel, claim_features, configured_verifier, line_mark, names_model
from schemas.claim import Claim
from schemas.document import Document


@pytest.mark.parametrize(
    ("quote", "model", "named"),
    [
        ("可灵2.1的运镜很丝滑", "Kling 2.1", True),  # the version number names it
        ("Kling's motion looks smooth", "Kling 2.1", True),
        ("可靈的畫面很穩定", "Kling 2.1", False),  # a Chinese alias alone: not seen by this loose test
        ("the colours are vivid", "Veo 3", False),
        ("Veo 3 renders 1080p", "Veo 3", True),
        ("这里很好", None, False),
    ],
)
def test_names_model(quote: str, model: str | None, named: bool) -> None:
    assert names_model(quote, model) is named


@pytest.mark.parametrize(
    ("text", "at", "mark"),
    [
        ("# 標題\n正文", 2, "#"),
        ("开头\n- 支持首尾帧", 5, "-"),
        ("开头\n3. 支持4K", 5, "-"),
        ("| 模型 | 价格 |", 4, "|"),
        ("plain prose here", 6, ""),
    ],
)
def test_line_mark(text: str, at: int, mark: str) -> None:
    assert line_mark(text, at) == mark


def _claim(kind: str, quote: str, text: str, model: str = "Kling 2.1", method: str = "rules/9:cue") -> Claim:
    start = text.index(quote)
    return Claim(
        document="d", kind=kind, model=model, quote=quote, start=start, end=start + len(quote),
        confidence=0.62, method=method,
    )  # fmt: skip


def test_claim_features_describe_the_claim_and_its_surroundings() -> None:
    text = "测评开始。\n- 可灵2.1的运镜很丝滑，光影也自然\nThe end."
    c = _claim("strength", "可灵2.1的运镜很丝滑", text)
    feats = claim_features(c, text, models_over=2, same_span=1)
    assert {"k:strength", "r:cue", "kr:strength|cue", "kc:strength|6", "kn:strength|1"} <= set(feats)
    assert {"km:strength|2", "kd:strength|1", "kl:strength|-", "kz:strength|zh"} <= set(feats)
    assert "q丝滑" in feats and "x光影" in feats  # the quote's n-grams and the text after it on its line
    assert not [f for f in feats if "The" in f or "测评" in f]  # other lines are not context
    assert len(feats) == len(set(feats))


def test_english_words_are_hashed() -> None:
    text = "Veo 3 handles flickering badly."
    feats = claim_features(_claim("bug", "handles flickering badly", text, "Veo 3"), text, 1, 1)
    assert "kz:bug|en" in feats and "kn:bug|0" in feats
    assert not [f for f in feats if "flickering" in f]


def _toy() -> VerifyModel:
    """A hand-made verifier: the bigram 呜啦 in a quote marks a wrong claim; strengths and bugs are pruned."""
    return VerifyModel(2.0, {"q呜啦": -5.0}, {"strength": 0.5, "bug": 0.5}, {"trainer_version": 1})


def test_keep_drops_only_doubted_claims_of_pruned_kinds() -> None:
    text = "可灵2.1的画面呜啦呜啦。可灵2.1的运镜很丝滑。可灵2.1呜啦一下5元一条。"
    doubted = _claim("strength", "可灵2.1的画面呜啦呜啦", text)
    good = _claim("strength", "可灵2.1的运镜很丝滑", text)
    price = _claim("price", "可灵2.1呜啦一下5元一条", text, method="rules/9:price")
    kept = _toy().keep([doubted, good, price], {"body": text})
    assert kept == [good, price]  # a price is never pruned: it has no threshold


def test_weights_round_trip_and_refuse_other_features(tmp_path: Path) -> None:
    m = _toy()
    path = tmp_path / "v.json"
    path.write_text(json.dumps(m.to_json()), encoding="utf-8")
    back = VerifyModel.load(path)
    assert (back.bias, back.weights, back.thresholds) == (m.bias, m.weights, m.thresholds)
    path.write_text(json.dumps({**m.to_json(), "features_version": 0}), encoding="utf-8")
    with pytest.raises(ValueError, match="features version 0"):
        VerifyModel.load(path)


def test_configured_verifier_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text(json.dumps(_toy().to_json()), encoding="utf-8")
    monkeypatch.setattr(verify, "ENABLED", False)
    monkeypatch.delenv(verify.ENV, raising=False)
    assert configured_verifier() is None
    monkeypatch.setenv(verify.ENV, str(path))
    got = configured_verifier()
    assert got is not None and got.thresholds == {"bug": 0.5, "strength": 0.5}
    monkeypatch.setenv(verify.ENV, "off")
    assert configured_verifier() is None
    monkeypatch.setenv(verify.ENV, str(tmp_path / "missing.json"))
    assert configured_verifier() is None  # a missing file switches the layer off, with a warning


def test_the_extractor_prunes_with_a_verifier() -> None:
    text = "可灵2.1测评。\n\n可灵2.1的画面呜啦呜啦，非常丝滑。\n\n可灵2.1的运镜非常丝滑。"
    doc = Document(platform="text", text=text)
    plain = Extractor(EXTRACTOR_VERSION).extract(doc, "t")
    pruned = Extractor(EXTRACTOR_VERSION, verifier=_toy()).extract(doc, "t")
    assert [c for c in plain if "呜啦" in c.quote and c.kind == "strength"]
    assert pruned == [c for c in plain if not ("呜啦" in c.quote and c.kind in ("strength", "bug"))]


def _set(tmp_path: Path, name: str, docs: dict[str, tuple[str, list[dict[str, object]]]]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    entries = []
    for fname, (text, claims) in docs.items():
        (folder / fname).write_text(text, encoding="utf-8")
        entries.append({"path": fname, "claims": claims, "ignore": []})
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")
    return path


def _gold(kind: str, key: str) -> dict[str, object]:
    return {"kind": kind, "model": "Kling 2.1", "key": key}


# each document: some strengths the gold lists, one the rules find that the gold does not
SET_ONE = {
    "a.txt": (
        "可灵2.1测评。\n\n可灵2.1的运镜很丝滑。\n\n可灵2.1的光影很自然。\n\n可灵2.1的片头很丝滑，不过是广告。",
        [_gold("strength", "运镜很丝滑"), _gold("strength", "光影很自然")],
    ),
}
SET_TWO = {
    "b.txt": (
        "可靈2.1再測。\n\n可靈2.1的色彩很鮮豔。\n\n可靈2.1的片头很自然，不过是广告。",
        [_gold("strength", "色彩很鮮豔")],
    ),
}


def test_labels_follow_the_scorer_and_training_is_deterministic(tmp_path: Path) -> None:
    try:
        scorer = load_scorer()
    except FileNotFoundError:
        pytest.skip("the shared scorer is not beside the repo")
    one, two = _set(tmp_path, "one", SET_ONE), _set(tmp_path, "two", SET_TWO)
    ext = Extractor(EXTRACTOR_VERSION)
    sets = [read_set(one, ext, scorer), read_set(two, ext, scorer)]
    doc = sets[0].docs[0]
    by_quote = {str(p["quote"]): y for p, y in zip(doc.preds, doc.labels, strict=True)}
    assert any("运镜很丝滑" in q and y == 1 for q, y in by_quote.items())
    assert any("片头" in q and y == 0 for q, y in by_quote.items())
    p = Params(epochs=30, rate=0.2, min_count=1)
    first, second = fit(sets, p), fit(sets, p)
    assert first == second
    assert first[1].get("q片头", 0.0) < 0  # the n-gram only wrong claims hold counts against a claim


def test_train_command_writes_weights_and_cross_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        load_scorer()
    except FileNotFoundError:
        pytest.skip("the shared scorer is not beside the repo")
    one, two = _set(tmp_path, "one", SET_ONE), _set(tmp_path, "two", SET_TWO)
    out = tmp_path / "v.json"
    assert main([str(one), str(two), "--out", str(out), "--min-count", "1"]) == 0
    model = VerifyModel.load(out)
    assert model.weights and "price" not in model.thresholds
    assert [t["set"] for t in model.meta["trained_on"]] == ["one", "two"]
    assert out.read_text(encoding="utf-8") == dump(model)
    assert main([str(one), str(two), "--cv", "--min-count", "1"]) == 0
    table = capsys.readouterr().out
    assert "held out" in table and "mean of sets" in table and "per kind" in table
    assert main([str(tmp_path / "missing.json")]) == 2
