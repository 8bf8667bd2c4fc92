"""Seasons: « l'été 2019 », « l'hiver dernier », « cet automne », « au printemps », « les mois d'été »;
not « a été » (the participle)."""

from __future__ import annotations

from ..models import Frame, Match
from .reader import Reader


def season(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    if g.is_(j, "month_noun") and g.is_(j + 1, "of_elided") and g.word(j + 2) == "'" \
            and g.kind(j + 3, "seasons"):
        j += 3  # « les mois d'été »
        det = det or "det"
    s = g.kind(j, "seasons")
    if s is None:
        return None
    if g.is_capitalised(j) and not g.sentence_initial(j):
        return None  # « le Printemps de Bourges », « L'Été indien »: a name (seasons are written in lower case)
    k = j + 1
    # « l'été de 2016 », « au printemps de 1978 »; but in « les Jeux olympiques d'été de 2016 » the
    # year is the complement of the name, « d'été » no date of its own
    of_year_ok = not g.is_(k, "of") or det is not None or g.is_(i - 1, "season_opener")
    if of_year_ok and (yy := g.year_after(k)) is not None:
        e = yy[0]
        if g.glued_sign(e, "-") and (nxt := g.year(e + 1)) is not None and nxt[1] == yy[1] + 1 and g.glued(e + 1):
            e = nxt[0]  # « l'hiver 2022-2023 »: one winter, named by the year it starts in
        return e, Frame("date", year=yy[1], season=s, granularity="season")
    k2, direction = g.direction_after(k)
    if direction in ("last", "next"):
        return k2, Frame("date", season=s, direction=direction, granularity="season")
    if direction in ("prev_last", "prev_next"):  # « l'été suivant »: counted from the date named before
        return k2, Frame("date", season=s, direction=direction, anchor="previous", granularity="season")
    if det == "this_det":
        return k, Frame("date", season=s, direction="this", granularity="season")
    if det is None and not g.is_(i - 1, "season_opener"):
        if not (g.sentence_initial(j) and (g.is_(k, "like") or g.word(k) == ",")):
            return None  # « a été » is a verb
    if g.is_(j, "season_homograph") and g.has_pos and g.pos(j) in ("AUX", "VERB") and det is None \
            and not (g.is_(i - 1, "in_prep") or g.is_(i - 1, "of_elided")):
        return None
    return k, Frame("date", season=s, granularity="season")
