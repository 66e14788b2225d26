"""The typed values that cross boundaries: an ``Answer`` with verified ``Citation``s, chat turns, evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from index import Sentence

__all__ = [
    "ABSTAIN_MESSAGE",
    "Abstention",
    "AbstentionReason",
    "Answer",
    "ChatMessage",
    "Citation",
    "Evidence",
    "ListedItem",
    "ReportedValue",
    "Timings",
]

ABSTAIN_MESSAGE = "The articles do not say. I could not find an answer to that question in the indexed articles."


class Citation(BaseModel):
    """A passage that backs (or fails to back) part of the answer, with the exact supporting quote."""

    n: int = Field(ge=1, description="marker number as shown in the answer: [n]")
    article_id: str
    chunk_id: str
    title: str
    quote: str = Field(description="the supporting sentence, verbatim from the cleaned article")
    start: int = Field(ge=0, description="offset of the quote in the cleaned article text")
    end: int = Field(ge=0)
    score: float = Field(description="support score of the quote for its claim (0-1)")
    supported: bool
    date: str | None = Field(default=None, description="the article's publication date, when known")
    source: str | None = Field(default=None, description="outlet or site of an uploaded document, when known")


class Timings(BaseModel):
    """Where the time of one answer went."""

    retrieve_ms: float = 0.0
    generate_ms: float = 0.0
    total_ms: float = 0.0
    prompt_tokens: int = 0
    cached_prompt_tokens: int = Field(default=0, description="prompt tokens reused from the model's KV cache")
    completion_tokens: int = 0
    first_token_ms: float | None = None
    verify_ms: float = 0.0
    judge_ms: float = Field(default=0.0, description="the judge's share of generate_ms")

    def add(self, part: Timings) -> None:
        """Count the time and tokens of an answer this one was made of (a step of a two-step answer)."""
        self.retrieve_ms += part.retrieve_ms
        self.generate_ms += part.generate_ms
        self.verify_ms += part.verify_ms
        self.prompt_tokens += part.prompt_tokens
        self.cached_prompt_tokens += part.cached_prompt_tokens
        self.completion_tokens += part.completion_tokens
        if self.first_token_ms is None:
            self.first_token_ms = part.first_token_ms


# Why an answer was withheld. A client shows ``Abstention.message``; the reason is for code and reports.
AbstentionReason = Literal[
    "no_evidence",  # nothing in the articles is about the question
    "not_stated",  # the articles are about it but do not state the answer (the model or the judge said so)
    "false_premise",  # the question presupposes a figure, event or relation no article states
    "off_target",  # the only sentences found state another attribute or subject than the one asked
    "constraint_unmet",  # the answer ignores the question's constraint (besides X, which three, by how much)
    "unsupported",  # the draft carried figures or names no article states
]


class Abstention(BaseModel):
    """Why the service gave no answer, and which check decided it."""

    reason: AbstentionReason
    gate: str = Field(
        description="the check that decided: premise_figure, premise_name, premise_relation, relevance, model, "
        "support, answer_type, attribute, direction, relation, role, year, date, occasion, subject, constraint, "
        "period, gathered, successor, judge"
    )
    message: str = Field(
        description="one line for a person, e.g. 'The articles report talks to invest, not an acquisition.'"
    )


class ReportedValue(BaseModel):
    """One value the articles give for the asked figure, as the first of them words it, with its citations."""

    value: str = Field(description='as an article states it, e.g. "about US$14 billion"')
    amount: float | None = Field(
        default=None, description='the value as a number; absent for a vague amount ("several billion")'
    )
    citations: list[int] = Field(description="the numbers of the citations that state this value")
    article_ids: list[str]


class ListedItem(BaseModel):
    """One thing a list answer names, gathered across the articles, with the citations that name it."""

    text: str = Field(description='as the articles name it, shortest form, e.g. "Anduril Industries"')
    citations: list[int]
    article_ids: list[str]


class Answer(BaseModel):
    """The service's reply to one question."""

    answer: str
    answerable: bool
    citations: list[Citation] = Field(default_factory=list)
    timings: Timings = Field(default_factory=Timings)
    model: str
    context_mode: str = "retrieval"
    question: str | None = Field(default=None, description="the standalone question actually answered")
    abstention: Abstention | None = Field(default=None, description="set when answerable is false: why")
    conflict: bool = Field(default=False, description="the articles give different values for what was asked")
    values: list[ReportedValue] = Field(
        default_factory=list, description="the values gathered across the articles, when the answer reports them"
    )
    items: list[ListedItem] = Field(
        default_factory=list, description="the items gathered across the articles, when the answer is such a list"
    )


class ChatMessage(BaseModel):
    """One turn of a conversation."""

    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


@dataclass(frozen=True)
class Evidence:
    """A retrieved sentence as the model is shown it (numbered), with where it comes from."""

    n: int
    sentence: Sentence
    chunk_id: str
    title: str
    date: str | None
    score: float
