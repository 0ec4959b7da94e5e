"""The detectors: known roster values everywhere, discovered data on pages about the person."""

from __future__ import annotations

from .account import AccountDetector
from .email import EmailDetector
from .gps import GpsDetector
from .interface import Detector
from .known import KnownValuesDetector
from .messaging import MessagingLinkDetector
from .phone import PhoneDetector
from .postcode import PostcodeDetector

__all__ = [
    "AccountDetector",
    "Detector",
    "EmailDetector",
    "GpsDetector",
    "KnownValuesDetector",
    "MessagingLinkDetector",
    "PhoneDetector",
    "PostcodeDetector",
    "default_detectors",
]


def default_detectors() -> list[Detector]:
    """A fresh set of every detector (each caches compiled per-person patterns, so share none)."""
    return [
        KnownValuesDetector(),
        PhoneDetector(),
        EmailDetector(),
        PostcodeDetector(),
        MessagingLinkDetector(),
        GpsDetector(),
        AccountDetector(),
    ]
