"""Answering questions about news articles with a local model and verified citations."""

from rag._exceptions import (
    GenerationError,
    InvalidQuestionError,
    ModelUnavailableError,
    PromptCacheError,
    RagError,
    ServiceBusyError,
)
from rag.models import ABSTAIN_MESSAGE, Answer, ChatMessage, Citation, StreamEvent, Timings
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
    "ServiceBusyError",
    "Settings",
    "StreamEvent",
    "Timings",
    "get_settings",
]
