"""Which sources run: the defaults, the config's list, and a key in the environment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.config import Config, NetworkSettings
from auditor.fetch import Fetcher
from auditor.sources import SOURCE_CLASSES, SourceContext, build_sources

if TYPE_CHECKING:
    from pathlib import Path

    from auditor.model import SourceState

NAMES = [cls.name for cls in SOURCE_CLASSES]


def states(tmp_path: Path, config: Config, environ: dict[str, str]) -> dict[str, SourceState]:
    with Fetcher(NetworkSettings(cache_enabled=False)) as fetcher:
        _, found = build_sources(SourceContext(fetcher=fetcher, config=config, environ=environ))
    return {s.name: s for s in found}


def test_every_source_is_listed_once_with_a_reason(tmp_path: Path) -> None:
    found = states(tmp_path, Config(), {})
    assert list(found) == NAMES
    assert len(set(NAMES)) == len(NAMES) >= 10
    assert all(s.reason and s.description for s in found.values())


def test_defaults_need_no_key_or_file(tmp_path: Path) -> None:
    found = states(tmp_path, Config(), {})
    on = {name for name, s in found.items() if s.enabled}
    assert on == {"crawl", "wayback", "rdap", "usernames", "github", "social", "gravatar", "keyserver"}
    assert "COMPANIES_HOUSE_API_KEY" in found["companies_house"].reason
    assert "HIBP_API_KEY" in found["hibp"].reason
    assert "config" in found["people_search"].reason


def test_a_key_in_the_environment_turns_its_source_on(tmp_path: Path) -> None:
    found = states(tmp_path, Config(), {"HIBP_API_KEY": "k", "COMPANIES_HOUSE_API_KEY": "k"})
    assert found["hibp"].enabled
    assert found["companies_house"].enabled


def test_a_config_list_runs_exactly_those(tmp_path: Path) -> None:
    found = states(tmp_path, Config(sources={"crawl": {}, "rdap": {}}), {"HIBP_API_KEY": "k"})
    assert {n for n, s in found.items() if s.enabled} == {"crawl", "rdap"}
    assert found["hibp"].reason == "not listed in the config's sources"
