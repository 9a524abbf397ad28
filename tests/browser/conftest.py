"""Browser tests: the site served from the test database in a thread, driven with Playwright and Chromium.

The server shares the session's demo content; what a browser test writes is committed (it goes
through the server), so a test that creates content deletes it again. On failure, a screenshot of
the page as it was is kept in test-artifacts/.

Every page made by ``new_page`` records what the Content-Security-Policy blocks, in any of its frames
(``securitypolicyviolation`` events, and Chromium's "violates the following Content Security Policy"
console errors, the only trace of a refused frame), and a test fails at teardown if anything was
blocked; ``expect_no_csp_violations`` says where, in the journeys that reach the admin.
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
# In every frame, before the page's own scripts: report each CSP violation to the test.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    directive: event.effectiveDirective, blocked: event.blockedURI, document: event.documentURI,
    source: event.sourceFile, line: event.lineNumber,
  });
}, true);
"""
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


def record_csp_violations(page) -> list:
    """Collects what the page's Content-Security-Policy blocks, from now on, in ``page.csp_violations``."""
    violations = []
    page.context.expose_binding("reportCspViolation", lambda _source, violation: violations.append(violation))
    page.context.add_init_script(CSP_LISTENER)
    page.on(
        "console",
        lambda message: (
            violations.append({"console": message.text}) if "Content Security Policy" in message.text else None
        ),
    )
    page.csp_violations = violations
    return violations


def expect_no_csp_violations(page, where: str) -> None:
    """Fails if the page's policy blocked anything so far; clears the record for the next step."""
    assert page.csp_violations == [], f"{where}: the Content-Security-Policy blocked {page.csp_violations}"
    page.csp_violations.clear()


@pytest.fixture
def new_page(browser, request):
    """``new_page(locale="es-ES", width=1280)``: a fresh browser context and page; screenshot kept on failure.

    The test fails if the Content-Security-Policy blocked anything on the page (``record_csp_violations``).
    """
    pages = []

    def make(locale="en-GB", width=1280, height=900, **options):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height}, **options)
        context.set_default_timeout(15_000)
        page = context.new_page()
        record_csp_violations(page)
        pages.append(page)
        return page

    yield make
    blocked = {}
    for page in pages:
        try:
            _screenshot_on_failure(request, page)
            if page.csp_violations:
                blocked[page.url] = list(page.csp_violations)
        finally:
            page.context.close()
    assert not blocked, f"the Content-Security-Policy blocked {blocked}"


def axe_violations(page, tags=WCAG_TAGS):
    """Runs axe-core on the page with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations.

    axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
    (a script tag added to the page would be an inline script, and refused).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
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
