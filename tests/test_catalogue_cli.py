"""`auditor catalogue check` against the sample web: a site whose rules went stale is reported (exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from auditor.demo.server import serving

if TYPE_CHECKING:
    from pathlib import Path

CATALOGUE = """\
version: 1
sites:
  - name: Example Social
    url: http://social.example/@{username}
    exists: {status: 200, text: '"@type":"Person"'}
    missing: {status: 404}
    claimed: [janedoe_mp]
    unclaimed: [auditor-unclaimed-7f3c9a]
  - name: Moved Social
    # The platform moved its profiles: the known-claimed account now 404s, so the rules are stale.
    url: http://social.example/people/{username}
    exists: {status: 200, text: '"@type":"Person"'}
    missing: {status: 404}
    claimed: [janedoe_mp]
    unclaimed: [auditor-unclaimed-7f3c9a]
"""


def test_catalogue_check_reports_a_stale_site(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(CATALOGUE)
    with serving() as web:
        config = tmp_path / "config.yaml"
        config.write_text(
            f'network: {{proxy: "{web.proxy_url}", allow_private: true, per_host_interval: 0, retries: 0, '
            f"cache: false}}\nsources: {{usernames: {{catalogue: {catalogue.name}}}}}\n"
        )
        result = subprocess.run(
            [sys.executable, "-m", "auditor.cli", "catalogue", "check", "--config", str(config)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "AUDITOR_HASH_KEY": "k"},
            check=False,
        )
        requested = web.requested("social.example")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("STALE")
    assert "Moved Social" in lines[0]
    assert any(line.startswith("ok") and "Example Social" in line for line in lines)
    assert "/@janedoe_mp" in requested
    assert "/people/janedoe_mp" in requested
    assert "1 stale" in lines[-1]
