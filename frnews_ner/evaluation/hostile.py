"""Generated inputs for the linear-cost benchmark (``frnews-ner bench --hostile``) and its tests.

Each generator returns exactly ``size`` characters, the same string for the same ``(size, seed)``,
built from templates written for this project (no copied text). A scraper produces pages like
these: a calendar of dates, a table of figures, a list of names, a paragraph without a full stop,
a page of blank lines. Their cost per character must stay close to that of ordinary news.

>>> from frnews_ner.evaluation.hostile import generate
>>> len(generate("weekday-list", 500))
500
>>> generate("weekday-list", 41)
'lundi, mardi, mercredi, jeudi, vendredi, '
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["GENERATORS", "generate"]

_FIRST = ("Claire", "Mathieu", "Nadia", "Olivier", "Sophie", "Karim", "Élodie", "Pierre", "Inès", "Bruno")
_LAST = ("Martin", "Lefèvre", "Benali", "Rousseau", "Girard", "Moreau", "Fontaine", "Chevalier", "Roux", "Perrin")
_PLACES = ("Lyon", "Marseille", "Toulouse", "Nantes", "Strasbourg", "Lille", "Bordeaux", "Rennes", "Grenoble",
           "Dijon", "Bruxelles", "Genève", "Montréal", "Berlin", "Madrid")
_ORGS = ("la SNCF", "l'Assemblée nationale", "le Conseil d'État", "la mairie", "Air France", "l'ONU",
         "la Commission européenne", "le Sénat", "Météo-France", "la préfecture")
_ROLES = ("le maire", "la ministre de la Santé", "le préfet", "la députée", "le porte-parole du gouvernement",
          "l'entraîneur", "la présidente de région", "le directeur de l'usine")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WHEN = ("hier", "lundi", "mardi soir", "la semaine dernière", "ce matin", "dimanche", "le mois prochain",
         "en 2019", "il y a deux ans", "à 18 h 30", "le 14 juillet", "demain", "jeudi prochain", "en mars")
_PAST_VERBS = ("a quitté", "est arrivé à", "a visité", "est reparti de", "a rejoint", "a traversé")
_FUTURE_VERBS = ("quittera", "visitera", "rejoindra", "traversera", "arrivera à")

_NEWS_TEMPLATES = (
    "{first} {last}, {role}, {past} {place} {when}.",
    "Selon {org}, la situation à {place} était encore tendue {when}.",
    "« Nous ne céderons pas », a déclaré {first} {last} devant la presse {when}.",
    "{org} a signé un accord avec les syndicats de {place}.",
    "Le chantier, lancé {when}, devrait coûter {n} millions d'euros.",
    "{first} {last} {future} {place} {when}, a indiqué son entourage.",
    "Les habitants de {place} ont manifesté {when} contre la fermeture de la gare.",
    "D'après {org}, {n} personnes ont été évacuées {when}.",
)


def _pick(rng: random.Random, items: tuple[str, ...]) -> str:
    return items[rng.randrange(len(items))]


def _news_sentence(rng: random.Random) -> str:
    return _pick(rng, _NEWS_TEMPLATES).format(
        first=_pick(rng, _FIRST), last=_pick(rng, _LAST), role=_pick(rng, _ROLES), past=_pick(rng, _PAST_VERBS),
        future=_pick(rng, _FUTURE_VERBS), place=_pick(rng, _PLACES), org=_pick(rng, _ORGS),
        when=_pick(rng, _WHEN), n=rng.randrange(2, 900))


def _news(rng: random.Random, index: int) -> str:
    """A paragraph of three to six news sentences."""
    return " ".join(_news_sentence(rng) for _ in range(rng.randrange(3, 7))) + "\n\n"


def _date_list(rng: random.Random, index: int) -> str:
    """« le 3 mars 2021, le 17 octobre 2019, … » — a calendar page."""
    return f"le {rng.randrange(1, 29)} {_pick(rng, _MONTHS)} {rng.randrange(1990, 2030)}, "


def _dates_with_verbs(rng: random.Random, index: int) -> str:
    """Each date with a clause whose tense decides its direction, no full stop between them."""
    verb = _pick(rng, _PAST_VERBS + _FUTURE_VERBS)
    when = rng.choice((f"le {rng.randrange(1, 29)} {_pick(rng, _MONTHS)}", _pick(rng, _WEEKDAYS),
                       f"en {_pick(rng, _MONTHS)}", "la veille", "le lendemain", f"à {rng.randrange(0, 24)} h"))
    return f"{_pick(rng, _FIRST)} {verb} {_pick(rng, _PLACES)} {when}, "


def _weekday_list(rng: random.Random, index: int) -> str:
    """« lundi, mardi, mercredi, … » in order, over and over."""
    return _WEEKDAYS[index % 7] + ", "


def _numbers(rng: random.Random, index: int) -> str:
    """A table flattened to text: figures, some with spaces as thousands separators or decimals."""
    return rng.choice((str(rng.randrange(0, 10_000)), f"{rng.randrange(1, 999)} {rng.randrange(100, 999)}",
                       f"{rng.randrange(0, 99)},{rng.randrange(0, 99):02d}", str(rng.randrange(1900, 2100)))) + " "


def _capitalised(rng: random.Random, index: int) -> str:
    """A run of capitalised words: names, places and initials with no sentence around them."""
    return rng.choice((_pick(rng, _FIRST), _pick(rng, _LAST), _pick(rng, _PLACES), "Saint", "Le", "De",
                       "Nord", "Grand")) + " "


def _no_punctuation(rng: random.Random, index: int) -> str:
    """News sentences with every mark of punctuation and every line break removed, in lower case."""
    sentence = _news_sentence(rng)
    kept = "".join(ch for ch in sentence if ch.isalnum() or ch in " '-")
    return kept.lower() + " "


def _newlines(rng: random.Random, index: int) -> str:
    """Mostly line breaks: a short word or a date every few lines, as a badly scraped page."""
    return "\n" * rng.randrange(1, 12) + rng.choice(("", "", "Menu", "lundi", "Paris", "12", "Accueil", "»"))


#: Generator name → a function giving the next piece of text.
_PIECES: dict[str, Callable[[random.Random, int], str]] = {
    "news": _news,
    "date-list": _date_list,
    "dates-with-verbs": _dates_with_verbs,
    "weekday-list": _weekday_list,
    "numbers": _numbers,
    "capitalised": _capitalised,
    "no-punctuation": _no_punctuation,
    "newlines": _newlines,
}

#: The generator names, ordinary news first (the reference the others are compared with).
GENERATORS: tuple[str, ...] = tuple(_PIECES)


def generate(name: str, size: int, seed: int = 12) -> str:
    """Exactly ``size`` characters of generator ``name`` (one of :data:`GENERATORS`), reproducible.

    >>> generate("date-list", 30, seed=1)[:3]
    'le '
    """
    if name not in _PIECES:
        raise ValueError(f"hostile generator must be one of {', '.join(GENERATORS)}; got {name!r}")
    if size < 0:
        raise ValueError(f"size must be a non-negative number of characters, got {size!r}")
    rng = random.Random(f"{name}:{seed}")
    piece = _PIECES[name]
    parts: list[str] = []
    total = 0
    while total < size:
        part = piece(rng, len(parts))
        parts.append(part)
        total += len(part)
    return "".join(parts)[:size]
