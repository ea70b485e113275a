"""The source-type registry: every type sources.yml accepts has its model and its reader, once."""

from __future__ import annotations

import inspect
from typing import get_type_hints

from ingest.source_types import SOURCE_TYPES, reader_for
from schemas.config import SOURCE_MODELS, Config, source_type_name


def test_every_config_model_has_exactly_one_reader() -> None:
    names = [source_type_name(m) for m in SOURCE_MODELS]
    assert sorted(names) == sorted(SOURCE_TYPES) and len(set(names)) == len(names)
    for name, entry in SOURCE_TYPES.items():
        assert entry.name == name and source_type_name(entry.config) == name


def test_each_reader_takes_its_own_model() -> None:
    for entry in SOURCE_TYPES.values():
        first = next(iter(inspect.signature(entry.read).parameters))
        assert get_type_hints(entry.read)[first] is entry.config


def test_a_validated_source_finds_its_reader() -> None:
    config = Config.model_validate(
        {
            "sources": [
                {"name": "n", "type": "clips", "path": "notes"},
                {"name": "f", "type": "feed", "url": "https://example.org/rss"},
            ]
        }
    )
    assert [reader_for(s).__name__ for s in config.sources] == ["read_clips", "read_feed"]
