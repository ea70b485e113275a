"""The learned clause classifier: features, training, the shipped weights and the extraction hook.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract import EXTRACTOR_VERSION, learned
from ingest.extract.engine import Extractor
from ingest.extract.learned import KINDS, WEIGHTS, KindModel, clause_features, configured_model, keep_new
from ingest.extract.train import Params, dump, fit, label, main, read_set, recorder
from schemas.claim import Claim
from schemas.document import Document


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("支持1080p的视频输出", {"#digit", "#spec", "#zh", "支持", "108"}, {"#neg", "#en"}),
        ("不支持文生视频", {"#neg", "#zh", "不支"}, {"#digit", "#spec"}),
        ("最长 10 秒", {"#digit", "#spec", "#len2"}, {"#neg"}),
        ("the motion looks smooth", {"#en", "#len3", "smo"}, {"#zh", "#digit"}),
        ("画面 looks great but slow", {"#mix"}, {"#en", "#zh"}),
    ],
)
def test_clause_features(text: str, present: set[str], absent: set[str]) -> None:
    feats = clause_features(text)
    assert present <= set(feats)
    assert not absent & set(feats)
    assert len(feats) == len(set(feats))


def test_english_words_are_hashed_not_stored() -> None:
    feats = clause_features("remarkable consistency")
    assert not [f for f in feats if "remarkable" in f]
    assert any(f.startswith("w") and len(f) <= 6 and f != "w" for f in feats)


def test_structural_features_from_context() -> None:
    feats = set(clause_features("再来一条", named=True, line="-", cues=("bug", "strength")))
    assert {"#named", "#line-", "#cue:bug", "#cue:strength"} <= feats


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


def _claim(kind: str, key: str) -> dict[str, object]:
    return {"kind": kind, "model": "Kling 2.1", "key": key}


SET_ONE = {
    "a.txt": (
        "可灵2.1测评。\n\n可灵2.1的运镜很丝滑，光影也自然。\n\n可灵2.1的手指会扭曲，背景闪烁。\n\n"
        "可灵2.1支持1080p输出。\n\n我们下午去了公园。",
        [
            _claim("strength", "运镜很丝滑"),
            _claim("strength", "光影也自然"),
            _claim("bug", "手指会扭曲"),
            _claim("bug", "背景闪烁"),
            _claim("capability", "支持1080p"),
        ],
    ),
}
SET_TWO = {
    "b.txt": (
        "可灵2.1再测。\n\n可灵2.1不支持文生视频。\n\n可灵2.1的色彩很鲜艳。\n\n可灵2.1的人脸会变形。\n\n今天天气不错。",
        [
            _claim("limitation", "不支持文生视频"),
            _claim("strength", "色彩很鲜艳"),
            _claim("bug", "人脸会变形"),
        ],
    ),
}


def test_labels_are_the_kinds_whose_key_the_clause_contains() -> None:
    gold: list[dict[str, object]] = [
        _claim("bug", "手指 会扭曲"),
        _claim("strength", "丝滑"),
        {"kind": "price"},
    ]
    assert label("可灵的手指会扭曲", gold) == {"bug"}
    assert label("运镜“丝滑”", gold) == {"strength"}
    assert label("我们下午去了公园", gold) == set()


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    one, two = _set(tmp_path, "one", SET_ONE), _set(tmp_path, "two", SET_TWO)
    ext = recorder()
    sets = [read_set(one, ext), read_set(two, ext)]
    doc = sets[0].docs[0]
    assert [sorted(lab) for lab in doc.labels].count(["strength"]) == 2
    params = Params(epochs=30, rate=0.1, min_count=1)
    first, second = fit(sets, params), fit(sets, params)
    assert dump(first) == dump(second)
    meta = json.loads(dump(first))
    assert [t["set"] for t in meta["trained_on"]] == ["one", "two"]
    assert meta["trained_on"][0]["positive"]["bug"] == 2
    for cand, lab in zip(doc.cands, doc.labels, strict=True):
        probs = dict(zip(KINDS, first.probs(cand.feats), strict=True))
        if lab == {"strength"}:
            assert probs["strength"] > 0.5
        if not lab:
            assert max(probs.values()) < 0.5


def test_train_command_writes_weights_and_cross_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = _set(tmp_path, "one", SET_ONE), _set(tmp_path, "two", SET_TWO)
    out = tmp_path / "w.json"
    assert main([str(one), str(two), "--out", str(out), "--min-count", "1"]) == 0
    model = KindModel.load(out)
    assert model.kinds == KINDS and model.weights
    assert main([str(one), str(two), "--cv", "--min-count", "1"]) == 0
    table = capsys.readouterr().out
    assert "held out" in table and "one" in table and "two" in table and "all (micro)" in table
    assert main([str(tmp_path / "missing.json")]) == 2


def test_shipped_weights_classify_a_clear_example_of_each_kind() -> None:
    model = KindModel.load(WEIGHTS)
    assert {t["set"] for t in model.meta["trained_on"]} >= {"dev", "seeds"}
    rec: list[learned.Candidate] = []
    text = (
        "可灵2.1支持生成1080p的视频。\n\n可灵2.1不支持文生视频。\n\n"
        "可灵2.1的运镜非常丝滑。\n\n可灵2.1生成的背景还会闪烁。\n\nThe motion looks smooth and realistic."
    )
    Extractor(EXTRACTOR_VERSION, record=rec).extract(Document(platform="text", text=text), "t")
    best = {text[c.start : c.end]: KINDS[max(range(4), key=lambda i: model.probs(c.feats)[i])] for c in rec}
    assert best == {
        "可灵2.1支持生成1080p的视频": "capability",
        "可灵2.1不支持文生视频": "limitation",
        "可灵2.1的运镜非常丝滑": "strength",
        "可灵2.1生成的背景还会闪烁": "bug",
        "The motion looks smooth and realistic": "strength",
    }


def _toy_model() -> KindModel:
    """A hand-made model: the bigram 呜啦 is a strength, nothing else is anything."""
    return KindModel(
        KINDS, [-6.0] * 4, {"呜啦": [0.0, 0.0, 9.0, 0.0]}, dict.fromkeys(KINDS, 0.5), {"trainer_version": 3}
    )


def test_a_learned_claim_carries_the_evidence_contract() -> None:
    text = "可灵2.1这次更新了。\n\n可灵2.1的画面呜啦呜啦，我们很满意。\n\n下一段：运镜呜啦而且非常丝滑。"
    claims = Extractor(EXTRACTOR_VERSION, learned=_toy_model()).extract(
        Document(platform="text", text=text), "t.txt"
    )
    got = [c for c in claims if c.method.startswith("learned-kinds/")]
    assert len(got) == 1
    c = got[0]
    assert (c.kind, c.model, c.method, c.section) == ("strength", "Kling 2.1", "learned-kinds/3", "body")
    assert c.quote == text[c.start : c.end] == "可灵2.1的画面呜啦呜啦"
    assert 0.5 <= c.confidence <= 1.0
    # the clause the rules claim (非常丝滑) gets no second, learned claim
    assert not [c for c in got if "丝滑" in c.quote]
    assert [c for c in claims if c.method.startswith("rules/") and "丝滑" in c.quote]


def _claim_at(kind: str, start: int, end: int, section: str = "body") -> Claim:
    return Claim(
        document="d", kind=kind, quote="x" * (end - start), start=start, end=end,
        section=section, confidence=0.5, method="m",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "kept"),
    [
        (_claim_at("strength", 0, 10), False),  # overlaps a rule claim of a text kind
        (_claim_at("bug", 9, 12), False),
        (_claim_at("strength", 10, 20), True),  # touches, does not overlap
        (_claim_at("price", 0, 10), True),  # a price says nothing about the clause's kind
        (_claim_at("strength", 0, 10, "summary"), True),
    ],
)
def test_keep_new(rule: Claim, kept: bool) -> None:
    new = _claim_at("capability", 5, 10)
    assert keep_new([new], [rule]) == ([new] if kept else [])


def test_configured_model_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(learned, "ENABLED", False)
    monkeypatch.delenv(learned.ENV, raising=False)
    assert configured_model() is None
    monkeypatch.setenv(learned.ENV, "on")
    assert configured_model() is not None
    monkeypatch.setenv(learned.ENV, "off")
    assert configured_model() is None
    path = tmp_path / "w.json"
    path.write_text(json.dumps(_toy_model().to_json()), encoding="utf-8")
    monkeypatch.setenv(learned.ENV, str(path))
    model = configured_model()
    assert model is not None and model.weights == {"呜啦": [0.0, 0.0, 9.0, 0.0]}
    stale = tmp_path / "old.json"
    stale.write_text(json.dumps({**_toy_model().to_json(), "features_version": 0}), encoding="utf-8")
    monkeypatch.setenv(learned.ENV, str(stale))
    assert configured_model() is None  # weights for other features are refused, extraction goes on
