"""The verbs a news report writes for what someone said, in one table; each check takes the forms it reads.

The binding gate reads them three ways: whether a sentence reports words at all (every form, and "according to"),
whose words a sentence gives ('…," said Barack Obama', "Medvedev says": the third person and the past), and a
speaker named before "he said" after an opening phrase (the past of the verbs that carry a quote's content).
"""

from __future__ import annotations

from collections.abc import Iterable

BASE, THIRD, PAST, PARTICIPLE = range(4)

# Each verb's base, third person, past and present participle.
_VERBS: dict[str, tuple[str, str, str, str]] = {
    "say": ("say", "says", "said", "saying"),
    "state": ("state", "states", "stated", "stating"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "note": ("note", "notes", "noted", "noting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "describe": ("describe", "describes", "described", "describing"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "emphasise": ("emphasise", "emphasises", "emphasised", "emphasising"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    "mention": ("mention", "mentions", "mentioned", "mentioning"),
    "observe": ("observe", "observes", "observed", "observing"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "comment": ("comment", "comments", "commented", "commenting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "call": ("call", "calls", "called", "calling"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "urge": ("urge", "urges", "urged", "urging"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
}
VERBS = tuple(_VERBS)
TENSES = (BASE, THIRD, PAST, PARTICIPLE)

# What each reading takes.
SPEAKER_BACK = ("say", "state", "add", "tell", "note", "explain", "describe", "stress", "emphasise", "emphasize",
                "mention", "observe")  # fmt: skip
SPEAKER_NAMED = ("say", "state", "add", "tell", "explain", "remark", "comment", "warn", "claim", "note")


def forms(verbs: Iterable[str], tenses: Iterable[int]) -> frozenset[str]:
    """The verbs' forms in these tenses."""
    chosen = tuple(tenses)
    return frozenset(_VERBS[v][t] for v in verbs for t in chosen)


def alternation(words: Iterable[str]) -> str:
    """A regex group of the words, longest first so that none stops short inside a longer one."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"
