"""The package ships ``py.typed``: its inline annotations must hold under mypy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

REPO = Path(__file__).resolve().parents[1]


def test_package_type_checks():
    result = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary",
                             "--cache-dir", str(REPO / ".mypy_cache"), "frnews_ner"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_py_typed_marker_ships():
    assert (REPO / "frnews_ner" / "py.typed").is_file()
