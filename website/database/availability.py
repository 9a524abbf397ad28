"""Telling "the database is down" apart from other database errors (for the 503 page and the log)."""

from django.db import InterfaceError, OperationalError


def is_database_unavailable(error: BaseException) -> bool:
    """A connection that could not be made or was lost: the server is down, restarting or out of reach.

    Django raises its own ``OperationalError``/``InterfaceError`` wrapping the driver's. A query
    error (``ProgrammingError``, ``IntegrityError``) is a fault of ours, not an outage, and stays a 500.
    """
    return isinstance(error, (OperationalError, InterfaceError))
