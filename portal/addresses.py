"""The site's addresses: the one rule for the address of a page, a section and an alias.

Staff paste these addresses into letters that families keep for years, so there is one
rule and everything asks it: the hooks (links for letters, the composer's data, easy-page
links, redirects, the search index, notices), the checks, the tests and the data handed to
JavaScript (which never builds an address itself). Two copies of a rule drift apart: the
composer's own copy once handed staff /easy/index/, a 404.

An address is a path from the site's root, with the language's folder: "/fi/aftercare/",
"/fi/aftercare/#who-is-entitled", "/" (the default language's home), "/fi/easy/" (the
page easy/index.md). `url()` makes it absolute for a letter or a QR code; `href()` makes
it a link inside the site when the site is served under a folder. A docs file's name
inside its language folder ("aftercare.md", "easy/index.md") is a page's `name`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


# A page's sections that staff are offered as addresses (the links-for-letters list, the
# composer, the ledger of published addresses): every second-level heading with an id,
# except these two, which every page has and nobody links to from a letter.
NOT_OFFERED = ("related-pages", "legal-basis")


def offered_sections(headings) -> list:
    """The headings of a page (portal.docs_model.Heading) whose addresses staff are offered."""
    return [h for h in headings if h.level == 2 and h.id and h.id not in NOT_OFFERED]


def page_path(name: str) -> str:
    """The address of a docs file inside its language: "aftercare.md" -> "aftercare/",
    "easy/aftercare.md" -> "easy/aftercare/", "index.md" -> "", "easy/index.md" -> "easy/"
    (use_directory_urls: a folder's index page is served at the folder's address)."""
    slug = name[:-3]
    if slug == "index":
        return ""
    return slug[:-len("index")] if slug.endswith("/index") else slug + "/"


@dataclass(frozen=True)
class Addresses:
    default: str  # the default language, served from the site's root
    codes: tuple[str, ...]  # every language, in the site's order
    site_url: str = "/"  # "https://lastensuojelu.fi/"

    # ---------------------------------------------------------------- addresses

    def prefix(self, lang: str) -> str:
        """The language's folder: '' for the default language, 'fi/' for Finnish."""
        return "" if lang == self.default else f"{lang}/"

    def home(self, lang: str) -> str:
        return "/" + self.prefix(lang)

    def page(self, lang: str, name: str, section: str | None = None) -> str:
        """"/fi/aftercare/" for ("fi", "aftercare.md"); with a section id,
        "/fi/aftercare/#who-is-entitled"."""
        return "/" + self.prefix(lang) + page_path(name) + (f"#{section}" if section else "")

    # ---------------------------------------------------------------- forms of an address

    @property
    def site_path(self) -> str:
        """The folder the site is served under: "/" for https://host/, "/sub/" for https://host/sub/."""
        return urlsplit(self.site_url).path or "/"

    def url(self, address: str) -> str:
        """The absolute address, for a letter, a QR code, hreflang and canonical links."""
        return self.site_url.rstrip("/") + address

    def href(self, address: str) -> str:
        """A link inside the site: the address under the folder the site is served from."""
        return self.site_path.rstrip("/") + address

    # ---------------------------------------------------------------- and back

    def split(self, address: str) -> tuple[str, str, str]:
        """(language, the page's path inside it, section) of an address or a link inside
        the site: "/fi/easy/#x" -> ("fi", "easy/", "x"), "/" -> (default, "", "")."""
        parts = urlsplit(address)
        path = parts.path
        if path.startswith(self.site_path):
            path = "/" + path[len(self.site_path):]
        inner = path.lstrip("/")
        lang = next((code for code in self.codes if code != self.default
                     and (inner == code or inner.startswith(f"{code}/"))), self.default)
        return lang, inner[len(self.prefix(lang)):] if inner != lang else "", parts.fragment

    def in_language(self, address: str, lang: str) -> str:
        """The same page (and section) in another language: what the language switcher and
        hreflang link to. "/fi/aftercare/#x" -> "/en/aftercare/#x"."""
        _, path, section = self.split(address)
        return self.home(lang) + path + (f"#{section}" if section else "")

    def of_file(self, site_dir: Path, file: Path) -> str:
        """The address a built file is served at: "/fi/aftercare/" for site/fi/aftercare/index.html."""
        rel = Path(file).relative_to(site_dir).as_posix()
        return "/" + (rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)

    def file(self, site_dir: Path, address: str) -> Path:
        """The built file that serves an address: site/fi/aftercare/index.html."""
        path = urlsplit(address).path.lstrip("/")
        return Path(site_dir) / path / "index.html" if path == "" or path.endswith("/") else Path(site_dir) / path


def from_site_config(config) -> Addresses:
    """The addresses of the site portal.site_config.load() read (checks, scripts, tests)."""
    return Addresses(config.default, tuple(config.codes), config.site_url)


def from_mkdocs(config) -> Addresses:
    """The addresses of the site MkDocs is building (hooks): its languages from the i18n
    plugin, its site_url as configured (SITE_URL)."""
    from portal import i18n_state

    return Addresses(i18n_state.default_language(config), tuple(i18n_state.languages(config)),
                     (config.site_url or "/").rstrip("/") + "/")
