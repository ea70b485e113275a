"""sources.yml as one validated object: a list of typed sources plus HTTP settings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]+$")

#: The database file when neither sources.yml (`db:`) nor --db names one, beside sources.yml.
DEFAULT_DB_NAME = "pingce.db"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HttpSettings(_Strict):
    """Politeness and robustness knobs for every fetching source."""

    user_agent: str = Field(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Safari/537.36",
        description="A plain browser User-Agent (Weibo's mobile API calls send a mobile one).",
    )
    contact: str | None = Field(
        None, description="Sent as the From header (an e-mail address), for site operators to reach you."
    )
    timeout_s: float = Field(20.0, gt=0)
    retries: int = Field(3, ge=0, le=10)
    backoff_s: float = Field(1.0, ge=0)
    max_backoff_s: float = Field(60.0, ge=0)
    min_interval_s: float = Field(
        8.0,
        ge=0,
        description="Minimum seconds between requests to one host (weibo-crawler waits 8-15 s per request).",
    )
    jitter_s: float = Field(
        7.0, ge=0, description="Up to this many more seconds, at random, on each of those waits."
    )
    request_deadline_s: float = Field(
        60.0,
        gt=0,
        description="Most seconds one request may take from connecting to its last byte "
        "(timeout_s restarts with every byte a server trickles; this does not).",
    )
    run_deadline_s: float | None = Field(
        None,
        gt=0,
        description="Most seconds a whole `pingce run` may take; what is left then is recorded as errors "
        "and the run exits 1 (`pingce run --deadline` overrides it).",
    )
    max_pages: int = Field(5, ge=1, description="Most timeline/feed pages fetched per source per run.")
    block_backoff_s: float = Field(
        3600.0,
        ge=0,
        description="After a refusal (HTTP 418/432, captcha, verification wall) skip the source this long; "
        "doubles on each refusal in a row, up to a day.",
    )
    # when the current run must end (time.monotonic()), set by the pipeline on its own copy
    _run_ends_at: float | None = PrivateAttr(None)

    def for_run(self, ends_at: float | None) -> HttpSettings:
        """A copy whose requests also stop at the run's deadline ``ends_at`` (time.monotonic())."""
        copy = self.model_copy()
        copy._run_ends_at = ends_at
        return copy

    @property
    def run_ends_at(self) -> float | None:
        return self._run_ends_at


class ExchangeRate(_Strict):
    """How many CNY one USD buys, and the date that rate is of: prices in one currency get the other."""

    usd_cny: float = Field(gt=0, description="CNY per USD, e.g. 7.18.")
    date: dt.date = Field(
        description="The day the rate is of (YYYY-MM-DD); shown beside every converted price."
    )


class SourceConfig(_Strict):
    """What every source type has. A source type's model subclasses this, with ``type: Literal[...]``."""

    type: str
    name: str
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name_ok(cls, v: str) -> str:
        if not _NAME_RE.match(v):
            raise ValueError("use letters, digits, '.', '_' or '-' only")
        return v


class ClipsSource(SourceConfig):
    """A folder of clipped Markdown notes."""

    type: Literal["clips"]
    path: Path
    glob: list[str] = Field(default_factory=lambda: ["*.md", "*.txt", "*.markdown"])
    recursive: bool = True


class FilesSource(SourceConfig):
    """Local files: WeChat HTML, Weibo API JSON, feeds, notes or plain text."""

    type: Literal["files"]
    paths: list[Path] = Field(min_length=1)


class WeiboUserSource(SourceConfig):
    """A Weibo user's timeline through m.weibo.cn."""

    type: Literal["weibo_user"]
    uid: str = Field(pattern=r"^\d{5,12}$")
    keywords: list[str] = Field(default_factory=list, description="Keep only posts containing one of these.")
    cookies_env: str | None = Field(
        None, description="Environment variable holding the Cookie header (SUB, SUBP)."
    )
    base_url: str = "https://m.weibo.cn"
    longtext_url: str | None = None
    visitor_url: str = Field(
        "https://passport.weibo.com",
        description="The passport host asked for a visitor cookie (genvisitor2).",
    )


class WeiboStatusSource(SourceConfig):
    """Single Weibo posts by URL or id."""

    type: Literal["weibo_status"]
    posts: list[str] = Field(min_length=1)
    cookies_env: str | None = None
    base_url: str = "https://m.weibo.cn"
    visitor_url: str = "https://passport.weibo.com"


class WechatArticleSource(SourceConfig):
    """WeChat official-account articles by URL, listed inline or in a file."""

    type: Literal["wechat_article"]
    urls: list[str] = Field(default_factory=list)
    url_file: Path | None = None
    cookies_env: str | None = None
    base_url: str = Field(
        "https://mp.weixin.qq.com", description="Where mp.weixin.qq.com pages are fetched from."
    )

    @model_validator(mode="after")
    def _some_urls(self) -> WechatArticleSource:
        if not self.urls and self.url_file is None:
            raise ValueError("give urls or url_file")
        return self


class FeedSource(SourceConfig):
    """An RSS/Atom feed (RSSHub routes, WeChat-to-RSS relays, blogs)."""

    type: Literal["feed"]
    url: str
    fetch_articles: bool = Field(True, description="Fetch WeChat article pages for full text.")
    keywords: list[str] = Field(default_factory=list)
    wechat_base_url: str = Field(
        "https://mp.weixin.qq.com", description="Where WeChat article pages are fetched from."
    )


def source_type_name(model: type[SourceConfig]) -> str:
    """The ``type:`` value that selects ``model`` in sources.yml."""
    (name,) = get_args(model.model_fields["type"].annotation)
    return str(name)


#: Every source type's model, as defined above: sources.yml's ``type`` picks one.
SOURCE_MODELS: tuple[type[SourceConfig], ...] = tuple(SourceConfig.__subclasses__())
if TYPE_CHECKING:
    Source = SourceConfig
else:
    Source = Annotated[Union[SOURCE_MODELS], Field(discriminator="type")]  # noqa: UP007


class Config(_Strict):
    """The whole of sources.yml."""

    version: Literal[1] = 1
    db: Path | None = None
    http: HttpSettings = Field(default_factory=lambda: HttpSettings())
    exchange_rate: ExchangeRate | None = None
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"source name {s.name!r} is used twice")
            seen.add(s.name)
        return self

    def db_path(self, config_path: Path) -> Path:
        """The database file: ``db:`` if given, else pingce.db beside sources.yml."""
        return self.db or config_path.resolve().parent / DEFAULT_DB_NAME

    def resolve_paths(self, base: Path) -> Config:
        """Make relative paths relative to the folder holding sources.yml."""
        for s in self.sources:
            if isinstance(s, ClipsSource):
                s.path = (base / s.path) if not s.path.is_absolute() else s.path
            elif isinstance(s, FilesSource):
                s.paths = [p if p.is_absolute() else base / p for p in s.paths]
            elif (
                isinstance(s, WechatArticleSource) and s.url_file is not None and not s.url_file.is_absolute()
            ):
                s.url_file = base / s.url_file
        if self.db is not None and not self.db.is_absolute():
            self.db = base / self.db
        return self
