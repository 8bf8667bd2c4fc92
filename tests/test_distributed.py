"""Dask: a local distributed cluster of 2 worker processes gives the single-process results."""

from __future__ import annotations

import pytest

from frnews_ner.errors import InputError

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

ARTICLES = [
    {"id": "a", "text": "Angela Merkel a reçu Emmanuel Macron à Berlin hier.", "published": "2021-06-01"},
    {"id": "b", "text": "Le maire de Lyon, Grégory Doucet, a présenté son budget.", "published": "2022-01-10"},
    {"id": "c", "text": "", "published": None},
    {"id": "d", "text": "Volodymyr Zelensky était à Kiev samedi 14 décembre.", "published": "2024-12-15"},
]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_on_two_worker_processes_equals_single_process(extractor, client):
    import dask.bag as db

    from frnews_ner.distributed import extract_bag

    expected = [ex.to_dict() for ex in extractor.extract_many(ARTICLES)]
    bag = db.from_sequence(ARTICLES, npartitions=2)
    got = extract_bag(bag, model=extractor.model_name).compute()
    assert got == expected
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2


def test_dataframe_partitions_equal_single_process(extractor, client):
    import dask.dataframe as dd
    import pandas as pd

    from frnews_ner.distributed import extract_dataframe

    frame = pd.DataFrame(ARTICLES)
    got = extract_dataframe(dd.from_pandas(frame, npartitions=2), model=extractor.model_name).compute()
    expected = [ex.to_dict() for ex in extractor.extract_many(ARTICLES)]
    assert got == expected


HOSTILE = [
    {"id": "ok", "text": "Jean Dupont est à Lyon.", "published": "2024-12-15"},
    {"id": "num", "text": 12.5, "published": None},
    {"id": 3, "text": "Le code " + "9" * 5_000 + " à Nice.", "published": "hier"},
    {"id": 4, "text": "Paul Durand à Metz.", "published": None},
]


def test_a_bad_record_is_an_error_record_not_the_end_of_the_job(extractor, client):
    import dask.bag as db

    from frnews_ner.distributed import extract_bag

    got = extract_bag(db.from_sequence(HOSTILE, npartitions=2), model=extractor.model_name).compute()
    assert [r["id"] for r in got] == ["ok", "num", 3, 4]
    assert "error" not in got[0] and "error" not in got[3]
    assert got[1]["error"] == {"type": "TypeError", "message": "item 1 (id 'num'): text must be str, got float: 12.5"}
    assert got[2]["error"]["type"] == "PublishedDateError"
    assert got[2]["error"]["message"].startswith("item 0 (id 3): published must be")  # item 0 of its partition
    with pytest.raises(TypeError, match=r"item 1 \(id 'num'\): text must be str"):
        extract_bag(db.from_sequence(HOSTILE[:2], npartitions=1), model=extractor.model_name,
                    errors="raise").compute()


def test_dataframe_rows_with_nat_and_a_bad_text(extractor, client):
    import dask.dataframe as dd
    import pandas as pd

    from frnews_ner.distributed import extract_dataframe

    frame = pd.DataFrame({"id": [1, 2], "text": ["Angela Merkel est à Berlin samedi.", None],
                          "published": [pd.NaT, pd.Timestamp("2024-12-15")]})
    got = extract_dataframe(dd.from_pandas(frame, npartitions=1), model=extractor.model_name).compute()
    assert [r["id"] for r in got] == [1, 2] and got[0]["published"] is None
    assert got[1]["error"]["message"] == "item 1 (id 2): text must be str, got NoneType: None"


@pytest.mark.model
def test_the_readme_dask_snippet_runs_as_written(extractor, tmp_path):
    import json
    import re
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### On a Dask cluster"):]
    snippet = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    (tmp_path / "snippet.py").write_text(snippet, encoding="utf-8")
    lines = "".join(json.dumps(a) + "\n" for a in HOSTILE) + "\n{pas du JSON\n"  # a blank and a bad line
    (tmp_path / "articles-1.jsonl").write_text(lines, encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(repo)}
    done = subprocess.run([sys.executable, "snippet.py"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for path in sorted(tmp_path.glob("out-*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["ok", "num", 3, 4, None]
    assert [("error" in r) for r in lines] == [False, True, True, False, True]
    assert lines[4]["error"] == {"type": "InputError",
                                 "message": "item 4: invalid JSON: Expecting property name enclosed in double "
                                            "quotes at character 2"}
    assert "Lyon" in {e["name"] for e in lines[0]["entities"]}


def test_a_jsonl_line_is_its_object_or_the_error_record_saying_why() -> None:
    from frnews_ner.distributed import item_of_line
    from frnews_ner.records import ErrorRecord

    assert item_of_line('{"id": 3, "text": "Lyon."}\n') == {"id": 3, "text": "Lyon."}
    assert item_of_line("[1]") == ErrorRecord(type="InputError", message="expected a JSON object, found an array")
    assert item_of_line("{x").message.startswith("invalid JSON: ")
    assert item_of_line("   ").message == "empty line: expected a JSON object"


def test_error_records_given_as_items_keep_their_place_and_raise_when_asked(extractor) -> None:
    from frnews_ner.distributed import extract_partition
    from frnews_ner.records import ErrorRecord

    bad = ErrorRecord(type="InputError", message="expected a JSON object, found an array")
    got = extract_partition([{"id": "a", "text": "Paul Durand à Metz."}, bad, {"id": "b", "text": 7}],
                            model=extractor.model_name)
    assert [r.get("id") for r in got] == ["a", None, "b"]
    assert got[1]["error"]["message"] == "item 1: expected a JSON object, found an array"
    assert got[2]["error"]["message"] == "item 2 (id 'b'): text must be str, got int: 7"
    with pytest.raises(InputError, match="item 1: expected a JSON object"):
        extract_partition([{"text": "Metz."}, bad], model=extractor.model_name, errors="raise")
