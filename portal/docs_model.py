"""Read the site's Markdown pages: front matter, headings and ids, links, blocks.

Shared by the translation-parity check, the content lint and the build hook that marks
outdated translations. It reads the files in docs/ as text, with line numbers, so that
every complaint can name the file and the line an editor has to open.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*$")
ID_IN_ATTRS = re.compile(r"#([A-Za-z0-9_-]+)")
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*[\w-]+")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


class PageError(Exception):
    """A page that cannot be read at all (bad front matter); names file and line."""


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Page:
    path: Path
    lang: str
    name: str  # path inside the language folder, e.g. "aftercare.md"
    meta: dict
    meta_lines: dict[str, int]
    body: str
    body_line: int  # line number of the body's first line
    headings: list[Heading] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)
    blocks: list[tuple[str, int]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [h.id for h in self.headings if h.id]

    def label(self, root: Path | None = None) -> str:
        try:
            return self.path.relative_to(root).as_posix() if root else self.path.as_posix()
        except ValueError:
            return self.path.as_posix()


def split_front_matter(text: str, path: Path) -> tuple[dict, dict[str, int], str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise PageError(f"{path}:1: front matter starts with '---' but never ends; add a closing '---' line")
    raw = "\n".join(lines[1:end])
    try:
        meta = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        raise PageError(f"{path}:{line}: front matter is not valid YAML ({getattr(exc, 'problem', exc)}); check quotes and indentation") from None
    if not isinstance(meta, dict):
        raise PageError(f"{path}:2: front matter must be 'key: value' lines")
    meta_lines = {}
    for offset, line in enumerate(lines[1:end], start=2):
        m = re.match(r"^([A-Za-z_][\w-]*):", line)
        if m:
            meta_lines.setdefault(m.group(1), offset)
    return meta, meta_lines, "\n".join(lines[end + 1:]), end + 2


def parse(path: Path, lang: str, name: str) -> Page:
    text = path.read_text(encoding="utf-8")
    meta, meta_lines, body, body_line = split_front_matter(text, path)
    page = Page(path, lang, name, meta, meta_lines, body, body_line, lines=text.split("\n"))
    in_fence = False
    in_list = False
    for offset, line in enumerate(body.split("\n")):
        number = body_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        m = HEADING.match(line)
        if m:
            ids = ID_IN_ATTRS.findall(m.group(3) or "")
            page.headings.append(Heading(len(m.group(1)), m.group(2).strip(), ids[0] if ids else None, number))
        if ADMONITION.match(line):
            page.blocks.append(("admonition", number))
        if TABLE_SEP.match(line) and "|" in line and page.lines[number - 2].lstrip().startswith("|"):
            page.blocks.append(("table", number - 1))
        is_item = bool(LIST_ITEM.match(line))
        if is_item and not in_list:
            page.blocks.append(("list", number))
        if line.strip():
            in_list = is_item or (in_list and line.startswith((" ", "\t")))
        for target in LINK.findall(line):
            page.links.append((target, number))
        for target in IMAGE.findall(line):
            page.links.append((target, number))
    return page


def iter_pages(docs_dir: Path, codes: list[str]):
    """Every Markdown page of the given languages, as (lang, name, path)."""
    for code in codes:
        folder = docs_dir / code
        for path in sorted(folder.rglob("*.md")):
            yield code, path.relative_to(folder).as_posix(), path


def load_all(docs_dir: Path, codes: list[str]) -> dict[str, dict[str, Page]]:
    pages: dict[str, dict[str, Page]] = {code: {} for code in codes}
    for code, name, path in iter_pages(docs_dir, codes):
        pages[code][name] = parse(path, code, name)
    return pages


def body_hash(body: str) -> str:
    """Fingerprint of a page's content, blind to whitespace-only edits."""
    normal = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]
