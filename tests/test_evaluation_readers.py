"""Gold readers on tiny hand-made files: offsets must point at the span text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frnews_ner.evaluation.readers import (
    WINER_DEV_FROM,
    GoldDocument,
    read_brat,
    read_conll_lines,
    read_hipe_lines,
    read_ner,
    read_span_jsonl,
    read_timeml,
    split_by_date,
)


def _check_offsets(docs) -> None:
    for d in docs:
        for s in d.spans:
            assert d.text[s.start:s.end] == s.text


def test_span_jsonl(tmp_path: Path) -> None:
    text = "Anne Hidalgo visite la mairie de Paris."
    rec = {"doc_id": "b", "dct": "2017-03-04", "text": text,
           "entities": [{"type": "Location", "start": 33, "end": 38},
                        {"type": "Person", "start": 0, "end": 12},
                        {"type": "Organization", "start": 23, "end": 38}]}
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(rec) + "\n\n" + json.dumps({**rec, "doc_id": "a"}) + "\n", encoding="utf-8")
    docs = read_span_jsonl(p)
    assert [d.id for d in docs] == ["b", "a"]
    assert docs[0].published == "2017-03-04"
    # sorted by start, wider first
    assert [(s.label, s.text) for s in docs[0].spans] == [
        ("Person", "Anne Hidalgo"), ("Organization", "mairie de Paris"), ("Location", "Paris")]
    assert len(read_span_jsonl(p, limit=1)) == 1
    assert read_ner(p)[0].spans == docs[0].spans
    _check_offsets(docs)


def test_brat_folder_with_crlf_and_links(tmp_path: Path) -> None:
    sub = tmp_path / "2016" / "01"
    sub.mkdir(parents=True)
    text = "Titre\r\nMarine Le Pen à Nice.\r\n"
    (sub / "2016_01_02-007.txt").write_bytes(text.encode("utf-8"))
    start = text.index("Marine")
    nice = text.index("Nice")
    ann = (f"T1\tPerson {start} {start + 13}\tMarine Le Pen\n"
           f"T2\tLocation {nice} {nice + 4}\tNice\n"
           "A1\tNegated T1\n"
           "N1\tReference T2 Wikidata:Q33959\tNice\n")
    (sub / "2016_01_02-007.ann").write_text(ann, encoding="utf-8")
    (sub / "orphan.ann").write_text("", encoding="utf-8")  # no .txt: ignored
    [doc] = read_brat(tmp_path)
    assert doc.published == "2016-01-02"
    assert [(s.label, s.text, s.link) for s in doc.spans] == [
        ("Person", "Marine Le Pen", None), ("Location", "Nice", "Q33959")]
    _check_offsets([doc])
    assert read_ner(tmp_path)[0].spans == doc.spans


def test_brat_discontinuous_span_takes_hull(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Banque de (la) France", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tOrganization 0 9;15 21\tBanque de France\n", encoding="utf-8")
    [doc] = read_brat(tmp_path)
    assert (doc.spans[0].start, doc.spans[0].end) == (0, 21)


def test_timeml_tml_file(tmp_path: Path) -> None:
    tml = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2003-02-23" functionInDocument="CREATION_TIME">23/02/2003</TIMEX3></DCT>
<TEXT>
Le match a eu lieu <TIMEX3 tid="t1" type="DATE" value="2003-02-22" temporalFunction="true" anchorTimeID="t0">hier</TIMEX3>
<EVENT eid="e1">soir</EVENT>, <TIMEX3 tid="t2" type="DURATION" value="PT2H">deux heures</TIMEX3> durant.
</TEXT></TimeML>"""
    p = tmp_path / "doc.tml"
    p.write_text(tml, encoding="utf-8")
    [doc] = read_timeml(p)
    assert doc.published == "2003-02-23"
    assert [(s.label, s.text, s.value) for s in doc.spans] == [
        ("DATE", "hier", "2003-02-22"), ("DURATION", "deux heures", "PT2H")]
    assert doc.spans[0].attr("temporalFunction") == "true"
    assert "soir" in doc.text and "<" not in doc.text
    _check_offsets([doc])
    assert read_timeml(tmp_path)[0].spans == doc.spans  # folder form


def test_timex_jsonl(tmp_path: Path) -> None:
    rec = {"doc_id": "x", "dct": "1999-05-17", "text": "\nIl part demain.\n",
           "timexes": [{"tid": "t1", "type": "DATE", "value": "1999-05-18", "start": 9, "end": 15,
                        "text": "demain", "temporalFunction": "true"}]}
    p = tmp_path / "t.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [doc] = read_timeml(p)
    assert doc.spans[0].text == "demain" and doc.spans[0].value == "1999-05-18"


def test_conll_iob2_iob1_bioes_and_edge_cases() -> None:
    lines = [
        "0\tJean\tB-PER", "1\tDupont\tI-PER", "2\tet\tO", "3\tMarie\tB-PER",  # adjacent B after I
        "4\tCurie\tB-PER",  # B right after B: new entity
        "", "0\tà\tO", "1\tSaint\tI-LOC", "2\tDenis\tI-LOC",  # IOB1: I- opens
        "3\tORG\tI-ORG",  # type change inside I- run: new entity
        "", "-DOCSTART- O", "Lyon S-LOC", "Le E-LOC",  # BIOES single, stray E- opens and closes
        "Monde B-ORG", "Diplo E-ORG", "fin O",
    ]
    docs = read_conll_lines(lines)
    assert len(docs) == 2
    assert [(s.label, s.text) for s in docs[0].spans] == [
        ("PER", "Jean Dupont"), ("PER", "Marie"), ("PER", "Curie"), ("LOC", "Saint Denis"), ("ORG", "ORG")]
    assert "\n" in docs[0].text  # sentences on their own lines
    assert [(s.label, s.text) for s in docs[1].spans] == [("LOC", "Lyon"), ("LOC", "Le"), ("ORG", "Monde Diplo")]
    _check_offsets(docs)


def test_conll_entity_at_end_and_empty_input() -> None:
    [doc] = read_conll_lines(["Vive O", "la O", "Belgique I-LOC"])
    assert [(s.label, s.text) for s in doc.spans] == [("LOC", "Belgique")]
    assert read_conll_lines([]) == []


def test_conll_without_blank_lines_is_cut_at_sentence_ends() -> None:
    lines = []
    for i in range(6):
        lines += [f"Mot{i} O", "Paris I-LOC", ". O"]
    docs = read_conll_lines(lines, doc_tokens=5)
    assert len(docs) > 1
    assert sum(len(d.spans) for d in docs) == 6
    _check_offsets(docs)


HIPE = """TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
# hipe2022:document_id = doc-1
# hipe2022:date = 1901-05-03
# hipe2022:dataset = toy
M\tB-pers\tO\tO\tO\tO\tO\tQ1\t_\tNoSpaceAfter
.\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\t_
Dupuis\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\tEndOfLine
arrive\tO\tO\tO\tO\tO\tO\t_\t_\t_
à\tO\tO\tO\tO\tO\tO\t_\t_\t_
Gre¬\tB-loc\tO\tO\tO\tO\tO\tNIL\t_\tNoSpaceAfter|EndOfLine
noble\tI-loc\tO\tO\tO\tO\tO\tNIL\t_\tNoSpaceAfter
.\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence
# hipe2022:document_id = doc-2
# hipe2022:date = 1901-05-04
Le\tO\tO\tO\tO\tO\tO\t_\t_\t_
Temps\tB-org\tO\tO\tO\tO\tO\t_\t_\t_
"""


def test_hipe_text_rebuild_offsets_and_links() -> None:
    docs = read_hipe_lines(HIPE.splitlines(keepends=True))
    assert [d.id for d in docs] == ["doc-1", "doc-2"]
    d1 = docs[0]
    assert d1.text == "M. Dupuis\narrive à Gre¬noble."
    assert d1.published == "1901-05-03"
    assert [(s.label, s.text, s.link) for s in d1.spans] == [
        ("pers", "M. Dupuis", "Q1"), ("loc", "Gre¬noble", "NIL")]
    assert [(s.label, s.text, s.link) for s in docs[1].spans] == [("org", "Temps", None)]
    _check_offsets(docs)
    assert len(read_hipe_lines(HIPE.splitlines(), limit=1)) == 1


def test_jsonl_gold_with_a_bad_line_names_file_and_line(tmp_path):
    from frnews_ner.evaluation.readers import read_span_jsonl, read_timex_jsonl

    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "a", "text": "Lyon", "entities": []}\n\n{"doc_id": "b", "text": 3}\n',
                    encoding="utf-8")
    for reader in (read_span_jsonl, read_timex_jsonl):
        with pytest.raises(ValueError, match=r"gold\.jsonl:3: expected a JSON object with a string 'text'"):
            reader(path)
    assert [d.id for d in read_span_jsonl(path, limit=1)] == ["a"]


def test_split_by_date_is_by_creation_date_with_the_winer_boundary() -> None:
    assert WINER_DEV_FROM == "2017-03-01"
    docs = [GoldDocument(i, "", day) for i, day in
            (("a", "2016-01-01"), ("b", "2017-02-28"), ("c", "2017-03-01"), ("d", "2017-12-31"))]
    assert [d.id for d in split_by_date(docs, "train")] == ["a", "b"]
    assert [d.id for d in split_by_date(docs, "dev")] == ["c", "d"]
    assert split_by_date(docs, "all") == docs
    assert [d.id for d in split_by_date(docs, "dev", dev_from="2017-12-01")] == ["d"]
    with pytest.raises(ValueError, match="train, dev, all"):
        split_by_date(docs, "test")
    undated = [GoldDocument("u", "", None)]
    assert split_by_date(undated, "all") == undated
    with pytest.raises(ValueError, match="no creation date"):
        split_by_date(undated, "dev")
