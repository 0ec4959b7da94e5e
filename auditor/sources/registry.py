"""Which sources exist, which are on for this configuration, and why any is off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import SourceState
from .companies_house import CompaniesHouseSource
from .crawl import CrawlSource
from .github import GitHubSource
from .gravatar import GravatarSource
from .hibp import HibpSource
from .interface import NotConfigured, Source, SourceContext
from .keyserver import KeyserverSource
from .people_search import PeopleSearchSource
from .rdap import RdapSource
from .social import SocialSource
from .usernames import UsernamesSource
from .wayback import WaybackSource
from .web_search import WebSearchSource

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCE_CLASSES: tuple[type[Source], ...] = (
    CrawlSource,
    WaybackSource,
    RdapSource,
    UsernamesSource,
    GitHubSource,
    SocialSource,
    GravatarSource,
    KeyserverSource,
    PeopleSearchSource,
    WebSearchSource,
    CompaniesHouseSource,
    HibpSource,
)
"""Every source, in the order reports list them."""


def option_schemas() -> dict[str, Mapping[str, Any]]:
    """Each source's options schema, for validating the config file."""
    return {cls.name: cls.options_schema for cls in SOURCE_CLASSES}


def build_sources(ctx: SourceContext) -> tuple[list[Source], list[SourceState]]:
    """Instantiate the sources this configuration turns on; say why each other one is off."""
    listed = ctx.config.sources
    active: list[Source] = []
    states: list[SourceState] = []
    for cls in SOURCE_CLASSES:
        if listed is not None and cls.name not in listed:
            states.append(SourceState(cls.name, cls.description, False, "not listed in the config's sources"))
            continue
        if listed is None and not cls.default_on:
            states.append(
                SourceState(
                    cls.name, cls.description, False, "off by default: list it in the config to use it"
                )
            )
            continue
        options = (listed or {}).get(cls.name) or {}
        try:
            source = cls(options, ctx)
        except NotConfigured as e:
            states.append(SourceState(cls.name, cls.description, False, str(e)))
            continue
        active.append(source)
        why = "listed in the config" if listed is not None else "on by default"
        if source.notice:
            why = f"{why}; {source.notice}"
        states.append(SourceState(cls.name, cls.description, True, why))
    return active, states
