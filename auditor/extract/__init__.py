"""Document bytes to text and metadata: `extract()` picks the HTML, PDF, image or text reader."""

from __future__ import annotations

from auditor.extract.dispatch import extract, sniff
from auditor.extract.interface import ExtractError

__all__ = ["ExtractError", "extract", "sniff"]
