"""The exported workbook opens in LibreOffice: a headless conversion to PDF succeeds."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from controlroom.recap.workbook import export_recap

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
def test_libreoffice_converts_the_recap(known_show, repo, tmp_path):
    out = tmp_path / "recap.xlsx"
    export_recap(repo, known_show.show_id, out)
    profile = tmp_path / "lo-profile"  # its own profile: no clash with a running LibreOffice
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = tmp_path / "recap.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 10_000
