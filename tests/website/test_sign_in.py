"""Signing in: throttled by django-axes (admin, front-end login, page passwords), unlocked by moderators; password
reset wording; the front-end login journey (README, "Sign-in")."""

import socket

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Locale, Page, PageViewRestriction

from tests.factories import UserFactory
from tests.html import parse, text_of
from tests.website.test_settings import manage_production

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's
LOCKED = 429


def sign_in(client, username, password, address="192.0.2.1", url="/admin/login/", **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def signed_in(client):
    return "_auth_user_id" in client.session


def refused(response):
    """Wagtail's admin refuses a permission with 403, or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def moderator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# Admin sign-in.


def test_the_sixth_attempt_on_an_account_is_refused_even_with_the_right_password(client, moderator):
    """Per account: the five failures come from five addresses, the right password from a sixth."""
    answers = [sign_in(client, moderator.username, "wrong", f"198.51.100.{n}").status_code for n in range(1, 6)]
    assert answers == [200, 200, 200, 200, LOCKED]
    response = sign_in(client, moderator.username, PASSWORD, "198.51.100.99")
    assert response.status_code == LOCKED
    assert not signed_in(client)
    # Another account from that address is not affected.
    other = UserFactory(is_superuser=True)
    assert sign_in(client, other.username, PASSWORD, "198.51.100.99").status_code == 302
    assert signed_in(client)


def test_the_sixth_attempt_from_an_address_is_refused_even_with_the_right_password(client, moderator):
    """Per address: five accounts guessed from one address, then the right password of a sixth from it."""
    for n in range(5):
        sign_in(client, f"nobody-{n}", "wrong", "203.0.113.7")
    response = sign_in(client, moderator.username, PASSWORD, "203.0.113.7")
    assert response.status_code == LOCKED
    assert not signed_in(client)
    # The account itself is not locked: from another address it signs in.
    assert sign_in(client, moderator.username, PASSWORD, "203.0.113.8").status_code == 302


def test_a_successful_sign_in_clears_the_failures(client, moderator):
    for _ in range(4):
        sign_in(client, moderator.username, "wrong")
    assert sign_in(client, moderator.username, PASSWORD).status_code == 302
    client.logout()
    assert [sign_in(client, moderator.username, "wrong").status_code for _ in range(4)] == [200] * 4


def test_the_lockout_page_is_in_the_admins_look_and_language(client, moderator):
    for _ in range(5):
        response = sign_in(client, moderator.username, "wrong", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == LOCKED
    html = parse(response.content)
    assert html.html["lang"] == "fr"
    assert html.select_one('link[href*="wagtailadmin/css/core.css"]') is not None
    message = text_of(html.select_one(".messages li.error"))
    assert "Réessayez dans 15 minutes" in message and "modérateur" in message, message
    assert html.select_one('a[href="/admin/login/"]') is not None


def test_the_address_is_the_one_the_outermost_trusted_proxy_saw(client, moderator, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client's own X-Forwarded-For entry (left) varies; the proxy's (right) is the same.
        sign_in(client, f"nobody-{n}", "wrong", "10.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.50")
    assert AccessAttempt.objects.filter(ip_address="203.0.113.50").count() == 5
    locked = sign_in(client, moderator.username, PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert locked.status_code == LOCKED
    other = sign_in(client, moderator.username, PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.51")
    assert other.status_code == 302


# Page passwords.


@pytest.fixture
def protected():
    """The English "about" page behind a shared password."""
    page = Page.objects.get(slug="about", locale__language_code="en", depth=3)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="open sesame")
    return page, restriction


def try_password(client, page, restriction, password, address="192.0.2.1"):
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_the_page_password_form_is_in_the_sites_look(client, protected):
    page, _restriction = protected
    html = parse(client.get(page.url).content)
    assert html.select_one('link[href$="css/site.css"]') is not None
    assert html.select_one("form.sign-in__form input[type=password]") is not None


def test_the_right_page_password_opens_the_page(client, protected):
    page, restriction = protected
    response = try_password(client, page, restriction, "open sesame")
    assert response.status_code == 302 and response["Location"] == page.url
    assert client.get(page.url).status_code == 200
    assert not AccessAttempt.objects.exists()


def test_page_passwords_are_throttled_per_restriction(client, protected):
    page, restriction = protected
    answers = [try_password(client, page, restriction, "wrong", f"198.51.100.{n}").status_code for n in range(1, 6)]
    assert answers == [200, 200, 200, 200, LOCKED]
    # axes keeps what was posted, with the password masked.
    assert AccessAttempt.objects.count() == 5
    assert not AccessAttempt.objects.filter(post_data__contains="wrong").exists()
    response = try_password(client, page, restriction, "open sesame", "198.51.100.99")
    assert response.status_code == LOCKED
    message = text_of(parse(response.content).select_one("[role=alert]"))
    assert "Try again in 15 minutes" in message, message
    assert parse(response.content).select_one("input[type=password]") is None
    # Not let in: the page still asks for its password.
    assert parse(client.get(page.url).content).select_one("input[type=password]") is not None


def test_page_passwords_are_throttled_per_address(client, protected):
    page, restriction = protected
    other_page = Page.objects.get(slug="privacy", locale__language_code="en", depth=3)
    other = PageViewRestriction.objects.create(page=other_page, restriction_type="password", password="other")
    for _ in range(5):
        try_password(client, page, restriction, "wrong", "203.0.113.9")
    assert try_password(client, other_page, other, "other", "203.0.113.9").status_code == LOCKED
    assert try_password(client, other_page, other, "other", "203.0.113.10").status_code == 302


def test_the_page_password_lockout_is_translated(client, protected):
    page, restriction = protected
    french_page = page.get_translation(Locale.objects.get(language_code="fr"))
    french = PageViewRestriction.objects.create(page=french_page, restriction_type="password", password="sésame")
    url = f"/fr/_util/authenticate_with_password/{french.pk}/{french_page.pk}/"
    for _ in range(5):
        response = client.post(url, {"password": "faux", "return_url": french_page.url})
    assert response.status_code == LOCKED
    html = parse(response.content)
    assert html.html["lang"] == "fr"
    message = text_of(html.select_one("[role=alert]"))
    assert "Réessayez dans 15 minutes" in message, message
    assert html.select_one("input[type=password]") is None


# Moderators unlock.


def lock_out(client, username, address="192.0.2.1"):
    for _ in range(5):
        sign_in(client, username, "wrong", address)


def test_a_moderator_sees_the_lockouts_and_unlocks_one(client, moderator):
    locked = UserFactory(is_superuser=True)
    lock_out(client, locked.username)
    client.force_login(moderator)
    assert "/admin/sign-in-lockouts/" in client.get("/admin/").content.decode()
    response = client.get("/admin/sign-in-lockouts/")
    assert response.status_code == 200
    row = text_of(parse(response.content).select_one("table.listing tbody tr"))
    assert locked.username in row and "192.0.2.1" in row and "Account and address" in row
    response = client.post(
        "/admin/sign-in-lockouts/unlock/", {"username": locked.username, "ip_address": "192.0.2.1"}, follow=True
    )
    assert "Unlocked: 1 record of failed attempts cleared." in response.content.decode()
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert sign_in(client, locked.username, PASSWORD).status_code == 302


def test_a_moderator_sees_a_locked_page_password(client, moderator, protected):
    page, restriction = protected
    for _ in range(5):
        try_password(client, page, restriction, "wrong")
    client.force_login(moderator)
    row = text_of(parse(client.get("/admin/sign-in-lockouts/").content).select_one("table.listing tbody tr"))
    assert f"Password of the page “{page.title}”" in row


def test_an_editor_may_neither_see_nor_lift_lockouts(client, editor):
    locked = UserFactory(is_superuser=True)
    lock_out(client, locked.username)
    client.force_login(editor)
    assert "/admin/sign-in-lockouts/" not in client.get("/admin/").content.decode()
    assert refused(client.get("/admin/sign-in-lockouts/"))
    unlock = client.post("/admin/sign-in-lockouts/unlock/", {"username": locked.username, "ip_address": "192.0.2.1"})
    assert refused(unlock)
    assert AccessAttempt.objects.filter(username=locked.username).exists()


# Password reset.


def reset(client, email):
    return client.post("/admin/password_reset/", {"email": email})


def test_password_reset_does_not_tell_whether_an_account_exists(client, moderator):
    known, unknown = reset(client, moderator.email), reset(client, "no-one@example.org")
    assert (
        (known.status_code, known["Location"])
        == (unknown.status_code, unknown["Location"])
        == (
            302,
            "/admin/password_reset/done/",
        )
    )
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    done = text_of(parse(client.get("/admin/password_reset/done/").content).select_one("main"))
    assert "if an account exists for this address" in done


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_password_reset_says_when_the_mail_server_cannot_be_reached(client, moderator, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    for email in (moderator.email, "no-one@example.org"):
        response = reset(client, email)
        assert response.status_code == 200
        errors = text_of(parse(response.content).select_one(".error-message, .help-critical, main"))
        assert "The site cannot send e-mail at the moment, so no reset link can be sent." in errors
        assert "ask an administrator of the site" in errors


def test_without_a_mail_server_the_sign_in_page_says_whom_to_ask(client, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False
    html = parse(client.get("/admin/login/").content)
    assert html.select_one('a[href="/admin/password_reset/"]') is None
    help_text = text_of(html.select_one(".sign-in__help"))
    assert "cannot send e-mail" in help_text and "Ask an administrator of the site" in help_text
    assert client.get("/admin/password_reset/", follow=True).status_code == 404
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    html = parse(client.get("/admin/login/").content)
    assert html.select_one('a[href="/admin/password_reset/"]') is not None
    assert html.select_one(".sign-in__help") is None


@pytest.mark.parametrize(("email_host", "enabled"), [("", "False"), ("smtp.example.org", "True")])
def test_production_resets_passwords_by_mail_only_with_a_mail_server(email_host, enabled):
    result = manage_production(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.WAGTAIL_PASSWORD_RESET_ENABLED)",
        EMAIL_HOST=email_host,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == enabled


# The front-end login.


@pytest.fixture
def members_only():
    """The French "about" page, for logged-in users only."""
    english = Page.objects.get(slug="about", locale__language_code="en", depth=3)
    page = english.get_translation(Locale.objects.get(language_code="fr"))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


def test_a_reader_signs_in_and_comes_back_to_the_page_in_their_language(client, members_only):
    user = UserFactory()
    response = client.get(members_only.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/fr/_util/login/?next=")
    login = client.get(login_url)
    assert login.status_code == 200
    html = parse(login.content)
    assert html.html["lang"] == "fr"
    assert html.select_one('link[href$="css/site.css"]') is not None
    assert text_of(html.h1) == "Se connecter"
    next_url = html.select_one("input[name=next]")["value"]
    assert next_url == members_only.url
    response = client.post(
        "/fr/_util/login/", {"username": user.username, "password": PASSWORD, "next": next_url}, follow=True
    )
    assert response.redirect_chain[-1][0] == members_only.url
    assert response.status_code == 200
    assert text_of(parse(response.content).h1) == members_only.title


def test_the_front_end_login_without_a_page_lands_on_the_home_page_of_its_language(client):
    user = UserFactory()
    response = client.post("/fr/_util/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/fr/"


def test_the_front_end_login_is_throttled_in_the_sites_look(client, members_only):
    user = UserFactory()
    for _ in range(5):
        response = sign_in(client, user.username, "faux", url="/fr/_util/login/")
    assert response.status_code == LOCKED
    html = parse(response.content)
    assert html.select_one('link[href$="css/site.css"]') is not None
    assert "Réessayez dans 15 minutes" in text_of(html.select_one("[role=alert]"))
