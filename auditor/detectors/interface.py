"""The detector interface: a detector reads one document and reports hits; it never fetches."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from ..model import Document, Hit, Person


class Detector(ABC):
    """Turns a document into hits. Subclasses set a stable `name` (stored in history)."""

    name: ClassVar[str]
    attributed_only: ClassVar[bool] = False
    """True for discovered-data detectors: they run only on documents about the person."""

    @abstractmethod
    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield every hit in `document`; one per distinct value is enough (findings group them)."""
