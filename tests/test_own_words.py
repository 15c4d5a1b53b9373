"""The site says things in its own words: no long runs copied from the source texts."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"


@pytest.mark.skipif(not TOOL.is_file(), reason="../shared (the source texts) is not beside this checkout")
def test_docs_share_no_long_runs_with_the_source_texts():
    result = subprocess.run([sys.executable, str(TOOL), str(ROOT / "docs")], capture_output=True, text=True)
    assert result.stdout == "" and result.returncode == 0, result.stdout
