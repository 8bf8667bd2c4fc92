"""Readers for standard gold formats, all returning :class:`GoldDocument` with character offsets.

Every reader gives the same shape so the scorers never care where the gold came from:
``text[span.start:span.end] == span.text`` holds for every span (readers that rebuild text from
tokens compute the offsets on the rebuilt text).

>>> from frnews_ner.evaluation.readers import read_conll_lines
>>> [doc] = read_conll_lines(["Emmanuel B-PER", "Macron I-PER", "à O", "Lyon B-LOC"])
>>> doc.text, [(s.label, s.text) for s in doc.spans]
('Emmanuel Macron à Lyon', [('PER', 'Emmanuel Macron'), ('LOC', 'Lyon')])
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldDataError

__all__ = [
    "Span", "GoldDocument", "read_span_jsonl", "read_brat", "read_timeml", "read_timeml_file",
    "read_timex_jsonl", "read_hipe", "read_hipe_lines", "read_conll", "read_conll_lines", "read_ner",
    "SPLITS", "WINER_DEV_FROM", "split_by_date",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character span, gold or predicted.

    ``label`` is the entity type (``PER``, ``Location``…) or, for temporal expressions, the TIMEX3
    type (``DATE``, ``TIME``, ``DURATION``, ``SET``) with its normalised ``value``. ``link`` is a
    Wikidata id (``Q90``), ``"NIL"`` when the annotators said the referent has none, ``None`` when
    not annotated. ``attrs`` keeps the other gold attributes (``temporalFunction``, ``mod``…).
    """

    start: int
    end: int
    label: str
    text: str = ""
    value: str | None = None
    link: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        for key, val in self.attrs:
            if key == name:
                return val
        return default


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document: its text, creation date (``YYYY-MM-DD`` or ``None``) and spans."""

    id: str
    text: str
    published: str | None
    spans: tuple[Span, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())


_DATE_IN_NAME = re.compile(r"(\d{4})[-_](\d{2})[-_](\d{2})")


def _iso_date(value: str | None) -> str | None:
    """Keep only ``YYYY-MM-DD`` from a creation time; gold files mix dates and datetimes."""
    if not value:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


# --------------------------------------------------------------------------- JSONL with spans

def _jsonl_records(path: str | Path, limit: int | None) -> Iterator[tuple[int, dict]]:
    """``(line index, object)`` of a JSONL gold file, at most ``limit`` of them.

    A line that is not a JSON object with a string ``text`` raises ``ValueError`` naming
    ``file:line``, what was expected and what arrived.
    """
    count = 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldDataError(f"{path}:{n + 1}: expected a JSON object, found invalid JSON ({err.msg})") from err
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise GoldDataError(f"{path}:{n + 1}: expected a JSON object with a string 'text', "
                                 f"found {type(rec).__name__}")
            yield n, rec
            count += 1
            if limit is not None and count >= limit:
                return


def _gold_document(rec: dict, n: int, text: str, spans: list[Span]) -> GoldDocument:
    return GoldDocument(str(rec.get("doc_id", rec.get("id", n))), text,
                        _iso_date(rec.get("dct", rec.get("published"))),
                        tuple(sorted(spans, key=lambda s: (s.start, -s.end))))

def read_span_jsonl(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """JSONL, one document a line: ``{"doc_id", "dct", "text", "entities": [{"type","start","end"}]}``.

    This is the WiNER-fr layout; ``id``/``published``/``spans``/``label`` are accepted as synonyms
    so a user's own export reads too.
    """
    docs: list[GoldDocument] = []
    for n, rec in _jsonl_records(path, limit):
        text = rec["text"]
        spans = []
        for ent in rec.get("entities", rec.get("spans", [])):
            start, end = int(ent["start"]), int(ent["end"])
            spans.append(Span(start, end, str(ent.get("type", ent.get("label", ""))),
                              text[start:end], link=ent.get("link") or ent.get("wikidata")))
        docs.append(_gold_document(rec, n, text, spans))
    return docs


#: Splits of a dated corpus by creation date: ``train`` before ``dev_from``, ``dev`` from it on.
SPLITS: tuple[str, ...] = ("train", "dev", "all")
#: First creation date of the WiNER-fr dev split: train = 2016-01-01 … 2017-02-28 (719 articles),
#: dev = 2017-03-01 … 2017-12-31 (245 articles). A split by time, never at random: the dev
#: articles are later news than anything a model or a list was made from.
WINER_DEV_FROM = "2017-03-01"


def split_by_date(docs: Iterable[GoldDocument], split: str, *,
                  dev_from: str = WINER_DEV_FROM) -> list[GoldDocument]:
    """The documents of one split by creation date: ``train`` (published before ``dev_from``),
    ``dev`` (on or after it) or ``all``.

    A document without a creation date cannot be placed and raises ``ValueError`` (unless
    ``split == "all"``).

    >>> docs = [GoldDocument("a", "", "2017-02-28"), GoldDocument("b", "", "2017-03-01")]
    >>> [d.id for d in split_by_date(docs, "dev")]
    ['b']
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}; got {split!r}")
    docs = list(docs)
    if split == "all":
        return docs
    out = []
    for d in docs:
        if d.published is None:
            raise ValueError(f"document {d.id!r} has no creation date: it belongs to no {split} split")
        if (d.published >= dev_from) == (split == "dev"):
            out.append(d)
    return out


# --------------------------------------------------------------------------- BRAT standoff

def _parse_ann(ann: str, text: str) -> list[Span]:
    spans: dict[str, Span] = {}
    links: dict[str, str] = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            # Discontinuous spans ("0 5;9 14") are rare in NER gold; scoring needs one span, so
            # take the hull, which is what a contiguous extractor could at best return.
            pieces = [p.split() for p in offsets.split(";")]
            start, end = int(pieces[0][0]), int(pieces[-1][-1])
            spans[parts[0]] = Span(start, end, label, text[start:end])
        elif line.startswith("N"):
            # N1\tReference T1 Wikidata:Q90\tParis
            parts = line.split("\t")
            fields = parts[1].split() if len(parts) > 1 else []
            if len(fields) >= 3:
                links[fields[1]] = fields[2].split(":", 1)[-1]
    out = []
    for tid, sp in spans.items():
        if tid in links:
            sp = Span(sp.start, sp.end, sp.label, sp.text, link=links[tid])
        out.append(sp)
    return sorted(out, key=lambda s: (s.start, -s.end))


def read_brat(folder: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """BRAT standoff: every ``*.ann`` under ``folder`` (recursively) with its ``.txt`` sibling.

    The creation date is taken from a ``YYYY-MM-DD`` / ``YYYY_MM_DD`` pattern in the file path
    when there is one (WiNER names its files ``2016_01_01-001``), else ``None``.
    """
    docs = []
    for ann_path in sorted(Path(folder).rglob("*.ann")):
        txt_path = ann_path.with_suffix(".txt")
        if not txt_path.exists():
            continue
        # newline="" keeps "\r\n" as two characters: BRAT offsets count them.
        with open(txt_path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        spans = _parse_ann(ann_path.read_text(encoding="utf-8"), text)
        m = _DATE_IN_NAME.search(str(ann_path.relative_to(folder)))
        published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
        docs.append(GoldDocument(str(ann_path.relative_to(folder).with_suffix("")), text,
                                 published, tuple(spans)))
        if limit is not None and len(docs) >= limit:
            break
    return docs


# --------------------------------------------------------------------------- TimeML

_TIMEX_ATTRS = ("tid", "temporalFunction", "anchorTimeID", "mod", "quant", "freq",
                "functionInDocument", "beginPoint", "endPoint", "valueFromFunction")


def _timex_span(start: int, end: int, text: str, attrs: dict[str, str]) -> Span:
    extra = tuple((k, str(attrs[k])) for k in _TIMEX_ATTRS if k in attrs)
    return Span(start, end, str(attrs.get("type", "DATE")).upper(), text,
                value=attrs.get("value"), attrs=extra)


def read_timeml_file(path: str | Path) -> GoldDocument:
    """One ISO-TimeML ``.tml`` file: the ``<TEXT>`` content with its ``<TIMEX3>`` spans.

    The creation date is the ``<DCT><TIMEX3 value=…>``; the DCT timex itself is not a gold span
    (it is not in the text).
    """
    root = ET.parse(path).getroot()
    published = None
    for dct in root.iter("DCT"):
        for t in dct.iter("TIMEX3"):
            published = _iso_date(t.get("value"))
    if published is None:
        for t in root.iter("TIMEX3"):
            if t.get("functionInDocument") == "CREATION_TIME":
                published = _iso_date(t.get("value"))
                break
    text_el = next(root.iter("TEXT"), None)
    if text_el is None:
        raise GoldDataError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            spans.append(_timex_span(start, pos, "".join(parts)[start:pos], dict(el.attrib)))

    walk(text_el)
    text = "".join(parts)
    return GoldDocument(Path(path).stem, text, published,
                        tuple(sorted(spans, key=lambda s: (s.start, -s.end))))


def read_timex_jsonl(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """JSONL with TIMEX3: ``{"doc_id", "dct", "text", "timexes": [{"start","end","type","value",…}]}``."""
    docs = []
    for n, rec in _jsonl_records(path, limit):
        text = rec["text"]
        spans = [_timex_span(int(t["start"]), int(t["end"]), text[int(t["start"]):int(t["end"])], t)
                 for t in rec.get("timexes", rec.get("timex3", []))]
        docs.append(_gold_document(rec, n, text, spans))
    return docs


def read_timeml(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """TimeML gold from a ``.jsonl``, a ``.tml`` file or a folder of ``.tml`` files."""
    p = Path(path)
    if p.is_dir():
        docs = [read_timeml_file(f) for f in sorted(p.rglob("*.tml"))]
        return docs[:limit] if limit is not None else docs
    if p.suffix == ".jsonl":
        return read_timex_jsonl(p, limit=limit)
    return [read_timeml_file(p)]


# --------------------------------------------------------------------------- IOB decoding

def _iob_spans(tags: list[str], offsets: list[tuple[int, int]], text: str) -> list[Span]:
    """Decode IOB1, IOB2 and BIOES alike: ``I-X`` after anything but ``X`` opens an entity."""
    spans: list[Span] = []
    cur_label: str | None = None
    cur_start = cur_end = 0

    def close() -> None:
        nonlocal cur_label
        if cur_label is not None:
            spans.append(Span(cur_start, cur_end, cur_label, text[cur_start:cur_end]))
        cur_label = None

    for tag, (s, e) in zip(tags, offsets):
        if tag in ("O", "_", "") or "-" not in tag:
            close()
            continue
        prefix, label = tag.split("-", 1)
        prefix = prefix.upper()
        if prefix in ("B", "S", "U") or label != cur_label:
            close()
            cur_label, cur_start = label, s
        cur_end = e
        if prefix in ("E", "S", "U", "L"):
            close()
    close()
    return spans


# --------------------------------------------------------------------------- HIPE TSV

def read_hipe_lines(lines: Iterable[str], *, limit: int | None = None) -> list[GoldDocument]:
    """HIPE-2022 TSV lines → documents (see :func:`read_hipe`)."""
    docs: list[GoldDocument] = []
    header: list[str] | None = None
    state: dict[str, object] = {}

    def flush() -> None:
        toks: list[tuple[str, dict[str, str]]] = state.get("toks", [])  # type: ignore[assignment]
        if not state.get("id"):
            return
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        pos = 0
        for i, (tok, cols) in enumerate(toks):
            offsets.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
            misc = cols.get("MISC", "")
            if i + 1 < len(toks) and "NoSpaceAfter" not in misc:
                # Keep the printed line breaks: they help the sentence splitter on OCR text.
                sep = "\n" if "EndOfLine" in misc else " "
                parts.append(sep)
                pos += 1
        text = "".join(parts)
        spans = _iob_spans([c.get("NE-COARSE-LIT", "O") for _, c in toks], offsets, text)
        # Link of a span = NEL-LIT of its first token ("_" = not annotated).
        first_tok = {o[0]: c for o, (_, c) in zip(offsets, toks)}
        linked = []
        for sp in spans:
            nel = first_tok[sp.start].get("NEL-LIT", "_")
            linked.append(Span(sp.start, sp.end, sp.label, sp.text,
                               link=None if nel in ("_", "") else nel))
        docs.append(GoldDocument(str(state["id"]), text, state.get("date"),  # type: ignore[arg-type]
                                 tuple(linked),
                                 meta=tuple((k, str(v)) for k, v in state.items()
                                            if k in ("dataset",))))

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if header is None and line.startswith("TOKEN"):
            header = line.split("\t")
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*hipe2022:(\w+)\s*=\s*(.*)", line)
            if m and m.group(1) == "document_id":
                flush()
                if limit is not None and len(docs) >= limit:
                    return docs
                state = {"id": m.group(2).strip(), "toks": []}
            elif m and m.group(1) in ("date", "dataset"):
                state[m.group(1)] = _iso_date(m.group(2)) if m.group(1) == "date" else m.group(2)
            continue
        if not line.strip() or header is None:
            continue
        cols = line.split("\t")
        state.setdefault("toks", [])
        state["toks"].append((cols[0], dict(zip(header[1:], cols[1:]))))  # type: ignore[union-attr,attr-defined]
    flush()
    return docs[:limit] if limit is not None else docs


def read_hipe(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """HIPE-2022 TSV (a file or a folder of ``*.tsv``): coarse literal types and Wikidata links.

    The text is rebuilt from the tokens: one space between tokens unless the ``MISC`` column
    says ``NoSpaceAfter``, a newline after ``EndOfLine``. Span labels are ``pers``, ``loc``,
    ``org``… (``NE-COARSE-LIT``); ``link`` is the ``NEL-LIT`` Wikidata id or ``NIL``. The
    creation date is the ``# hipe2022:date`` line.
    """
    p = Path(path)
    files = sorted(p.glob("*.tsv")) if p.is_dir() else [p]
    docs: list[GoldDocument] = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            docs.extend(read_hipe_lines(fh))
        if limit is not None and len(docs) >= limit:
            return docs[:limit]
    return docs


# --------------------------------------------------------------------------- CoNLL / IOB

def _split_cols(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def read_conll_lines(lines: Iterable[str], *, doc_tokens: int = 400,
                     limit: int | None = None) -> list[GoldDocument]:
    """CoNLL/IOB lines → documents; token = second-to-last column, tag = last column.

    Sentences (blank-line separated) are joined with newlines; tokens with single spaces. Files
    without document markers are cut into pseudo-documents of about ``doc_tokens`` tokens at a
    sentence boundary (or after a ``.``/``!``/``?`` token outside an entity when the file has no
    blank lines, as in Europeana), so that a model sees article-sized inputs.
    """
    docs: list[GoldDocument] = []
    toks: list[str] = []
    tags: list[str] = []
    breaks: set[int] = set()  # token indices after which a sentence ends

    def flush() -> None:
        if not toks:
            return
        parts, offsets, pos = [], [], 0
        for i, tok in enumerate(toks):
            offsets.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
            if i + 1 < len(toks):
                parts.append("\n" if i in breaks else " ")
                pos += 1
        text = "".join(parts)
        docs.append(GoldDocument(f"doc{len(docs):05d}", text, None,
                                 tuple(_iob_spans(tags, offsets, text))))
        toks.clear()
        tags.clear()
        breaks.clear()

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if line.startswith("-DOCSTART-") or line.startswith("# newdoc"):
            flush()
        elif not line.strip() or line.startswith("#"):
            if toks:
                breaks.add(len(toks) - 1)
                if len(toks) >= doc_tokens:
                    flush()
        else:
            cols = _split_cols(line)
            if len(cols) < 2:
                continue
            tag = cols[-1].strip()
            # Sentence-final punctuation outside an entity is a safe cut for files with no
            # blank lines; the next tag must not continue an entity across the cut (IOB1 I-).
            if toks and len(toks) >= doc_tokens and toks[-1] in (".", "!", "?") and tags[-1] == "O" \
                    and not tag.startswith(("I-", "E-")):
                flush()
            toks.append(cols[-2])
            tags.append(tag)
        if limit is not None and len(docs) >= limit:
            return docs
    flush()
    return docs[:limit] if limit is not None else docs


def read_conll(path: str | Path, *, doc_tokens: int = 400, limit: int | None = None) -> list[GoldDocument]:
    """CoNLL/IOB file (``val.conllu`` of WikiNEuRal, ``enp_FR.bnf.bio`` of Europeana)."""
    with open(path, encoding="utf-8") as fh:
        return read_conll_lines(fh, doc_tokens=doc_tokens, limit=limit)


def read_ner(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """Pick the reader from the path: folder → BRAT, ``.jsonl`` → spans, ``.tsv`` → HIPE, else CoNLL."""
    p = Path(path)
    if p.is_dir():
        return read_brat(p, limit=limit)
    if p.suffix == ".jsonl":
        return read_span_jsonl(p, limit=limit)
    if p.suffix == ".tsv":
        return read_hipe(p, limit=limit)
    return read_conll(p, limit=limit)
