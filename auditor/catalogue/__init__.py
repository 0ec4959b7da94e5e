"""Site catalogues for the usernames and people_search sources: format, loaders, presence, self-check."""

from __future__ import annotations

from .load import BUILTIN, builtin_path, load_catalogue
from .model import Catalogue, Kind, Rule, Site, Skipped, fill, slug
from .presence import (
    Presence,
    Probe,
    Reason,
    State,
    challenge_signs,
    decide,
    invalid,
    probe,
    unchecked_note,
    why_unknown,
)
from .selfcheck import CheckStatus, SiteCheck, UsernameCheck, check_catalogue, check_site, format_checks

__all__ = [
    "BUILTIN",
    "Catalogue",
    "CheckStatus",
    "Kind",
    "Presence",
    "Probe",
    "Reason",
    "Rule",
    "Site",
    "SiteCheck",
    "Skipped",
    "State",
    "UsernameCheck",
    "builtin_path",
    "challenge_signs",
    "check_catalogue",
    "check_site",
    "decide",
    "fill",
    "format_checks",
    "invalid",
    "load_catalogue",
    "probe",
    "slug",
    "unchecked_note",
    "why_unknown",
]
