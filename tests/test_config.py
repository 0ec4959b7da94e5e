"""Configuration loading: defaults, a full valid file, and every mistake located by file, line and field."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator

from auditor.config import (
    DEFAULT_USER_AGENT,
    Config,
    CrawlSettings,
    NetworkSettings,
    config_schema,
    load_config,
)
from auditor.errors import InputError
from auditor.resources import package_data

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

SOURCES: Mapping[str, Mapping[str, Any]] = {
    "crawl": {"type": "object", "properties": {}, "additionalProperties": False},
    "rdap": {"type": "object", "properties": {"base_url": {"type": "string"}}, "additionalProperties": False},
    "usernames": {"type": "object", "additionalProperties": False},
}


def write(folder: Path, text: str, name: str = "auditor.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_no_file_gives_the_defaults() -> None:
    config = load_config(None, SOURCES)
    assert config == Config()
    assert config.network.user_agent == DEFAULT_USER_AGENT
    assert config.network.cache_enabled
    assert config.network.cache is None
    assert config.sources is None


def test_empty_file_gives_the_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "# nothing to change\n")
    assert load_config(path, SOURCES) == Config(path=path)


def test_full_valid_config(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        network:
          user_agent: "auditor-test/1.0 (+https://auditor.example/)"
          timeout: 5
          max_bytes: 2048
          concurrency: 2
          per_host_interval: 0
          allow_private: true
          proxy: "socks5h://127.0.0.1:9050"
          allow_addresses: [10.20.0.0/16, "192.0.2.7"]
          retries: 0
          backoff: 0.5
          max_retry_after: 10
          cache: state/http-cache.sqlite
        crawl: {max_depth: 0, max_pages: 1}
        sources:
          crawl:
          rdap: {base_url: "http://127.0.0.1:8080"}
        """,
    )
    config = load_config(path, SOURCES)
    assert config.network == NetworkSettings(
        user_agent="auditor-test/1.0 (+https://auditor.example/)",
        timeout=5.0,
        max_bytes=2048,
        concurrency=2,
        per_host_interval=0.0,
        allow_private=True,
        proxy="socks5h://127.0.0.1:9050",
        allow_addresses=("10.20.0.0/16", "192.0.2.7"),
        retries=0,
        backoff=0.5,
        max_retry_after=10.0,
        cache=tmp_path.absolute() / "state/http-cache.sqlite",
    )
    assert isinstance(config.network.timeout, float)
    assert config.crawl == CrawlSettings(max_depth=0, max_pages=1)
    assert config.sources == {"crawl": {}, "rdap": {"base_url": "http://127.0.0.1:8080"}}
    assert config.path == path
    with pytest.raises(TypeError):
        config.sources["wayback"] = {}  # type: ignore[index]


def test_cache_false_disables_it(tmp_path: Path) -> None:
    network = load_config(write(tmp_path, "network: {cache: false}\n"), SOURCES).network
    assert (network.cache_enabled, network.cache) == (False, None)


def test_cache_true_means_the_default_place(tmp_path: Path) -> None:
    network = load_config(write(tmp_path, "network: {cache: true}\n"), SOURCES).network
    assert (network.cache_enabled, network.cache) == (True, None)


def test_absolute_cache_path_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "cache.sqlite"
    config = load_config(write(tmp_path, f"network: {{cache: '{target}'}}\n"), SOURCES)
    assert config.network.cache == target


def test_empty_sources_is_the_default_set(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "sources:\n"), SOURCES).sources is None


@pytest.mark.parametrize(
    "proxy", ["http://proxy.test:3128", "https://proxy.test", "socks5://user:secret@proxy.test:1080", None]
)
def test_proxy_forms_accepted(tmp_path: Path, proxy: str | None) -> None:
    config = load_config(write(tmp_path, f"network: {{proxy: {json.dumps(proxy)}}}\n"), SOURCES)
    assert config.network.proxy == proxy


# Each case: a config, then the (line, field, words in the message) of the one problem it must produce.
BAD_CONFIGS: list[tuple[str, str, int | None, str, str]] = [
    ("zero timeout", "network:\n  timeout: 0\n", 2, "network.timeout", "more than 0"),
    ("tiny max_bytes", "network:\n  max_bytes: 100\n", 2, "network.max_bytes", "at least 1024"),
    ("concurrency 0", "network:\n  concurrency: 0\n", 2, "network.concurrency", "between 1 and 64"),
    ("concurrency 65", "network: {concurrency: 65}\n", 1, "network.concurrency", "between 1 and 64"),
    (
        "negative interval",
        "\nnetwork:\n  per_host_interval: -1\n",
        3,
        "network.per_host_interval",
        "between 0 and",
    ),
    ("max_depth 11", "crawl:\n  max_depth: 11\n", 2, "crawl.max_depth", "between 0 and 10"),
    ("max_pages 0", "crawl:\n  max_pages: 0\n", 2, "crawl.max_pages", "between 1 and 10000"),
    ("max_pages fraction", "crawl:\n  max_pages: 2.5\n", 2, "crawl.max_pages", "must be a whole number"),
    ("ftp proxy", "network:\n  proxy: ftp://proxy.test\n", 2, "network.proxy", "socks5h://"),
    ("proxy without host", "network:\n  proxy: 'http://:3128'\n", 2, "network.proxy", "no host name"),
    ("proxy bad port", "network:\n  proxy: 'http://proxy.test:99999'\n", 2, "network.proxy", "port"),
    ("timeout as text", "network:\n  timeout: soon\n", 2, "network.timeout", "must be a number, not text"),
    ("timeout as .inf", "network:\n  timeout: .inf\n", 2, "network.timeout", "finite"),
    (
        "allow_private as text",
        "network:\n  allow_private: 'no'\n",
        2,
        "network.allow_private",
        "true or false",
    ),
    (
        "bad network",
        "network:\n  allow_addresses: [10.20.0.0/33]\n",
        2,
        "network.allow_addresses[0]",
        "10.20.0.0/16",
    ),
    ("network not a list", "network:\n  allow_addresses: 10.0.0.0/8\n", 2, "network.allow_addresses", "list"),
    ("cache empty", "network:\n  cache: ''\n", 2, "network.cache", "must not be empty"),
    ("cache is a folder", "network:\n  cache: /tmp\n", 2, "network.cache", "used exactly as given"),
    ("cache folder slash", "network:\n  cache: cache/\n", 2, "network.cache", "must name a file"),
    ("job timeout zero", "network:\n  job_timeout: 0\n", 2, "network.job_timeout", "between 1 and 86400"),
    ("user agent newline", 'network:\n  user_agent: "a\\nX-Evil: 1"\n', 2, "network.user_agent", "one line"),
    ("unknown section", "netwrok:\n  timeout: 3\n", 1, "netwrok", "did you mean 'network'?"),
    ("unknown network key", "network:\n  timout: 3\n", 2, "network.timout", "did you mean 'timeout'?"),
    (
        "unknown source",
        "sources:\n  crawl:\n  rdpa: {}\n",
        3,
        "sources.rdpa",
        "unknown source 'rdpa' — did you mean 'rdap'? (known sources: crawl, rdap, usernames)",
    ),
    (
        "unknown source option",
        "sources:\n  rdap:\n    base_ur1: http://rdap.test\n",
        3,
        "sources.rdap.base_ur1",
        "unknown option 'base_ur1'",
    ),
    (
        "option for a source without any",
        "sources:\n  usernames: {x: 1}\n",
        2,
        "sources.usernames.x",
        "none are",
    ),
    ("wrong option type", "sources:\n  rdap: {base_url: 8080}\n", 2, "sources.rdap.base_url", "must be text"),
    ("source options as a list", "sources:\n  crawl: [a]\n", 2, "sources.crawl", "must be a mapping"),
    ("duplicate key", "crawl:\n  max_depth: 1\n  max_depth: 2\n", 3, "crawl.max_depth", "duplicate key"),
    ("network empty", "network:\n", 1, "network", "give a value or delete the line"),
    ("a list at the top", "- network\n", 1, "", "must be a mapping"),
    ("YAML syntax error", "network:\n  timeout: [1\n", 3, "", "not valid YAML"),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"), [c[1:] for c in BAD_CONFIGS], ids=[c[0] for c in BAD_CONFIGS]
)
def test_bad_config_names_file_line_and_field(
    tmp_path: Path, text: str, line: int | None, field: str, words: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_config(path, SOURCES)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), line, field)
    assert words in problem.message


def test_every_mistake_in_a_config_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        network:
          timeout: -1
          concurrency: 100
        crawl:
          max_depth: 99
        sources:
          rdpa: {}
        """,
    )
    with pytest.raises(InputError) as caught:
        load_config(path, SOURCES)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (2, "network.timeout"),
        (3, "network.concurrency"),
        (5, "crawl.max_depth"),
        (7, "sources.rdpa"),
    ]


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_config(tmp_path / "nope.yaml", SOURCES)
    assert "not found" in caught.value.problems[0].message


# --- the schema and the dataclasses cannot drift ----------------------------------------------------


def _schema_file() -> dict[str, Any]:
    with package_data("config.schema.json").open(encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


def test_every_setting_is_loadable_and_every_key_is_a_setting() -> None:
    properties = _schema_file()["properties"]
    network = {f.name for f in dataclasses.fields(NetworkSettings)} - {"cache_enabled"}  # set via `cache`
    assert set(properties["network"]["properties"]) == network
    assert set(properties["crawl"]["properties"]) == {f.name for f in dataclasses.fields(CrawlSettings)}
    assert set(properties) == {f.name for f in dataclasses.fields(Config)} - {"path"}


def test_schema_defaults_match_the_dataclasses() -> None:
    properties = _schema_file()["properties"]
    for section, cls in (("network", NetworkSettings), ("crawl", CrawlSettings)):
        defaults = cls()
        for name, prop in properties[section]["properties"].items():
            if name in {"user_agent", "cache"}:  # computed from the version; two fields
                continue
            default = prop["default"]
            assert (tuple(default) if isinstance(default, list) else default) == getattr(defaults, name), name


def test_schema_is_valid_and_documents_every_property() -> None:
    schema = config_schema(SOURCES)
    Draft202012Validator.check_schema(schema)
    for section in ("network", "crawl", "extract"):
        for name, prop in schema["properties"][section]["properties"].items():
            assert prop.get("title"), f"{section}.{name}"
            assert prop.get("description"), f"{section}.{name}"
    for name, prop in schema["properties"].items():
        assert prop.get("title"), name
        assert prop.get("description"), name
