"""`--quiet` is quiet: what parsers say about hostile pages goes to the debug log, never to cron's mail."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import io, logging, sys
from auditor.cli import _configure_logging
from bs4 import BeautifulSoup
from pypdf import PdfReader
_configure_logging(quiet=True)
BeautifulSoup("https://janedoe.example/contact.html", "lxml")   # bs4: "looks like a URL, not markup"
logging.getLogger("pypdf").warning("Invalid object in a hostile PDF")
try:
    PdfReader(io.BytesIO(b"%PDF-1.4\\n1 0 obj<</Type/Catalog>>endobj\\ntrailer<</Root 1 0 R>>%%EOF"))
except Exception:
    pass
logging.getLogger("auditor").warning("a source failed")             # ours still shows
"""


def test_library_warnings_stay_out_of_quiet_output() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "a source failed" in lines[0], result.stderr
