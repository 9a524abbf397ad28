"""Logging filters the settings use (``LOGGING``)."""

import logging


class WithoutTraceback(logging.Filter):
    """Log the message only: for records whose traceback says nothing (a request for an unknown host name is
    the client's doing, and arrives by the thousand from scanners; each one used to print a full traceback)."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class DatabaseUnavailableInOneLine(logging.Filter):
    """While the database is down every request fails the same way: log each in one line with the reason
    (the connection error), not a traceback that says nothing new and buries everything else in the log."""

    def filter(self, record):
        from website.database.availability import is_database_unavailable  # noqa: PLC0415 - needs Django loaded

        error = record.exc_info[1] if record.exc_info else None
        if error is not None and is_database_unavailable(error):
            record.msg = f"{record.getMessage()} (database unavailable: {str(error).strip().splitlines()[0]})"
            record.args = ()
            record.exc_info = record.exc_text = record.stack_info = None
        return True
