"""The detectors: known roster values everywhere, discovered data on pages about the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    return [h for identity, h in best.items() if h.match is not Match.DISCOVERED or identity not in covered]
