"""Compile the extractor's modules with mypyc into build/compiled (see ingest/extract/compiled.py).

Skipped when the last build still matches the sources (``--force`` builds anyway). The tree is
built beside the old one and swapped in whole, with a manifest of the sources' hashes taken before
the build began, so an edit made while it compiles leaves it unused rather than stale.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.extract.compiled import (  # noqa: E402
    BUILD_DIR,
    COMPILED,
    MANIFEST,
    interpreter,
    read_manifest,
    source_hashes,
    usable,
)


def _built() -> list[str]:
    """The modules the current build holds (none when there is no readable build)."""
    manifest = read_manifest()
    return sorted(manifest[1]) if manifest else []


def build(force: bool = False) -> int:
    why = usable()
    if why is None and _built() != COMPILED:
        why = "the modules to compile changed"
    if why is None and not force:
        print("compile-extractor: build/compiled is up to date")
        return 0
    from mypyc.build import mypycify
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    started = time.monotonic()
    hashes = source_hashes(COMPILED)
    os.chdir(ROOT)
    work = ROOT / "build" / "mypyc"
    staged = BUILD_DIR.with_name("compiled.new")
    shutil.rmtree(staged, ignore_errors=True)
    modules = mypycify(
        [f"ingest/extract/{name}" for name in COMPILED],
        opt_level="3",
        multi_file=True,
        group_name="pingce_extract",
        target_dir=str(work / "c"),
    )
    dist = Distribution({"name": "pingce-extract", "ext_modules": modules})
    cmd = build_ext(dist)
    cmd.build_lib = str(staged)
    cmd.build_temp = str(work / "objects")
    cmd.parallel = os.cpu_count() or 1
    cmd.ensure_finalized()
    cmd.run()
    manifest = {"interpreter": interpreter(), "sources": hashes}
    (staged / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    shutil.rmtree(BUILD_DIR, ignore_errors=True)
    staged.rename(BUILD_DIR)
    took = time.monotonic() - started
    print(f"compile-extractor: {len(COMPILED)} modules compiled in {took:.0f} s ({why})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even when up to date")
    return build(parser.parse_args().force)


if __name__ == "__main__":
    raise SystemExit(main())
