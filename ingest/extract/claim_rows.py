"""A document's claims as the database's rows (``db.store.claim_row``), made where the claims are made.

`pingce run`'s workers turn every claim into its row and id before they send it: a claim's id
hashes ``schemas.claim.id_json([document, fields])``, its fields less document and confidence
with their keys sorted, and ``json`` sorts and encodes those 23 keys anew for every claim. Here
(compiled with the extractor) the keys' text is written once and only the values are encoded,
each as ``json`` encodes it: ``null``, ``true``/``false``, ``int`` and ``float`` by their repr
(``NaN`` and ``Infinity`` as ``json`` allows them), text by ``json``'s own ``encode_basestring``.
The text is the same (tests compare both over every kind of value), for less than half the CPU;
a value of any other type (never in a ``Claim``) takes ``claim_id_of`` itself.
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring
from math import inf
from typing import Any

from schemas.claim import Claim, claim_id_of

#: a claim's fields in their order (``Claim.__dict__``'s), ``document`` first
FIELDS: tuple[str, ...] = tuple(Claim.model_fields)
_ROW_FIELDS = FIELDS[1:]
#: a claim row's columns, as ``db.store.claim_row`` gives them: the fields less ``document``,
#: then the claim's id, its document and the extractor's version
COLUMNS: tuple[str, ...] = (*_ROW_FIELDS, "id", "document_id", "extractor_version")
_NOT_HASHED = ("document", "confidence")
_ID_FIELDS = sorted(f for f in FIELDS if f not in _NOT_HASHED)
# what ``id_json`` writes before each value: the key, after a comma from the second on
_PREFIXES = [f"{', ' if n else ''}{encode_basestring(k)}: " for n, k in enumerate(_ID_FIELDS)]


def _value_json(value: Any) -> str | None:
    """``value`` as ``json.dumps`` writes it; None for a type other than text, a number or None."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value == inf:
            return "Infinity"
        if value == -inf:
            return "-Infinity"
        return float.__repr__(value)
    return None


def claim_id(fields: dict[str, Any], document_key: str) -> str:
    """The id of the claim whose fields (``Claim.__dict__``) are ``fields``: ``claim_id_of`` of them."""
    parts = ["[", encode_basestring(document_key), ", {"]
    if len(fields) == len(FIELDS):
        for prefix, name in zip(_PREFIXES, _ID_FIELDS, strict=True):
            text = _value_json(fields[name])
            if text is None:
                break
            parts.append(prefix)
            parts.append(text)
        else:
            parts.append("}]")
            return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()[:20]
    payload = {k: v for k, v in fields.items() if k not in _NOT_HASHED}
    return claim_id_of(payload, document_key)


def claim_rows(claims: list[Claim], document_id: str, version: int) -> list[tuple[Any, ...]]:
    """The claims' rows, each its values in ``COLUMNS``' order, one per id: the last claim given with
    an id, in the place of the first (as ``db.batch.claim_values`` keeps them)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for claim in claims:
        fields: dict[str, Any] = claim.__dict__
        cid = claim_id(fields, document_id)
        rows[cid] = (*[fields[f] for f in _ROW_FIELDS], cid, document_id, version)
    return list(rows.values())
