"""Routing a URL to its page in one query instead of one query per path segment.

Wagtail's ``Page.route`` walks the tree: each URL segment costs a query for the child and one
for its specific page. Here the home page looks the target page and its parent up together by
their ``url_path`` (restricted to the right depth and subtree, so the tree's path index is used),
and hands over to the target page's own ``route`` for the last step, so pages with routes of
their own (routable pages, restrictions, drafts) behave exactly as before. When no page has
that path, the ordinary tree walk runs, which also serves sub-routes of routable pages.
"""

from wagtail.models import Page

from website.compat.treebeard import remember_parent


class DirectRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        depth = self.depth + len(path_components)
        target = self.url_path + "/".join(path_components) + "/"
        parent_url_path = self.url_path + "".join(f"{component}/" for component in path_components[:-1])
        candidates = {
            page.url_path: page
            for page in Page.objects.filter(
                path__startswith=self.path,
                depth__in=[depth - 1, depth],
                url_path__in=[target, parent_url_path],
            )
        }
        page = candidates.get(target)
        if page is None:
            return super().route(request, path_components)
        page = page.specific
        parent = self if depth - 1 == self.depth else candidates.get(parent_url_path)
        if parent is not None:
            remember_parent(page, parent)
        return page.route(request, [])
