"""An ``Answer`` as chat text: the answer with its ``[n]`` markers, then a Sources block any chat UI can show.

Shared by the OpenAI-compatible endpoint and the MCP ``ask`` tool, so both show citations the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rag.models import Answer

__all__ = ["SOURCES_HEADING", "abstention_reason", "chat_text", "strip_sources"]

SOURCES_HEADING = "Sources:"
_SEPARATOR = f"\n\n{SOURCES_HEADING}\n"

# Where an Answer may say why it abstained: read by name so this works before and after typed abstention
# reasons exist on the model (a string, or an object with a label and a sentence).
_REASON_FIELDS = ("abstention", "abstention_reason", "reason")
_LABEL_KEYS = ("reason", "kind", "code", "type")
_DETAIL_KEYS = ("detail", "message", "explanation", "text")


def abstention_reason(answer: Answer) -> str:
    """Why the answer abstained, in words, or ``""`` when the Answer does not say."""
    if answer.answerable:
        return ""
    data = answer.model_dump(mode="json")
    for name in _REASON_FIELDS:
        text = _words(data.get(name))
        if text:
            return text
    return ""


def _words(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, Mapping):
        return ""
    label = next((str(value[k]).strip() for k in _LABEL_KEYS if isinstance(value.get(k), str) and value[k].strip()), "")
    detail = next(
        (str(value[k]).strip() for k in _DETAIL_KEYS if isinstance(value.get(k), str) and value[k].strip()), ""
    )
    if label and detail:
        return f"{detail} ({label})"
    return detail or label


def chat_text(answer: Answer, dates: Mapping[str, str | None]) -> str:
    """The answer, then each citation's title, date and quote; an abstention says why when the Answer does.

    ``dates`` maps article ids to their dates (citations carry the title but not the date).
    """
    if not answer.answerable:
        reason = abstention_reason(answer)
        if reason and reason not in answer.answer:
            return f"{answer.answer}\n\nReason: {reason}"
        return answer.answer
    lines = []
    for citation in answer.citations:
        date = dates.get(citation.article_id)
        source = f"{citation.title} ({date})" if date else citation.title
        lines.append(f'- [{citation.n}] {source}: "{citation.quote}"')
    if not lines:
        return answer.answer
    return answer.answer + _SEPARATOR + "\n".join(lines)


def strip_sources(content: str) -> str:
    """An earlier assistant turn without the Sources block this service appended to it (history stays short)."""
    cut = content.find(_SEPARATOR)
    return content[:cut] if cut >= 0 else content
