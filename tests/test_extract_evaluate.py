"""The evaluation command: per-kind tables with the shared scorer's matching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.extract import evaluate


@pytest.fixture
def scorer() -> Any:
    try:
        return evaluate.load_scorer()
    except FileNotFoundError:
        pytest.skip("../shared/tools/score_claims.py is not beside the repo")


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(
        "可灵2.1生成一条5秒视频要20灵感值。生成速度很快，1分钟就出来了。", encoding="utf-8"
    )
    gold = {
        "documents": [
            {
                "path": "a.txt",
                "claims": [
                    {"kind": "price", "model": "Kling 2.1", "credits": 20, "duration_s": 5},
                    {"kind": "speed", "model": "Kling 2.1", "seconds": [50, 70]},
                    {"kind": "bug", "model": "Kling 2.1", "key": "手指变形"},
                ],
            }
        ]
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_score_file_counts_per_kind(tmp_path: Path, scorer: Any) -> None:
    s = evaluate.score_file(_gold(tmp_path), scorer)
    assert (s.tp["price"], s.tp["speed"], s.fn["bug"]) == (1, 1, 1)
    p, r, f = s.prf()
    assert r == pytest.approx(2 / 3) and f < 1
    assert any(m.startswith("FN a.txt") and "手指变形" in m for m in s.misses)


def test_main_prints_a_table_per_set(tmp_path: Path, scorer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main([str(_gold(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "== g (given)" in out and "price" in out and "overall F1" in out
    assert "regression set, not a measure" in out
