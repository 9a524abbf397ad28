"""What an approved workflow publishes (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this setting while it defines its models, so this module imports them only when called.
"""


def publish_approved(workflow_state, user=None):
    """A synchronised translation is published as wagtail-localize publishes it: from its segments (locked
    while in review, so what the reviewers approved), with its view restrictions, slug and alias state
    following the original. Anything else is published as Wagtail does, from its latest revision.
    """
    from wagtail.workflows import publish_workflow_state  # noqa: PLC0415 - see the module's docstring

    from website.review import translation_of  # noqa: PLC0415 - see the module's docstring

    translation = translation_of(workflow_state.content_object)
    if translation is None:
        publish_workflow_state(workflow_state, user=user)
    else:
        translation.save_target(user=user, publish=True)
