"""scripts/setup recovers from a half-made .venv (no pip, no python), in a temporary copy.

What is tested: the decision (``--check``: create, rebuild or ok) for each state of .venv,
the rebuild itself up to a working python and pip (``--venv-only``, with a stand-in for
``python -m venv`` that links the project's python: the real one installs its bundled pip,
tens of seconds), and the one-line error when the venv module is missing or makes no pip.
Not tested here: ``python -m venv`` itself and the ``pip install`` of pingce that follows (it
needs the package index; every other test runs in the .venv it made).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "setup", tmp_path / "scripts" / "setup")
    return tmp_path


def _setup(repo: Path, *args: str, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": python}
    return subprocess.run(
        [str(repo / "scripts" / "setup"), *args], capture_output=True, text=True, env=env, timeout=120
    )


def _half_made(repo: Path) -> None:
    """What `python3 -m venv` leaves where ensurepip is missing: a python, no pip."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(repo / ".venv")], check=True)


def _no_python(repo: Path) -> None:
    (repo / ".venv" / "bin").mkdir(parents=True)


def _working(repo: Path) -> None:
    (repo / ".venv").symlink_to(ROOT / ".venv")


@pytest.mark.parametrize(
    ("make", "decision"),
    [
        (None, "setup: create: no .venv"),
        (_half_made, "setup: rebuild: .venv is incomplete (no working pip)"),
        (_no_python, "setup: rebuild: .venv has no working python"),
        (_working, "setup: ok: .venv has python and pip"),
    ],
)
def test_setup_check_tells_what_it_would_do(tmp_path: Path, make: object, decision: str) -> None:
    repo = _copy(tmp_path)
    if callable(make):
        make(repo)
    before = sorted(p.name for p in (repo / ".venv").rglob("*")) if (repo / ".venv").is_dir() else None
    done = _setup(repo, "--check")
    assert done.returncode == 0 and done.stdout.strip() == decision, done
    after = sorted(p.name for p in (repo / ".venv").rglob("*")) if (repo / ".venv").is_dir() else None
    assert after == before  # --check changes nothing


def _fake_python(tmp_path: Path, venv: str) -> str:
    """A python3 whose `-m venv DIR` runs ``venv`` (shell) with DIR as $1; anything else fails."""
    fake = tmp_path / "python3"
    fake.write_text(f'#!/bin/sh\n[ "$1 $2" = "-m venv" ] || exit 1\nshift 2\n{venv}\n')
    fake.chmod(0o755)
    return str(fake)


def test_setup_rebuilds_a_venv_without_pip(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    _half_made(repo)
    # python -m venv with its bundled pip takes tens of seconds on a busy machine: this one links
    # the project's own python (which has pip) into the new .venv, so the test checks setup's steps
    python = _fake_python(
        tmp_path, f'mkdir -p "$1/bin" && ln -s {ROOT / ".venv" / "bin" / "python"} "$1/bin/python"'
    )
    done = _setup(repo, "--venv-only", python=python)
    assert done.returncode == 0, done
    assert "setup: .venv is incomplete (no working pip); rebuilding it" in done.stderr
    pip = subprocess.run(
        [str(repo / ".venv" / "bin" / "python"), "-m", "pip", "--version"], capture_output=True
    )
    assert pip.returncode == 0
    assert _setup(repo, "--check").stdout.strip() == "setup: ok: .venv has python and pip"


@pytest.mark.parametrize(
    "venv",
    [
        "echo 'ensurepip is not available' >&2; mkdir -p \"$1/bin\"; exit 1",  # fails half-way
        # exit 0, but its python has no pip
        'mkdir -p "$1/bin" && printf \'#!/bin/sh\\nexit 1\\n\' > "$1/bin/python" && chmod +x "$1/bin/python"',
    ],
)
def test_setup_without_the_venv_module_says_what_to_install(tmp_path: Path, venv: str) -> None:
    repo = _copy(tmp_path)
    done = _setup(repo, python=_fake_python(tmp_path, venv))
    assert done.returncode == 1
    assert "python3-venv" in done.stderr.strip().splitlines()[-1]  # setup's one line, after venv's own
    assert not (repo / ".venv").exists()  # nothing half-made left behind
