"""First-item dispatch of the date grammar: every rule's declaration covers where it matches.

The grammar tries a rule at an item only when the item is what the rule declares it starts on
(:class:`~frnews_ner.dates.grammar.Rule`). A rule whose code starts on other words than it declares
would silently lose matches: here every rule is read at every item of sentences that exercise all of
them (written for this test), and each match must lie where the rule is tried.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from frnews_ner.dates.finder import default_lexicon
from frnews_ner.dates.grammar import RULES, Dispatch, Grammar, Rule
from frnews_ner.dates.grammar.reader import Reader
from frnews_ner.dates.items import build_items
from frnews_ner.sentences import Sentences

#: At least one match of each rule (the comment names it), in sentences of our own.
SENTENCES = (
    "Le café de la rue du 4-Septembre ferme ses portes.",  # in_name
    "Rendez-vous à 18 h 30, le mardi 14 octobre, devant la mairie.",  # apposition, clock
    "Jeudi 6 mars 2025, 7 h du matin : le train part enfin.",  # apposition
    "La réunion du 14/07/2024 a été reportée au 31/10.",  # numeric_date
    "Le samedi 14 décembre 2024, il pleuvait sur la ville.",  # day_month
    "Les travaux reprendront en mars 2021, puis en août dernier.",  # month
    "Elle est arrivée en 2019 avec sa famille.",  # year
    "La mode des années 1970 revient, comme celle des années 90.",  # decade
    "Le château date du XVIIIe siècle, la chapelle du 12e siècle.",  # century
    "Le vingtième siècle s'achève ; le troisième millénaire commence.",  # century, millennium
    "Il a été champion du monde en 98, puis sélectionneur.",  # short_year
    "Il viendra lundi prochain, ou ce même mardi.",  # weekday
    "Aujourd'hui encore, le village vit de la pêche.",  # nowadays
    "Il est parti hier soir et reviendra le lendemain.",  # relative_day
    "L'alerte a sonné vers 15 h 30 ; à ce moment-là, la salle était vide.",  # that_moment
    "Matinée du 15 février : accueil des délégations.",  # part_of_day without a determiner
    "Le club se réunit les premier et troisième jeudis de chaque mois.",  # ranked_weekdays
    "Ils sont entrés dans la nouvelle année avec prudence.",  # unit_relative (« nouvelle »)
    "Le loyer sera versé le 5 du mois prochain.",  # day_of_month_shift
    "La semaine dernière, le conseil a voté ; cette année-là, il a cédé.",  # unit_relative
    "Ces derniers jours, les trois derniers mois ont pesé.",  # last_n
    "Ce soir, la nuit dernière, le soir même.",  # part_of_day
    "Le train part à 14h30 et arrive vers midi.",  # clock
    "Elle arrivera à environ 15 heures.",  # approx_clock
    "Il a travaillé pendant trois semaines, près d'un mois, une dizaine de jours.",  # duration
    "La gagnante a couru le semi-marathon en 1 h 12 min 30 s, son dauphin en 1h14, le troisième en 1:15:02.",  # sign_duration
    "Le marché a lieu chaque lundi et les mardis soir.",  # each
    "L'été 2019 fut chaud ; cet hiver sera doux ; les mois d'été passent.",  # season
    "Ils se retrouveront à Noël et à Pâques 2025.",  # holiday
    "Actuellement, la situation est calme.",  # vague_ref
    "Les soldes commencent début janvier et finissent mi-mars, à la fin de l'année.",  # start_mid_end
    "Le comité se réunit deux fois par an.",  # per
    "La dernière semaine de septembre et le premier mercredi du mois prochain.",  # ranked_period
    "Le premier trimestre 2025 et le second semestre ont été bons.",  # year_part
    "La semaine du 6 octobre et le week-end du 14 juillet.",  # week_of
    "Ils sont partis tôt samedi matin.",  # early_late
    "Les grévistes ont défilé toute la journée, deux ans et trois mois après.",  # duration (whole, compound)
    "Les loyers ont doublé au cours des dix dernières années.",  # last_n after « des »
    "Il est 10 heures ; le train part sept heures moins dix.",  # clock (told, counted back)
    "Dans les années soixante-dix, tous les matins, la veille du Nouvel An.",  # decade, each, relative_day
)
#: « annuellement » is a set only with a tagger (« le quotidien » names a newspaper): tagged by hand.
TAGGED = ("Le rapport est publié annuellement.", {"annuellement": "ADV"})


@pytest.fixture(scope="module")
def readers() -> list[Reader]:
    nlp = spacy.blank("fr")
    lexicon = default_lexicon()
    docs = [nlp(text) for text in SENTENCES]
    tagged = nlp(TAGGED[0])
    for token in tagged:
        token.pos_ = TAGGED[1].get(token.text, "NOUN")
    docs.append(tagged)
    return [Reader(doc, build_items(doc, lexicon), Sentences.of(doc), lexicon) for doc in docs]


def test_every_rule_matches_only_where_it_is_tried(readers: list[Reader]) -> None:
    matched = {rule.name: 0 for rule in RULES}
    outside = []
    for g in readers:
        for i in range(g.n):
            for rule in RULES:
                m = rule.read(g, i)
                if m is None or m[0] <= i:
                    continue
                matched[rule.name] += 1
                if not rule.tried_at(g, i):
                    outside.append(f"{rule.name} at {g.items[i].raw!r} in {g.text!r}")
    assert outside == []
    # the sentences exercise every rule: a rule never matched here would be checked by nothing
    assert [name for name, count in matched.items() if count == 0] == []


def test_dispatch_gives_the_candidates_of_every_rule_tried_everywhere(readers: list[Reader]) -> None:
    undeclared = tuple(replace(r, kinds=(), mods=(), classes=(), digits=False, roman=False, det=None) for r in RULES)
    assert all(r.everywhere for r in undeclared)
    found = 0
    for g in readers:
        fast = Grammar(g).candidates()
        assert fast == Grammar(g, undeclared).candidates(), g.text
        found += len(fast)
    assert found > len(readers)


def test_a_rule_that_declares_nothing_is_tried_at_every_item(readers: list[Reader]) -> None:
    seen: list[int] = []

    def spy(g: Reader, i: int) -> None:
        seen.append(i)
        return None

    rule = Rule("spy", spy, 1)
    assert rule.everywhere
    g = readers[0]
    Grammar(g, (*RULES, rule)).candidates()
    dispatch = Dispatch((*RULES, rule))
    # tried at every item the grammar reads (those with a lexicon entry, digits or a Roman ordinal)
    # that no longer match has consumed
    assert seen and all(rule in dispatch.rules_at(g, i, g.items[i].text.isdecimal(), False) for i in seen)
    assert all(rule.tried_at(g, i) for i in range(g.n))


def test_declarations_are_checked_against_the_lexicon_vocabulary() -> None:
    def never(g: Reader, i: int) -> None:
        return None

    with pytest.raises(ValueError, match="monthz"):
        Rule("typo", never, 1, kinds=("monthz",))
    with pytest.raises(ValueError, match="no_such_class"):
        Rule("typo", never, 1, classes=("no_such_class",))
    with pytest.raises(ValueError, match="lastt"):
        Rule("typo", never, 1, mods=("lastt",))
    with pytest.raises(ValueError, match="det"):
        Rule("typo", never, 1, det="optional")  # a determiner and then nothing declared
    with pytest.raises(ValueError, match="det must be"):
        Rule("typo", never, 1, digits=True, det="sometimes")
