"""The mypyc-compiled extractor: used only when it matches the sources, and it gives the same claims."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ingest.extract
from ingest.extract import compiled

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _build(tmp_path: Path, sources: dict[str, str], python: str | None = None) -> tuple[Path, Path]:
    """A package folder holding ``sources`` and a build folder whose manifest lists them as built."""
    package, build = tmp_path / "pkg", tmp_path / "build"
    package.mkdir()
    build.mkdir()
    for name, text in sources.items():
        (package / name).write_text(text, encoding="utf-8")
    manifest = {
        "interpreter": python or compiled.interpreter(),
        "sources": compiled.source_hashes(sorted(sources), package),
    }
    (build / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return package, build


def test_a_build_matching_the_sources_is_usable(tmp_path: Path) -> None:
    package, build = _build(tmp_path, {"a.py": "x = 1\n", "b.py": "y = 2\n"})
    assert compiled.usable(build, package) is None


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    package, build = _build(tmp_path, {"a.py": "x = 1\n", "b.py": "y = 2\n"})
    (package / "b.py").write_text("y = 3\n", encoding="utf-8")
    assert compiled.usable(build, package) == "sources changed since the build: b.py"
    (package / "b.py").unlink()
    assert compiled.usable(build, package) == "sources changed since the build: b.py"


def test_a_build_for_another_interpreter_or_none_is_not_used(tmp_path: Path) -> None:
    package, build = _build(
        tmp_path, {"a.py": "x = 1\n"}, python="cpython-310 .cpython-310-x86_64-linux-gnu.so"
    )
    assert compiled.usable(build, package) == "built for cpython-310 .cpython-310-x86_64-linux-gnu.so"
    (build / compiled.MANIFEST).write_text("{not json", encoding="utf-8")
    assert compiled.usable(build, package) == "unreadable manifest"
    assert compiled.usable(tmp_path / "nothing", package) == "not built"


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINGCE_COMPILED", "off")
    path: list[str] = []
    assert compiled.activate(path) is False
    assert path == []


def test_the_compiled_modules_are_those_not_excluded() -> None:
    assert "engine.py" in compiled.COMPILED and "section.py" in compiled.COMPILED
    assert "compiled.py" not in compiled.COMPILED and "__init__.py" not in compiled.COMPILED
    if ingest.extract.COMPILED:  # then the engine itself is the compiled one
        from ingest.extract import engine

        assert Path(engine.__file__).parent == compiled.BUILD_DIR / "ingest" / "extract"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
@pytest.mark.skipif(compiled.usable() is not None, reason=f"compiled extractor: {compiled.usable()}")
def test_compiled_and_plain_python_give_the_same_claims_on_real_reviews() -> None:
    paths = sorted(str(p) for p in (SHARED / "gold").glob("*/docs/*.md"))
    paths += sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    paths += sorted(str(p) for p in (SHARED / "corpus" / "wechat_html").glob("*.html"))[:10]
    outputs = {}
    for mode in ("on", "off"):
        env = {**os.environ, "PINGCE_COMPILED": mode}
        code = "import sys, ingest.extract as e; sys.stdout.write(str(e.COMPILED))"
        used = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert used.stdout == ("True" if mode == "on" else "False")
        run = subprocess.run(
            [sys.executable, "-m", "ingest", "extract", "--format", "jsonl", *paths],
            env=env,
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        outputs[mode] = run.stdout
    assert outputs["on"].count(b"\n") > 200  # the real reviews give claims
    assert outputs["on"] == outputs["off"]
