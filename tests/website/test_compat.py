"""Workarounds follow their upstream: a new upstream version, or a changed function we copy or wrap, fails here.

When this fails after an upgrade: read the upstream change, update (or delete) the workaround in
``website/compat/``, then record the new version and fingerprints there.
"""

import importlib
import pkgutil
import re
from importlib.metadata import version

import pytest

import website.compat
from website.compat import source_fingerprint

MODULES = [
    importlib.import_module(f"website.compat.{info.name}") for info in pkgutil.iter_modules(website.compat.__path__)
]


def test_every_workaround_module_names_its_upstream_and_when_to_delete_it():
    assert MODULES
    for module in MODULES:
        distribution, pinned = module.UPSTREAM
        assert distribution and pinned, module.__name__
        assert re.search(r"\bDelete\b[^.]*\bwhen\b", module.__doc__), (
            f"{module.__name__} does not say when to delete it"
        )
        assert module.FOLLOWS, f"{module.__name__} follows no upstream function"


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_upstream_version_is_the_one_the_workaround_was_written_for(module):
    distribution, pinned = module.UPSTREAM
    assert version(distribution) == pinned, f"{distribution} is now {version(distribution)}: review {module.__name__}"


@pytest.mark.parametrize(
    "module,dotted_path",
    [(module, path) for module in MODULES for path in module.FOLLOWS],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_upstream_functions_have_the_shape_we_follow(module, dotted_path):
    assert source_fingerprint(dotted_path) == module.FOLLOWS[dotted_path], (
        f"{dotted_path} changed upstream: compare it with {module.__name__} and record the new fingerprint"
    )
