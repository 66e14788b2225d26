"""Answering questions about news articles with a local model and verified citations."""

from rag._exceptions import (
    GenerationError,
    InvalidQuestionError,
    ModelUnavailableError,
    PromptCacheError,
    RagError,
)
from rag.models import ABSTAIN_MESSAGE, Answer, ChatMessage, Citation, Timings
from rag.settings import Settings, get_settings

__all__ = [
    "ABSTAIN_MESSAGE",
    "Answer",
    "ChatMessage",
    "Citation",
    "GenerationError",
    "InvalidQuestionError",
    "ModelUnavailableError",
    "PromptCacheError",
    "RagError",
    "Settings",
    "Timings",
    "get_settings",
]
