"""Every section of law a page cites links to its text on the law page.

"Barnskyddslag 75 §", "(4 och 40 §)", "§ 76 a", "section 34", "статья 76 a", "المادة 76 a":
wherever a page cites a section that is in the statute texts (law/sections.yml), the
number becomes a link to that section on the law page of the page's language
(/fi/law/417-2007-51/#417-2007-75, hooks/law_page.py: portal/law.py page_of() says which
page); a range links to its first section. Which act a
number belongs to is decided by the citation parser, the same one the citation check
uses (portal/citations.py), so the link and the check never disagree. Nothing is
written by hand in the pages, and the Markdown the fact and translation checks read is
untouched: this works on the built HTML.

A citation inside a link (the legal-basis lists link each line to the act on Finlex)
splits that link: the act's name keeps its link to Finlex, the section number links to
its text. Numbers in headings, code and the law page itself are left alone. This hook
runs before hooks/text_direction.py, which then keeps a linked range ("34–50") left to
right in Arabic and Persian as it does any number.
"""

from __future__ import annotations

import re

from portal import addresses, citations, i18n_state, law

TAG = re.compile(r"<[^>]+>")
OPEN_A = re.compile(r"<a\b([^>]*)>", re.I)
HREF = re.compile(r'\bhref="([^"]*)"')
SKIP = re.compile(r"<(h[1-6]|code|pre|script|style|svg)\b", re.I)


def on_page_content(content, page, config, files):
    lang = i18n_state.current_language(config)
    name = i18n_state.page_name(page, lang) or ""
    if name == law.PAGE or name.startswith(law.FOLDER):
        return content
    folder = i18n_state.project_root(config) / "law"  # the checkout being built
    data = law.load(folder / "sections.yml")
    if not data:
        return content
    acts = citations.load_acts(folder / "acts.yml")
    where = addresses.from_mkdocs(config)

    def href(act: str, section: str) -> str | None:
        shown_on = law.page_of(data, acts, act, section)
        return where.href(where.page(lang, shown_on, citations.anchor(act, section))) if shown_on else None

    return link_citations(content, acts, data, href)


def link_citations(content: str, acts, data: dict, href) -> str:
    """The HTML with each cited section that is in `data` linked to href(act, section)."""
    pieces = re.split(r"(<[^>]+>)", content)
    # plain text of the text pieces, with where each piece starts in it
    starts, texts, position = {}, [], 0
    skipping = None
    links: list[tuple[int, str]] = []  # (position in the plain text, act) of links to Finlex
    for i, piece in enumerate(pieces):
        if i % 2:  # a tag
            if skipping:
                if re.match(rf"</{skipping}\b", piece, re.I):
                    skipping = None
                continue
            m = SKIP.match(piece)
            if m:
                skipping = m[1].lower()
                continue
            a = OPEN_A.match(piece)
            if a:
                h = HREF.search(a[1])
                act = citations.finlex_act(h[1]) if h else None
                if act:
                    links.append((position, act))
            continue
        if skipping:
            continue
        starts[i] = position
        texts.append((i, piece))
        position += len(piece)
    plain = "".join(piece for _, piece in texts)
    found, _ = citations.refs(plain, acts, None, links)
    wanted = []
    for ref in found:
        if not ref.act or not law.section(data, ref.act, ref.first):
            continue
        if law.section(data, ref.act, ref.first).get("status") == law.REPEALED:
            continue
        if href(ref.act, ref.first) is None:
            continue
        wanted.append(ref)
    if not wanted:
        return content
    # place each link in the text piece that holds it (a citation never spans two pieces
    # here: it would be inside different elements, and is then left as it is)
    by_piece: dict[int, list] = {}
    for ref in wanted:
        for i, start in starts.items():
            if start <= ref.start and ref.end <= start + len(pieces[i]):
                by_piece.setdefault(i, []).append(ref)
                break
    for i, refs in by_piece.items():
        piece, offset = pieces[i], starts[i]
        outer = _open_link(pieces, i)
        refs = sorted(refs, key=lambda r: r.start)
        out, at = [], 0
        for ref in refs:
            s, e = ref.start - offset, ref.end - offset
            out.append(piece[at:s])
            out.append(f'<a class="law-ref" href="{href(ref.act, ref.first)}">{piece[s:e]}</a>')
            at = e
        rest = piece[at:]
        if outer:  # inside a link: it ends before the first number and goes on after the last
            lead = out[0]
            if not lead.strip() and pieces[i - 1] == outer:
                pieces[i - 1] = ""  # nothing of the link before the number: drop it
            else:
                out[0] = lead + "</a>"
            if rest.strip():
                rest = outer + rest
            elif re.match(r"</a\s*>", pieces[i + 1], re.I):
                pieces[i + 1] = ""  # nothing of it after: its end goes
        pieces[i] = "".join(out) + rest
    return "".join(pieces)


def _open_link(pieces: list[str], index: int) -> str | None:
    """The opening tag of the <a> the text piece `index` is in, if any."""
    depth = 0
    for j in range(index - 1, -1, -2):
        tag = pieces[j]
        if re.match(r"</a\s*>", tag, re.I):
            depth += 1
        elif OPEN_A.match(tag):
            if depth == 0:
                return tag
            depth -= 1
    return None
