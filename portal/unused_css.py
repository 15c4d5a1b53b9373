"""Drop the rules of Material features this site does not use from Material's CSS.

Material's main.css (137 KB, 23 KB compressed) styles every feature it has: code
highlighting, content tabs, annotations, blog posts, version selector, repository
widget... A first view may cost at most 80 KB (README, "Performance budget"), and these
rules are a sixth of what a reader downloads for nothing. hooks/asset_bundles.py runs
Material's CSS through prune() before joining it with the site's own CSS: a selector
that names one of UNUSED goes; a rule with no selector left goes. Everything else,
including every rule for right-to-left layout, stays as Material wrote it.

Using a feature listed here again (a code block, content tabs, ...) means taking it off
the list. The browser and accessibility tests load every page with the pruned CSS.
"""

import re

import tinycss2

# Class-name beginnings of features the site has switched off or never writes.
UNUSED = (
    "tabbed-",          # content tabs (pymdownx.tabbed is not enabled)
    "highlight",        # code highlighting (no code on the site)
    "md-code",
    "keys",             # pymdownx.keys
    "critic",           # pymdownx.critic
    "arithmatex",       # maths
    "mermaid",
    "task-list",        # pymdownx.tasklist
    "md-source",        # repository widget (no repo_url)
    "md-annotation",    # code annotations
    "md-tabs",          # navigation.tabs is off
    "md-version",       # mike version selector
    "md-tag",           # tags plugin
    "md-post", "md-author", "md-pagination", "md-profile",  # blog plugin
    "md-consent",       # cookie consent (there are no cookies)
    "md-feedback",      # feedback widget (it would send data)
    "md-status",
    "md-path",          # navigation.path is off
    "md-social",        # social links in the footer
    "md-sponsorship",
    "grid",             # card grids
    "card",
    "emojione", "twemoji", "gemoji",
)
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def unused(selector: str) -> bool:
    return any(name.startswith(UNUSED) for name in CLASS.findall(selector))


def _prune_rules(rules) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in tinycss2.serialize(rule.prelude).split(",") if s.strip()]
            left = [s for s in selectors if not unused(s)]
            if not left:
                continue
            if len(left) < len(selectors):
                rule.prelude = tinycss2.parse_component_value_list(",".join(left))
            kept.append(rule)
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
            if inner:
                rule.content = tinycss2.parse_component_value_list(tinycss2.serialize(inner))
                kept.append(rule)
        else:
            kept.append(rule)
    return kept


def prune(css: str) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return tinycss2.serialize(_prune_rules(rules))
