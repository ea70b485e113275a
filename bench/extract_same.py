"""Check that a change leaves extraction output byte-identical to a git revision's.

    .venv/bin/python bench/extract_same.py [--base main] [--notes 2000]

Runs ``python -m ingest extract --format jsonl`` with this tree and with ``--base``
(exported by ``git archive`` to a temporary folder) over the same files: the real
documents in ../shared (gold dev notes, seeds, the WeChat corpus pages), the blind sets
under /work/notes/blind when present, and ``--notes`` of the bench's generated notes
(``gen_notes.py``, seed 7). Prints the first differing lines and exits 1 when they differ.
A speed change must leave this at "identical".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, SHARED
from gen_notes import write_notes


def inputs(notes_dir: Path) -> list[Path]:
    paths = sorted((SHARED / "gold").glob("*/docs/*.md"))
    paths += sorted((SHARED / "seeds").glob("*.txt"))
    paths += sorted(p for c in ("corpus", "corpus2") for p in (SHARED / c / "wechat_html").glob("*.html"))
    paths += sorted(Path("/work/notes/blind").glob("*/docs/*.md"))
    paths += sorted(notes_dir.glob("*.md"))
    return paths


def extract(tree: Path, paths: list[Path]) -> bytes:
    """Claims of ``paths`` as the code in ``tree`` finds them (run from ``tree``: its modules come first)."""
    out = b""
    for i in range(0, len(paths), 500):  # keep the command line short
        cmd = [sys.executable, "-m", "ingest", "extract", "--format", "jsonl", *map(str, paths[i : i + 500])]
        out += subprocess.run(cmd, cwd=tree, check=True, capture_output=True).stdout
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="main", help="git revision to compare with (default: main)")
    ap.add_argument("--notes", type=int, default=2000, help="generated notes to include")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base, notes = Path(tmp) / "base", Path(tmp) / "notes"
        base.mkdir()
        archive = subprocess.run(["git", "archive", args.base], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        write_notes(notes, args.notes)
        paths = inputs(notes)
        before, now = extract(base, paths), extract(ROOT, paths)
    n_before, n_now = len(before.splitlines()), len(now.splitlines())
    print(f"{len(paths)} files; {n_before:,} claims with {args.base}, {n_now:,} now")
    if before == now:
        print("identical")
        return 0
    shown = 0
    for i, (a, b) in enumerate(zip(before.splitlines(), now.splitlines(), strict=False)):
        if a != b and shown < 5:
            print(f"line {i + 1}:\n  - {a.decode()[:300]}\n  + {b.decode()[:300]}")
            shown += 1
    print("DIFFERENT")
    return 1


if __name__ == "__main__":
    sys.exit(main())
