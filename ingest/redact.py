"""Secrets never leave the process: one redactor for every error line, state value and log record.

Cookies come from the environment. The pipeline registers each source's cookie
(``register``) before the source runs, every HTTP client registers its own, and
then the three places text leaves the process apply ``redact``: ``run_errors``
rows and the run summary (the pipeline's one error writer), source state such as
``blocked_reason`` (``RedactedState``), and logging (``RedactingFilter`` on the
CLI's handler, which also covers httpx's own log of redirect URLs under ``-v``).
A server that echoes a cookie back, in an error body or a redirect, is caught
there too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.reader import SourceState

MASK = "***"


def parse_cookie_header(value: str) -> list[tuple[str, str]]:
    """'a=1; b=2' → [('a', '1'), ('b', '2')] (a leading 'Cookie:' is tolerated)."""
    value = value.strip()
    if value.lower().startswith("cookie:"):
        value = value[7:]
    pairs = []
    for part in value.split(";"):
        name, sep, val = part.strip().partition("=")
        if sep and name.strip():
            pairs.append((name.strip(), val.strip()))
    return pairs


class Redactor:
    """Replaces secret values (cookies and their parts, also URL-encoded) in any text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: list[str] = []
        self._lock = threading.Lock()
        for s in secrets:
            self.add(s)

    def add(self, secret: str) -> None:
        from urllib.parse import quote

        with self._lock:
            for value in [secret, *(v for _, v in parse_cookie_header(secret))]:
                value = value.strip()
                for form in (value, quote(value, safe=""), quote(value)):
                    if len(form) >= 4 and form not in self._secrets:
                        self._secrets.append(form)
            self._secrets.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text


#: Every secret this process was given. Process-wide on purpose: log records and errors
#: from any module must be caught, whichever client or source the secret came with.
SECRETS = Redactor()


def register(secret: str | None) -> None:
    if secret and secret.strip():
        SECRETS.add(secret)


def redact(text: str) -> str:
    return SECRETS(text) if SECRETS else text


def one_line(text: str) -> str:
    """``text`` redacted, on one line, with control characters (a file name's terminal
    escapes, say) written as escapes instead of reaching the terminal."""
    flat = " ".join(redact(text).split())
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in flat)


class RedactingFilter(logging.Filter):
    """A handler filter: the formatted message (and any traceback text) with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not SECRETS:
            return True
        message = record.getMessage()
        clean = SECRETS(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = SECRETS(record.exc_text)
        return True


class RedactedState:
    """A source's state store whose written values pass through ``redact`` (blocked_reason...)."""

    def __init__(self, inner: SourceState) -> None:
        self._inner = inner

    def get(self, key: str) -> str | None:
        return self._inner.get(key)

    def set(self, key: str, value: str) -> None:
        self._inner.set(key, redact(value))
