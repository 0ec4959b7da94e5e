"""Sources: each turns a person into documents (pages, files, records), or says why it could not."""

from .interface import NotConfigured, Source, SourceContext
from .registry import SOURCE_CLASSES, build_sources, option_schemas

__all__ = [
    "SOURCE_CLASSES",
    "NotConfigured",
    "Source",
    "SourceContext",
    "build_sources",
    "option_schemas",
]
