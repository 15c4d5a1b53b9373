"""Every QR code the links composer offers decodes to the address it stands for, and that
address resolves (scripts/check_links.py checks each code's file and title; here the codes
themselves are read, as a phone's camera would).

The codes are SVG files of hooks/links_composer.py: one path of runs of dark modules
("M{x} {y}h{w}v1h-{w}z"). They are drawn here as pixels, 4 per module, and read with
zxing-cpp, without a browser.
"""

from __future__ import annotations

import importlib.util
import json
import re

import zxingcpp

from conftest import ROOT

SCALE = 4
RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\d+z")


def pixels(svg: str) -> memoryview:
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    image = bytearray([255]) * (size * SCALE) ** 2
    for x, y, width in (map(int, m) for m in RUN.findall(svg)):
        for row in range(y * SCALE, (y + 1) * SCALE):
            start = row * size * SCALE + x * SCALE
            image[start:start + width * SCALE] = bytes(width * SCALE)
    return memoryview(bytes(image)).cast("B", (size * SCALE, size * SCALE))


def test_every_qr_code_decodes_to_its_address(built_site, config):
    data_file = next((built_site / "assets" / "letters").glob("links.*.json"))
    data = json.loads(data_file.read_text(encoding="utf-8"))
    targets = [target for page in data["pages"]
               for target in [*page["at"].values(), *page["short"].values(),
                              *(t for section in page["sections"] for t in section["at"].values())]]
    assert len(targets) > 500, "the composer offers every page and section in every language"
    wrong = {}
    for target in targets:
        found = zxingcpp.read_barcodes(pixels((data_file.parent / target["qr"]).read_text(encoding="utf-8")))
        if [f.text for f in found] != [target["url"]]:
            wrong[target["qr"]] = [f.text for f in found]
    assert wrong == {}
    easy = [t["url"] for page in data["pages"] if page["id"] == "easy/index" for t in page["at"].values()]
    assert easy and all(url.endswith("/easy/") for url in easy), easy  # not /easy/index/


def test_the_reader_reads_a_good_code_and_not_a_damaged_one():
    """The check above can fail: the hook's own code reads back; with its first rows of
    modules gone (a finder pattern lost) it reads as nothing."""
    spec = importlib.util.spec_from_file_location("links_composer", ROOT / "hooks" / "links_composer.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    url = "https://lastensuojelu.example.org/fi/aftercare/#who-is-entitled"
    svg = hook.qr_svg(url)
    assert [f.text for f in zxingcpp.read_barcodes(pixels(svg))] == [url]
    damaged = re.sub(r"M\d+ [4-9] h\d+v1h-\d+z".replace(" h", "h"), "", svg)
    assert damaged != svg
    assert zxingcpp.read_barcodes(pixels(damaged)) == []
