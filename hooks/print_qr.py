"""A QR code of the page's address, for the printed page (see overrides/main.html).

Staff print pages for families; the QR code takes a phone straight back to the page.
segno draws it at build time as inline SVG: no request, no script.
"""

import segno


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, border=2, title=url)


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    return env
