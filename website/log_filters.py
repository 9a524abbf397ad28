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
