"""The detector interface: a detector reads one document and reports hits; it never fetches."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..model import Document, Hit
    from .subject import Subject


class Detector(ABC):
    """Turns a document into hits. Subclasses set a stable `name` (stored in history). A detector keeps
    no state: what it knows of the person comes compiled in the `Subject`, so one instance serves every
    person and thread."""

    name: ClassVar[str]
    attributed_only: ClassVar[bool] = False
    """True for discovered-data detectors: they run only on documents about the person."""

    @abstractmethod
    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield every hit in `document`. Repeats of one value are fine: `detect()` (the package's
        function) keeps the worst sighting of each."""
