"""Whether a free-text reply declines to answer: how the baselines without a verifier are scored."""

from __future__ import annotations

import re

__all__ = ["is_refusal"]

# A baseline has no answerable flag; a reply that declines (in the usual words) is its abstention.
_REFUSAL = re.compile(
    r"\b(?:i|we)\s+(?:do not|don't|cannot|can't|am unable to|am not able to)\s+(?:know|answer|say|tell|find|"
    r"determine|provide|access)\b"
    r"|\b(?:do not|don't|does not|doesn't|did not|cannot|can't)\s+(?:have|contain|provide|mention|say|state|"
    r"specify|include)\s+(?:any\s+)?(?:information|details|data|an answer|the answer|that)\b"
    r"|\b(?:is|are|was|were)\s+not\s+(?:mentioned|stated|specified|provided|given|available|known|disclosed)\b"
    r"|\bnot\s+(?:mentioned|stated|specified|provided)\s+in\b"
    r"|\bno\s+(?:information|mention|details|data|answer)\b"
    r"|\bnone of the (?:sources|passages|articles|documents)\b"
    r"|\b(?:sources|passages|articles|context)\s+(?:do not|don't|does not|doesn't)\b"
    r"|\b(?:unable|not possible|impossible)\s+to\s+(?:answer|determine|say|know|find)\b"
    r"|\bnot found\b|^\s*(?:empty response|unknown|n/?a)\s*\.?\s*$|\bi'?m not sure\b|\bi am not sure\b",
    re.I,
)


def is_refusal(text: str) -> bool:
    """Whether a free-text reply declines to answer (empty counts as declining)."""
    return not text.strip() or bool(_REFUSAL.search(text))
