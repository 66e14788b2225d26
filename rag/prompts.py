"""Prompts, kept short: on this CPU every prompt token costs about 10 ms.

Every prompt starts with the same system message, so the model's KV cache keeps it across answer,
judge and rewrite calls and only the varying tail is evaluated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from index import Article, split_sentences
from rag.llm.base import Message
from rag.models import ChatMessage, Evidence

__all__ = [
    "CORPUS_RULES",
    "JUDGE_SYSTEM",
    "PROMPT_VERSION",
    "SYSTEM",
    "TERSE",
    "answer_messages",
    "clip_hint",
    "corpus_messages",
    "corpus_system",
    "judge_followup_messages",
    "judge_messages",
    "number_sentences",
    "rewrite_messages",
]

# Part of the corpus prompt cache's key: change it whenever a prompt's wording changes.
PROMPT_VERSION = "4"

SYSTEM = (
    "You answer questions about news articles using only the numbered sentences given. "
    "Never use outside knowledge. Never guess.\n"
    "Reply in two lines.\n"
    "Sentences: the numbers of the sentences that state the answer, or none\n"
    "Answer: a short answer in one or two sentences, each claim ending with its [n]\n"
    "If the sentences disagree, give both versions, each with its [n]. "
    "If no sentence states the answer, reply:\nSentences: none\nAnswer: NOT FOUND"
)


def _short_title(title: str, words: int = 6) -> str:
    parts = title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def format_evidence(evidence: Sequence[Evidence], *, sources: bool = True, dates: bool = True) -> str:
    """Numbered sentences, under a line with their article's short title and (``dates``) date unless ``sources``
    is off.

    The title line comes once for each run of sentences from one article (the selector puts an article's
    sentences together): on every sentence it cost about 12 tokens, ~0.1 s of each answer on this CPU. A date
    ("2011-08-25") is another 11, the model's tokens being single digits.
    """
    lines = []
    previous = ""
    for ev in evidence:
        source = _short_title(ev.title) + (f", {ev.date}" if ev.date and dates else "")
        if sources and source != previous:
            lines.append(f"({source})")
            previous = source
        lines.append(f"[{ev.n}] {ev.sentence.text}")
    return "\n".join(lines)


def answer_messages(question: str, evidence: Sequence[Evidence], *, dates: bool = True) -> list[Message]:
    """The answer prompt: sentences (under their articles' dates where ``dates``), question, output rules."""
    user = f"{format_evidence(evidence, dates=dates)}\n\nQuestion: {question}"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


JUDGE_SYSTEM = "You are a careful reader. Reply with one word: yes or no."


def judge_messages(question: str, answer: str, quotes: Sequence[str]) -> list[Message]:
    """A yes/no check of the answer against only its quotes (own system prompt, own KV cache)."""
    text = " ".join(quotes)
    user = (
        f"Text: {text}\n\nQuestion: {question}\nProposed answer: {answer}\n\n"
        "Is the proposed answer correct according to the text alone?"
    )
    return [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}]


# The judge's question asked after the draft, in the answering context (RAG_JUDGE_IN_CONTEXT).
JUDGE_FOLLOWUP = "Is your answer stated by the text above? Reply with one word: yes or no."


def judge_followup_messages(draft: Sequence[Message], reply: str) -> list[Message]:
    """The draft's own prompt, its reply and the yes/no question: everything up to the reply is in the KV cache."""
    return [*draft, {"role": "assistant", "content": reply}, {"role": "user", "content": JUDGE_FOLLOWUP}]


def rewrite_messages(question: str, history: Sequence[ChatMessage], system: str = SYSTEM) -> list[Message]:
    """Turn a follow-up into a standalone question using the conversation so far.

    ``system`` is the answer prompt's system message, so the rewrite shares its cached prefix (in corpus
    mode the whole collection: the history goes after it, never before it).
    """
    turns = "\n".join(f"{m.role}: {m.content[:400]}" for m in history[-6:])
    user = (
        f"Conversation:\n{turns}\n\nFollow-up question: {question}\n\n"
        "Ignore the two-line format for this task. Rewrite the follow-up as one standalone question that names "
        "what it refers to. Reply with the question only."
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


# Corpus mode: the whole collection in the system message (evaluated once and cached), then per question
# only a few retrieved sentences as hints and the question. No citation format: the verifier finds the
# supporting sentences, and a 1.5B model with 3,000 tokens in view rarely places markers anyway.
CORPUS_RULES = (
    "You answer questions about the news articles below, using only what they say. "
    "Never use outside knowledge. Never guess.\n"
    "Answer in one or two short sentences. If the articles do not state the answer, reply: NOT FOUND"
)

# Asked after the question (RAG_CORPUS_TERSE), never in the rules: the cached collection stays as it is. Behind 3,200
# cached tokens each generated token costs ~70 ms on this CPU, several times a tail token's cost.
TERSE = "Answer in a few words."


def corpus_system(articles: Sequence[Article], numbers: Mapping[tuple[str, str], int] | None = None) -> str:
    """The corpus-mode system message: the rules, then every article with its id, title and date.

    With ``numbers`` (``number_sentences``) each sentence stands on its own line after its number, so that a hint
    can point at it ("[57]", 3-5 tokens) instead of repeating it (~26 tokens, every one of them paid before the
    first answer token)."""
    blocks = []
    for article in articles:
        dated = f" ({article.date})" if article.date else ""
        if numbers:
            body = "\n".join(f"[{numbers[(article.article_id, s.text)]}] {s.text}" for s in split_sentences(article))
        else:
            body = article.text.strip()
        blocks.append(f"[{article.article_id}] {article.title}{dated}\n{body}")
    return CORPUS_RULES + "\n\n" + "\n\n".join(blocks)


def number_sentences(articles: Sequence[Article]) -> dict[tuple[str, str], int]:
    """Every sentence of ``articles``, numbered from 1 in their order, keyed by (article id, sentence text)."""
    numbers: dict[tuple[str, str], int] = {}
    for article in articles:
        for sentence in split_sentences(article):
            numbers.setdefault((article.article_id, sentence.text), len(numbers) + 1)
    return numbers


def clip_hint(sentence: str, question: str, words: int) -> str:
    """At most ``words`` words of a hint sentence: the window that shares the most words with the question.

    A hint points the model at the place in the articles it already holds; the window keeps the words that
    point, and the tokens saved are ones every question pays for before its first answer token.
    """
    parts = sentence.split()
    if words <= 0 or len(parts) <= words:
        return sentence
    # Words of four letters or more (and figures): "the", "of" and "did" would pull the window anywhere.
    asked = {w for w in (w.strip(".,;:?!\"'()").lower() for w in question.split()) if len(w) > 3 or w.isdigit()}

    def overlap(start: int) -> int:
        return sum(p.strip(".,;:?!\"'()").lower() in asked for p in parts[start : start + words])

    best = max(range(len(parts) - words + 1), key=lambda start: (overlap(start), -start))
    clipped = " ".join(parts[best : best + words])
    return ("…" if best else "") + clipped + ("…" if best + words < len(parts) else "")


# How a corpus-mode question message opens: hint sentences, or the question itself. Written once, so the leads a
# backend keeps cached with the collection (``corpus_lead``) stay the ones the prompt writes.
_HINTS, _HINT, _ASK = "Sentences that may help:", "Sentence that may help:", "Question: "
_CORPUS_LEADS = (_HINTS, _HINT, _ASK)


def corpus_lead(messages: Sequence[Message]) -> str:
    """The text opening a corpus-mode prompt's question message that every such prompt opens with."""
    content = messages[-1]["content"] if messages else ""
    return next((lead for lead in _CORPUS_LEADS if content.startswith(lead)), "")


def corpus_messages(
    system: str,
    question: str,
    hints: Sequence[Evidence],
    *,
    hint_words: int = 0,
    numbers: Mapping[tuple[str, str], int] | None = None,
    terse: bool = False,
) -> list[Message]:
    """A corpus-mode prompt: the cached collection, then the hint sentences (if any) and the question.

    Hints carry no title or date (the articles above have them): every token here costs ~15 ms per question.
    With ``numbers`` (the collection's numbered sentences, RAG_CORPUS_HINT_STYLE=pointer) a hint is the number
    of its sentence above; a sentence the numbering lacks is shown whole. Otherwise ``hint_words``
    (RAG_CORPUS_HINT_WORDS; 0 = whole sentences) clips each hint with ``clip_hint``.
    """
    pointed = [numbers.get((ev.sentence.article_id, ev.sentence.text)) for ev in hints] if numbers else []
    if pointed and all(pointed):
        lead = f"{_HINTS if len(hints) > 1 else _HINT} {', '.join(f'[{n}]' for n in pointed)}\n\n"
    else:
        if hint_words:
            shown = "\n".join(f"[{ev.n}] {clip_hint(ev.sentence.text, question, hint_words)}" for ev in hints)
        else:
            shown = format_evidence(hints, sources=False)
        lead = f"{_HINTS}\n{shown}\n\n" if hints else ""
    ask = f"{_ASK}{question}\n{TERSE}" if terse else f"{_ASK}{question}"
    return [{"role": "system", "content": system}, {"role": "user", "content": f"{lead}{ask}"}]
