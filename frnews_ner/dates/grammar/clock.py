"""Clock times: « 14h30 », « à 18 heures », « vers midi et demi », « à onze heures du soir »,
« sept heures moins le quart », « à environ 15 h », « 8 h GMT », « 12 h 30 locales ».

A clock time needs a sign that it is one: the « h » of « 14h30 », a preposition (« à », « vers »,
« dès »), or a part of day after it (« trois heures du matin »); « pendant 2 h », « à 3 heures de
route » and « à une heure où » are spans of hours, not clock times.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .reader import DETERMINERS, Reader, clock_frame, read_once

#: Parts of day that give a clock time its half of the day (« onze heures du soir » → 23:00).
_DIAL_PARTS = ("EV", "AF", "MO", "NI")


@read_once
def clock(g: Reader, i: int) -> Match | None:
    """Digits with « h », « : » or « heure(s) »; « à midi », « vers minuit »; hours in letters."""
    d = g.digits(i)
    if d is None:
        noon = g.kind(i, "parts_of_day")
        if noon and ":" in noon:
            # « à midi », « ce midi », « vers minuit », and right after a day (« mardi midi », « demain
            # midi »): the day's clock time, chained to it as « dimanche 9 heures » is
            hours, minutes = noon.split(":")
            k, delta = minutes_after(g, i + 1)  # « midi et demi », « minuit moins le quart »
            # minutes after « midi » make it a clock time by themselves (« midi et quart », « Midi
            # trente : … »); so does the start of a sentence or of a list item, in lower case
            # (« Midi » alone there is the region); else a preposition or a day must come first
            timed = k > i + 1 and g.mod(i - 1) not in DETERMINERS
            if g.is_capitalised(i) and not (timed and g.sentence_initial(i)):
                return letter_clock(g, i)
            if timed or g.sentence_initial(i) \
                    or g.is_(i - 1, "time_prep") or g.is_(i - 1, "this_masculine") \
                    or g.mod(i - 1) == "approx_signal" or day_word(g, i - 1):
                return k, clock_frame(int(hours), int(minutes) + delta)
        return letter_clock(g, i)
    if len(d) > 2 or int(d) > 24 or g.word(i - 1) in (",", ".") and g.glued(i):
        return None
    hour = int(d)
    k = i + 1
    minute: int | None = None
    second: int | None = None
    if g.is_(k, "hour_sign") or g.glued_sign(k, ":"):
        sign_h = g.is_(k, "hour_sign")
        if not sign_h and not (g.digits(k + 1) and g.glued(k + 1)):
            return None
        k += 1
        if (mm := g.digits(k)) is not None and len(mm) == 2 and int(mm) < 60:
            minute, k = int(mm), k + 1
        elif sign_h and g.is_(k, "and") and g.is_(k + 1, "half"):
            minute, k = 30, k + 2
        elif not sign_h:
            return None  # « 2:1 » is a score, never a clock time: « : » takes two digits of minutes
        if minute is not None:
            if sign_h and g.is_(k, "minute_noun") and not (g.is_(i - 1, "time_prep") or g.mod(i - 1) == "approx_signal"):
                return None  # « 2 h 05 min 30 s » without « à » is a time taken (durations.sign_duration)
            k, second = seconds_after(g, k, colon=not sign_h)
        if g.is_(i - 1, "duration_prep") and g.mod(i - 1) != "approx_signal" and not (
                g.mod(i - 1) == "approx" and g.is_(i - 2, "approx_clock_prep")):
            return None  # « pendant 2 h », « en 1:57:17 »; but « à environ 15 h » is a time
    elif g.is_(k, "hour_noun"):
        if not (g.is_(i - 1, "time_prep") or g.mod(i - 1) == "approx_signal" or day_part_follows(g, i, k + 1)
                or day_word(g, i - 1) or telling_time(g, i) or g.is_(k + 1, "minus")):
            return None  # (« dimanche 9 heures »: right after a day, hours are its clock time)
        k += 1
        if (mm := g.digits(k)) is not None and len(mm) == 2 and int(mm) < 60:
            minute, k = int(mm), k + 1
        elif g.is_(k, "and") or g.is_(k, "minus"):
            k, delta = minutes_after(g, k)  # « à 10 heures et demie », « 10 heures moins le quart »
            minute = delta or None
        if distance_after(g, k, strict=False) and not after_a_day(g, i):
            return None  # « à 24 heures du scrutin », « à 3 heures de route »: an interval
    else:
        return None
    k, hour = part_of_clock(g, k, hour)
    k, zone = zone_after(g, k)
    return k, clock_frame(hour, minute or 0, zone=zone, second=second)


def seconds_after(g: Reader, k: int, *, colon: bool) -> tuple[int, int | None]:
    """The seconds after the minutes of a clock time, at ``k``: « 12:34[:45] » (``colon``: two digits
    glued after a glued « : »), « 12 h 34 [min 45 s] », « 12h34[min25s] » (« min », one or two
    digits, then « s » or « sec » if written). (end item, seconds) or (``k``, None)."""
    if colon:
        if g.glued_sign(k, ":") and (ss := g.digits(k + 1)) is not None and len(ss) == 2 \
                and int(ss) < 60 and g.glued(k + 1):
            return k + 2, int(ss)
        return k, None
    if g.is_(k, "minute_noun"):
        if (ss := g.digits(k + 1)) is not None and len(ss) <= 2 and int(ss) < 60:
            return (k + 3 if g.is_(k + 2, "second_sign") else k + 2), int(ss)
        return k + 1, None  # « à 9 h 32 min »: the sign is part of the time
    return k, None


def telling_time(g: Reader, i: int) -> bool:
    """« Il est [10 heures] », « il était [huit heures et quart] »: the impersonal « il être » that
    tells the time of day; the hours after it are a clock time."""
    return g.is_(i - 1, "telling_time_verb") and g.is_(i - 2, "impersonal_il")


def day_word(g: Reader, j: int) -> bool:
    """Item ``j`` is a weekday, a relative day or a month: a clock time may be glued to it."""
    return g.kind(j, "weekdays") is not None or g.kind(j, "relative_days") is not None \
        or g.kind(j, "months") is not None


def after_a_day(g: Reader, i: int) -> bool:
    """« samedi à 14 heures de la place… »: « à » right after a day makes the hours that day's clock time."""
    return g.is_(i - 1, "day_clock_link") and (
        g.kind(i - 2, "weekdays") is not None or g.kind(i - 2, "relative_days") is not None
        or g.kind(i - 2, "months") is not None or g.part_of_day(i - 2) is not None)


def zone_after(g: Reader, k: int) -> tuple[int, str | None]:
    """« GMT », « locales », « heure locale », « heure de Paris » right after a clock time (UTC
    only in capitals: « gmt » in lower case is rarely a zone in running text)."""
    z = g.kind(k, "zones")
    if z == "UTC" and (g.items.raw(k).isupper() or " " in g.items.raw(k)):
        return k + 1, z
    if z == "LOCAL" and g.is_(k, "local_adjective"):
        return k + 1, z
    if g.is_(k, "hour_noun"):
        j = k + 2 if g.is_(k + 1, "of") else k + 1
        # right after « heure » an adjective (« locale », « française »), after « heure de » a place
        if g.kind(j, "zones") == "LOCAL" and (j == k + 1) == g.is_(j, "zone_adjective"):
            return j + 1, "LOCAL"
    return k, None


def clock_part(g: Reader, k: int, *, within: bool = True) -> tuple[int, str] | None:
    """« du soir », « de l'après-midi », « de la nuit », « dans la soirée » at ``k``: (end item, part of
    day code). ``within=False`` refuses « dans la soirée », which places a clock time already signed
    (« vers 6 h dans la soirée ») but does not make one of bare hours (« deux heures dans la soirée »
    may be time spent)."""
    if within and g.is_(k, "within") and g.mod(k + 1) == "det" and not g.is_(k + 1, "plural_det"):
        part = g.kind(k + 2, "parts_of_day")  # « vers 6 h dans la soirée »: 18:00
        return (k + 3, part) if part in _DIAL_PARTS else None
    if not (g.is_(k, "of") or g.is_(k, "of_the")):
        return None
    j = k + 2 if g.is_(k, "of") and g.mod(k + 1) == "det" else k + 1
    part = g.kind(j, "parts_of_day")
    return (j + 1, part) if part in _DIAL_PARTS else None


def part_of_clock(g: Reader, k: int, hour: int) -> tuple[int, int]:
    """« du soir », « de l'après-midi » after a clock time: the end item and the 24-hour hour."""
    found = clock_part(g, k)
    if found is not None:
        k, part = found
        if part == "EV" and hour < 12 or part == "AF" and hour < 8 or part == "NI" and 7 <= hour < 12:
            # « onze heures du soir », « trois heures de l'après-midi », « dix heures de la nuit »;
            # « deux heures du matin » stays, and so does the contradictory « 9 h de l'après-midi »
            hour += 12
    elif hour < 12 and (g.mod(k) == "this_det" or g.kind(k, "relative_days") is not None) \
            and g.kind(k + 1, "parts_of_day") in ("EV", "AF"):
        hour += 12  # « à 3 heures cet après-midi », « à huit heures demain soir »: a separate expression
    return k, hour


def day_part_follows(g: Reader, i: int, k: int) -> bool:
    """« [N heures] du matin », « de l'après-midi » at ``k``: a clock time even with no preposition
    before ``i`` (« trois heures du matin ont sonné »), but not after « pendant », « durant »…
    (« ce matin » is not enough: « il a travaillé deux heures ce matin » is a duration)."""
    if g.is_(i - 1, "duration_prep") or g.is_(i - 1, "during"):
        return False
    return clock_part(g, k, within=False) is not None


def distance_after(g: Reader, k: int, *, strict: bool = True) -> bool:
    """« heures de route », « heures du départ », « heures où… »: hours counted, not a clock time.

    ``strict`` (hours in letters) also refuses the other words of class ``clock_blocker``; « 17
    heures » in digits is a clock time more often and is refused before « de »/« du » only.
    """
    if g.is_(k, "of") or g.is_(k, "of_the") or g.is_(k, "of_elided"):
        if clock_part(g, k) is not None:
            return False  # « du soir », « de l'après-midi »
        if g.digits(k + 1) is not None or g.kind(k + 1, "months") or g.kind(k + 1, "weekdays") \
                or g.kind(k + 1, "relative_days"):
            return False  # « 6 heures du 22/04 », « 9 heures de lundi »: the day of the clock time
        return True
    return strict and g.is_(k, "clock_blocker")


def minutes_after(g: Reader, k: int) -> tuple[int, int]:
    """Minutes written after an hour in letters or after « midi »: (end item, minutes to add).

    « et demie » +30, « et quart » +15, « trois quarts » +45, « moins le quart » -15,
    « moins cinq » -5, « vingt » / « 20 » (+ « minutes ») +20; ``(k, 0)`` when nothing follows.
    """
    after_and, after_minus = g.is_(k, "and"), g.is_(k, "minus")
    if after_and and g.is_(k + 1, "half"):
        return k + 2, 30
    if after_and and g.is_(k + 1, "quarter"):
        return k + 2, 15
    if after_minus and g.is_(k + 1, "masculine_article") and g.is_(k + 2, "quarter"):
        return k + 3, -15
    if after_minus and g.is_(k + 1, "quarter"):
        return k + 2, -15
    sign, j = (-1, k + 1) if after_minus else (1, k + 1 if after_and else k)
    num = g.number(j) if g.digits(j) is None or len(g.word(j)) == 2 else None
    if num is None or not isinstance(num[1], int) or not 0 < num[1] < 60:
        return k, 0
    e, n = num[0], int(num[1])
    if n == 3 and g.is_(e, "quarter") and sign == 1 and not after_and:
        return e + 1, 45
    if g.is_(e, "minute_noun"):
        return e + 1, sign * n
    if after_and:
        return k, 0  # « sept heures et dix femmes »: only « et N minutes » is sure
    nxt = g.word(e)
    if e >= g.n or not nxt[0].isalnum() or g.is_(e, "year_follower") or g.kind(e, "parts_of_day") \
            or g.kind(e, "relative_days"):
        return e, sign * n
    return k, 0  # « à deux heures trois personnes… »: a number of something else


def letter_hours(g: Reader, i: int) -> Match | None:
    """« deux heures », « onze heures du soir », « sept heures moins le quart » at ``i`` (no sign checked)."""
    num = g.number(i)
    if num is None or g.digits(i) is not None or not isinstance(num[1], int) or not 0 <= num[1] <= 24:
        return None
    if not g.is_(num[0], "hour_noun"):
        return None
    k, delta = minutes_after(g, num[0] + 1)
    if distance_after(g, k):
        return None
    k, hour = part_of_clock(g, k, int(num[1]))
    k, zone = zone_after(g, k)
    return k, clock_frame(hour, delta, zone=zone)


def letter_clock(g: Reader, i: int) -> Match | None:
    """« à deux heures », « vers onze heures du soir », « à sept heures moins le quart ».

    Only after « à », « vers », « dès » (« pendant deux heures » stays a duration), after « il est »,
    before a part of day or before « moins » (« sept heures moins dix »: only a clock time counts
    minutes back), and never before « de » (« à deux heures de route »).
    """
    num = g.number(i)
    if num is None or not g.is_(num[0], "hour_noun"):
        return None
    if not g.is_(i - 1, "letter_clock_prep") and g.mod(i - 1) != "approx_signal" \
            and not day_part_follows(g, i, num[0] + 1) and not telling_time(g, i) \
            and not g.is_(num[0] + 1, "minus"):
        return None
    return letter_hours(g, i)


def approx_clock(g: Reader, i: int) -> Match | None:
    """« à environ 15 heures », « à peu près à 8 h »: an approximate clock time, not a duration."""
    if g.mod(i) != "approx" or not g.is_(i - 1, "approx_clock_prep"):
        return None
    m = clock(g, i + 1) or letter_hours(g, i + 1)
    if m is None or m[1].kind != "time":
        return None
    return m[0], replace(m[1], mod="APPROX")


def on_day(day: Frame, time: Frame) -> Frame:
    """The clock time ``time`` on the day ``day`` names: one TIME."""
    return replace(day, kind="time", hour=time.hour, minute=time.minute, second=time.second, zone=time.zone,
                   part=None, granularity=time.granularity)


def juxtaposed_clock(g: Reader, k: int, day: Frame) -> Match | None:
    """« dimanche 9 heures », « lundi 14h30 »: a clock time right after a day, without « à », is one TIME
    with it (French TimeBank guide 2.2: juxtaposition)."""
    if day.part is not None or day.hour is not None:
        return None
    m = clock(g, k)
    if m is None or m[1].kind != "time" or m[1].hour is None:
        return None
    return m[0], on_day(day, m[1])
