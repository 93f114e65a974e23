"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, and a cp1252 / latin-1 fallback
only for bytes that look like text. Anything else is binary and raises NotText."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

# Checked longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control bytes other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = bytes([*range(0, 9), *range(14, 32), 127])
_MAX_CONTROL_SHARE = 0.02  # more control bytes than this and the data is not text


class NotText(ValueError):
    """The bytes are binary data, not text; the message says why."""


def bom_encoding(head: bytes) -> str | None:
    """The encoding named by a byte order mark at the start of `head`, if there is one."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def looks_like_text(data: bytes) -> bool:
    """No NUL bytes and few other control bytes: what text in a legacy 8-bit encoding looks like."""
    if b"\x00" in data:
        return False
    control = len(data) - len(data.translate(None, _CONTROL))
    return control <= max(1, int(len(data) * _MAX_CONTROL_SHARE))


def decode_bytes(data: bytes) -> str:
    """Decode text. UTF-8 first; cp1252 (then latin-1) only when the bytes look like text."""
    encoding = bom_encoding(data)
    if encoding and encoding != "utf-8-sig":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise NotText(f"starts with a {encoding} byte order mark but is not valid {encoding}") from err
    if b"\x00" in data:
        raise NotText("contains NUL bytes (binary data, or text in UTF-16 without a byte order mark)")
    if not looks_like_text(data):
        raise NotText("contains control bytes that text does not have (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_line(line: str | bytes) -> str:
    """One line of a line-oriented input (JSON Lines, CSV) as text; raises NotText for binary lines."""
    if isinstance(line, bytes):
        return decode_bytes(line)
    if "\x00" in line:
        raise NotText("contains NUL characters (binary data)")
    return line.removeprefix("\ufeff")


def lenient_text(data: str | bytes) -> str:
    """Best-effort text for sniffing a format; never raises."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    encoding = bom_encoding(data)
    return data.decode(encoding or "utf-8", errors="replace").removeprefix("\ufeff")


def iter_file_lines(path: Path) -> Iterator[str | bytes]:
    """The lines of a file, lazily: bytes (decoded per line by the caller), or str for UTF-16/32 files
    with a byte order mark. Lines keep their line endings. Raises OSError, or UnicodeDecodeError for
    invalid UTF-16/32."""
    with open(path, "rb") as raw:
        encoding = bom_encoding(raw.read(4))
        raw.seek(0)
        if encoding in (None, "utf-8-sig"):
            yield from raw
            return
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
            yield from text


def universal_newlines(text: str) -> str:
    r"""\r\n and \r as \n, as Python's text mode reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
