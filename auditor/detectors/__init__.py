"""The detectors: known roster values everywhere, discovered data on pages about the person."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..mask import mask_text
from ..model import Document, Hit, Match
from .account import AccountDetector
from .email import EmailDetector
from .gps import GpsDetector
from .interface import Detector
from .known import KnownValuesDetector
from .messaging import MessagingLinkDetector
from .phone import PhoneDetector
from .postcode import PostcodeDetector
from .subject import Subject

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "AccountDetector",
    "Detector",
    "EmailDetector",
    "GpsDetector",
    "KnownValuesDetector",
    "MessagingLinkDetector",
    "PhoneDetector",
    "PostcodeDetector",
    "Subject",
    "default_detectors",
    "detect",
]


DEFAULT_DETECTORS: tuple[Detector, ...] = (
    KnownValuesDetector(),
    PhoneDetector(),
    EmailDetector(),
    PostcodeDetector(),
    MessagingLinkDetector(),
    GpsDetector(),
    AccountDetector(),
)
"""Every detector, known values first. Detectors keep no state: one set serves every person and thread."""


def default_detectors() -> list[Detector]:
    """Every detector, in the order `detect` runs them."""
    return list(DEFAULT_DETECTORS)


def detect(
    document: Document, subject: Subject, detectors: Sequence[Detector] = DEFAULT_DETECTORS
) -> list[Hit]:
    """Every distinct value the detectors see in `document`, once each: the one place hits are merged.

    Discovered-data detectors run only on documents about the person. Of several sightings of one value
    (category and key) the worst is kept, the first on a tie; a discovered value that a known value's
    sighting covers (a postcode inside the home address seen in full) is dropped.
    """
    best: dict[tuple[str, str], Hit] = {}
    for detector in detectors:
        if detector.attributed_only and not document.attributed:
            continue
        for hit in detector.detect(document, subject):
            identity = (hit.category.value, hit.key)
            current = best.get(identity)
            if current is None or hit.severity.rank < current.severity.rank:
                best[identity] = hit
    covered = {(hit.category.value, key) for hit in best.values() for key in hit.covers}
    hits = [h for identity, h in best.items() if h.match is not Match.DISCOVERED or identity not in covered]
    sealed = subject.known.sealed
    if hits and sealed is not None:
        # A plain roster's values are masked in snippets when reports are drawn (`mask.secret_words`); a
        # sealed one's words are known only here, read off the page, so they are masked here, for good.
        # The words to mask are read off the snippets themselves: what is not in a snippet needs no mask.
        secrets = sealed.secrets_in("\n".join(h.evidence for h in hits), subject.known.subject)
        hits = [dataclasses.replace(h, evidence=mask_text(h.evidence, secrets)) for h in hits]
    return hits
