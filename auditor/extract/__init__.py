"""Document bytes to text and metadata: `extract()` picks the HTML, PDF, image or text reader."""

from __future__ import annotations

from auditor.extract.dispatch import extract, sniff
from auditor.extract.interface import Extract, ExtractError
from auditor.extract.isolate import IsolatedExtractor

__all__ = ["Extract", "ExtractError", "IsolatedExtractor", "extract", "sniff"]
