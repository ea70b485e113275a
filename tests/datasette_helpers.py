"""Helpers for the tests that drive Datasette in-process (through its ASGI client)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from datasette.app import Datasette

from ingest.web.serve import DEFAULT_SETTINGS, build_metadata, load_template

#: The canned queries as the metadata declares them (title, description, params).
CANNED: dict[str, dict[str, Any]] = load_template()["databases"]["pingce"]["queries"]


def make_ds(path: Path, immutable: bool = True, metadata: dict[str, Any] | None = None) -> Datasette:
    settings = {k: int(v) if v.isdigit() else v for k, v in DEFAULT_SETTINGS.items()}
    files = {"immutables": [str(path)]} if immutable else {"files": [str(path)]}
    return Datasette(
        metadata=metadata or build_metadata(path.stem, path),
        settings=settings,
        **files,
    )


def fetch(ds: Datasette, path: str, method: str = "get", **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        return await getattr(ds.client, method)(path, **kwargs)

    return asyncio.run(go())
