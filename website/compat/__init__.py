"""Every workaround for a limitation of a library we build on, one module per upstream project.

Each module says which upstream version it follows, what it works around (with the upstream issue
where there is one) and when it can be deleted. Each declares ``UPSTREAM``: the distribution and
version it was written against, and ``FOLLOWS``: for every upstream function it copies or relies
on the inside of, a fingerprint of that function's source. ``tests/website/test_compat.py`` fails
when the installed version or any of those functions changes, so an upgrade makes someone look.
"""

import hashlib
import inspect
from importlib import import_module


def source_fingerprint(dotted_path: str) -> str:
    """SHA-256 (first 16 hex digits) of an upstream object's source, whitespace-normalised."""
    module_path, _, attribute_path = dotted_path.partition(":")
    obj = import_module(module_path)
    for part in attribute_path.split("."):
        obj = getattr(obj, part)
    source = "\n".join(line.strip() for line in inspect.getsource(obj).splitlines() if line.strip())
    return hashlib.sha256(source.encode()).hexdigest()[:16]
