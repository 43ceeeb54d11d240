"""The real programs the minutes are checked with: headless Chromium (printing the HTML to PDF) and
LibreOffice (re-saving a Word file). Locally a test that needs one is skipped when it is not installed;
in CI (CI=true, where .ci/run installs both from Debian) it fails instead."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
SOFFICE = ("soffice", "libreoffice")


def need(names: tuple[str, ...]) -> str:
    """The first of the programs that is installed; skip (locally) or fail (CI) when none is."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{names[0]} is not installed (.ci/run installs it from Debian)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def print_pdf(html: Path, pdf: Path) -> bytes:
    """The HTML printed to PDF (A4 from its own @page rules) by headless Chromium, as a user would."""
    browser = need(CHROMIUM)
    profile = pdf.parent / f".{pdf.stem}-chromium"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-pdf-header-footer", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                    html.resolve().as_uri()], check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    return pdf.read_bytes()


def libreoffice_resave(docx: Path, folder: Path) -> bytes:
    """The Word file opened and saved again as .docx by LibreOffice (headless)."""
    office = need(SOFFICE)
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / ".lo-profile").resolve().as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                    "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=180)
    return (folder / docx.name).read_bytes()
