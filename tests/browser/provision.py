"""Finds the browser for the browser tests, installing it when it can; fails loudly when it cannot.

    python -m tests.browser.provision      (run by ``make test`` before the suite)

Order: ``$CHROMIUM`` if set; Debian's Chromium (``/usr/bin/chromium``); as root with apt-get,
``apt-get install chromium``; otherwise Playwright's own Chromium (``playwright install chromium``).
Also checks that axe-core (from ``npm ci``) is in ``node_modules``, and that GNU gettext's ``msgfmt`` is there for
the catalogue check (``tests/knowledge/test_terminology.py``), installing Debian's ``gettext`` the same way. Exits
non-zero with a message saying what to install when one cannot be had: these tests are never skipped.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEBIAN_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class NoBrowser(RuntimeError):
    pass


def system_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for candidate in (DEBIAN_CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def playwright_chromium() -> str | None:
    """Path of Playwright's own Chromium, if it has been downloaded."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 - imported only when a browser is looked for

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # any failure means "not available"
        return None
    return path if path and os.path.exists(path) else None


def find_browser() -> str:
    """The Chromium to launch, without installing anything."""
    found = system_chromium() or playwright_chromium()
    if not found:
        raise NoBrowser(
            "No Chromium for the browser tests. Install Debian's (apt-get install chromium), or Playwright's "
            "(.venv/bin/python -m playwright install chromium), or set CHROMIUM to a Chromium executable."
        )
    return found


def install() -> None:
    if system_chromium() or playwright_chromium():
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's Chromium for the browser tests (apt-get install chromium) ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        if system_chromium():
            return
    print("Installing Playwright's Chromium for the browser tests ...", flush=True)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)


def install_gettext() -> None:
    if shutil.which("msgfmt") or not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return
    print("Installing GNU gettext for the catalogue check (apt-get install gettext) ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "gettext"], check=False, env=env)


def main() -> int:
    install()
    install_gettext()
    if not shutil.which("msgfmt"):
        print("error: msgfmt is missing for the catalogue check: install GNU gettext.", file=sys.stderr)
        return 1
    try:
        browser = find_browser()
    except NoBrowser as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not AXE.exists():
        print(
            "error: axe-core is missing for the accessibility tests: run `npm ci` (needs Node.js and npm).",
            file=sys.stderr,
        )
        return 1
    print(f"Browser tests will use {browser}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
