"""Configuration: the optional YAML file (see the README's Configuration section), its defaults, and its
validation."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from . import __version__
from .errors import InputError
from .model import Severity
from .resources import package_data
from .schema_messages import schema_problems, url_check
from .yamlfile import read_yaml

DEFAULT_USER_AGENT = (
    f"auditor/{__version__} (+https://github.com/auditor-project/auditor; "
    "exposure audit for people at risk, obeys robots.txt)"
)


@dataclass(frozen=True)
class NetworkSettings:
    """How the one fetch layer behaves."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    """Seconds one whole request may take: connect, status line, headers and body together."""
    max_bytes: int = 10_000_000
    """A body larger than this is cut off (and recorded as a failure), never read in full."""
    concurrency: int = 8
    """Requests in flight at once, across hosts."""
    per_host_interval: float = 1.0
    """Minimum seconds between two requests to the same host."""
    allow_private: bool = False
    """Allow loopback/private/link-local/reserved addresses (tests and the demo only)."""
    proxy: str | None = None
    """An http(s) or socks proxy URL for every request."""
    retries: int = 3
    """Further attempts after a connection error, timeout, 429 or 5xx."""
    backoff: float = 1.0
    """Base of the exponential backoff between retries, in seconds."""
    max_retry_after: float = 120.0
    """A Retry-After longer than this is not waited for: the request is rate-limited."""
    job_timeout: float = 900.0
    """Seconds one source may spend on one person: past it, its remaining requests fail as timed out,
    the source is reported failed (timed out), and the rest of the audit goes on."""
    cache: Path | None = None
    """SQLite HTTP cache file; None means the platform cache dir. See `cache_enabled`."""
    cache_enabled: bool = True
    allow_addresses: tuple[str, ...] = ()
    """CIDR networks (e.g. "10.20.0.0/16") exempt from the address guard: an organisation's own
    intranet hosts. The name "localhost" stays refused; `allow_private` lifts the whole guard."""


@dataclass(frozen=True)
class CrawlSettings:
    """Limits of the website crawl, per seed site."""

    max_depth: int = 3
    max_pages: int = 100


@dataclass(frozen=True)
class ExtractSettings:
    """Limits of reading fetched files."""

    time_limit: float = 30.0
    """Seconds one page, PDF or image may take to read; past it, its reader process is stopped and the file
    is reported as not read."""


# --- notify ------------------------------------------------------------------------------------------

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


@dataclass(frozen=True)
class EmailSettings:
    """notify.email: SMTP."""

    host: str
    port: int
    security: str
    """starttls, tls or none."""
    sender: str
    to: tuple[str, ...]
    username_env: str | None = None
    password_env: str | None = None
    ca_file: Path | None = None
    timeout: float = 30.0


@dataclass(frozen=True)
class WebhookSettings:
    """notify.webhook: a JSON POST, signed when a secret is named."""

    url: str
    secret_env: str | None = None
    timeout: float = 30.0
    proxy: str | None = None


@dataclass(frozen=True)
class NotifySettings:
    """Where alerts go after an audit or a summary, and when."""

    min_severity: Severity = Severity.HIGH
    reports_url: str | None = None
    email: EmailSettings | None = None
    webhook: WebhookSettings | None = None
    retries: int = 3
    backoff: float = 5.0

    def unset_variables(self, environ: Mapping[str, str]) -> list[tuple[tuple[str, ...], str]]:
        """(config path, variable) for each environment variable a channel names that is unset or empty."""
        named: list[tuple[tuple[str, ...], str | None]] = []
        if self.email is not None:
            named += [(("notify", "email", "username_env"), self.email.username_env)]
            named += [(("notify", "email", "password_env"), self.email.password_env)]
        if self.webhook is not None:
            named += [(("notify", "webhook", "secret_env"), self.webhook.secret_env)]
        return [(path, name) for path, name in named if name and not environ.get(name, "").strip()]


def notify_settings(raw: Mapping[str, Any], base: Path) -> NotifySettings:
    """Settings from the validated YAML mapping; relative paths are taken from the config file's folder."""
    email = raw.get("email")
    webhook = raw.get("webhook")
    return NotifySettings(
        min_severity=Severity(raw.get("min_severity", "high")),
        reports_url=raw.get("reports_url"),
        retries=int(raw.get("retries", 3)),
        backoff=float(raw.get("backoff", 5.0)),
        email=None
        if email is None
        else EmailSettings(
            host=email["host"],
            port=int(email.get("port", DEFAULT_PORTS[email.get("security", "starttls")])),
            security=email.get("security", "starttls"),
            sender=email["from"],
            to=tuple(email["to"]),
            username_env=email.get("username_env"),
            password_env=email.get("password_env"),
            ca_file=base / Path(email["ca_file"]).expanduser() if email.get("ca_file") else None,
            timeout=float(email.get("timeout", 30.0)),
        ),
        webhook=None
        if webhook is None
        else WebhookSettings(
            url=webhook["url"],
            secret_env=webhook.get("secret_env"),
            proxy=webhook.get("proxy"),
            timeout=float(webhook.get("timeout", 30.0)),
        ),
    )


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    network: NetworkSettings = field(default_factory=NetworkSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    notify: NotifySettings | None = None
    """Where alerts go after an audit or a summary; None: nowhere."""
    sources: Mapping[str, Mapping[str, Any]] | None = None
    """When given, exactly the listed sources run, with these options; None: the defaults."""
    path: Path | None = None
    """The file it was loaded from, for messages."""


# --- loading ----------------------------------------------------------------------------------------

_PROXY_SCHEMES = frozenset({"http", "https", "socks5", "socks5h"})


def config_schema(source_options: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The config file's JSON Schema, with `sources` narrowed to the known sources and their options."""
    with package_data("config.schema.json").open(encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    sources = dict(schema["properties"]["sources"])
    # "x-key-noun" makes an unknown key read "unknown option ..." in messages (see schema_messages).
    sources["properties"] = {name: {"x-key-noun": "option", **opts} for name, opts in source_options.items()}
    sources["additionalProperties"] = False
    schema["properties"]["sources"] = sources
    return schema


def config_validator(source_options: Mapping[str, Mapping[str, Any]]) -> Draft202012Validator:
    """A validator for the config schema, with the format checks auditor relies on."""
    checker = FormatChecker()
    checker.checks("proxy", raises=ValueError)(_check_proxy)
    checker.checks("cidr", raises=ValueError)(_check_cidr)
    checker.checks("cache_file", raises=ValueError)(_check_cache_file)
    checker.checks("http_url", raises=ValueError)(_check_http_url)
    return Draft202012Validator(config_schema(source_options), format_checker=checker)


def load_config(
    path: Path | None,
    source_options: Mapping[str, Mapping[str, Any]],
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Load and validate a config file (None: the defaults); raise InputError listing every problem.

    `source_options` maps each known source's name to the JSON Schema of its options object. With
    `environ`, the variables `notify:` names must be set and its CA file readable (a run that is going to
    alert needs them)."""
    if path is None:
        return Config()
    loaded = read_yaml(path)
    if not loaded.parsed:
        raise InputError(list(loaded.problems))
    data = {} if loaded.data is None else loaded.data  # an empty config file means "all defaults"
    if isinstance(data, dict) and isinstance(data.get("sources"), dict):
        # `crawl:` with nothing after it reads as null; it means "on, with default options".
        data = {**data, "sources": {k: {} if v is None else v for k, v in data["sources"].items()}}
    loaded = dataclasses.replace(loaded, data=data)
    problems = [*loaded.problems, *schema_problems(loaded, config_validator(source_options))]
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    base = path.absolute().parent
    sources = data.get("sources")
    notify = notify_settings(data["notify"], base) if data.get("notify") is not None else None
    if notify is not None and environ is not None:  # this host is to send alerts: it needs what they need
        ca_file = notify.email.ca_file if notify.email else None
        if ca_file is not None and not (ca_file.is_file() and os.access(ca_file, os.R_OK)):
            # Said now, before anything is fetched: found at delivery, the alert would be lost.
            where = ("notify", "email", "ca_file")
            raise InputError([loaded.problem(where, f"{ca_file} is not a readable file")])
        unset = notify.unset_variables(environ)
        if unset:
            raise InputError(
                [
                    loaded.problem(where, f"${name} is not set (or is empty) in the environment")
                    for where, name in unset
                ]
            )
    return Config(
        network=_network(data.get("network", {}), base),
        crawl=_settings(CrawlSettings, data.get("crawl", {}), base),
        extract=_settings(ExtractSettings, data.get("extract", {}), base),
        notify=notify,
        sources=None
        if sources is None
        else types.MappingProxyType({k: types.MappingProxyType(dict(v)) for k, v in sources.items()}),
        path=path,
    )


def _network(raw: Mapping[str, Any], base: Path) -> NetworkSettings:
    values = dict(raw)
    cache = values.pop("cache", True)
    settings = _settings(NetworkSettings, values, base)
    if cache is False:
        return dataclasses.replace(settings, cache=None, cache_enabled=False)
    if isinstance(cache, str):
        return dataclasses.replace(settings, cache=_resolve(cache, base))
    return settings


_T = typing.TypeVar("_T")


def _settings(cls: type[_T], raw: Mapping[str, Any], base: Path) -> _T:
    """Build a settings dataclass from validated YAML values, converting by each field's type.

    Generic on purpose: a field added to NetworkSettings or CrawlSettings (and to the schema) loads
    without touching this code.
    """
    hints = typing.get_type_hints(cls)
    return cls(**{key: _convert(hints[key], value, base) for key, value in raw.items()})


def _convert(hint: Any, value: Any, base: Path) -> Any:
    if value is None:
        return None
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if option is float and isinstance(value, int | float):
            return float(value)
        if option is Path and isinstance(value, str):
            return _resolve(value, base)
        if typing.get_origin(option) is tuple and isinstance(value, list):
            return tuple(value)
    return value


def _resolve(value: str, base: Path) -> Path:
    """A path from the config file: `~` expanded, relative paths taken from the config file's folder."""
    return base / Path(value).expanduser()


def _check_cache_file(value: object) -> bool:
    """A file name with an extension: the cache is opened exactly there, so a folder ("/tmp") or a
    bare name (which SQLite libraries would quietly extend to "name.sqlite") is refused."""
    if isinstance(value, str):
        if value.endswith(("/", "\\")) or not Path(value).suffix:
            raise ValueError(f"{value!r} is a folder or has no file extension")
        if Path(value).is_dir():
            raise ValueError(f"{value!r} is a folder")
    return True


def _check_cidr(value: object) -> bool:
    """An IP network (10.20.0.0/16) or one address; host bits set are allowed, as the guard allows them."""
    if isinstance(value, str):
        ipaddress.ip_network(value, strict=False)  # raises ValueError saying what is wrong
    return True


_check_http_url = url_check(frozenset({"http", "https"}), "use http:// or https://")
_check_proxy = url_check(_PROXY_SCHEMES, "use http, https, socks5 or socks5h")
