"""Cached copies of pages, and the version tokens that say whether a copy is still current.

A copy is kept under a key made of what decides its bytes (scheme, host, path, query string and the content
encoding the reader's browser takes) and remembers the tokens of its *tags* when it was made: ``page:<id>`` for
the page it is, and ``site`` for what every page shows (menu, footer). A change gives the tags of the pages it
touches new random tokens, so their copies no longer match and are made again on the next request; nothing
else is dropped, and no list of keys per page has to be kept (or raced over by two workers).

A tag without a token (never set, or evicted by Redis under memory pressure) matches no copy: a copy is only
ever stored with real tokens, set first when missing. And a copy rendered while a change was being committed
is not stored: every change also moves the ``epoch`` token, read before rendering and compared after.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from website.generations import Generation, new_token

CACHE_ALIAS = "pages"
EPOCH = "pc:epoch"
SITE_TAG = "site"
_EPOCH = Generation(EPOCH, CACHE_ALIAS)


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def backend():
    return caches[CACHE_ALIAS]


def page_tag(page_id: int) -> str:
    return f"page:{page_id}"


def _token_key(tag: str) -> str:
    return f"pc:tag:{tag}"


def copy_key(scheme: str, host: str, path: str, query: str, encoding: str) -> str:
    raw = "\n".join((scheme, host, path, query, encoding)).encode()
    return "pc:copy:" + hashlib.blake2b(raw, digest_size=16).hexdigest()


def current_epoch() -> str:
    """The epoch token, set if missing (read before a page that may be stored is rendered)."""
    return _EPOCH.current()


def tokens_for(tags, epoch: str) -> dict | None:
    """The current tokens of ``tags`` to store with a copy, or None when something changed since ``epoch``."""
    cache = backend()
    keys = [_token_key(tag) for tag in tags]
    found = cache.get_many([*keys, EPOCH])
    if found.get(EPOCH) != epoch:
        return None
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, new_token(), timeout=None)
        found = cache.get_many([*keys, EPOCH])
        if found.get(EPOCH) != epoch or any(key not in found for key in keys):
            return None
    return {tag: found[_token_key(tag)] for tag in tags}


def is_current(tokens: dict) -> bool:
    """Whether every tag still has the token the copy was made under (one round trip to the cache)."""
    keys = {_token_key(tag): token for tag, token in tokens.items()}
    found = backend().get_many(list(keys))
    return all(found.get(key) == token for key, token in keys.items())


def renew(tags) -> None:
    """New tokens for ``tags``: every copy made under the old ones is out of date from now on."""
    tags = set(tags)
    if not tags:
        return
    tokens = {_token_key(tag): new_token() for tag in tags}
    tokens[EPOCH] = new_token()
    backend().set_many(tokens, timeout=None)


def get_copy(key: str) -> dict | None:
    return backend().get(key)


def keep_copy(key: str, copy: dict, timeout: int) -> None:
    backend().set(key, copy, timeout=timeout)


def forget_all() -> None:
    """Every copy out of date at once (they all carry the site tag), without flushing a shared Redis database."""
    renew({SITE_TAG})
