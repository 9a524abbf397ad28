"""Workarounds for django-treebeard 5.3.1 (Wagtail's page tree).

**No public way to hand a node its parent.** ``MP_Node.get_parent`` caches the parent it looks up
in ``_cached_parent_obj`` (treebeard sets it itself in ``add_child``). ``DirectRoutingMixin`` has
the parent already, from the same query that found the page, so ``remember_parent`` puts it there
and the page's own ``route``/``serve`` (which may ask for the parent) costs no further query.

Delete when treebeard offers a public setter, or when ``DirectRoutingMixin`` goes.
"""

UPSTREAM = ("django-treebeard", "5.3.1")
FOLLOWS = {
    "treebeard.mp_tree:MP_Node.get_parent": "d180e001fe2fa284",
}


def remember_parent(node, parent) -> None:
    node._cached_parent_obj = parent
