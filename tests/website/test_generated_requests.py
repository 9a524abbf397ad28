"""Generated bad input against every public URL pattern, the demo pages, the API and the feeds.

2,000 requests (tests/generated_requests.py: paths, query strings, methods and headers) with a
fixed seed, so a failure is the same on every machine; ``bench/fuzz.py`` runs longer with a random
seed. None may answer 5xx or show a debug page, an unknown Host gets 400 logged in one line, and
a demo page ignores bad parameters. A fault found here gets a plain regression test in
test_bad_input.py.
"""

import logging

import pytest
from hypothesis import HealthCheck, given, settings

from tests import generated_requests

pytestmark = pytest.mark.django_db

EXAMPLES = 2000


@pytest.fixture
def host_log(caplog):
    """Records of the (non-propagating) DisallowedHost logger, and the handler the settings give it."""
    logger = logging.getLogger("django.security.DisallowedHost")
    configured = logger.handlers[0]
    logger.addHandler(caplog.handler)
    yield caplog, configured
    logger.removeHandler(caplog.handler)


@pytest.mark.slow
def test_generated_requests_get_no_server_error(db, host_log):
    caplog, configured = host_log
    demo = generated_requests.demo_addresses()
    client = generated_requests.client()
    seen = {"requests": 0, "bad hosts": 0}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(generated_requests.requests(demo))
    def check(request):
        caplog.clear()
        response = request.send(client)
        seen["requests"] += 1
        problems = request.problems(response)
        if not generated_requests.host_is_valid(request.headers["HTTP_HOST"]):
            seen["bad hosts"] += 1
            records = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
            lines = [configured.format(record) for record in records if configured.filter(record)]
            if len(lines) != 1 or "\n" in lines[0]:
                problems.append(f"logged {lines!r}, not one line")
        assert not problems, f"{request}\n  -> {', '.join(problems)}"

    check()
    assert seen["requests"] >= EXAMPLES and seen["bad hosts"] > 100, seen


def test_a_debug_page_would_be_caught(db, settings):
    """The check above knows Django's debug page when it sees one (here the 404 of DEBUG = True)."""
    settings.DEBUG = True
    request = generated_requests.GeneratedRequest("GET", "/en/no-such-page/", "", {"HTTP_HOST": "testserver"}, False)
    assert request.problems(request.send(generated_requests.client())) == ["Django's debug page"]
