"""``manage.py check_terminology``: the terminology check over the project's PO files, for translators at work.

Prints each finding (file, entry, the term and its approved renderings, the translation) and exits with 1 when
there is any, like a linter. ``--accepted`` also lists the accepted exceptions with their reasons. The same check
runs in ``make test`` and, over the translations in the database, in the admin's Reports > Terminology.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from knowledge.terminology import check_files


class Command(BaseCommand):
    help = "Check every translated string against the term base (the glossary of its language)."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="A language code (repeatable); all by default.")
        parser.add_argument("--accepted", action="store_true", help="Also list the accepted exceptions.")

    def handle(self, *args, language=None, accepted=False, **options):
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        for code in language or []:
            if code not in codes:
                raise CommandError(f"Unknown language {code!r}; one of {', '.join(codes)}.")
        total = 0
        for code in language or codes:
            report = check_files(settings.BASE_DIR, code)
            for finding in report.findings:
                self.stdout.write(str(finding))
            if accepted:
                for finding in report.accepted:
                    self.stdout.write(f"accepted: {finding} (because: {finding.reason})")
            for unused in report.unused_exceptions:
                self.stdout.write(f"{code}: an exception no string needs any more: {unused.term} “{unused.english}”")
            total += len(report.findings) + len(report.unused_exceptions)
            self.stderr.write(
                f"{code}: {len(report.findings)} findings, {len(report.accepted)} accepted exceptions, "
                f"{len(report.unused_exceptions)} unused exceptions"
            )
        if total:
            raise SystemExit(1)
