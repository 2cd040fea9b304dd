"""The ``pdf`` output format: the Word file, converted by LibreOffice.

LibreOffice is the one free program that lays out a .docx the way Word does
(line grid, exact spacing, repeated table heads).  Each process gets a
private LibreOffice profile, so several processes can convert at once; within
a process conversions take turns, because one profile cannot be shared.

The official fonts are proprietary.  ``fonts/fonts.conf`` maps their names
to free stand-ins (FandolFang, FandolKai, Noto CJK); without it every
Chinese font falls back to one sans-serif face.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from govreport.document.blocks import Document
from govreport.errors import GovreportError
from govreport.outputs.base import OptionSpec, RenderRequest
from govreport.outputs.docx.plugin import OPTIONS as DOCX_OPTIONS
from govreport.outputs.docx.plugin import DocxFormat
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

FONTCONFIG: Final = Path(__file__).resolve().parents[1] / "fonts" / "fonts.conf"
INSTALL_HINT: Final = (
    "请安装 LibreOffice：sudo apt-get install --no-install-recommends "
    "libreoffice-writer-nogui fonts-noto-cjk，"
    "再运行 scripts/install-fonts.sh 安装仿宋、楷体替代字体"
    "（install LibreOffice: apt-get install libreoffice-writer-nogui）"
)

OPTIONS: Final[Mapping[str, OptionSpec]] = {
    **DOCX_OPTIONS,
    "timeout": OptionSpec(
        "LibreOffice 转换超时（秒）",
        float,
        180.0,
        description="Seconds to wait for the LibreOffice conversion.",
        minimum=1.0,
    ),
}


class PdfConversionError(GovreportError, RuntimeError):
    """LibreOffice is missing or failed; the message says what to do."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


_lock = threading.Lock()


@functools.cache
def _profile_dir() -> Path:
    """This process's private LibreOffice profile, removed at exit."""
    path = Path(tempfile.mkdtemp(prefix=f"govreport-lo-{os.getpid()}-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def conversion_env() -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    return env


def docx_to_pdf(docx: bytes, *, timeout: float = 180.0) -> bytes:
    """Convert .docx bytes to PDF bytes with ``soffice --headless --convert-to pdf``."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfConversionError(f"找不到 LibreOffice（soffice），无法生成 PDF。{INSTALL_HINT}")
    with _lock, tempfile.TemporaryDirectory(prefix="govreport-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx)
        cmd = [
            soffice,
            f"-env:UserInstallation={_profile_dir().as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            done = subprocess.run(
                cmd, capture_output=True, timeout=timeout, env=conversion_env(), check=False
            )
        except subprocess.TimeoutExpired:
            raise PdfConversionError(f"LibreOffice 转换超时（{timeout:g} 秒）") from None
        except OSError as exc:
            raise PdfConversionError(
                f"无法启动 LibreOffice（{soffice}）：{exc}。{INSTALL_HINT}"
            ) from None
        target = source.with_suffix(".pdf")
        if done.returncode != 0 or not target.exists():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise PdfConversionError(
                f"LibreOffice 转换 PDF 失败（退出码 {done.returncode}）："
                f"{detail[-500:] or '无输出'}"
            )
        return target.read_bytes()


class PdfFormat:
    name = "pdf"
    extension = ".pdf"
    media_type = "application/pdf"
    description = "PDF（由 Word 版式经 LibreOffice 转换）"
    # A PDF is the Word output converted: same template, same options.
    capabilities = DocxFormat.capabilities
    options = OPTIONS

    def render(self, document: Document, request: RenderRequest) -> bytes:
        docx = DocxFormat().render(document, request)
        return docx_to_pdf(docx, timeout=float(request.option("timeout", 180.0)))


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(PdfFormat())
