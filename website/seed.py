"""Loading the demo content: the run every app's ``seed_demo`` takes part in, and the site's own pages.

``seed_demo`` calls ``seed_demo(run)`` on each installed app config that has one, in
INSTALLED_APPS order (``website`` first, so the home page exists). Apps create their English
objects through the run, which remembers what to translate; the command then imports every
language's PO files in the same order, parents before children.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from website.content import default_content_dir
from website.content.markdown import MarkdownStream, markdown_to_html, read_markdown_file
from website.content.po import po_path, translate_from_po
from website.models import (
    FooterText,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    SiteChromeSettings,
    StandardPage,
)


@dataclass
class SeedRun:
    force: bool = False
    # Where the content files are: the project's content/, or a smaller corpus (tests).
    content: Path = field(default_factory=default_content_dir)
    stdout: object = None
    stream: MarkdownStream = field(default_factory=MarkdownStream)
    translatables: list = field(default_factory=list)
    menu_pages: list = field(default_factory=list)
    home: HomePage | None = None
    created: int = 0
    updated: int = 0
    # Content files (relative to ``content``) changed since the last seed: what they feed is loaded again.
    changed: set = field(default_factory=set)
    # Objects updated by this run (label, pk): their translations are imported again too.
    refreshed: set = field(default_factory=set)

    def is_changed(self, *paths: Path) -> bool:
        """Whether any of ``paths`` (content files) changed since the last seed."""
        return any(Path(path).relative_to(self.content).as_posix() in self.changed for path in paths)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def unchanged(self, existing: Page, sources: tuple, links: dict | None, fields: dict) -> bool:
        """Whether ``existing`` is to be left as it is: its sources did not change, or what it takes from them did
        not."""
        return not self.is_changed(*sources) or (not links and not fields_differ(existing, fields))

    def page(self, parent: Page, model, slug: str, links: dict | None = None, source=None, **fields):
        """Create the English page ``slug`` under ``parent``, or update it when forced or a ``source`` file changed.

        ``source`` is the content file the page comes from, or a tuple of them (a meeting page comes from a line
        of ``meetings.csv`` and an entry of ``participation.yaml``). An existing page is otherwise left as it is,
        so edits made in the admin survive a re-run. When a source changed but the fields drawn from it did not
        (another meeting's line), the page is left alone too: no new revision, no translation imported again.
        ``links`` sets child relations (inline rows), e.g. ``{"rfc_links": [ExplainerRfc(...)]}``.
        """
        existing = parent.get_children().filter(slug=slug).specific().first()
        sources = () if source is None else source if isinstance(source, tuple) else (source,)
        if existing is not None and not self.force and self.unchanged(existing, sources, links, fields):
            return existing
        if existing is None:
            page = model(slug=slug, locale=parent.locale, **fields)
            for relation, rows in (links or {}).items():
                setattr(page, relation, rows)
            parent.add_child(instance=page)
            self.created += 1
        else:
            page = existing
            for name, value in {**fields, **(links or {})}.items():
                setattr(page, name, value)
            self.updated += 1
            self.refreshed.add((page._meta.label, page.pk))
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def page_from_markdown(self, parent: Page, model, path: Path, introduction_markdown=False, also_from=(), **extra):
        """A page from a Markdown file: its text is the StreamField body, or the rich-text introduction.

        ``also_from``: other content files ``extra`` fields come from (the page is updated when one changes)."""
        meta, body = read_markdown_file(path)
        if introduction_markdown:
            text = {"introduction": markdown_to_html(body)}
        elif body or any(field.name == "body" for field in model._meta.get_fields()):
            text = {"body": self.stream.convert(body, key=meta["slug"])}
        else:
            text = {}
        fields = {
            "title": meta["title"],
            "search_description": meta.get("description", ""),
            **text,
            **({"introduction": markdown_to_html(meta["introduction"])} if "introduction" in meta else {}),
            **({"seo_title": meta["seo_title"]} if "seo_title" in meta else {}),
            **extra,
        }
        return self.page(parent, model, meta["slug"], source=(path, *also_from), **fields)

    def add_to_menu(self, page: Page, position: int) -> None:
        """Offer ``page`` for the main menu, ordered by ``position`` (used when the menu is first made)."""
        self.menu_pages.append((position, page))

    def translate(self, instance, key: str, own_fields=None) -> None:
        """Translate ``instance`` into every language that has ``content/locale/<lang>/<key>.po``.

        ``own_fields(language_code)``: ``(content file, {field: value})`` for the fields each language keeps for
        itself (see ``translate_from_po``), or None; a change to that file imports the translation again.
        """
        self.translatables.append((instance, key, own_fields))

    @property
    def locale_dir(self) -> Path:
        return self.content / "locale"

    def import_translations(self) -> int:
        """Every queued object into every language that has its PO file, parents before children.

        Object by object rather than language by language: the object's translation source is
        then read once for all its languages.
        """
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        count = 0
        for instance, key, own_fields in self.translatables:
            source = None
            refreshed = (instance._meta.label, instance.pk) in self.refreshed
            for code in languages:
                path = po_path(self.locale_dir, code, key)
                if source is None and path.exists():
                    source, _created = TranslationSource.update_or_create_from_instance(instance)
                extra_file, values = (own_fields(code) if own_fields else None) or (None, None)
                changed = path.exists() and self.is_changed(path, *([extra_file] if extra_file else []))
                force = self.force or refreshed or changed
                translated = translate_from_po(
                    instance, code, key, self.locale_dir, force=force, source=source, own_fields=values
                )
                if translated is not None:
                    count += 1
        return count


def fields_differ(page: Page, fields: dict) -> bool:
    """Whether setting ``fields`` would change ``page``, each compared in its stored form (a StreamField's raw
    blocks as JSON, a date as a date)."""
    for name, value in fields.items():
        field = page._meta.get_field(name)
        if field.get_prep_value(field.to_python(value)) != field.get_prep_value(field.value_from_object(page)):
            return True
    return False


WAGTAIL_PLACEHOLDER_ADDRESS = ("localhost", 80)


def home_page(run: SeedRun) -> HomePage:
    """The English home page as the default site's root, replacing Wagtail's placeholder page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
        if run.force or run.is_changed(run.content / "pages" / "home.md"):
            run.refreshed.add((home._meta.label, home.pk))
            meta, body = read_markdown_file(run.content / "pages" / "home.md")
            home.title, home.introduction = meta["title"], markdown_to_html(meta["introduction"])
            home.search_description = meta.get("description", "")
            home.body = run.stream.convert(body, key="home")
            home.save_revision().publish()
        return home
    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(slug="home").first()
    if placeholder is not None and placeholder.specific_class is Page:
        placeholder.delete()
        root.refresh_from_db()
    meta, body = read_markdown_file(run.content / "pages" / "home.md")
    home = HomePage(
        title=meta["title"],
        slug="home",
        introduction=markdown_to_html(meta["introduction"]),
        search_description=meta.get("description", ""),
        body=run.stream.convert(body, key="home"),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    run.created += 1
    # The site answers where the admin says it lives (WAGTAILADMIN_BASE_URL), so "view live" links and the
    # API's html_url and detail_url name its real host. Wagtail's placeholder site (localhost:80, made by its
    # first migration) takes that address too; a host name an administrator chose is left alone.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=str(settings.WAGTAIL_SITE_NAME),
        )
    else:
        if (site.hostname, site.port) == WAGTAIL_PLACEHOLDER_ADDRESS:
            site.hostname, site.port = hostname, port
        site.root_page = home
        site.site_name = site.site_name or str(settings.WAGTAIL_SITE_NAME)  # the admin's dashboard is headed with it
        site.save()
    return home


@transaction.atomic
def seed_site_pages(run: SeedRun) -> None:
    run.home = home_page(run)
    run.translate(run.home, "pages/home")
    for position, name in ((90, "about"), (None, "accessibility"), (None, "privacy")):
        page = run.page_from_markdown(run.home, StandardPage, run.content / "pages" / f"{name}.md")
        run.translate(page, f"pages/{name}")
        if position is not None:
            run.add_to_menu(page, position)


@transaction.atomic
def seed_site_chrome(run: SeedRun) -> None:
    """The main menu and footer, made once every app has offered its pages; translated last."""
    chrome = SiteChromeSettings.for_site(Site.objects.get(is_default_site=True))
    if chrome.navigation_menu is None:
        menu = NavigationMenu(name="Main menu")
        ordered = sorted(run.menu_pages, key=lambda p: p[0])
        menu.items = [NavigationMenuItem(page=page, sort_order=i) for i, (_position, page) in enumerate(ordered)]
        menu.save()
        chrome.navigation_menu = menu
    if chrome.footer_text is None:
        _meta, body = read_markdown_file(run.content / "site" / "footer.md")
        chrome.footer_text = FooterText.objects.create(name="Footer", body=markdown_to_html(body))
    chrome.save()
    run.translate(chrome.navigation_menu, "snippets/navigation")
    run.translate(chrome.footer_text, "snippets/footer")
