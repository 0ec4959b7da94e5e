"""Regenerates the sample web's binary files (a council PDF and a photo with GPS) from fictional data.

Run from the project root: `.venv/bin/python tests/make_demo_assets.py`. The files are committed;
this script documents exactly what is in them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import make_jpeg_with_gps, make_pdf  # noqa: E402

WEB = ROOT / "auditor" / "demo" / "web" / "janedoe.example"

REGISTER = [
    "Exampleton Borough Council",
    "Register of Members' Interests",
    "",
    "Member: Councillor Jane Doe (Exampleton North ward)",
    "",
    "1. Employment, office, trade, profession or vocation",
    "   Member of Parliament for Exampleton",
    "2. Land in the area of the authority",
    "   Home: 12 Acacia Avenue, Exampleton EX2 3BB",
    "3. Securities: none",
    "",
    "Signed: J. Doe    Date: 02/05/2023",
]


def main() -> None:
    (WEB / "files").mkdir(parents=True, exist_ok=True)
    (WEB / "images").mkdir(parents=True, exist_ok=True)
    pdf = make_pdf(REGISTER, author="Jane Doe", title="Register of interests: Cllr J Doe")
    (WEB / "files" / "register-of-interests.pdf").write_bytes(pdf)
    # About 170 m from the fictional home location in example.yaml (52.6100, -1.1100; radius 300 m).
    photo = make_jpeg_with_gps(52.6112, -1.1085, Make="ExampleCam", Model="Phone 12", Artist="Jane Doe")
    (WEB / "images" / "fete.jpg").write_bytes(photo)
    print("wrote", WEB / "files" / "register-of-interests.pdf", "and", WEB / "images" / "fete.jpg")


if __name__ == "__main__":
    main()
