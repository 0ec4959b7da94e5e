"""Photo GPS: where a picture on a page about the person was taken, and how close that is to home."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..model import Category, Document, GeoPoint, Hit, Match, PrivateLocation
from ..seal import CELL_M
from ..severity import severity_of
from .interface import Detector

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG); the haversine error is well under the radii people set."""


def haversine_m(a: GeoPoint | PrivateLocation, b: GeoPoint | PrivateLocation) -> float:
    """Great-circle distance in metres between two points in decimal degrees."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def describe_distance(metres: float) -> str:
    """'about 120 m' / 'about 3.4 km': rounded, since GPS in photos is itself only metres-accurate."""
    if metres < 10:
        return "within 10 m"
    if metres < 1000:
        return f"about {round(metres, -1):.0f} m"
    return f"about {metres / 1000:.1f} km"


class GpsDetector(Detector):
    """A photo's EXIF GPS position, with its distance to each of the person's private locations."""

    name = "photo_gps"
    attributed_only = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield one hit when the document carries a GPS position."""
        point = document.content.gps
        if point is None:
            return
        within = False
        distances = []
        for place in subject.person.private.locations:
            metres = haversine_m(point, place)
            inside = metres <= place.radius_m
            within = within or inside
            note = f"{describe_distance(metres)} {'of' if metres < 10 else 'from'} {place.label}"
            if inside:
                note += f" (inside its {place.radius_m:.0f} m radius)"
            distances.append(note)
        sealed = subject.known.sealed.location(point) if subject.known.sealed is not None else None
        if sealed is not None:
            # A sealed place is kept as map cells, not as a point: no distance, only whether it is inside.
            within = True
            distances.append(
                f"inside the {sealed.radius_m:.0f} m radius of {sealed.label} "
                f"(a sealed place, matched to about {CELL_M:.0f} m)"
            )
        value = f"{point.lat:.5f}, {point.lon:.5f}"
        yield Hit(
            detector=self.name,
            category=Category.LOCATION,
            match=Match.DISCOVERED,
            key=f"{point.lat:.5f},{point.lon:.5f}",
            value=value,
            evidence=f"photo GPS position {value}",
            severity=severity_of(Category.LOCATION, Match.DISCOVERED, within_radius=within),
            detail="; ".join(distances) if distances else "photo location",
        )
