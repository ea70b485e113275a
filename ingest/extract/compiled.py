"""The extractor's modules compiled to C by mypyc, used only while they match the sources exactly.

``scripts/compile-extractor`` builds the modules listed in :data:`COMPILED` into ``build/compiled``
beside the package, with a manifest of each source's SHA-256 and the interpreter it was built for.
:func:`activate` (called by ``ingest/extract/__init__.py`` before any of the modules is imported)
puts that tree ahead of the sources only when every listed source still has the hash it was built
from and the interpreter is the same: a rule edited after a build runs as plain Python until the
next build, never as stale compiled code. The output is the same either way (tests compare them);
``PINGCE_COMPILED=off`` runs the plain Python.

Not compiled: this module, the package's ``__init__`` (it activates the tree), the lexicon's YAML
loader (``words_yaml.py``: its class is patched after definition, which mypyc refuses) and the
training and evaluation commands, which are not on the extraction path.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
#: Where scripts/compile-extractor puts the built tree (the repository's build/ folder).
BUILD_DIR = PACKAGE_DIR.parents[1] / "build" / "compiled"
MANIFEST = "MANIFEST.json"
_NOT_COMPILED = {"__init__.py", "compiled.py", "words_yaml.py", "evaluate.py", "train.py", "train_verify.py"}
#: The modules that are compiled (file names in ingest/extract).
COMPILED = sorted(p.name for p in PACKAGE_DIR.glob("*.py") if p.name not in _NOT_COMPILED)


def source_hashes(names: list[str], package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """SHA-256 of each source file in ``names`` (a missing file hashes as empty)."""
    out = {}
    for name in names:
        path = package_dir / name
        out[name] = hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()
    return out


def interpreter() -> str:
    """What a build is only valid for: the interpreter's cache tag and its extension suffix."""
    import sysconfig

    return f"{sys.implementation.cache_tag} {sysconfig.get_config_var('EXT_SUFFIX')}"


def read_manifest(build_dir: Path = BUILD_DIR) -> tuple[str, dict[str, str]] | None:
    """The interpreter a build is for and its sources' hashes; None when missing or unreadable."""
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
        return str(manifest["interpreter"]), dict(manifest["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def usable(build_dir: Path = BUILD_DIR, package_dir: Path = PACKAGE_DIR) -> str | None:
    """Why the built tree cannot be used (None when it can): missing, other interpreter, stale."""
    if not (build_dir / MANIFEST).exists():
        return "not built"
    manifest = read_manifest(build_dir)
    if manifest is None:
        return "unreadable manifest"
    python, built = manifest
    if python != interpreter():
        return f"built for {python}"
    stale = [n for n, h in source_hashes(sorted(built), package_dir).items() if built[n] != h]
    if stale:
        return f"sources changed since the build: {', '.join(stale)}"
    return None


def activate(package_path: list[str]) -> bool:
    """Put the built tree ahead of the sources in ``package_path`` when usable; whether it did."""
    if os.environ.get("PINGCE_COMPILED", "").lower() in ("off", "0", "no"):
        return False
    why = usable()
    if why is not None:
        log.debug("extractor runs as plain Python: compiled modules %s", why)
        return False
    tree = str(BUILD_DIR / "ingest" / "extract")
    if tree not in package_path:
        package_path.insert(0, tree)
    if str(BUILD_DIR) not in sys.path:
        sys.path.append(str(BUILD_DIR))  # the compiled modules' shared library, a top-level module
    return True
