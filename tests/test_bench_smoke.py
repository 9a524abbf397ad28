"""The page benchmark runs on a tiny corpus and prints its table, a row per page type and language (no timing
asserted)."""

import random

from bench import corpus, page_timing

LANGUAGES = ["en", "ar", "zh-hans"]


def test_page_benchmark_measures_every_page_type(db):
    corpus.build(1, LANGUAGES, random.Random(1), say=lambda *_: None)
    rows = page_timing.measure_all(LANGUAGES, runs=1, say=lambda *_: None)
    for code in LANGUAGES:
        kinds = [row.kind for row in rows if row.language == code and row.kind != page_timing.REFERENCE[0]]
        assert kinds == page_timing.PAGE_TYPES, code
    assert all(row.status == 200 for row in rows), [(row.url, row.status) for row in rows if row.status != 200]
    assert all(row.uncached and row.cached and row.gzip_bytes for row in rows)
    table = page_timing.table(rows, {}, rows[-1])
    print(table)
    # A header, a separator and a line per row, whose page and language come first.
    lines = table.splitlines()
    assert len(lines) == 2 + len(rows)
    assert [line.split(" | ")[:2] for line in lines[2:]] == [[f"| {row.kind}", row.language] for row in rows]
