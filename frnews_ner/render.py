"""An HTML view of extractions: one self-contained page (no network, no script), readable in French.

Every mention is highlighted by label and every date by type; focusing or hovering one (keyboard:
Tab) shows its entity's name, id, knowledge-base type and country, confidence and form, or the
date's value, type, anchor and warnings. A side list gives each entity with its number of
mentions (a link to its first mention) and each date with its value.

>>> from frnews_ner import extract  # doctest: +SKIP
>>> text = "Samedi 14 décembre, Volodymyr Zelensky était à Kiev."
>>> html = extract(text, published="2024-12-15").to_html(text)  # doctest: +SKIP
>>> open("page.html", "w", encoding="utf-8").write(html)  # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Entity, Extraction, Mention, TimeExpression

#: Label → (background, text) colours; every pair has a contrast ratio above 7:1 (WCAG AAA).
COLOURS = {"PER": ("#dbeafe", "#0b2a5b"), "LOC": ("#dcfce7", "#0b3d1c"), "ORG": ("#fde7d4", "#5a2607"),
           "MISC": ("#ede9fe", "#2e1065"), "DATE": ("#fef9c3", "#3f3104")}
LABEL_NAMES = {"PER": "personne", "LOC": "lieu", "ORG": "organisation", "MISC": "divers"}
FORM_NAMES = {"name": "nom", "surname": "nom de famille", "alias": "autre nom", "acronym": "sigle",
              "demonym": "gentilé", "title": "titre", "metonym": "métonymie"}
TYPE_NAMES = {"DATE": "date", "TIME": "heure", "DURATION": "durée", "SET": "récurrence"}

_CSS = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111;background:#fff}
header{padding:.8rem 1.2rem;border-bottom:1px solid #ccc}
h1{font-size:1.2rem;margin:0} h2{font-size:1.05rem;margin:1rem 0 .4rem}
.article-view{display:flex;gap:1.5rem;padding:1rem 1.2rem;border-bottom:1px solid #ddd}
.text{flex:3;white-space:pre-wrap;max-width:48rem}
aside{flex:2;font-size:.95rem}
aside ul{padding-left:1.1rem;margin:.2rem 0}
mark,time.ann{position:relative;border-radius:3px;padding:0 .1em;border-bottom:2px solid currentColor}
mark:focus,time.ann:focus{outline:3px solid #1d4ed8;outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;min-width:14rem;max-width:24rem;
     background:#111;color:#fff;padding:.4rem .6rem;border-radius:4px;font-size:.85rem;line-height:1.35;
     white-space:normal;box-shadow:0 2px 6px rgba(0,0,0,.3)}
mark:hover>.tip,mark:focus>.tip,time.ann:hover>.tip,time.ann:focus>.tip{display:block}
.legend span{display:inline-block;margin-right:.6rem;padding:0 .3rem;border-radius:3px}
.warn{color:#7c2d12}
@media (max-width:50rem){.article-view{flex-direction:column}}
"""


@dataclass(frozen=True)
class _Annotation:
    start: int
    end: int
    kind: str  # "mention" | "date"
    label: str
    tip: str
    anchor: str


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _entity_tip(entity: Entity, mention: Mention) -> str:
    kb = entity.kb
    parts = [f"<strong>{_esc(entity.name)}</strong> ({LABEL_NAMES.get(entity.label, entity.label)})",
             f"id : {_esc(entity.id)}"]
    if kb is not None:
        where = f", pays : {_esc(kb.country)}" if kb.country else ""
        parts.append(f"type : {_esc(kb.type)}{where}")
    else:
        parts.append("non lié à la base de connaissances")
    parts.append(f"confiance : {entity.confidence:.2f}")
    parts.append(f"forme : {FORM_NAMES.get(mention.form, mention.form)}"
                 + (f", pour {_esc(mention.stands_for)}" if mention.stands_for else ""))
    if entity.candidates:
        parts.append("autres possibles : " + ", ".join(_esc(c) for c in entity.candidates[1:4]))
    return "<br>".join(parts)


def _date_tip(date: TimeExpression) -> str:
    parts = [f"<strong>{_esc(date.value) if date.value else 'valeur inconnue'}</strong>",
             f"type : {TYPE_NAMES.get(date.type, date.type)}"
             + (f", granularité : {_esc(date.granularity)}" if date.granularity else "")
             + (f", mod : {_esc(date.mod)}" if date.mod else ""),
             f"ancre : {_esc(date.anchor)}"]
    parts += [f"<span class=warn>⚠ {_esc(w)}</span>" for w in date.warnings]
    return "<br>".join(parts)


def _annotations(extraction: Extraction, prefix: str) -> list[_Annotation]:
    out = []
    for n, entity in enumerate(extraction.entities):
        for k, mention in enumerate(entity.mentions):
            out.append(_Annotation(mention.start, mention.end, "mention", entity.label,
                                   _entity_tip(entity, mention), f"{prefix}e{n}" if k == 0 else ""))
    for n, date in enumerate(extraction.dates):
        out.append(_Annotation(date.start, date.end, "date", "DATE", _date_tip(date), f"{prefix}d{n}"))
    return sorted(out, key=lambda a: (a.start, -a.end))


def _highlighted(text: str, annotations: Sequence[_Annotation]) -> str:
    """The text with nested highlights; a span that only partly overlaps an earlier one is clipped to it."""
    parts: list[str] = []
    stack: list[_Annotation] = []
    cursor = 0

    def close_until(position: int) -> None:
        nonlocal cursor
        while stack and stack[-1].end <= position:
            top = stack.pop()
            parts.append(_esc(text[cursor:top.end]))
            cursor = top.end
            parts.append("</mark>" if top.kind == "mention" else "</time>")

    for ann in annotations:
        close_until(ann.start)
        if ann.start < cursor or ann.end <= ann.start:
            continue  # overlaps a closed one: listed beside the text, not drawn twice
        end = min(ann.end, stack[-1].end) if stack else ann.end
        ann = _Annotation(ann.start, end, ann.kind, ann.label, ann.tip, ann.anchor)
        parts.append(_esc(text[cursor:ann.start]))
        cursor = ann.start
        bg, fg = COLOURS.get(ann.label, COLOURS["MISC"])
        ident = f' id="{ann.anchor}"' if ann.anchor else ""
        tag = "mark" if ann.kind == "mention" else "time class=ann"
        parts.append(f'<{tag}{ident} tabindex="0" style="background:{bg};color:{fg}" data-label="{ann.label}">'
                     f'<span class="tip" role="tooltip">{ann.tip}</span>')
        stack.append(ann)
    close_until(len(text) + 1)
    parts.append(_esc(text[cursor:]))
    return "".join(parts)


def _side(extraction: Extraction, prefix: str) -> str:
    rows = []
    for n, entity in enumerate(extraction.entities):
        bg, fg = COLOURS.get(entity.label, COLOURS["MISC"])
        count = len(entity.mentions)
        where = f" — {_esc(entity.kb.type)}" + (f", {_esc(entity.kb.country)}" if entity.kb.country else "") \
            if entity.kb is not None else " — non lié"
        rows.append(f'<li><a href="#{prefix}e{n}" style="background:{bg};color:{fg}">{_esc(entity.name)}</a> '
                    f'<small>{LABEL_NAMES.get(entity.label, entity.label)}{where} · {count} mention'
                    f'{"s" if count > 1 else ""} · <code>{_esc(entity.id)}</code></small></li>')
    dates = []
    for n, date in enumerate(extraction.dates):
        warn = f' <span class=warn>⚠ {len(date.warnings)}</span>' if date.warnings else ""
        dates.append(f'<li><a href="#{prefix}d{n}">{_esc(date.text)}</a> → <code>{_esc(date.value)}</code> '
                     f'<small>{TYPE_NAMES.get(date.type, date.type)}</small>{warn}</li>')
    return (f"<h2>Entités ({len(extraction.entities)})</h2><ul>{''.join(rows) or '<li>aucune</li>'}</ul>"
            f"<h2>Dates ({len(extraction.dates)})</h2><ul>{''.join(dates) or '<li>aucune</li>'}</ul>")


def article_html(extraction: Extraction, text: str, *, prefix: str = "") -> str:
    """One article's section: the highlighted text and its side list (no page around it)."""
    title = f"Article {_esc(extraction.id)}" if extraction.id is not None else "Article"
    published = (f"publié le {extraction.published.isoformat()}" if extraction.published
                 else "sans date de publication : les dates relatives ne sont pas résolues")
    if extraction.published and extraction.published_time is not None:
        published += f" à {extraction.published_time.strftime('%H:%M')}"
    return (f'<section class="article-view" aria-label="{title}"><div class="text" lang="fr">'
            f"{_highlighted(text, _annotations(extraction, prefix))}</div>"
            f"<aside><p><strong>{title}</strong><br><small>{published} · modèle {_esc(extraction.model)}"
            f"</small></p>{_side(extraction, prefix)}</aside></section>")


def page_html(articles: Iterable[tuple[Extraction, str]], *, title: str = "frnews_ner") -> str:
    """A whole self-contained page for ``(extraction, text)`` pairs."""
    from ._version import __version__

    legend = "".join(f'<span style="background:{bg};color:{fg}">{LABEL_NAMES.get(k, "date")}</span>'
                     for k, (bg, fg) in COLOURS.items())
    pairs = list(articles)
    for ex, text in pairs:
        check_text(ex, text)
    sections = "".join(article_html(ex, text, prefix=f"a{n}-") for n, (ex, text) in enumerate(pairs))
    return ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>{_esc(title)}</h1><p class=legend>{legend} <small>frnews_ner {__version__} · "
            f"survolez ou parcourez (Tab) les passages surlignés</small></p></header>"
            f"<main>{sections}</main></body></html>")


def check_text(extraction: Extraction, text: str) -> None:
    """Raise ``ValueError`` unless ``text`` is the string ``extraction`` was made from."""
    spans = [(m.start, m.end, m.text) for e in extraction.entities for m in e.mentions]
    spans += [(d.start, d.end, d.text) for d in extraction.dates]
    for start, end, expected in spans:
        if text[start:end] != expected:
            raise ValueError(f"the text does not match the extraction at {start}:{end}: expected {expected!r}, "
                             f"found {text[start:end]!r} (give the article the extraction was made from)")


def to_html(extraction: Extraction, text: str) -> str:
    """The page of one article; ``text`` is the string the extraction was made from."""
    check_text(extraction, text)
    return page_html([(extraction, text)], title=f"frnews_ner — article {extraction.id}" if extraction.id
                     else "frnews_ner — article")


def add_parser(subparsers: Any) -> None:
    """``frnews-ner render`` (called by :mod:`frnews_ner.cli`)."""
    cmd = subparsers.add_parser(
        "render", help="an HTML page showing the article(s) with every mention and date highlighted",
        description="frnews-ner render article.txt --published 2024-12-15 -o page.html\n"
                    "frnews-ner render --jsonl articles.jsonl -o page.html\n"
                    "frnews-ner render --jsonl articles.jsonl --results results.jsonl -o page.html "
                    "(no model: the results of an earlier `extract --jsonl`, matched by id)",
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    cmd.add_argument("input", nargs="?", help="a text file, or - for standard input")
    cmd.add_argument("--jsonl", metavar="PATH", help='articles, one {"id", "text", "published"} object per line')
    cmd.add_argument("--results", metavar="PATH", help="results JSONL of `frnews-ner extract --jsonl` for --jsonl")
    cmd.add_argument("--published", help="publication date of the article (ISO); without it relative dates "
                                         "stay unresolved")
    cmd.add_argument("--model", help="spaCy model name or path")
    cmd.add_argument("--rules", action="append", default=[], metavar="DIR", help="a directory of your own rule files")
    cmd.add_argument("-o", "--output", required=True, help="the HTML file to write")
    cmd.set_defaults(func=_cmd_render)


def _cmd_render(args: Any) -> int:
    import json
    import sys

    from .errors import InputError
    from .records import Extraction

    if (args.input is None) == (args.jsonl is None):
        raise InputError("give either a text file (or -) or --jsonl articles.jsonl")
    if args.results and not args.jsonl:
        raise InputError("--results goes with --jsonl (the articles whose results they are)")
    pairs: list[tuple[Extraction, str]] = []
    if args.input is not None:
        text = sys.stdin.read() if args.input == "-" else Path(args.input).read_text(encoding="utf-8")
        pairs.append((_extractor(args).extract(text, published=args.published), text))
    else:
        from .jsonl import id_key, output_id, parse_lines, raw_lines
        from .records import ErrorRecord, read_result

        articles = []
        keys = []
        for number, parsed in parse_lines(raw_lines(args.jsonl)):
            if isinstance(parsed, InputError):
                raise InputError(f"{args.jsonl}:{str(parsed).removeprefix('line ')}") from None
            if not isinstance(parsed.get("text"), str):
                raise InputError(f"{args.jsonl}:{number}: expected an object with a string 'text'")
            articles.append(parsed)
            keys.append(id_key(output_id(parsed, number)))
        if args.results:
            by_id: dict[str, Extraction] = {}
            failed: dict[str, ErrorRecord] = {}
            for number, line in enumerate(Path(args.results).read_text(encoding="utf-8").split("\n"), start=1):
                if line.strip():
                    try:
                        result = read_result(line)
                    except ValueError as err:
                        raise InputError(f"{args.results}:{number}: {err}") from None
                    if isinstance(result, ErrorRecord):
                        failed[id_key(result.id)] = result
                    else:
                        by_id[id_key(result.id)] = result
            for key, obj in zip(keys, articles):
                if key in by_id:
                    pairs.append((by_id[key], obj["text"]))
                elif key in failed:  # the extraction of that article failed: said, and left out of the page
                    print(f"{args.results}: article {json.loads(key)!r} left out: its record is an error "
                          f"({failed[key].type}: {failed[key].message})", file=sys.stderr)
                else:
                    raise InputError(f"{args.jsonl}: article {json.loads(key)!r} has no result in {args.results}")
        else:
            results = _extractor(args).extract_many(articles)
            pairs = [(result, obj["text"]) for result, obj in zip(results, articles)]
    Path(args.output).write_text(page_html(pairs), encoding="utf-8")
    print(f"{args.output}: {len(pairs)} article{'s' if len(pairs) != 1 else ''}")
    return 0


def _extractor(args: Any) -> Any:
    from .extractor import Extractor

    return Extractor(model=args.model, rules=args.rules)


__all__ = ["add_parser", "article_html", "check_text", "page_html", "to_html"]

