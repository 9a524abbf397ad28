"""Browser tests: the site served from the test database in a thread, driven with Playwright and Chromium.

The server shares the session's demo content; what a browser test writes is committed (it goes
through the server), so a test that creates content deletes it again. On failure, a screenshot of
the page as it was is kept in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from tests.browser.provision import AXE, DEBIAN_CHROMIUM, LAUNCH_ARGS, find_browser

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests make
# between browser steps are ordinary blocking calls (the Django + Playwright setup its docs give).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()


@pytest.fixture(scope="session")
def browser():
    executable = find_browser()  # raises with a clear message: never a silent skip
    with sync_playwright() as playwright:
        options = {"args": LAUNCH_ARGS, "headless": True}
        if executable and (executable == DEBIAN_CHROMIUM or "ms-playwright" not in executable):
            options["executable_path"] = executable
        launched = playwright.chromium.launch(**options)
        yield launched
        launched.close()


def pytest_collection_modifyitems(config, items):
    """Every test in this folder drives the browser: ``pytest -m "not browser"`` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _screenshot_on_failure(request, page):
    failed = any(
        getattr(request.node, f"report_{when}", None) and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def new_page(browser, request):
    """``new_page(locale="es-ES", width=1280)``: a fresh browser context and page; screenshot kept on failure."""
    pages = []

    def make(locale="en-GB", width=1280, height=900, **options):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height}, **options)
        context.set_default_timeout(15_000)
        page = context.new_page()
        pages.append(page)
        return page

    yield make
    for page in pages:
        try:
            _screenshot_on_failure(request, page)
        finally:
            page.context.close()


def axe_violations(page, tags=WCAG_TAGS):
    """Runs axe-core on the page with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        tags,
    )


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)
