"""Load sources.yml into a validated Config, with errors that name the line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from schemas.config import SOURCE_MODELS, Config, source_type_name

# pydantic puts the ``type`` tag of a source in an error's location: not a key of the file
_TYPE_TAGS = {source_type_name(m) for m in SOURCE_MODELS}


class ConfigError(Exception):
    """sources.yml is missing, not YAML, or does not validate."""


def _node_line(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """Follow a pydantic error location through the YAML node tree to a line number."""
    line = node.start_mark.line
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    line = key.start_mark.line
                    node = value
                    break
            else:
                return line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            return line + 1
    return line + 1


def _refuse_duplicate_keys(path: Path, node: yaml.Node) -> None:
    """YAML keeps the last of two equal keys silently; a sources file must not (`path:` twice)."""
    stack, visited = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in visited:  # an alias: already checked where it was anchored
            continue
        visited.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = str(key.value)
                if name in seen:
                    raise ConfigError(
                        f"{path}: line {key.start_mark.line + 1}: duplicate key {name!r} "
                        f"(first at line {seen[name]})"
                    )
                seen[name] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def load_config(path: Path) -> Config:
    """Read and validate ``path``; raises ConfigError with a one-line message."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: not UTF-8 text (byte offset {exc.start})") from None
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}:{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if node is not None:
        _refuse_duplicate_keys(path, node)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with a 'sources' list")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        # A typo shows up as an unknown field plus a missing one: name the typo first.
        err = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in _TYPE_TAGS))
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("type",)
        line = _node_line(node, loc) if node is not None else 0
        field = ".".join(str(p) for p in loc) or "(top level)"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ConfigError(f"{path}: line {line}: {field}: {err['msg']}{more}") from None
    return config.resolve_paths(path.resolve().parent)
