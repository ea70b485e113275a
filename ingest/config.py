"""Load sources.yml into a validated Config, with errors that name the line and field."""

from __future__ import annotations

import difflib
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


def _known_keys() -> set[str]:
    from schemas.config import ExchangeRate, HttpSettings

    keys = set(Config.model_fields) | set(HttpSettings.model_fields) | set(ExchangeRate.model_fields)
    for model in SOURCE_MODELS:
        keys |= set(model.model_fields)
    return keys


def _did_you_mean(word: str, choices: set[str]) -> str:
    near = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def _error_lines(path: Path, node: yaml.Node | None, exc: ValidationError) -> list[str]:
    """Every validation error, one line each, naming its line; misspelt keys and types get a suggestion."""
    errors = exc.errors()
    # a misspelt key is also a missing one: the suggestion says it, so the missing line goes
    suggested: set[tuple[Any, ...]] = set()
    lines: list[tuple[int, str, str, tuple[Any, ...]]] = []
    for err in errors:
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in _TYPE_TAGS))
        msg = str(err["msg"])
        if err["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            hint = _did_you_mean(loc[-1], _known_keys())
            if hint:
                suggested.add((*loc[:-1], hint.split("'")[1]))
            msg += hint
        elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("type",)
            given = err.get("input", {}).get("type") if isinstance(err.get("input"), dict) else None
            if isinstance(given, str):
                msg = f"{given!r} is not a source type ({', '.join(sorted(_TYPE_TAGS))})"
                msg += _did_you_mean(given, _TYPE_TAGS)
        line = _node_line(node, loc) if node is not None else 0
        lines.append((line, ".".join(map(str, loc)), msg, loc))
    out = []
    for line, field, msg, loc in sorted(lines, key=lambda x: x[0]):
        if msg == "Field required" and loc in suggested:
            continue
        out.append(f"{path}: line {line}: {field or '(top level)'}: {msg}")
    return out


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
        raise ConfigError("\n".join(_error_lines(path, node, exc))) from None
    return config.resolve_paths(path.resolve().parent)
