"""auditor: audit what the public internet reveals about people at risk of social engineering."""

__version__ = "0.1.0"
