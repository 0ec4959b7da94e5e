"""The built wheel carries everything `auditor demo` needs: templates, example roster, schema, sample web."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("auditor-*.whl"))


def test_wheel_contains_the_shipped_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "auditor/_shipped/report_templates/person.html.j2",
        "auditor/_shipped/report_templates/report.css",
        "auditor/_shipped/profiles/example.yaml",
        "auditor/_shipped/profiles/schema.json",
        "auditor/data/advice.yaml",
        "auditor/data/findings.schema.json",
        "auditor/data/advice.schema.json",
        "auditor/demo/web/janedoe.example/index.html",
        "auditor/demo/web/janedoe.example/images/fete.jpg",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "auditor/_shipped/tests")) for n in names)


@pytest.mark.slow
def test_plain_install_runs_the_demo(wheel: Path, tmp_path: Path) -> None:
    """A non-editable install in a fresh venv, run from an unrelated folder, must run the demo. The wheel
    goes in with --no-deps --no-index (no package index is ever asked); the venv borrows the
    dependencies from the test environment through a .pth file, which adds those folders to its path
    without running their .pth files (so the test environment's editable auditor stays out)."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    borrowed = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (Path(purelib) / "borrowed-test-deps.pth").write_text("\n".join(borrowed) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        check=True, timeout=600,
    )  # fmt: skip
    where = subprocess.run(
        [str(python), "-c", "import auditor; print(auditor.__file__)"],
        check=True, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    ).stdout  # fmt: skip
    assert where.startswith(str(env_dir)), where  # the installed wheel, not the checkout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "AUDITOR_HASH_KEY": "test", "XDG_CACHE_HOME": str(tmp_path / "c")}
    result = subprocess.run(
        [str(env_dir / "bin" / "auditor"), "demo", "--out", "out", "--quiet"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "people" / "jane-doe.html").is_file()
    assert "critical" in (elsewhere / "out" / "findings.json").read_text()
