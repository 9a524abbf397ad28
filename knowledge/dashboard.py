"""The editor's dashboard panel: English explainers not reviewed for over a year, oldest first.

Explainers explain moving standards; one not looked at for a year may say what is no longer true.
The panel shows to those who may change English explainers, each entry linking to its editor.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from knowledge.models import ExplainerPage
from website.dashboard import DashboardPanel

REVIEW_EVERY = datetime.timedelta(days=365)
LIMIT = 10


def explainers_due_for_review(user):
    cutoff = timezone.localdate() - REVIEW_EVERY
    due = ExplainerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, last_reviewed__lt=cutoff)
    return [page for page in due.order_by("last_reviewed", "title") if page.permissions_for_user(user).can_edit()]


class ExplainersDueForReviewPanel(DashboardPanel):
    name = "explainers_due_for_review"
    order = 120
    template_name = "knowledge/admin/explainers_due_for_review_panel.html"

    def __init__(self, pages):
        super().__init__(pages=pages[:LIMIT], count=len(pages))
