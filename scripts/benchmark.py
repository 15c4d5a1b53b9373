#!/usr/bin/env python3
"""Measure the site against its performance budget and print the report.

Usage: benchmark.py [--quick] [--no-lighthouse] [--out reports/benchmark.md]
       benchmark.py --search-only SITE   (search cost and recall of a built site)

Not a test: it measures and reports (the budget table says which lines are within
budget; the exit code is 1 if one is not). What it does:

1. Builds the real site and runs every check (lint_content, check_translations,
   check_links), timed: the budget is build + checks under 20 s.
2. Builds variants to show how time grows: the same pages in 1 and 3 languages, and a
   synthetic site with 10 times the pages (every page copied 9 more times, in every
   language), each with its checks. --quick skips the variants.
3. Serves the real build with the production nginx config (deploy/, via
   scripts/local_nginx.py) and loads every page once in Chromium with an empty cache:
   bytes transferred (compressed, headers included, as Chromium counts them), number of
   requests and HTML size, per page and as medians. Budget: first view at most 80 KB and
   at most 8 requests. Then, per language, that nothing of search loads until the reader
   opens it, the bytes of a first and a second search, and the search's recall at 3 on
   scripts/search_queries.yml (scripts/search_recall.py).
4. Lighthouse (npm package, pinned in scripts/lighthouse/package.json) on mobile for a
   sample of pages: performance, accessibility, best practices and SEO scores. It needs
   Node.js; without it this part is reported as skipped. --no-lighthouse skips it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from portal import checks, site_config


ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BUDGET_FIRST_VIEW_BYTES = 80 * 1024
BUDGET_REQUESTS = 8
BUDGET_BUILD_AND_CHECKS_S = 20.0
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE_SAMPLE = ["", "aftercare/", "fi/child-welfare-notification/", "en/help-and-contacts/", "ar/aftercare/",
                     "ru/child-welfare-in-brief/"]
SEARCH_FILES = re.compile(r"/search/search_index\.json|/workers/search\.|/lunr/")
# What a first search may cost in each language (issue #19): no more than Material's
# lunr search cost before this work (Material's worker), counted there as the language's whole index (13-28
# KB) plus the search worker (40 KB). Measured like this line, through nginx with
# compression, that lunr search transferred 13.1-28.3 KB (worker and index, compressed).
BUDGET_FIRST_SEARCH_BYTES = 68 * 1024
BUDGET_RECALL_FULL = 0.90
BUDGET_RECALL_PARTIAL = 0.80
# every check of `make check` (portal/checks.py), each timed
CHECKS = [[check] for check in checks.SOURCE_CHECKS] + [[check, "{site}"] for check in checks.SITE_CHECKS]


# ---------------------------------------------------------------- build and checks

@dataclass
class BuildRun:
    label: str
    source_pages: int
    languages: int
    html_pages: int
    build_s: float
    checks_s: float
    ok: bool
    notes: list[str] = field(default_factory=list)


def env(config: Path | None = None) -> dict:
    out = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if config is not None:
        out["MKDOCS_CONFIG"] = str(config)
    return out


def count_html(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html")
               if not p.relative_to(site).as_posix().startswith(("assets/", "search/", "translation-status/"))
               and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:600])


def build_and_check(label: str, config: Path, site: Path) -> BuildRun:
    settings = site_config.load(config)
    start = time.perf_counter()
    built = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                           cwd=ROOT, env=env(config), capture_output=True, text=True)
    build_s = time.perf_counter() - start
    notes = [] if built.returncode == 0 else [f"build failed: {(built.stdout + built.stderr)[-800:]}"]
    start = time.perf_counter()
    for check in CHECKS:
        args = [a.replace("{site}", str(site)) for a in check]
        result = subprocess.run([PY, *args], cwd=ROOT, env=env(config), capture_output=True, text=True)
        if result.returncode != 0:
            notes.append(f"{' '.join(check)} failed: {result.stdout[-800:]}")
    checks_s = time.perf_counter() - start
    pages = len({name for _, name, _ in iter_pages(settings)})
    return BuildRun(label, pages, len(settings.codes), count_html(site) if site.is_dir() else 0,
                    build_s, checks_s, not notes, notes)


def iter_pages(settings):
    for code in settings.codes:
        for path in sorted((settings.docs_dir / code).glob("*.md")):
            yield code, path.name, path


def variant_config(name: str, docs_dir: Path | None = None, languages: list[str] | None = None,
                   extra_nav: list[str] | None = None) -> Path:
    """A complete copy of mkdocs.yml next to it (hooks resolve the same way), changed."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if docs_dir is not None:
        text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs_dir}", text, flags=re.M)
    if languages is not None:
        def keep(match):
            block = match.group(0)
            code = re.search(r"locale: (\S+)", block).group(1)
            return block if code in languages else block.replace("build: true", "build: false")
        text = re.sub(r"        - locale: \S+\n(?:          .*\n)+", keep, text)
    if extra_nav:
        items = "".join(f"      - {n}\n" for n in extra_nav)
        text = text.rstrip("\n") + f"\n  - Synthetic:\n{items}"
    path = ROOT / f".benchmark-{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def without_aliases(text: str) -> str:
    """A copy must not claim its original's short addresses (the build would refuse)."""
    out, skipping = [], False
    for line in text.split("\n"):
        if line.startswith("aliases:"):
            skipping = True
            continue
        if skipping and line.startswith(("  ", "- ")):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def synthetic_docs(target: Path, factor: int) -> list[str]:
    """docs/ with every page (but the home page) copied factor-1 more times, in every language."""
    shutil.copytree(ROOT / "docs", target)
    names = []
    for code_dir in sorted(p for p in target.iterdir() if p.is_dir()):
        for page in sorted(code_dir.glob("*.md")):
            if page.name in ("index.md", "links-for-letters.md"):
                continue
            for i in range(1, factor):
                copy = code_dir / f"{page.stem}-copy{i}.md"
                text = page.read_text(encoding="utf-8")
                copy.write_text(without_aliases(text), encoding="utf-8")
                if code_dir.name == "sv":
                    names.append(copy.name)
    return sorted(names)


def measure_builds(work: Path, quick: bool) -> list[BuildRun]:
    runs = [build_and_check("real site", ROOT / "mkdocs.yml", work / "site")]
    if quick:
        return runs
    codes = site_config.load(ROOT / "mkdocs.yml").codes
    for label, langs in (("1 language", codes[:1]), ("3 languages", codes[:3])):
        config = variant_config(label.replace(" ", "-"), languages=langs)
        try:
            runs.append(build_and_check(label, config, work / label.replace(" ", "-")))
        finally:
            config.unlink()
    docs = work / "docs-10x"
    names = synthetic_docs(docs, 10)
    config = variant_config("10x", docs_dir=docs, extra_nav=names)
    try:
        runs.append(build_and_check("10x pages", config, work / "site-10x"))
    finally:
        config.unlink()
    return runs


# ---------------------------------------------------------------- first view in Chromium

@dataclass
class View:
    path: str
    bytes: int
    requests: int
    html_bytes: int
    html_compressed: int
    urls: list[str]


def first_view(browser, base: str, path: str) -> View:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fi-FI")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    seen: dict[str, dict] = {}
    cdp.on("Network.requestWillBeSent", lambda e: seen.setdefault(e["requestId"], {"url": e["request"]["url"]}))
    cdp.on("Network.responseReceived", lambda e: seen.setdefault(e["requestId"], {}).update(
        type=e["type"], encoding=e["response"].get("headers", {}).get("content-encoding", "")))
    cdp.on("Network.loadingFinished", lambda e: seen.setdefault(e["requestId"], {}).update(size=e["encodedDataLength"]))
    response = page.goto(base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    body = response.body()
    network = {k: v for k, v in seen.items() if not v.get("url", "").startswith("data:")}
    html_compressed = next((v.get("size", 0) for v in network.values() if v.get("url") == base + path), 0)
    context.close()
    return View(path, sum(v.get("size", 0) for v in network.values()), len(network), len(body), html_compressed,
                [v.get("url", "") for v in network.values()])


def search_cost(browser, base: str, code: str, home: str, queries: list[str]) -> dict:
    """Search on the language's home page: what loads before it is opened, and the bytes
    transferred (compressed, headers included) by opening it and a first query, then by a
    second query (scripts/search_queries.yml, the language's first two)."""
    import search_recall

    # the reader's language: nginx sends others from / to their own language
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=f"{code}-FI")
    page = context.new_page()
    # Playwright's context events see the requests of the page and of its Workers (the
    # search may fetch from a Worker), which a CDP session on the page does not.
    finished: list = []
    context.on("requestfinished", lambda request: finished.append(request))
    page.goto(base.rstrip("/") + home, wait_until="load")
    page.wait_for_load_state("networkidle")
    before = [r.url for r in finished if SEARCH_FILES.search(r.url)]

    def transferred(request) -> int:
        sizes = request.sizes()
        return sizes["responseBodySize"] + sizes["responseHeadersSize"]

    def step(query: str, opening: bool = False) -> tuple[list[str], int]:
        count = len(finished)
        if opening:
            search_recall.open_search(page)
        search_recall.search(page, query)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        new = finished[count:]
        return [r.url for r in new], sum(transferred(r) for r in new)

    first_urls, first_bytes = step(queries[0], opening=True)
    second_urls, second_bytes = step(queries[1])
    context.close()
    return {"before": before, "after": sorted(first_urls), "after_bytes": first_bytes,
            "first_requests": len(first_urls), "second_bytes": second_bytes, "second_requests": len(second_urls)}


def measure_search(site: Path) -> tuple[dict[str, dict], dict]:
    """(cost per language, recall per language) of the built site's search, through nginx."""
    import local_nginx
    import search_recall
    from playwright.sync_api import sync_playwright

    settings = site_config.load(ROOT / "mkdocs.yml")
    queries = search_recall.load_queries()
    with local_nginx.serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=local_nginx.CHROMIUM_ARGS)
        cost = {code: search_cost(browser, base, code, settings.addresses.home(code), [q["q"] for q in queries[code][:2]])
                for code in settings.codes}
        recall = search_recall.run(base, browser, settings, queries)
        browser.close()
    return cost, recall


def measure_views(site: Path) -> list[View]:
    import local_nginx
    from playwright.sync_api import sync_playwright

    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if not p.relative_to(site).as_posix().startswith(("assets/", "search/", "translation-status/"))
                   and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:600])
    paths = ["" if p == "." else p + "/" for p in paths]
    with local_nginx.serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=local_nginx.CHROMIUM_ARGS)
        views = [first_view(browser, base, p) for p in paths]
        browser.close()
    return views


def search_lines(search: dict, recall: dict) -> list[str]:
    lines = ["", "## Search, per language (through deploy/nginx.conf, empty cache)", "",
             "Bytes transferred, compressed, headers included. First search: opening the dialog and "
             "the language's first query of scripts/search_queries.yml; second: its second query. "
             "Recall at 3: share of the language's queries whose expected page is among the first "
             "three results (scripts/search_recall.py).", "",
             "| language | requests before opening | first search | second search | search recall at 3 per language |",
             "| --- | --- | --- | --- | --- |"]
    for code, s in search.items():
        r = recall.get(code)
        lines.append(f"| {code} | {len(s['before'])} | {s['first_requests']} requests, {kb(s['after_bytes'])} | "
                     f"{s['second_requests']} requests, {kb(s['second_bytes'])} | "
                     + (f"{r.found}/{r.total} = {r.recall:.0%} |" if r else "not measured |"))
    misses = [(code, q, want, got) for code, r in recall.items() for q, want, got in r.missed]
    if misses:
        lines += ["", "Queries whose page was not among the first three:", ""]
        lines += [f"- {code}: \"{q}\" (want {want}; got {', '.join(got) or 'nothing'})" for code, q, want, got in misses]
    return lines


# ---------------------------------------------------------------- Lighthouse

def lighthouse(site: Path) -> tuple[list[dict], str]:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            return [], "skipped: npm (Node.js) is not installed"
        # npm ci refuses this lock: a dependency of lighthouse asks for third-party-web@"latest"
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    import local_nginx

    rows = []
    flags = "--headless=new " + " ".join(local_nginx.CHROMIUM_ARGS)
    with local_nginx.serve(site) as base, tempfile.TemporaryDirectory() as tmp:
        for path in LIGHTHOUSE_SAMPLE:
            out = Path(tmp) / "report.json"
            # the reader's language: otherwise nginx sends an English browser from / to /en/
            lang = path.split("/")[0] if re.match(r"^[a-z]{2}/", path) else "sv"
            for _attempt in range(2):  # Lighthouse's trace recording fails now and then
                result = subprocess.run(
                    [str(binary), base + path, "--quiet", f"--chrome-flags={flags}", "--form-factor=mobile",
                     "--only-categories=performance,accessibility,best-practices,seo", "--output=json",
                     f"--output-path={out}", "--extra-headers", json.dumps({"Accept-Language": lang})],
                    env=dict(os.environ, CHROME_PATH=shutil.which("chromium") or "chromium"),
                    capture_output=True, text=True, timeout=180)
                if result.returncode == 0 and out.exists():
                    break
            if result.returncode != 0 or not out.exists():
                rows.append({"path": path, "error": (result.stderr or result.stdout)[-300:]})
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            audits = report["audits"]
            rows.append({"path": path, **scores,
                         "fcp": audits["first-contentful-paint"]["displayValue"],
                         "lcp": audits["largest-contentful-paint"]["displayValue"],
                         "tbt": audits["total-blocking-time"]["displayValue"],
                         "cls": audits["cumulative-layout-shift"]["displayValue"]})
    return rows, ""


# ---------------------------------------------------------------- report

def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def recall_budget(code: str, settings) -> float:
    return BUDGET_RECALL_FULL if settings.language(code).full else BUDGET_RECALL_PARTIAL


def report(runs: list[BuildRun], views: list[View], search: dict, lh: list[dict], lh_note: str,
           recall: dict | None = None) -> tuple[str, bool]:
    settings = site_config.load(ROOT / "mkdocs.yml")
    recall = recall or {}
    lines = ["# Benchmark", "", f"Machine: {os.cpu_count()} cores, {sys.platform}; "
             f"{time.strftime('%Y-%m-%d %H:%M')}.", ""]
    real = runs[0]
    worst = max(views, key=lambda v: v.bytes)
    most = max(views, key=lambda v: v.requests)
    search_ok = all(not s["before"] and any("search_index.json" in u for u in s["after"]) for s in search.values())
    budget = [
        ("First view, bytes transferred (max of all pages)", f"≤ {kb(BUDGET_FIRST_VIEW_BYTES)}",
         f"{kb(worst.bytes)} ({worst.path or '/'}); median {kb(statistics.median(v.bytes for v in views))}",
         worst.bytes <= BUDGET_FIRST_VIEW_BYTES),
        ("First view, requests (max of all pages)", f"≤ {BUDGET_REQUESTS}",
         f"{most.requests} ({most.path or '/'}); median {statistics.median(v.requests for v in views):g}",
         most.requests <= BUDGET_REQUESTS),
        ("Search index loaded before search is opened", "never",
         "never, in every language" if search_ok else "LOADED EARLY: " + ", ".join(
             c for c, s in search.items() if s["before"]), search_ok),
        ("First search (opening it and one query), bytes transferred (max of all languages)",
         f"≤ {kb(BUDGET_FIRST_SEARCH_BYTES)}",
         f"{kb(max(s['after_bytes'] for s in search.values()))}; second query at most "
         f"{kb(max(s['second_bytes'] for s in search.values()))}",
         max(s["after_bytes"] for s in search.values()) <= BUDGET_FIRST_SEARCH_BYTES),
        ("Search recall at 3 per language (scripts/search_queries.yml)",
         f"≥ {BUDGET_RECALL_FULL:.0%} full, ≥ {BUDGET_RECALL_PARTIAL:.0%} partial languages",
         ", ".join(f"{c} {r.recall:.0%}" for c, r in recall.items()),
         bool(recall) and all(r.recall >= recall_budget(c, settings) for c, r in recall.items())),
        ("Build + all checks, real site", f"< {BUDGET_BUILD_AND_CHECKS_S:.0f} s",
         f"{real.build_s + real.checks_s:.1f} s (build {real.build_s:.1f} s, checks {real.checks_s:.1f} s)",
         real.ok and real.build_s + real.checks_s < BUDGET_BUILD_AND_CHECKS_S),
    ]
    lines += ["## Budget", "", "| line | budget | measured | within |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {'yes' if ok else '**NO**'} |" for a, b, c, ok in budget]
    lines += ["", "## Build and checks", "",
              "| site | source pages | languages | HTML pages | build | checks | per HTML page |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in runs:
        per = (r.build_s + r.checks_s) / r.html_pages * 1000 if r.html_pages else 0
        lines.append(f"| {r.label}{'' if r.ok else ' (FAILED)'} | {r.source_pages} | {r.languages} | {r.html_pages} | "
                     f"{r.build_s:.1f} s | {r.checks_s:.1f} s | {per:.0f} ms |")
    if len(runs) > 1:
        by = {r.label: r for r in runs}
        if "1 language" in by:
            one, all_ = by["1 language"], real
            slope = (all_.build_s - one.build_s) / max(1, all_.languages - one.languages)
            lines.append(f"\nEach language adds about {slope:.1f} s of build time "
                         f"(1 → {all_.languages} languages).")
        if "10x pages" in by:
            ten = by["10x pages"]
            slope = ((ten.build_s + ten.checks_s) - (real.build_s + real.checks_s)) / max(1, ten.html_pages - real.html_pages)
            lines.append(f"Each further HTML page adds about {slope * 1000:.0f} ms (build + checks, real → 10x pages).")
        for r in runs:
            lines += [f"- {r.label}: {n}" for n in r.notes]
    lines += ["", "## First view per page (empty cache, 360 px, through deploy/nginx.conf)", "",
              f"{len(views)} pages. Median: {kb(statistics.median(v.bytes for v in views))} transferred, "
              f"{statistics.median(v.requests for v in views):g} requests, HTML "
              f"{kb(statistics.median(v.html_bytes for v in views))} "
              f"({kb(statistics.median(v.html_compressed for v in views))} compressed).", "",
              "| page | transferred | requests | HTML | HTML compressed |", "| --- | --- | --- | --- | --- |"]
    for v in sorted(views, key=lambda v: -v.bytes):
        lines.append(f"| /{v.path} | {kb(v.bytes)} | {v.requests} | {kb(v.html_bytes)} | {kb(v.html_compressed)} |")
    lines += ["", "Where the bytes of the heaviest page go:", ""]
    lines += [f"- {u}" for u in worst.urls]
    lines += search_lines(search, recall)
    lines += ["", "## Lighthouse (mobile)", ""]
    if lh_note:
        lines.append(lh_note)
    else:
        lines += ["| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in lh:
            if "error" in row:
                lines.append(f"| /{row['path']} | error: {row['error']} | | | | | | | |")
            else:
                lines.append(f"| /{row['path']} | {row['performance']} | {row['accessibility']} | "
                             f"{row['best-practices']} | {row['seo']} | {row['fcp']} | {row['lcp']} | "
                             f"{row['tbt']} | {row['cls']} |")
    return "\n".join(lines) + "\n", all(ok for *_, ok in budget)


def main(argv: list[str]) -> int:
    if "--search-only" in argv:  # benchmark.py --search-only SITE: the search lines of a built site
        search, recall = measure_search(Path(argv[argv.index("--search-only") + 1]))
        print("\n".join(search_lines(search, recall)))
        return 0
    quick = "--quick" in argv
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else ROOT / "reports" / "benchmark.md"
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        work = Path(tmp)
        print("building and checking ...", file=sys.stderr)
        runs = measure_builds(work, quick)
        print("first views through nginx ...", file=sys.stderr)
        views = measure_views(work / "site")
        print("search cost and recall through nginx ...", file=sys.stderr)
        search, recall = measure_search(work / "site")
        lh, note = ([], "skipped (--no-lighthouse)") if "--no-lighthouse" in argv else lighthouse(work / "site")
    text, ok = report(runs, views, search, lh, note, recall)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {out})", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
