"""Per-language editing rights, for translators.

A translator group gets Wagtail's "change" permission on one language's home page (so on that
language's tree only, and no "publish") and the model-level "change" permission on translatable
snippets. Snippets have no tree, so ``LanguagePermissionPolicy`` narrows those model permissions
to the languages whose home page the user may change. Only a grant on a language's home page
gives that language: a grant on one section below it lets its holder edit that section's pages
(Wagtail's tree permissions) but not the language's snippets. A permission on the root page, or
being a superuser, covers every language.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import snippets as snippet_views

ALL_LANGUAGES = "all"
ROOT_DEPTH = 1
LANGUAGE_HOME_DEPTH = 2  # each language's home page sits right below the root


def editable_locale_ids(user):
    """The ids of the locales whose content the user may change, or ALL_LANGUAGES (cached on the user)."""
    if not getattr(user, "is_active", False):
        return set()
    if user.is_superuser:
        return ALL_LANGUAGES
    if not hasattr(user, "_editable_locale_ids"):
        grants = GroupPagePermission.objects.filter(group__user=user, permission__codename="change_page").values_list(
            "page__depth", "page__locale_id"
        )
        locale_ids = set()
        for depth, locale_id in grants:
            if depth == ROOT_DEPTH:
                locale_ids = ALL_LANGUAGES
                break
            if depth == LANGUAGE_HOME_DEPTH:  # a grant further down gives no right over the whole language
                locale_ids.add(locale_id)
        user._editable_locale_ids = locale_ids
    return user._editable_locale_ids


def reviewable_locale_ids(user) -> set:
    """The languages whose review a user takes part in: their group approves tasks of a language home's workflow."""
    from wagtail.models import GroupApprovalTask  # noqa: PLC0415 - wagtail.models imports this module's users

    if not getattr(user, "is_active", False):
        return set()
    return set(
        GroupApprovalTask.objects.filter(
            groups__user=user, workflow_tasks__workflow__workflow_pages__page__depth=LANGUAGE_HOME_DEPTH
        ).values_list("workflow_tasks__workflow__workflow_pages__page__locale_id", flat=True)
    )


def reported_locale_ids(user):
    """The languages of the translation reports a user sees: all for those who send pages for translation
    (editors, moderators), their own for translators and reviewers; an empty set for anyone else."""
    if not getattr(user, "is_active", False):
        return set()
    if user.is_superuser or user.has_perm("wagtail_localize.submit_translation"):
        return ALL_LANGUAGES
    editable = editable_locale_ids(user)
    if editable == ALL_LANGUAGES:
        return ALL_LANGUAGES
    return set(editable) | reviewable_locale_ids(user)


def may_edit_locale(user, locale_id) -> bool:
    allowed = editable_locale_ids(user)
    return allowed == ALL_LANGUAGES or locale_id in allowed


class LanguagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions of a translatable snippet, limited to the languages the user may edit."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and may_edit_locale(
            user, instance.locale_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        allowed = editable_locale_ids(user)
        return instances if allowed == ALL_LANGUAGES else instances.filter(locale_id__in=allowed)


def _checked_object(view, obj, action):
    if not view.permission_policy.user_has_permission_for_instance(view.request.user, action, obj):
        raise PermissionDenied
    return obj


class LanguageCheckedEditView(snippet_views.EditView):
    """Wagtail's snippet edit view checks model permissions only; this checks the instance's language too."""

    def get_object(self, queryset=None):
        return _checked_object(self, super().get_object(queryset), "change")


class LanguageCheckedDeleteView(snippet_views.DeleteView):
    def get_object(self, queryset=None):
        return _checked_object(self, super().get_object(queryset), "delete")


class LanguageFilteredIndexView(snippet_views.IndexView):
    """The listing shows only the instances in languages the user may edit."""

    def get_base_queryset(self):
        allowed = editable_locale_ids(self.request.user)
        queryset = super().get_base_queryset()
        return queryset if allowed == ALL_LANGUAGES else queryset.filter(locale_id__in=allowed)


class LanguageCheckedObjectMixin:
    """A snippet view of one instance (history, usage, revisions, locking…) that checks the instance's language.

    Views that only show (``reading``) open to those who edit or review the language; the others to
    those who edit it. Wagtail checks these views' model permissions only.
    """

    reading = False

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        user = self.request.user
        if not may_edit_locale(user, instance.locale_id) and not (
            self.reading and instance.locale_id in reviewable_locale_ids(user)
        ):
            raise PermissionDenied
        return instance


def language_checked(view_class, reading=False):
    return type(f"LanguageChecked{view_class.__name__}", (LanguageCheckedObjectMixin, view_class), {"reading": reading})


class LanguageRestrictedSnippetViewSet(snippet_views.SnippetViewSet):
    """A snippet viewset for translatable snippets: translators see and change their languages only.

    It registers ``LanguagePermissionPolicy`` for its model itself (Wagtail 8's way: a policy
    registered before the viewset's own permissions), so a new translatable snippet using this
    viewset cannot miss the language check anywhere Wagtail asks the policy.
    """

    index_view_class = LanguageFilteredIndexView
    edit_view_class = LanguageCheckedEditView
    delete_view_class = LanguageCheckedDeleteView
    # Every other view of one instance, except the workflow actions reviewers take (Wagtail checks their task).
    copy_view_class = language_checked(snippet_views.CopyView)
    usage_view_class = language_checked(snippet_views.UsageView, reading=True)
    history_view_class = language_checked(snippet_views.HistoryView, reading=True)
    inspect_view_class = language_checked(snippet_views.InspectView, reading=True)
    revisions_view_class = language_checked(snippet_views.PreviewRevisionView, reading=True)
    revisions_compare_view_class = language_checked(snippet_views.RevisionsCompareView, reading=True)
    revisions_unschedule_view_class = language_checked(snippet_views.RevisionsUnscheduleView)
    unpublish_view_class = language_checked(snippet_views.UnpublishView)
    preview_on_edit_view_class = language_checked(snippet_views.PreviewOnEditView)
    lock_view_class = language_checked(snippet_views.LockView)
    unlock_view_class = language_checked(snippet_views.UnlockView)
    confirm_workflow_cancellation_view_class = language_checked(snippet_views.ConfirmWorkflowCancellationView)
    workflow_history_view_class = language_checked(snippet_views.WorkflowHistoryView, reading=True)
    workflow_history_detail_view_class = language_checked(snippet_views.WorkflowHistoryDetailView, reading=True)

    def register_permissions(self):
        register_permission_policy(self.model, LanguagePermissionPolicy(self.model), exact_class=True)
        super().register_permissions()
