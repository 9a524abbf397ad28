"""Password reset by mail (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``): it never says whether an account exists,
and says plainly when no mail can be sent.

Wagtail's reset page always answers "a link has been emailed to you if an account exists", and Django swallows a
failure to send (it logs it). Here the form first asks the mail server to open a connection, for every address,
known or not: when the server cannot be reached or refuses our login, the form says that mail cannot be sent and
whom to ask, and no one can tell from it whether the address has an account. A failure after that, for one
recipient only, still ends on Wagtail's page, since saying so would tell that the account exists; it is logged.
Without any mail server (production without ``EMAIL_HOST``) reset is switched off in the settings and the
sign-in page says whom to ask (``website.templatetags.sign_in_tags``).
"""

import logging
import smtplib

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

logger = logging.getLogger(__name__)

CANNOT_SEND = _(
    "The site cannot send e-mail at the moment, so no reset link can be sent. Try again later, or ask an "
    "administrator of the site to set a new password for you."
)


class PasswordResetForm(WagtailPasswordResetForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("email"):
            return cleaned_data
        connection = get_connection(fail_silently=False)
        try:
            connection.open()
        except (OSError, smtplib.SMTPException) as error:
            logger.warning("Password reset: the mail server cannot be used (%s)", error)
            raise ValidationError(CANNOT_SEND, code="mail_unavailable") from error
        finally:
            connection.close()
        return cleaned_data
