"""Unit tests of the date finder: lexicon files, resolver arithmetic, component, invariants."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from frnews_ner.dates import Lexicon, find_time_expressions
from frnews_ner.dates.models import Frame
from frnews_ner.records import TimeExpression
from frnews_ner.dates.resolver import Resolver, easter, holiday_date
from frnews_ner.errors import RuleError

PUB = datetime.date(2024, 12, 15)


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("fr")


def _find(nlp: spacy.language.Language, text: str, published: datetime.date | None = PUB,
          lexicon: Lexicon | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in find_time_expressions(nlp(text), published, lexicon=lexicon)]


# ---- seed-article expectations, on our own sentences ---------------------------------------------
def test_seed_expectations(blank: spacy.language.Language) -> None:
    text = ("Samedi 14 décembre, les riverains ont manifesté. Le mois dernier, déjà, la crue d'août dernier "
            "avait inquiété. Le chantier a été bloqué près d'un mois.")
    found = _find(blank, text)
    assert ("Samedi 14 décembre", "DATE", "2024-12-14", None) in found
    assert ("Le mois dernier", "DATE", "2024-11", None) in found
    assert ("août dernier", "DATE", "2024-08", None) in found
    assert ("près d'un mois", "DURATION", "P1M", "APPROX") in found


def test_issue_examples(blank: spacy.language.Language) -> None:
    assert _find(blank, "L'an dernier, rien.")[0][2] == "2023"
    assert _find(blank, "Cette semaine, rien.")[0][2] == "2024-W50"
    assert _find(blank, "Hier soir, rien.")[0][2] == "2024-12-14TEV"
    assert _find(blank, "Au printemps 2023, rien.")[0][2] == "2023-SP"
    assert _find(blank, "Il a attendu trois semaines.")[0][1:3] == ("DURATION", "P3W")
    assert _find(blank, "Chaque lundi, rien.")[0][1:3] == ("SET", "XXXX-WXX-1")
    assert _find(blank, "Il partira début janvier.")[0][2:] == ("2025-01", "START")


# ---- no publication date: never today ------------------------------------------------------------
@pytest.mark.parametrize("text", ["Hier, il a plu.", "Il viendra demain matin.", "Cette semaine, rien.",
                                  "L'an dernier, rien.", "Le mois prochain, rien.", "Il y a trois jours, rien.",
                                  "Ce soir, concert.", "Il viendra mardi.", "En mars, rien.", "À 14h30, rien.",
                                  "Le week-end dernier, rien.", "À Noël, rien.", "À Pâques, rien."])
def test_no_published_never_today(blank: spacy.language.Language, text: str) -> None:
    today = datetime.date.today()
    for t in find_time_expressions(blank(text), None):
        assert t.anchor == "none"
        assert t.value is None or t.value.startswith("XXXX") or t.type in ("DURATION", "SET"), t
        assert str(today.year) not in (t.value or "")


def test_previous_anchor_without_published(blank: spacy.language.Language) -> None:
    found = find_time_expressions(blank("Le 3 mars 2020, la mairie a brûlé. La veille, il pleuvait."), None)
    assert [(t.text, t.value, t.anchor) for t in found] == [("Le 3 mars 2020", "2020-03-03", "none"),
                                                              ("La veille", "2020-03-02", "previous")]


# ---- weekday checks -------------------------------------------------------------------------------
def test_weekday_picks_the_matching_year(blank: spacy.language.Language) -> None:
    # 14 December 2025 is a Sunday: « dimanche 14 décembre » read in December 2024 is next year's.
    t = find_time_expressions(blank("Dimanche 14 décembre, fête."), PUB)[0]
    assert (t.value, t.warnings) == ("2025-12-14", ())


def test_weekday_contradiction_is_a_warning(blank: spacy.language.Language) -> None:
    t = find_time_expressions(blank("Mercredi 14 décembre, fête."), PUB)[0]
    assert t.value == "2024-12-14"
    assert len(t.warnings) == 1 and "contradicts" in t.warnings[0] or "none of the years" in t.warnings[0]


# ---- resolver ---------------------------------------------------------------------------------------
def test_easter_and_movable_holidays() -> None:
    assert easter(2024) == datetime.date(2024, 3, 31)
    assert easter(2025) == datetime.date(2025, 4, 20)
    r = Resolver(PUB)
    assert r.resolve(Frame("date", holiday="E+49", year=2025), None).value == "2025-06-08"  # Pentecôte
    assert r.resolve(Frame("date", holiday="E+39", year=2024), None).value == "2024-05-09"  # Ascension


@pytest.mark.parametrize("code,year,expected", [
    ("11-4#4", 2024, datetime.date(2024, 11, 28)),  # Thanksgiving: the fourth Thursday of November
    ("11-4#4+1", 2024, datetime.date(2024, 11, 29)),  # and the day after
    ("06-7#3", 2025, datetime.date(2025, 6, 15)),  # the third Sunday of June (June 1st is a Sunday)
    ("05-7#-1", 2025, datetime.date(2025, 5, 25)),  # the last Sunday of May
    ("02-1#5", 2025, None),  # February 2025 has four Mondays
    ("12-25", 2024, datetime.date(2024, 12, 25)),
])
def test_holiday_codes(code: str, year: int, expected: datetime.date | None) -> None:
    assert holiday_date(code, year) == expected


def test_bad_holiday_code_says_what_is_expected(tmp_path: Path) -> None:
    d = tmp_path / "dates"
    d.mkdir()
    (d / "holidays.tsv").write_text("fête du cidre\t10-9#2\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        Lexicon.load([tmp_path])
    assert "holidays.tsv:1:" in str(err.value)
    assert "the N-th weekday of a month MM-W#N" in str(err.value) and "'10-9#2'" in str(err.value)


@pytest.mark.parametrize("tense,expected", [("past", "2024-12-10"), ("future", "2024-12-17"),
                                            ("present", "2024-12-17"), (None, "2024-12-17")])
def test_bare_weekday_follows_tense(tense: str | None, expected: str) -> None:
    assert Resolver(PUB).resolve(Frame("date", weekday=2), tense).value == expected


@pytest.mark.parametrize("tense,expected", [("past", "2024-09"), ("future", "2025-09"), (None, "2024-09")])
def test_bare_month_follows_tense(tense: str | None, expected: str) -> None:
    assert Resolver(PUB).resolve(Frame("date", month=9), tense).value == expected


def test_granularity_kept() -> None:
    r = Resolver(PUB)
    assert r.resolve(Frame("date", shift_unit="Q", shift=-1), None).value == "2024-Q3"
    assert r.resolve(Frame("date", shift_unit="M", shift=1), None).value == "2025-01"
    assert r.resolve(Frame("date", season="WI", direction="next"), None).value == "2025-WI"


@pytest.mark.parametrize("text,granularity", [
    ("Il arrivera lundi soir.", "partofday"),
    ("Il arrivera lundi à 14h30.", "minute"),
    ("Il arrivera lundi 14h30.", "minute"),
    ("Le départ sera donné lundi 9 h 05 min 30 s.", "second"),
    ("Il arrivera lundi.", "day"),
    ("Elle viendra demain matin.", "partofday"),
])
def test_granularity_of_a_day_with_its_time(blank: spacy.language.Language, text: str, granularity: str) -> None:
    # the granularity says what the value holds: a day with a clock time is to the minute (or second)
    found = find_time_expressions(blank(text), PUB)
    assert [t.granularity for t in found][-1] == granularity, [(t.text, t.value, t.granularity) for t in found]


# ---- lexicon files ------------------------------------------------------------------------------
def test_shipped_lexicon_loads() -> None:
    lex = Lexicon.load()
    assert ("months", "8", frozenset()) in lex.lookup(("août",))


def test_user_files_extend_the_lexicon(tmp_path: Path, blank: spacy.language.Language) -> None:
    d = tmp_path / "rules" / "dates"
    d.mkdir(parents=True)
    (d / "holidays.tsv").write_text("# our own\nfête de la musique\t06-21\n", encoding="utf-8")
    (d / "modifiers.tsv").write_text("écoulé\tlast\n", encoding="utf-8")
    (d / "refs.tsv").write_text("désormais\t-\n", encoding="utf-8")
    lex = Lexicon.load([tmp_path / "rules"])
    found = _find(blank, "La fête de la musique 2023 a eu lieu. Le mois écoulé, désormais calme.", lexicon=lex)
    assert ("La fête de la musique 2023", "DATE", "2023-06-21", None) in found
    assert ("Le mois écoulé", "DATE", "2024-11", None) in found
    assert not any(f[0] == "désormais" for f in found)


def test_malformed_file_reports_every_problem(tmp_path: Path) -> None:
    d = tmp_path / "dates"
    d.mkdir()
    bad = d / "months.tsv"
    bad.write_text("# header\nbrumaire\t13\nthermidor\n\nnivôse\t4\tweird\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        Lexicon.load([tmp_path])
    problems = err.value.problems
    assert [p.line for p in problems] == [2, 3, 5]
    assert all(p.path == str(bad) for p in problems)
    assert "expected a month number (1-12), got '13'" in problems[0].message
    assert "expected a value in ['value'], found 'thermidor'" in problems[1].message
    assert "weird" in problems[2].message
    assert f"{bad}:2:" in str(err.value)


def test_unknown_kind_is_reported(tmp_path: Path) -> None:
    d = tmp_path / "dates"
    d.mkdir()
    (d / "monthz.tsv").write_text("x\t1\n", encoding="utf-8")
    with pytest.raises(RuleError, match="monthz.tsv"):
        Lexicon.load([tmp_path])


# ---- invariants -------------------------------------------------------------------------------------
WORDS = ["le", "la", "hier", "demain", "soir", "3", "14", "h", "30", "mars", "sept", "2024", "dernier",
         "prochain", "mois", "semaine", ",", ".", "-", "/", "il", "y", "a", "trois", "ans", "chaque", "lundi",
         "début", "fin", "mi", "Noël", "été", "depuis", "vers", "midi", "environ", "une", "heure", "l'", "an"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.booleans())
def test_spans_are_clean_sorted_and_disjoint(words: list[str], with_pub: bool) -> None:
    nlp = spacy.blank("fr")
    text = " ".join(words)
    found = find_time_expressions(nlp(text), PUB if with_pub else None)
    last = 0
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.start >= last and t.end > t.start
        assert t.text[-1].isalnum() and t.text[0].isalnum()
        last = t.end


# ---- spaCy component -------------------------------------------------------------------------------
def test_component_on_blank_pipeline() -> None:
    import frnews_ner.pipeline.dates  # noqa: F401  (registers the factory)

    nlp = spacy.blank("fr")
    nlp.add_pipe("frnews_dates")
    doc = nlp.make_doc("Il est arrivé hier soir.")
    doc._.frnews_published = "2024-12-15"
    doc = nlp.get_pipe("frnews_dates")(doc)
    assert doc._.frnews_dates == (TimeExpression(start=14, end=23, text="hier soir", type="TIME",
                                                 value="2024-12-14TEV", granularity="partofday", mod=None,
                                                 anchor="published"),)
    assert nlp("Il est arrivé hier.")._.frnews_dates[0].value is None  # no published date set


def test_component_reads_user_rules(tmp_path: Path) -> None:
    import frnews_ner.pipeline.dates  # noqa: F401

    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "holidays.tsv").write_text("fête des lumières\t12-08\n", encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("frnews_dates", config={"rules": [str(tmp_path)]})
    doc = nlp.make_doc("La fête des lumières 2024 a attiré du monde.")
    doc._.frnews_published = "2024-12-15"
    assert nlp.get_pipe("frnews_dates")(doc)._.frnews_dates[0].value == "2024-12-08"


def test_component_with_model(extractor) -> None:
    doc = extractor.nlp.make_doc("Le ministre a démissionné mardi. Il sera remplacé jeudi prochain.")
    doc._.frnews_published = "2024-12-15"
    for _, proc in extractor.nlp.pipeline:
        doc = proc(doc)
    assert [(d.text, d.value) for d in doc._.frnews_dates] == [("mardi", "2024-12-10"),
                                                               ("jeudi prochain", "2024-12-19")]


def test_a_run_of_thousands_of_digits_is_no_date_and_no_crash(blank: spacy.language.Language) -> None:
    # Python refuses int() of 4,300+ digits; the grammar itself must not try (the Extractor also
    # masks such runs, but the date tagger is a component users put in their own pipelines)
    digits = "7" * 5000
    text = f"Le code {digits} a été publié le 3 mars 2024, puis {digits[:13]} en 2025."
    found = _find(blank, text)
    assert ("le 3 mars 2024", "DATE", "2024-03-03", None) in found
    assert ("2025", "DATE", "2025", None) in found
    assert not any(set(t) <= set("7 ") for t, *_ in found), found


def test_bare_dates_future_places_an_undirected_date_ahead_and_nothing_else():
    import datetime

    import spacy

    from frnews_ner.dates import find_time_expressions

    nlp = spacy.blank("fr")
    published = datetime.date(2013, 2, 12)  # a Tuesday

    def values(text, bare):
        return [t.value for t in find_time_expressions(nlp(text), published, bare_dates=bare)]

    # no tense to tell (a blank pipeline, a headline): nearest by default, the coming one for agendas
    assert values("lundi", "nearest") == ["2013-02-11"]
    assert values("lundi", "future") == ["2013-02-18"]
    assert values("le 31 octobre", "future") == ["2013-10-31"]
    # a direction word still decides
    assert values("lundi dernier", "future") == ["2013-02-11"]


def test_bare_dates_refuses_what_it_does_not_know():
    import datetime

    import pytest
    import spacy

    from frnews_ner.dates import find_time_expressions

    with pytest.raises(ValueError, match="bare_dates must be one of 'nearest', 'future'; got 'later'"):
        find_time_expressions(spacy.blank("fr")("lundi"), datetime.date(2013, 2, 12), bare_dates="later")
