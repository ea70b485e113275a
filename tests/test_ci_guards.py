"""CI refuses to run without ../shared (issue 12, case 15): the checks that read it must run there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT


def _layout(tmp_path: Path, parts: list[str]) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "check-shared", repo / "scripts" / "check-shared")
    for part in parts:
        (tmp_path / "shared" / part).mkdir(parents=True)
    return repo / "scripts" / "check-shared"


def test_check_shared_fails_with_a_clear_line_when_shared_is_missing(tmp_path: Path) -> None:
    done = subprocess.run(["bash", str(_layout(tmp_path, []))], capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert "../shared/seeds is missing" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_check_shared_fails_when_part_of_it_is_missing(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", str(_layout(tmp_path, ["seeds", "corpus"]))], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 1 and "../shared/gold is missing" in done.stderr


def test_check_shared_passes_with_shared_beside_the_repo(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", str(_layout(tmp_path, ["seeds", "corpus", "gold", "tools"]))],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr


def test_ci_runs_the_check_before_the_tests() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines.index("scripts/check-shared") < lines.index("scripts/test")
