"""Puts a benchmark's table into the README, between that benchmark's markers."""

from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def into_readme(text: str, markers: tuple[str, str]) -> None:
    """``text`` between the markers (the README is left alone, with a message, when they are not there)."""
    readme = README.read_text()
    start, end = markers
    if start not in readme or end not in readme:
        print(f"README.md has no {start} ... {end} markers: the table is only in the output file")
        return
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    README.write_text(f"{before}{start}\n{text}{end}{after}")
