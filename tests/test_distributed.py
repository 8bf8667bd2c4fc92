"""Dask: a local distributed cluster of 2 worker processes gives the single-process results."""

from __future__ import annotations

import pytest

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
