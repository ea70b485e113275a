"""YAML read with no booleans or nulls, so a word list's words stay words (no, off, on, yes, ~).

Its own module, not compiled with the extractor (``ingest/extract/compiled.py``): the loader
class is changed after it is defined, which mypyc does not compile.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: The data files (lexicon, registry, weights), found from this module: a compiled module's own
#: file lies in the build tree, away from them.
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


class _WordLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML with no booleans or nulls: the lexicon's words stay words (no, off, on, yes, ~).

    LibYAML's loader when PyYAML has it (several times faster; it resolves tags with the
    same Python resolver, so the resolvers below apply to it too).
    """


_WordLoader.yaml_implicit_resolvers = {
    ch: [
        (tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")
    ]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_words(text: str) -> Any:
    """The YAML document ``text``, its scalars read as strings and numbers only."""
    return yaml.load(text, Loader=_WordLoader)  # noqa: S506 - a SafeLoader
