"""The command line: `pingce` and `python -m ingest` run the same click group.

The group and what its commands share are in ``base``; the commands register on it
from ``pipeline_cmds`` (parse, extract, run, runs, reextract) and ``output_cmds``
(serve, export, schema).
"""

from __future__ import annotations

from . import output_cmds, pipeline_cmds  # noqa: F401  (their commands register on the group)
from .base import cli

__all__ = ["cli"]
