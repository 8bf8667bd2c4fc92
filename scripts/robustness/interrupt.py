"""Interrupt ``frnews-ner extract --jsonl --n-process N`` with a signal, check nothing is orphaned or torn,
then ``--resume`` and check every input line is in the output exactly once.

    PYTHONPATH=. python scripts/robustness/interrupt.py --signal TERM --n-process 2 --lines 600

Prints one line of figures per run (seconds from the signal to the exit, workers seen, workers left,
lines before/after resume) and exits 1 if a check fails. Needs a French spaCy model; no psutil:
processes are read from /proc.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEOPLE = ["Jean Dupont", "Claire Martin", "Amina Diallo", "Paul Lefèvre", "Sophie Bernard", "Karim Benali"]
PLACES = ["Lyon", "Marseille", "Rennes", "Lille", "Strasbourg", "Bordeaux", "Toulouse"]
WHEN = ["samedi", "le 3 mars", "hier soir", "la semaine dernière", "le 14 juillet 2023", "début janvier"]


def article(rng: random.Random, n: int) -> str:
    sentences = []
    for _ in range(rng.randint(3, 12)):
        sentences.append(f"{rng.choice(PEOPLE)} a rencontré le maire de {rng.choice(PLACES)} {rng.choice(WHEN)} "
                         f"pour parler du dossier {n}-{rng.randint(0, 10**6)}.")
    return " ".join(sentences)


def write_input(path: Path, lines: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(1, lines + 1):
            item: dict[str, object] = {"text": article(rng, n), "published": "2024-12-15"}
            if n % 3:
                item["id"] = f"doc-{n}"  # every third line has no id: its line number is its id
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def children_of(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc/*/stat)."""
    out = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.split("/")[2]))
    return out


def alive(pid: int) -> bool:
    """True if ``pid`` exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def output_lines(directory: Path, name: str) -> int:
    """Complete lines written so far: the output, or its temporary file while the run goes on."""
    for path in [directory / name, *directory.glob(f".{name}.*.tmp")]:
        if path.exists():
            return path.read_bytes().count(b"\n")
    return 0


def run(args: argparse.Namespace) -> bool:
    work = Path(tempfile.mkdtemp(prefix="frnews-interrupt-"))
    source, output = work / "in.jsonl", work / "out.jsonl"
    write_input(source, args.lines)
    command = [sys.executable, "-m", "frnews_ner", "extract", "--jsonl", str(source), "-o", str(output),
               "--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    # a session of its own, as a job started from a terminal is a process group of its own
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + args.startup_timeout
    while output_lines(work, output.name) < args.after and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    workers = children_of(proc.pid)
    sig = signal.SIGTERM if args.signal == "TERM" else signal.SIGINT
    sent = time.monotonic()
    if args.signal == "INT":
        os.killpg(proc.pid, sig)  # Ctrl-C: the terminal signals the whole process group, workers included
    else:
        os.kill(proc.pid, sig)  # `kill PID`: the main process only
    try:
        _, stderr = proc.communicate(timeout=args.exit_timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
        print(f"FAIL: still running {args.exit_timeout} s after SIG{args.signal}", file=sys.stderr)
        return False
    seconds = time.monotonic() - sent
    time.sleep(0.5)
    left = [pid for pid in workers if alive(pid)]
    data = output.read_bytes() if output.exists() else b""
    torn = bool(data) and not data.endswith(b"\n")
    before = data.count(b"\n")
    ok = proc.returncode == 130 and not left and not torn
    resumed = subprocess.run(command + ["--resume"], capture_output=True, text=True)
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    seen = sorted(r["line"] for r in lines)
    exactly_once = seen == list(range(1, args.lines + 1))
    ok = ok and resumed.returncode == 0 and exactly_once
    print(f"SIG{args.signal} n_process={args.n_process}: exit {proc.returncode} after {seconds:.1f} s; "
          f"workers seen {len(workers)}, left {len(left)}; {before} complete lines before resume"
          f"{' (torn last line!)' if torn else ''}; resume exit {resumed.returncode}, {len(lines)} lines, "
          f"every input line exactly once: {exactly_once}")
    if not ok:
        print(stderr[-2000:], resumed.stderr[-2000:], sep="\n", file=sys.stderr)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signal", choices=("INT", "TERM"), default="TERM")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--after", type=int, default=20, help="send the signal once this many lines are written")
    parser.add_argument("--startup-timeout", type=float, default=180)
    parser.add_argument("--exit-timeout", type=float, default=30)
    args = parser.parse_args()
    return 0 if run(args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
