"""``website`` is shared ground: it imports no app and names none (apps register into it).

The settings are the one place that names the apps (INSTALLED_APPS and the feeds context
processor): they compose the project and are left out here.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("knowledge", "programme")
COMPOSITION = ROOT / "website" / "settings"

# Runs in a fresh interpreter: the apps cannot be imported at all, and Django starts without them.
IMPORT_EVERY_MODULE = """
import importlib, os, pkgutil, sys
from importlib.abc import MetaPathFinder

APPS = {apps!r}

class Forbidden(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in APPS:
            raise ImportError(f"website imported {{name}}")
        return None

sys.meta_path.insert(0, Forbidden())
os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
from django.conf import settings
settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app not in APPS]
settings.TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    name for name in settings.TEMPLATES[0]["OPTIONS"]["context_processors"] if name.split(".")[0] not in APPS
]
import django
django.setup()
import website
for module in pkgutil.walk_packages(website.__path__, "website."):
    if ".settings" in module.name or module.name.endswith("__main__"):
        continue
    importlib.import_module(module.name)
print("imported", len(sys.modules))
"""


def test_website_imports_without_the_apps():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE.format(apps=APPS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "imported" in result.stdout


def _names_an_app(value: str) -> bool:
    return any(value == app or value.startswith((f"{app}.", f"{app}/", f"{app}:")) for app in APPS)


def test_website_names_no_app_even_as_a_string():
    found = []
    for path in sorted((ROOT / "website").rglob("*.py")):
        if COMPOSITION in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _names_an_app(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found.extend(f"{path.relative_to(ROOT)}:{node.lineno} import {m}" for m in modules if _names_an_app(m))
    assert found == []


def test_the_checks_above_would_see_an_app_named():
    """The string check is not vacuous: it recognises the ways an app is named."""
    assert _names_an_app("knowledge.ExplainerPage") and _names_an_app("programme") and _names_an_app("knowledge/x.html")
    assert not _names_an_app("Policymakers Programme") and not _names_an_app("knowledge base")
