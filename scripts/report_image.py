"""Render the docs' picture of a progress report: the first page of the demo patient's report
(app/exports/report/examples.py, made-up figures) as a grey PNG, through the same PDF the API
serves and Debian's pdftoppm (poppler-utils, `make pdf-tools`).

    .venv/bin/python scripts/report_image.py   # writes docs/guides/patients/progress-report.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from app.exports.report import examples, pdf
from app.exports.report.sections import build_page

TARGET = Path(__file__).resolve().parents[1] / "docs/guides/patients/progress-report.png"
DPI = 80  # readable, and well under 200 KB
MAX_BYTES = 200_000


def main() -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm is missing: `make pdf-tools` (as root) installs poppler-utils")
    document = pdf.render_pdf(build_page(examples.demo_data()))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(document)
        out = Path(folder) / "page"
        subprocess.run(  # noqa: S603 - pdftoppm from PATH, arguments fixed here
            [
                pdftoppm,
                "-r",
                str(DPI),
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(out),
            ],
            check=True,
        )
        image = out.with_suffix(".png").read_bytes()
    if len(image) > MAX_BYTES:
        sys.exit(f"the picture is {len(image):,} bytes: more than {MAX_BYTES:,}")
    TARGET.write_bytes(image)
    sys.stdout.write(f"wrote {TARGET} ({len(image):,} bytes)\n")


if __name__ == "__main__":
    main()
