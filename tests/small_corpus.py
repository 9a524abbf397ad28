"""A small content folder for tests that run ``seed_demo`` again: a few of the demo's own files.

Seeding the whole demo takes minutes; these tests need only what it does to a handful of objects
(a page edited in the admin, a forced re-import, a second run). The files are links to the real
content files (the glossary and meetings lists are cut to a few entries), so the objects are the
very ones the demo database already holds.
"""

from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parents[1] / "content"
LINKED = [
    "pages/home.md",
    "pages/about.md",
    "pages/accessibility.md",
    "pages/privacy.md",
    "site/footer.md",
    "knowledge/index.md",
    "knowledge/glossary-page.md",
    "knowledge/rfcs.csv",
    "knowledge/working_groups.csv",
    "knowledge/topics/dns.md",
    "knowledge/explainers/dns/how-dns-works.md",
    "programme/programme.md",
    "programme/reports-index.md",
    "programme/participation.yaml",
    "programme/milestones.yaml",
    "programme/reports/ietf-100-singapore.md",
]
GLOSSARY_TERMS = 3
MEETINGS = {"100"}


def small_corpus(folder: Path, languages=("fr",)) -> Path:
    for name in LINKED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(CONTENT / name)
    glossary = yaml.safe_load((CONTENT / "knowledge" / "glossary.yaml").read_text(encoding="utf-8"))
    (folder / "knowledge" / "glossary.yaml").write_text(
        yaml.safe_dump(glossary[:GLOSSARY_TERMS], allow_unicode=True), encoding="utf-8"
    )
    header, *rows = (CONTENT / "programme" / "meetings.csv").read_text(encoding="utf-8").splitlines()
    meetings = [row for row in rows if row.split(",")[0] in MEETINGS]
    (folder / "programme" / "meetings.csv").write_text("\n".join([header, *meetings]) + "\n", encoding="utf-8")
    (folder / "locale").mkdir()
    for code in languages:
        (folder / "locale" / code).symlink_to(CONTENT / "locale" / code)
    return folder
