"""The one HTTP layer: `Fetcher.get(url)` gives a `Response` or a `FetchFailure`."""

from __future__ import annotations

from .fetcher import Fetcher
from .response import Response

__all__ = ["Fetcher", "Response"]
