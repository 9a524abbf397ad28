"""Facts about scripts that several parts of the site need: which characters are Han (Chinese).

Chinese is written without spaces between words, so search cuts it into character pairs, reading
time counts its characters, the glossary matches terms inside words, and A-to-Z filing has no
letter for it. One definition for all of them: the CJK Unified Ideographs, Extension A, and the
Compatibility Ideographs.
"""

import re

HAN_BLOCKS = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
HAN_RANGES = "".join(f"{first}-{last}" for first, last in HAN_BLOCKS)
HAN_CHARACTER = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")


def is_han(character: str) -> bool:
    """Whether a single character is Han (a comparison, not a regular expression: glossary marking asks often)."""
    return any(first <= character <= last for first, last in HAN_BLOCKS)


def whole_number(text: str, max_digits: int = 9) -> int | None:
    """``text`` as a non-negative whole number, or None: for numbers read from a query string.

    ``str.isdigit()`` accepts "²" and "①", which ``int()`` refuses, and any length; this accepts the
    decimal digits ``int()`` reads (Arabic-Indic ones included), at most ``max_digits`` of them.
    """
    if not text or len(text) > max_digits or not text.isdecimal():
        return None
    return int(text)
