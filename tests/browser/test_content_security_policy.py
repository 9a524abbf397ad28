"""The record of what the Content-Security-Policy blocks, which every browser test checks, is live.

A reader's page must not run a script it did not ship with or be framed: both are refused, and the record
(``tests/browser/conftest.py``) sees each refusal, in the page and in a frame.
"""

from playwright.sync_api import expect

from tests.browser.conftest import expect_no_csp_violations


def recorded(page, found) -> bool:
    """Waits up to five seconds for a violation ``found`` accepts to be recorded (reports arrive asynchronously)."""
    for _attempt in range(50):
        if any(found(violation) for violation in page.csp_violations):
            return True
        page.wait_for_timeout(100)
    return False


def test_a_reader_page_refuses_an_injected_script_and_framing(new_page, site_url):
    page = new_page()
    page.goto(site_url + "/en/")
    expect(page.locator("h1")).to_be_visible()
    expect_no_csp_violations(page, "the home page")

    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "document.body.dataset.injected = 'ran'";
        document.body.append(script);
    }""")
    expect(page.locator("body")).not_to_have_attribute("data-injected", "ran")
    assert recorded(page, lambda violation: violation.get("directive") == "script-src-elem"), page.csp_violations
    page.csp_violations.clear()

    page.evaluate(
        """(url) => {
        const frame = document.createElement("iframe");
        frame.src = url;
        frame.title = "framed";
        document.body.append(frame);
    }""",
        site_url + "/en/",
    )
    assert recorded(page, lambda violation: "frame-ancestors" in violation.get("console", "")), page.csp_violations
    page.csp_violations.clear()
