"""Every section of law a page cites is in the statute texts, in force, and quoted in facts/.

For each section reference on every page of every language (portal/citations.py finds
them, body and front-matter `sources:`), the check asks:

- which act? A number written before any act is named cannot be checked: name the act;
- is the act's text kept (law/acts.yml `texts: true`), and is the section in the texts
  (law/sections.yml)? A section that is not there may be a typo, or a section whose
  source has not been added yet: either way, an error;
- is it in force? A repealed section is an error that names the act that repealed it;
- is it listed for the page in facts/citations/<page>.yml, with a quote: the words of the
  section that carry the page's claim? The quote must be in the section's text (Finnish
  or Swedish; case, spacing, dashes and quotation marks aside). A range ("34–50 §") is
  listed as a range, and its quote must be in one of its sections.

A section whose text is not in the sources yet (law/acts.yml `not_read:`) is a warning,
and so is a quote that cannot be checked against it. All languages of a page share one
facts file: the facts are the same in every language (scripts/check_translations.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from portal import citations, docs_model, law

FACTS = "facts/citations"
EDIT = "EDITING.md, \"Cite a section of law\""
PENDING = "pending"  # citations known to be wrong and being fixed elsewhere: warnings until then


@dataclass
class Listed:
    """One entry of facts/citations/<page>.yml."""
    act: str
    key: str  # "75", "76a", "34-50"
    quotes: list[str]
    line: int


def facts_path(root: Path, name: str) -> Path:
    """facts/citations/aftercare.yml for aftercare.md (easy/aftercare.md: facts/citations/easy/aftercare.yml)."""
    return Path(root) / FACTS / (name[:-3] + ".yml")


def key(first: str, last: str | None) -> str:
    return f"{first}-{last}" if last else first


def normal_key(text: str) -> str:
    """"76 a" -> "76a", "34–50" -> "34-50"."""
    parts = [citations.normal(p) for p in str(text).replace("–", "-").replace("—", "-").split("-")]
    return "-".join(parts)


def read_listed(path: Path) -> tuple[list[Listed], dict, list[str]]:
    """The entries of a facts file, its `pending:` citations ({(act, key): reason}) and its
    problems (as messages)."""
    if not path.is_file():
        return [], {}, []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        return [], {}, [f"{path}: not valid YAML ({exc})"]
    lines = text.split("\n")
    out, problems = [], []
    pending = {}
    for entry, reason in (data.pop(PENDING, None) or {}).items():
        act, _, number = str(entry).partition(" ")
        if not number or not str(reason or "").strip():
            problems.append(f"{path}: {PENDING}: '{entry}': write the act and section (\"812/2000 11\") and why "
                            f"the citation stays for now, with who fixes it")
            continue
        pending[(act, normal_key(number))] = " ".join(str(reason).split())
    for act, sections in data.items():
        if not isinstance(sections, dict):
            problems.append(f"{path}: {act}: expected sections with their quotes under the act")
            continue
        for number, quotes in sections.items():
            quotes = [quotes] if isinstance(quotes, str) else list(quotes or [])
            line = _line_of(lines, str(act), str(number))
            if not all(isinstance(q, str) and q.strip() for q in quotes):
                problems.append(f"{path}:{line}: {act} {number} §: a quote is a line of text, the words of the "
                                f"section that carry the page's claim ({EDIT})")
            out.append(Listed(str(act), normal_key(number), [q for q in quotes if isinstance(q, str)], line))
    return out, pending, problems


def _line_of(lines: list[str], act: str, number: str) -> int:
    in_act = False
    for i, line in enumerate(lines, 1):
        stripped = line.strip().strip('"\'')
        if not line.startswith((" ", "\t")) and line.split(":")[0].strip().strip('"\'') == act:
            in_act = True
        elif in_act and line.startswith((" ", "\t")) and stripped.split(":")[0].strip().strip('"\'') == number:
            return i
    return 1


def check(root: Path, codes: list[str], data: dict | None = None, acts=None) -> tuple[list[str], list[str], int]:
    """(errors, warnings, number of references) for every page of the languages `codes`."""
    root = Path(root)
    data = law.load(root / "law" / "sections.yml") if data is None else data
    acts = acts or citations.load_acts(root / "law" / "acts.yml")
    errors: list[str] = []
    warnings: list[str] = []
    count = 0
    cited: dict[str, set] = {}
    listed_by_page: dict[str, list[Listed]] = {}
    pending_by_page: dict[str, dict] = {}
    unread: dict[tuple[str, str], list[str]] = {}
    for lang, name, path in docs_model.iter_pages(root / "docs", codes):
        page = docs_model.parse(path, lang, name)
        facts = facts_path(root, name)
        if name not in listed_by_page:
            listed_by_page[name], pending_by_page[name], problems = read_listed(facts)
            errors.extend(problems)
        listed = {(item.act, item.key): item for item in listed_by_page[name]}
        where = path.relative_to(root)
        for ref in citations.page_refs(page, acts):
            count += 1
            problem = _reference(ref, data, acts, where, facts.relative_to(root), listed, unread)
            reason = pending_by_page[name].get((ref.act, key(ref.first, ref.last)))
            if problem and reason:
                warnings.append(f"warning: {problem} [pending in {facts.relative_to(root)}: {reason}]")
            elif problem:
                errors.append(problem)
            cited.setdefault(name, set()).add((ref.act, key(ref.first, ref.last)))
    for name, items in listed_by_page.items():
        facts = facts_path(root, name)
        for item in items:
            problem = _quote(item, data, facts.relative_to(root), warnings)
            if problem:
                errors.append(problem)
            if (item.act, item.key) not in cited.get(name, set()):
                warnings.append(f"warning: {facts.relative_to(root)}:{item.line}: {item.act} {item.key} § is listed "
                                f"but no language of {name} cites it: take it off, or cite it on the page")
    for (act, number), places in sorted(unread.items(), key=lambda kv: (kv[0][0], citations.order(kv[0][1]))):
        reason = law.section(data, act, number).get("reason", "")
        warnings.append(f"warning: {act} {citations.display(number)} § is cited {len(places)} time(s) (first "
                        f"{places[0]}), but its text is not in law/sources/ yet, so its quotes cannot be "
                        f"checked: {reason}")
    for name, pending in pending_by_page.items():
        for (act, k) in pending:
            if (act, k) not in cited.get(name, set()):
                warnings.append(f"warning: {facts_path(root, name).relative_to(root)}: pending {act} {k} is "
                                f"no longer cited by {name}: take it off")
    for facts in sorted((root / FACTS).rglob("*.yml")) if (root / FACTS).is_dir() else []:
        name = facts.relative_to(root / FACTS).as_posix()[:-4] + ".md"
        if name not in listed_by_page:
            warnings.append(f"warning: {facts.relative_to(root)}: there is no page docs/<language>/{name}")
    return errors, warnings, count


def _reference(ref: citations.Ref, data: dict, acts, where: Path, facts: Path, listed: dict,
               unread: dict) -> str | None:
    at = f"{where}:{ref.line}: '{ref.text}'"
    if ref.act is None:
        return (f"{at}: which act? No act is named before this section number: write the act next to it "
                f"(\"barnskyddslagen 35 §\", \"Child Welfare Act, section 35\")")
    if ref.act not in acts.data:
        return (f"{at}: {ref.act} is not in law/acts.yml: cite the act without a section, or add the act and "
                f"its texts ({EDIT})")
    if not acts.with_texts(ref.act):
        return (f"{at}: the texts of {ref.act} are not kept (law/acts.yml texts: false): cite the act without "
                f"a section, or add its texts ({EDIT})")
    ends = [ref.first] + ([ref.last] if ref.last else [])
    for number in ends:
        sec = law.section(data, ref.act, number)
        if sec is None:
            return (f"{at}: {ref.act} {citations.display(number)} § is not in the statute texts "
                    f"(law/sections.yml): check the number against the act; if it is right, add the section's "
                    f"source ({EDIT})")
        if sec["status"] == law.REPEALED:
            return (f"{at}: {ref.act} {citations.display(number)} § was repealed by {sec['repealed_by']} "
                    f"(from {sec['since']}): cite the section now in force")
        if sec["status"] == law.NOT_READ:
            unread.setdefault((ref.act, number), []).append(f"{where}:{ref.line}")
    if (ref.act, key(ref.first, ref.last)) not in listed:
        return (f"{at}: {ref.act} {ref.sections} § is not listed in {facts}: add it with a quote of the "
                f"section's words that carry the page's claim ({EDIT})")
    return None


def _quote(item: Listed, data: dict, facts: Path, warnings: list[str]) -> str | None:
    first, _, last = item.key.partition("-")
    numbers = law.in_range(data, item.act, first, last) if last else [first]
    texts = []
    for number in numbers:
        sec = law.section(data, item.act, number)
        if sec is None or sec["status"] != law.IN_FORCE:
            continue  # the page's reference is reported where it is written
        texts += [law.comparable(law.plain(sec, lang)) for lang in ("fi", "sv")]
    where = citations.display(first) + (f"–{citations.display(last)}" if last else "")
    if not texts:  # not read yet (a warning where it is cited) or not in force (an error there)
        return None
    if not item.quotes:
        return (f"{facts}:{item.line}: {item.act} {where} § has no quote: copy the words of the section that "
                f"carry the page's claim from law/sections.yml or the law page ({EDIT})")
    for quote in item.quotes:
        if not any(law.comparable(quote) in text for text in texts):
            return (f"{facts}:{item.line}: the quote for {item.act} {where} § is not in the section's text "
                    f"(Finnish or Swedish): \"{quote[:80]}\": copy the words from law/sections.yml or the law page")
    return None
