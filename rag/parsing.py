"""Read the model's reply: which sentences it pointed at, and the answer text without stray output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ParsedReply", "parse_markers", "parse_reply", "strip_markers"]

# [1]  [1, 3]  [1][2]  [Source 2]  [sentence 4]  [1-3]
_MARKER = re.compile(
    r"\[\s*(?:(?:source|sentence|passage|doc(?:ument)?)\s*)?(\d+(?:\s*(?:[,;&–-]|and)\s*\d+)*)\s*\]", re.I
)
_NOT_FOUND = re.compile(
    r"\bnot\s+found\b|\b(?:do|does|did)\s+not\s+(?:state|say|mention|contain|provide|specify|include)\b"
    r"|\bno (?:information|mention|sentence)\b|\bnot (?:mentioned|stated|specified|provided)\b"
    r"|\b(?:cannot|can't|unable to) (?:be )?(?:answer|determine|find)",
    re.I,
)
# Echoed prompt furniture and runaway blocks that must never reach the user.
_STRAY_LINE = re.compile(r"^\s*(?:sentences?|sources?|question|source \d+|\[\d+\]\s*\(|context|evidence)\s*[:(]", re.I)


@dataclass
class ParsedReply:
    """What the model said, cleaned: the answer text, the sentence numbers it named, whether it declined."""

    answer: str
    named: list[int] = field(default_factory=list)
    declined: bool = False


def parse_markers(text: str, valid: range | None = None) -> list[int]:
    """Numbers inside citation markers, in order, without repeats; those outside ``valid`` are dropped."""
    out: list[int] = []
    for match in _MARKER.finditer(text):
        body = match.group(1)
        numbers: list[int] = []
        for part in re.split(r"\s*(?:[,;&]|and)\s*", body):
            span = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part)
            if span:
                lo, hi = int(span.group(1)), int(span.group(2))
                numbers.extend(range(lo, hi + 1) if 0 < hi - lo < 20 else [lo, hi])
            elif part.strip().isdigit():
                numbers.append(int(part))
        for n in numbers:
            if (valid is None or n in valid) and n not in out:
                out.append(n)
    return out


# The prompt's own placeholder, copied as it stands: "US$85 billion [n] [1]."
_PLACEHOLDER = re.compile(r"\[\s*n\s*\]")


def strip_markers(text: str) -> str:
    """The text with every citation marker (and copied placeholder) removed and spacing repaired."""
    text = _PLACEHOLDER.sub("", _MARKER.sub("", text))
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def parse_reply(reply: str, n_evidence: int) -> ParsedReply:
    """Parse 'Sentences: …' / 'Answer: …'; tolerate a model that ignores the format."""
    valid = range(1, n_evidence + 1)
    named: list[int] = []
    answer_lines: list[str] = []
    in_answer = False
    for line in reply.splitlines():
        head = re.match(r"^\s*(sentences?|answer)\s*:\s*(.*)$", line, re.I)
        if head and head.group(1).lower().startswith("sentence") and not in_answer:
            named.extend(n for n in (int(x) for x in re.findall(r"\d+", head.group(2))) if n in valid)
            continue
        if head and head.group(1).lower() == "answer":
            in_answer = True
            answer_lines.append(head.group(2))
            continue
        if in_answer:
            if _STRAY_LINE.match(line) or not line.strip():
                break  # the model started echoing the prompt or a new block
            answer_lines.append(line)
    if not in_answer:
        # No 'Answer:' label: keep the leading prose, stop at the first echoed block.
        for line in reply.splitlines():
            if _STRAY_LINE.match(line):
                if answer_lines:
                    break
                continue
            if line.strip():
                answer_lines.append(line)
            elif answer_lines:
                break
    answer = " ".join(x.strip() for x in answer_lines).strip()
    for n in parse_markers(answer, valid):
        if n not in named:
            named.append(n)
    declined = not answer or bool(_NOT_FOUND.search(answer))
    return ParsedReply(answer=strip_markers(answer), named=list(dict.fromkeys(named)), declined=declined)
