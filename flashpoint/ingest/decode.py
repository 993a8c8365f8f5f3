"""Bytes to text: refuse binary data, accept UTF-8, fall back to Windows-1252 with a warning.

Policy (documented in README): UTF-8 (a BOM is dropped) first; if that fails, Windows-1252
(cp1252, a superset of Latin-1's printable range that old news exports use), reported as a
warning. We never fall back to Latin-1: it decodes any byte string, so binary garbage would
pass as "text". Bytes that are neither UTF-8 nor cp1252 are refused.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO, Optional

FALLBACK_ENCODING = "cp1252"
_SNIFF_BYTES = 8192
# Control characters other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_MAX_CONTROL_RATIO = 0.05
FALLBACK_WARNING = (f"not valid UTF-8; decoded as {FALLBACK_ENCODING} (Windows Latin); "
                    "save it as UTF-8 to silence this warning")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str

    @property
    def warning(self) -> Optional[str]:
        return FALLBACK_WARNING if self.encoding == FALLBACK_ENCODING else None


def binary_reason(sample: bytes) -> Optional[str]:
    """Why ``sample`` looks like binary data rather than text, or None if it looks like text."""
    if b"\x00" in sample:
        return "file looks binary (it contains NUL bytes); give a text file (.txt, .jsonl, .csv, .html)"
    if sample:
        controls = sum(sample.count(bytes([c])) for c in _CONTROL)
        if controls / len(sample) > _MAX_CONTROL_RATIO:
            return "file looks binary (many control bytes); give a text file (.txt, .jsonl, .csv, .html)"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``; raise UnicodeDecodeError if neither UTF-8 nor cp1252 fits."""
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING)


def undecodable(exc: UnicodeDecodeError) -> str:
    return (f"text is neither UTF-8 nor {FALLBACK_ENCODING} (byte 0x{exc.object[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8, e.g. `iconv -f ENCODING -t UTF-8`")


def sniff(stream: BinaryIO) -> bytes:
    """The first bytes of a seekable stream (position restored)."""
    pos = stream.tell()
    sample = stream.read(_SNIFF_BYTES)
    stream.seek(pos)
    return sample


def stream_encoding(stream: BinaryIO, chunk: int = 1 << 20) -> str:
    """Which encoding decodes the whole seekable stream: "utf-8-sig" or cp1252 (raises if neither).

    Streams in chunks with an incremental decoder so a large CSV is never held in memory.
    """
    pos = stream.tell()
    try:
        for encoding in ("utf-8-sig", FALLBACK_ENCODING):
            stream.seek(pos)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while block := stream.read(chunk):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError as exc:
                last = exc
        raise last
    finally:
        stream.seek(pos)
