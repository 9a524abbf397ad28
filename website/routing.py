"""Routing a URL to its page in one query instead of one query per path segment.

Wagtail's ``Page.route`` walks the tree: each URL segment costs a query for the child and one
for its specific page. Here the home page looks up, in one query, every page whose ``url_path``
is a prefix of the URL (within its subtree, at the matching depths, so the tree's path index is
used), takes the deepest, and hands the rest of the URL to that page's own ``route``. So a
routable page's sub-routes (``reports/feed/rss/``) are served by the routable page, and pages
with routes of their own, restrictions and drafts behave as in Wagtail's walk
(``tests/website/test_routing.py`` asks both for the same URLs). When no page matches, the
ordinary walk runs and raises its 404.
"""

from wagtail.models import Page

from website.compat.treebeard import remember_parent


class DirectRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            self.url_path + "".join(f"{component}/" for component in path_components[:length]): self.depth + length
            for length in range(1, len(path_components) + 1)
        }
        found = {
            page.depth: page
            for page in Page.objects.filter(
                path__startswith=self.path,
                depth__in=set(prefixes.values()),
                url_path__in=list(prefixes),
            )
            if prefixes.get(page.url_path) == page.depth
        }
        if not found:
            return super().route(request, path_components)
        depth = max(found)
        page = found[depth].specific
        parent = self if depth - 1 == self.depth else found.get(depth - 1)
        if parent is not None:
            remember_parent(page, parent)
        return page.route(request, path_components[depth - self.depth :])
