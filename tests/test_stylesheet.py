"""The site's own stylesheet parses as written: no rule swallowed by a missing brace.

A lost "}" does not break the build: the browser drops the rules after it in silence
(as a merge once did to the fallback pages' and the timeline's styles). tinycss2 (the
build's CSS parser, portal/unused_css.py) reads each rule; a rule inside a rule's
declarations is the sign.
"""

import tinycss2

from conftest import ROOT

SITE_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "site.css"


def problems(css: str) -> list[str]:
    found = []

    def rules(nodes, where):
        for node in nodes:
            if node.type == "error":
                found.append(f"{where}line {node.source_line}: {node.message}")
            elif node.type == "qualified-rule":
                selector = tinycss2.serialize(node.prelude).strip()
                for item in tinycss2.parse_declaration_list(node.content, skip_comments=True, skip_whitespace=True):
                    if item.type == "error":
                        found.append(f"line {item.source_line}: in '{selector}': {item.message} "
                                     f"(a missing '}}' before it?)")
            elif node.type == "at-rule" and node.content is not None and node.lower_at_keyword in ("media", "supports"):
                rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True), where)

    rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")
    return found


def test_the_site_stylesheet_has_no_broken_rule():
    assert problems(SITE_CSS.read_text(encoding="utf-8")) == []


def test_a_missing_brace_is_found_also_inside_media():
    assert problems(".a {\n  color: red;\n\n.b {\n  color: blue;\n}\n") == [
        "line 4: in '.a': Expected <ident> for declaration name, got literal. (a missing '}' before it?)"]
    assert problems("@media print {\n.a {\n  color: red;\n\n.b {\n  color: blue;\n}\n}\n") == [
        "line 5: in '.a': Expected <ident> for declaration name, got literal. (a missing '}' before it?)"]
