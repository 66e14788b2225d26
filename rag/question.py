"""The one check of a question and its chat history; the CLI, the HTTP routes and the pipeline all call it."""

from __future__ import annotations

from collections.abc import Sequence

from rag._exceptions import InvalidQuestionError
from rag.models import ChatMessage
from rag.settings import Settings

__all__ = ["validate_question"]


def validate_question(question: str, history: Sequence[ChatMessage], settings: Settings) -> str:
    """The question, stripped; ``InvalidQuestionError`` when it is empty or over the settings' limits."""
    question = (question or "").strip()
    if not question:
        raise InvalidQuestionError("the question is empty")
    if len(question) > settings.max_question_chars:
        raise InvalidQuestionError(
            f"the question has {len(question)} characters; the limit is {settings.max_question_chars}"
        )
    if len(history) > settings.max_history_turns:
        raise InvalidQuestionError(f"the history has more than {settings.max_history_turns} turns")
    return question
