"""The answer pipeline: rewrite → retrieve → select evidence → generate → verify → (judge) → Answer.

Each stage is a small object built once; ``AnswerPipeline`` wires them and times them. Citations and the
decision to abstain come from the verifier (and the optional judge), never from the model's own markers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from index import HybridRetriever, LoadedIndex, SearchHit, Sentence, StoreIndex, TextEncoder
from rag._exceptions import InvalidQuestionError
from rag.corpus import CorpusPrompt
from rag.evidence import Evidence, EvidenceSelector
from rag.llm.base import Completion, Generator, TokenCallback
from rag.models import ABSTAIN_MESSAGE, Answer, ChatMessage, Citation, StreamEvent, Timings
from rag.parsing import parse_reply
from rag.prompts import SYSTEM, answer_messages, corpus_messages, judge_messages, rewrite_messages
from rag.settings import Settings
from rag.verify import Verdict, Verifier, answers_question_type, extract_quantities, premise_figures

__all__ = ["AnswerPipeline"]

log = logging.getLogger(__name__)

# The reply is started for the model: a 1.5B model keeps the two-line format far better that way.
_PREFILL = "Sentences:"
_STOPS = ["\n\n\n", "Question:"]


@dataclass
class _Draft:
    """What the generation stage produced, before verification."""

    question: str
    hits: list[SearchHit]
    evidence: list[Evidence]  # the ranked sentences; the model saw them all (retrieval) or the hints (corpus)
    reply: str
    timings: Timings
    shown: int  # how many of ``evidence`` were numbered in the prompt
    refusal: str = ""  # set when the question was refused before the model saw it


class AnswerPipeline:
    """Answers questions about the indexed articles. Thread-safe: one answer at a time per instance."""

    def __init__(
        self,
        settings: Settings,
        generator: Generator,
        index: LoadedIndex | StoreIndex,
        encoder: TextEncoder,
        judge: Generator | None = None,
        corpus: CorpusPrompt | None = None,
        mode_reason: str = "",
    ):
        from rag.runtime import make_retriever

        self.settings = settings
        self.generator = generator
        # The judge may be a second context on the same weights, so that its fixed prompt stays cached too.
        self.judge = judge or generator
        self.index = index
        self.encoder = encoder
        # Corpus mode: the generator's KV cache already holds this prompt's prefix (see rag.corpus).
        self.corpus = corpus
        self.mode_reason = mode_reason or ("corpus prompt given" if corpus else "retrieval")
        self.retriever: HybridRetriever = make_retriever(settings, index, encoder)
        self.selector = EvidenceSelector(index, encoder, max_sentences=settings.evidence_sentences)
        self.verifier = Verifier(encoder, threshold=settings.support_threshold)
        self._titles = {a.article_id: a.title for a in index.articles.values()}
        # Every figure the collection states: a question built on one it never states has a false premise.
        self._figures: set[float] = set()
        for article in index.articles.values():
            self._figures |= extract_quantities(article.text) | extract_quantities(article.title)
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self.generator.name

    @property
    def context_mode(self) -> str:
        return "corpus" if self.corpus else "retrieval"

    def warm_up(self) -> None:
        """Load lazily-loaded weights and evaluate the fixed prompt head, so the first question is fast."""
        self.encoder.encode(["warm up"])
        if self.corpus:
            self.generator.chat(corpus_messages(self.corpus.system, "warm up", []), max_tokens=1)
        else:
            self.generator.chat(answer_messages("warm up", []), max_tokens=1)
        if self.settings.judge:
            self.judge.chat(judge_messages("warm up", "warm up", []), max_tokens=1)

    # -- public API -------------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ChatMessage] = (),
        top_k: int | None = None,
        on_token: TokenCallback | None = None,
    ) -> Answer:
        """Answer one question (``on_token`` receives the model's answer text as it is written)."""
        question = self._validate(question, history)
        started = time.perf_counter()
        with self._lock:
            draft = self._draft(question, history, top_k or self.settings.top_k, on_token)
            answer = self._finish(draft)
        answer.timings.total_ms = (time.perf_counter() - started) * 1000
        return answer

    def stream(
        self, question: str, *, history: Sequence[ChatMessage] = (), top_k: int | None = None
    ) -> Iterator[StreamEvent]:
        """Token events as the model writes, then one event with the verified ``Answer``."""
        import queue

        events: queue.Queue[StreamEvent | None] = queue.Queue()
        cancelled = threading.Event()

        def on_token(piece: str) -> bool:
            events.put(StreamEvent(type="token", text=piece))
            return not cancelled.is_set()

        def work() -> None:
            try:
                events.put(
                    StreamEvent(
                        type="answer", answer=self.ask(question, history=history, top_k=top_k, on_token=on_token)
                    )
                )
            except Exception as exc:  # the consumer thread gets every failure as an error event
                events.put(StreamEvent(type="error", error=str(exc)))
            finally:
                events.put(None)

        self._validate(question, history)
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        try:
            while (event := events.get()) is not None:
                yield event
        finally:
            cancelled.set()

    # -- stages -----------------------------------------------------------------------------------

    def _validate(self, question: str, history: Sequence[ChatMessage]) -> str:
        question = (question or "").strip()
        if not question:
            raise InvalidQuestionError("the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise InvalidQuestionError(
                f"the question has {len(question)} characters; the limit is {self.settings.max_question_chars}"
            )
        if len(history) > 50:
            raise InvalidQuestionError("the history has more than 50 turns")
        return question

    def _rewrite(self, question: str, history: Sequence[ChatMessage], timings: Timings) -> str:
        """A follow-up becomes a standalone question; the model gets the last few turns."""
        if not history:
            return question
        system = self.corpus.system if self.corpus else SYSTEM
        completion = self.generator.chat(rewrite_messages(question, history, system), max_tokens=48, stop=["\n"])
        self._account(timings, completion)
        rewritten = completion.text.strip().strip('"').strip()
        if not rewritten or len(rewritten) > 3 * len(question) + 200:
            return question
        if self.settings.log_questions:
            log.info("rewrote follow-up %r as %r", question, rewritten)
        return rewritten

    def _draft(self, question: str, history: Sequence[ChatMessage], k: int, on_token: TokenCallback | None) -> _Draft:
        timings = Timings()
        standalone = self._rewrite(question, history, timings)
        unknown = self._unknown_figures(standalone)
        if unknown:
            # A small model asked "Why did Meta buy Scale AI for $30 billion?" with the collection in view
            # explains the purchase; no article states that figure, so the premise is not in the articles.
            refusal = f"the question's figure {', '.join(f'{q:g}' for q in unknown)} is in no article"
            return _Draft(standalone, [], [], "", timings, shown=0, refusal=refusal)
        t = time.perf_counter()
        hits = self.retriever.search(standalone, k=k)
        evidence = self.selector.run(standalone, hits)
        timings.retrieve_ms = (time.perf_counter() - t) * 1000
        if not evidence or max(e.score for e in evidence) < self.settings.min_relevance:
            return _Draft(standalone, hits, evidence, "", timings, shown=0)
        relay = _AnswerRelay(on_token)
        if self.corpus:
            shown = min(self.settings.corpus_hints, len(evidence))
            messages = corpus_messages(self.corpus.system, standalone, evidence[:shown])
            prefill = ""
            relay.open = True  # no sentences line in corpus mode: everything the model writes is the answer
        else:
            shown = len(evidence)
            messages = answer_messages(standalone, evidence)
            prefill = _PREFILL

        def generate(prefill: str) -> Completion:
            return self.generator.chat(
                messages,
                max_tokens=self.settings.max_tokens,
                stop=_STOPS,
                on_token=relay if on_token else None,
                prefill=prefill,
            )

        completion = generate(prefill)
        self._account(timings, completion)
        if timings.first_token_ms is None and completion.first_token_ms is not None:
            timings.first_token_ms = timings.retrieve_ms + completion.first_token_ms
        reply = prefill + completion.text
        if not self.corpus and not reply.strip().partition("\n")[2].strip() and not completion.stopped_early:
            # The model named sentences and stopped there: start its answer line for it. The prompt and
            # the first line are cached, so this costs only the new tokens.
            relay.open = True
            head = reply.rstrip() + "\nAnswer:"
            more = generate(head)
            self._account(timings, more)
            reply = head + more.text
        return _Draft(standalone, hits, evidence, reply, timings, shown=shown)

    def _unknown_figures(self, question: str) -> list[float]:
        """Figures the question states (amounts, percentages, years) that no article states."""
        return sorted(premise_figures(question) - self._figures)

    def _finish(self, draft: _Draft) -> Answer:
        timings = draft.timings
        if draft.refusal:
            return self._abstain(draft, draft.refusal)
        parsed = parse_reply(draft.reply, draft.shown)
        if not draft.reply or parsed.declined:
            return self._abstain(draft, "the model found no answer" if draft.reply else "nothing relevant retrieved")
        t = time.perf_counter()
        named = [draft.evidence[n - 1].sentence for n in parsed.named]
        if self.corpus:
            # With the whole collection in view the model may answer from any passage: also look for the
            # passages that say what the answer says.
            seen = {hit.chunk.chunk_id for hit in draft.hits}
            extra = [
                h for h in self.retriever.search(parsed.answer, k=self.settings.top_k) if h.chunk.chunk_id not in seen
            ]
            draft.hits.extend(extra)
        pool = [e.sentence for e in draft.evidence] + [s for s, _ in self.selector.candidates(draft.hits)]
        verdict = self.verifier.check(parsed.answer, pool, self._titles, preferred=named, question=draft.question)
        timings.verify_ms = (time.perf_counter() - t) * 1000
        if not verdict.answerable:
            reasons = [
                f"{c.claim!r} (missing {c.missing}, score {c.score:.2f})" for c in verdict.checks if not c.supported
            ]
            return self._abstain(draft, "unsupported: " + "; ".join(reasons))
        supported_text = " ".join(c.claim for c in verdict.supported)
        if not answers_question_type(draft.question, supported_text):
            return self._abstain(draft, "the answer lacks the figure or date the question asks for")
        if self.settings.judge and not self._judge(draft.question, verdict, timings):
            return self._abstain(draft, "the judge found the answer not stated")
        text, citations = self._cite(verdict, draft)
        return Answer(
            answer=text,
            answerable=True,
            citations=citations,
            timings=timings,
            model=self.model_name,
            context_mode=self.context_mode,
            question=draft.question,
        )

    def _judge(self, question: str, verdict: Verdict, timings: Timings) -> bool:
        """Ask the model whether the quotes alone make the answer correct.

        Where the backend exposes next-token probabilities, P(yes) is compared with a threshold
        (a greedy reply from a 1.5B model says "yes" to nearly anything); otherwise the reply decides.
        """
        claims = " ".join(c.claim for c in verdict.supported)
        quotes = list(dict.fromkeys(s.text for c in verdict.supported for s in c.sentences))
        messages = judge_messages(question, claims, quotes)
        t = time.perf_counter()
        scorer = getattr(self.judge, "choice_probabilities", None)
        if scorer is not None:
            probs = scorer(messages, ["yes", "no"])
            p_yes = probs["yes"] / max(probs["yes"] + probs["no"], 1e-9)
            timings.generate_ms += (time.perf_counter() - t) * 1000
            log.info("judge P(yes)=%.2f", p_yes)
            return p_yes >= self.settings.judge_threshold
        completion = self.judge.chat(messages, max_tokens=2)
        self._account(timings, completion)
        return completion.text.strip().lower().startswith("yes")

    def _cite(self, verdict: Verdict, draft: _Draft) -> tuple[str, list[Citation]]:
        """Answer text with [n] after each supported claim, and one citation per distinct quote."""
        numbers: dict[tuple[str, int], int] = {}
        citations: list[Citation] = []
        chunk_of = _chunk_lookup(draft)
        parts = []
        for check in verdict.checks:
            if not check.supported:
                continue  # generic filler without figures or names; the answerable gate allowed dropping it
            marks = []
            for sentence in check.sentences:
                key = (sentence.article_id, sentence.start)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    citations.append(
                        Citation(
                            n=numbers[key],
                            article_id=sentence.article_id,
                            chunk_id=chunk_of(sentence),
                            title=self._titles.get(sentence.article_id, ""),
                            quote=sentence.text,
                            start=sentence.start,
                            end=sentence.end,
                            score=round(check.score, 4),
                            supported=True,
                        )
                    )
                marks.append(f"[{numbers[key]}]")
            claim = check.claim.rstrip()
            end = claim[-1] if claim and claim[-1] in ".!?" else ""
            body = claim[:-1] if end else claim
            parts.append(f"{body} {''.join(marks)}{end or '.'}")
        return " ".join(parts), citations

    def _abstain(self, draft: _Draft, reason: str) -> Answer:
        # Question text stays out of logs unless the operator allows it (RAG_LOG_QUESTIONS).
        if self.settings.log_questions:
            log.info("abstaining on %r: %s", draft.question, reason)
        else:
            log.info("abstaining: %s", reason.split(":")[0])
        return Answer(
            answer=ABSTAIN_MESSAGE,
            answerable=False,
            citations=[],
            timings=draft.timings,
            model=self.model_name,
            context_mode=self.context_mode,
            question=draft.question,
        )

    @staticmethod
    def _account(timings: Timings, completion: Completion) -> None:
        timings.prompt_tokens += completion.prompt_tokens
        timings.cached_prompt_tokens += completion.cached_tokens
        timings.completion_tokens += completion.completion_tokens
        timings.generate_ms += completion.total_ms


def _chunk_lookup(draft: _Draft) -> Callable[[Sentence], str]:
    def find(sentence: Sentence) -> str:
        for hit in draft.hits:
            c = hit.chunk
            if c.article_id == sentence.article_id and c.start <= sentence.start and sentence.end <= c.end:
                return c.chunk_id
        return f"{sentence.article_id}#sentence-{sentence.start}"

    return find


class _AnswerRelay:
    """Passes on the answer line only: the "Sentences: …" line is bookkeeping, and an "Answer:" label
    that follows it is dropped, whether the model writes one or not."""

    _LABEL = "answer:"

    def __init__(self, sink: TokenCallback | None):
        self.sink = sink
        self.buffer = ""
        self.open = False  # past the label: pieces go straight through
        self._after_first_line = False

    def __call__(self, piece: str) -> bool | None:
        if self.sink is None:
            return None
        if self.open:
            return self.sink(piece)
        self.buffer += piece
        if not self._after_first_line:
            if "\n" not in self.buffer:
                return None
            self._after_first_line = True
            self.buffer = self.buffer.split("\n", 1)[1]
        head = self.buffer.lstrip()
        if len(head) < len(self._LABEL) and self._LABEL.startswith(head.lower()):
            return None  # could still become the label
        self.open = True
        rest = head[len(self._LABEL) :].lstrip() if head.lower().startswith(self._LABEL) else head
        self.buffer = ""
        return self.sink(rest) if rest else None
