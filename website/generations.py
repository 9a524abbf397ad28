"""Generation tokens: what derived data kept in the cache is keyed by, so that a change makes it unreachable.

Something worked out from the database and kept in the shared cache (the menu of a language, whether any page
is private, the page cache's epoch) is stored under a key that includes its generation's token. A change gives
the generation a new token twice: at once, and when the change's transaction commits. A reader that worked it
out before the commit stored it under a token that is no longer current, so nothing computed from the old rows
is read after the change; and nobody has to know which keys were stored.
"""

import secrets

from django.core.cache import caches
from django.db import transaction


def new_token() -> str:
    return secrets.token_hex(8)


def now_and_on_commit(action) -> None:
    """``action`` at once (for a reader in between) and again when the current transaction commits."""
    action()
    transaction.on_commit(action)


class Generation:
    def __init__(self, key: str, cache_alias: str = "default"):
        self.key = key
        self.cache_alias = cache_alias

    def current(self) -> str:
        """The current token, set if missing."""
        cache = caches[self.cache_alias]
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, new_token(), timeout=None)
            token = cache.get(self.key)
        return token

    def renew(self, **signal_arguments) -> None:
        """A new token now and once the change is committed (usable as a signal receiver)."""
        now_and_on_commit(self._new_token)

    def _new_token(self) -> None:
        caches[self.cache_alias].set(self.key, new_token(), timeout=None)
