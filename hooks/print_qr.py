"""A QR code of the page's address, for the printed page (see overrides/main.html).

Staff print pages for families; the QR code takes a phone straight back to the page.
segno draws it at build time as inline SVG: no request, no script.
"""

import segno


def qr_svg(url: str) -> str:
    # A fixed mask pattern: every mask gives a valid code, and choosing the "best" of 8
    # for each of 150 pages cost 3 s of a build that must stay under 20 s.
    return segno.make(url, error="m", mask=0).svg_inline(scale=4, border=2, title=url)


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    return env
