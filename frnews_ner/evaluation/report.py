"""Plain-text tables and JSON output for evaluation results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["table", "pct", "write_json"]


def pct(x: float) -> str:
    """``0.8312`` → ``"83.1"`` (scores are shown as percentages with one decimal)."""
    return f"{100 * x:.1f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str = "") -> str:
    """A fixed-width text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def fmt(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))

    lines = [title] if title else []
    lines.append(fmt(cells[0]))
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(fmt(r) for r in cells[1:])
    return "\n".join(lines)


def write_json(path: str | Path, result: dict[str, Any]) -> None:
    """Write a result as indented UTF-8 JSON (``-`` = standard output)."""
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if str(path) == "-":
        print(text)
        return
    Path(path).write_text(text + "\n", encoding="utf-8")
