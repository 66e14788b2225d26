"""The answer pipeline: rewrite → premise → retrieve → evidence → draft → verify → judge → cite → Answer.

Each stage is a small object from ``rag.stages``, built by ``rag.runtime`` and handed in; ``AnswerPipeline``
composes and times them. Citations and the decision to abstain come from the verifier (and the optional
judge), never from the model's own markers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from index import HybridRetriever, LoadedIndex, SearchHit, Sentence, StoreIndex, TextEncoder
from rag.filters import ArticleFilter
from rag.llm.base import Completion, Generator, TokenCallback
from rag.models import (
    ABSTAIN_MESSAGE,
    Abstention,
    AbstentionReason,
    Answer,
    ChatMessage,
    Citation,
    Evidence,
    ReportedValue,
    Timings,
)
from rag.parsing import parse_reply
from rag.prompt_cache import CorpusPrompt
from rag.prompts import answer_messages, corpus_lead, corpus_messages, judge_messages
from rag.question import validate_question
from rag.settings import Settings
from rag.stages.alternatives import AlternativeReader, asked_alternatives
from rag.stages.binding import BindingCheck
from rag.stages.bridge import Bridge, join_answers, resolved_name, split_description
from rag.stages.cite import CitationRenderer
from rag.stages.compound import split_compound
from rag.stages.conversions import Converter, asked_currency, restated_figure
from rag.stages.dated import DatedSearch
from rag.stages.dates import without_days
from rag.stages.definitions import Definer, defined_name
from rag.stages.draft import Draft, Drafter
from rag.stages.evidence import EvidenceSelector
from rag.stages.frame import TITLE_ROLES, QuestionFrame, attribute_words, frame_question, stem
from rag.stages.gather import Gathered, Gatherer, gatherable, tells_part_asked
from rag.stages.identify import Identifier
from rag.stages.judge import Judge
from rag.stages.kinds import KindReader, asked_kinds
from rag.stages.lists import ListGatherer, asked_kind
from rag.stages.naming import Naming, asked_kind_of_name
from rag.stages.periods import PeriodGatherer, asks_period
from rag.stages.polarity import Polarity, asks_yes_or_no
from rag.stages.premise import PremiseCheck
from rag.stages.reasons import ReasonReader, asked_event, restates_without_reason
from rag.stages.remainder import Remainder
from rag.stages.rewrite import FollowUpRewriter
from rag.stages.roles import RoleHolder
from rag.stages.source_clause import SourceClause, articles_stating, split_source_clause
from rag.stages.status import StatusReader, asked_status
from rag.stages.successors import SuccessorReader, predecessor
from rag.stages.tallies import TallyReader, asked_tally
from rag.stages.verify import (
    Verdict,
    Verifier,
    adds_to_question,
    answers_question_type,
    asks_event,
    asks_figure,
    reason_left_out,
    title_cut_short,
    with_stated_reason,
)

__all__ = ["AnswerPipeline", "Stages"]

log = logging.getLogger(__name__)


@dataclass
class Stages:
    """The parts an answer is made of; ``rag.runtime.make_stages`` builds them from the settings."""

    rewriter: FollowUpRewriter
    premise: PremiseCheck
    retriever: HybridRetriever
    dated: DatedSearch | None  # None: a day asked is left to the search's ranking (RAG_DATED_SEARCH=false)
    selector: EvidenceSelector
    drafter: Drafter
    verifier: Verifier
    binding: BindingCheck | None  # None: the question-aware gate is off (RAG_BINDING_CHECK=false)
    gatherer: Gatherer | None  # None: figures are not gathered across articles (RAG_GATHER=false)
    lister: ListGatherer | None  # None: lists are not gathered across articles (RAG_GATHER=false)
    periods: PeriodGatherer | None  # None: years and delays are not gathered across articles (RAG_GATHER=false)
    remainder: Remainder | None  # None: "besides X" is left to the draft (RAG_GATHER=false)
    naming: Naming | None  # None: "what is the name of the programme …" is left to the draft (RAG_GATHER=false)
    roles: RoleHolder | None  # None: "who is the chief executive of …" is left to the draft (RAG_GATHER=false)
    polarity: Polarity | None  # None: a yes/no question is left to the draft (RAG_GATHER=false)
    converter: Converter | None  # None: a figure asked in another currency is left to the draft (RAG_GATHER=false)
    alternatives: AlternativeReader | None  # None: "is it A or B?" of two figures is left to the draft (RAG_GATHER)
    reasons: ReasonReader | None  # None: a why-question is left to the draft (RAG_GATHER=false)
    definer: Definer | None  # None: "what is X?" is left to the draft (RAG_GATHER=false)
    successors: SuccessorReader | None  # None: "who took X's place?" is left to the draft (RAG_GATHER=false)
    status: StatusReader | None  # None: "is it out or still to come?" is left to the draft (RAG_GATHER=false)
    tallies: TallyReader | None  # None: "what was the vote?" is left to the draft (RAG_GATHER=false)
    kinds: KindReader | None  # None: "what kinds of X …?" is left to the draft (RAG_GATHER=false)
    identifier: Identifier | None  # None: the model says which subject a description means (RAG_BINDING_CHECK=false)
    judge: Judge | None
    citer: CitationRenderer


@dataclass
class _Work:
    """One question on its way through the stages."""

    question: str
    timings: Timings
    hits: list[SearchHit]
    evidence: list[Evidence]
    allowed: set[str] | None = None  # the articles the request's filters let it answer from (None: all)


class AnswerPipeline:
    """Answers questions about the indexed articles. Thread-safe: one answer at a time per instance."""

    def __init__(
        self,
        settings: Settings,
        generator: Generator,
        index: LoadedIndex | StoreIndex,
        encoder: TextEncoder,
        stages: Stages,
        corpus: CorpusPrompt | None = None,
        mode_reason: str = "",
    ):
        self.settings = settings
        self.generator = generator
        self.index = index
        self.encoder = encoder
        self.stages = stages
        # Corpus mode: the generator's KV cache already holds this prompt's prefix (see rag.prompt_cache).
        self.corpus = corpus
        self.mode_reason = mode_reason or ("corpus prompt given" if corpus else "retrieval")
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self.generator.name

    @property
    def context_mode(self) -> str:
        return "corpus" if self.corpus else "retrieval"

    @property
    def retriever(self) -> HybridRetriever:
        return self.stages.retriever

    def warm_up(self) -> None:
        """Load lazily-loaded weights and evaluate the fixed prompt head, so the first question is fast."""
        self.encoder.encode(["warm up"])
        if self.corpus:
            warm = corpus_messages(self.corpus.system, "warm up", [])
            self.generator.chat(warm, max_tokens=1, shared=corpus_lead(warm))
        else:
            self.generator.chat(answer_messages("warm up", []), max_tokens=1)
        judge = self.stages.judge
        # Only a judge with a context of its own has a prompt head to warm. On the answering model's context its
        # prompt would evict the head just evaluated: in corpus mode the first question then re-read the whole
        # collection (about 50 s on this CPU).
        if judge and judge.generator is not self.generator:
            judge.generator.chat(judge_messages("warm up", "warm up", []), max_tokens=1)

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ChatMessage] = (),
        top_k: int | None = None,
        on_token: TokenCallback | None = None,
        filters: ArticleFilter | None = None,
    ) -> Answer:
        """Answer one question (``on_token`` receives the model's answer text as it is written); ``filters``
        restrict the articles it may be answered from, in either context mode."""
        question = validate_question(question, history, self.settings)
        started = time.perf_counter()
        allowed = filters.allowed(self.index) if filters is not None and filters.active else None
        with self._lock:
            answer = self._answer(question, history, top_k or self.settings.top_k, on_token, allowed)
        answer.timings.total_ms = (time.perf_counter() - started) * 1000
        return answer

    def _answer(
        self,
        question: str,
        history: Sequence[ChatMessage],
        k: int,
        on_token: TokenCallback | None,
        allowed: set[str] | None = None,
        *,
        hops: int = 0,
    ) -> Answer:
        s = self.stages
        timings = Timings()
        rewrite = s.rewriter.run(question, history)
        _account(timings, rewrite.completion)
        work = _Work(rewrite.question, timings, [], [], allowed)
        frame = frame_question(work.question)
        if unstated := s.premise.run(work.question):
            return self._refuse(work, unstated)
        source = split_source_clause(work.question) if self.settings.source_clause and hops < _MAX_HOPS else None
        if source is not None and (reported := self._reported(source, work, k, hops, on_token)):
            return reported
        # A subject given by a description ("the AI company that appears alongside Cohere and Etsy in Scale AI's
        # customer list") is not named for the event to be held to: the premise is checked once it is resolved.
        problem = s.binding.premise(frame, self._all_sentences(allowed)) if s.binding and not frame.described else None
        if problem:
            return self._refuse(work, problem)
        bridge = split_description(work.question) if self.settings.bridge and frame.described else None
        if bridge and hops < _MAX_HOPS and (joined := self._bridge(bridge, work, k, hops, on_token)):
            return joined

        t = time.perf_counter()
        work.hits = s.retriever.search(work.question, k=k, allowed=allowed)
        if s.dated:
            work.hits = s.dated.run(work.question, work.hits, k, allowed)
        work.evidence = s.selector.run(work.question, work.hits)
        timings.retrieve_ms = (time.perf_counter() - t) * 1000
        if not work.evidence or (
            max(e.score for e in work.evidence) < self.settings.min_relevance
            and not _names_the_defined(work.question, work.evidence)
        ):
            return self._abstain(work, "no_evidence", "relevance", "nothing relevant retrieved")

        wanted = (
            (s.gatherer and gatherable(frame))
            or (s.lister and asked_kind(frame))
            or (s.periods and asks_period(frame))
            or (s.remainder and frame.excluded)
            or (s.naming and asked_kind_of_name(frame.question))
            or (s.roles and frame.role in TITLE_ROLES)
            or (s.polarity and asks_yes_or_no(frame.question))
            or (s.converter and asked_currency(frame.question))
            or (s.alternatives and asked_alternatives(frame.question))
            or (s.reasons and asked_event(frame.question))
            or (s.definer and defined_name(frame.question))
            or (s.successors and predecessor(frame.question))
            or (s.status and asked_status(frame.question))
            or (s.tallies and asked_tally(frame.question))
            or (s.kinds and asked_kinds(frame))
        )
        gathered: Gathered | None = None
        if wanted:
            report, gathered = self._gather(work, frame, on_token)
            if report is not None:
                return report

        checked = self._draft_and_check(work, frame, work.evidence, on_token)
        if checked.abstention and checked.abstention.gate in _RETRY_GATES and s.binding and self.settings.retry:
            # One more draft before refusing, over sentences chosen for what was asked of whom asked.
            focused = self._retry_evidence(work, frame, k, checked.abstention.gate)
            if focused:
                second = self._draft_and_check(work, frame, focused, None, focused=True, note=checked.note)
                if second.verdict is not None:
                    checked = second
        if checked.verdict is None:
            assert checked.abstention is not None
            return (
                self._apart(work, k, hops, on_token)
                or (checked.abstention.gate in _SOLE_GATES and self._sole(work, gathered, on_token))
                or self._refuse(work, checked.abstention, checked.detail)
            )
        verdict = checked.verdict
        if gathered is not None and not gathered.admits(verdict.supported_text):
            message = f"The figure found is not one the articles give for the {gathered.family} asked about."
            return (self._ruled_out(frame, verdict) and self._sole(work, gathered, on_token)) or self._refuse(
                work, Abstention(reason="not_stated", gate="gathered", message=message)
            )

        if s.judge and not (self.settings.judge_skip_bound and s.binding and s.binding.literal(frame, verdict)):
            judgement = s.judge.run(work.question, verdict, checked.draft)
            timings.generate_ms += judgement.ms
            timings.judge_ms += judgement.ms
            if judgement.completion is not None:
                _account(timings, judgement.completion, time=False)
            if not judgement.passed:
                return (
                    self._apart(work, k, hops, on_token)
                    or self._sole(work, gathered, on_token)
                    or self._abstain(work, "not_stated", "judge", "the judge found the answer not stated")
                )

        text, citations = s.citer.run(verdict, work.hits)
        return self._cited(work, text, citations)

    def _cited(
        self, work: _Work, text: str, citations: list[Citation], values: list[ReportedValue] | None = None
    ) -> Answer:
        return Answer(
            answer=text,
            answerable=True,
            citations=citations,
            values=values or [],
            timings=work.timings,
            model=self.model_name,
            context_mode=self.context_mode,
            question=work.question,
        )

    def _retry_evidence(self, work: _Work, frame: QuestionFrame, k: int, gate: str) -> list[Evidence]:
        """The sentences for a second draft: those of the first draft's passages that state what was asked of whom
        asked; where none does, those of ``RAG_RETRY_DEPTH`` times as many passages, or else the best sentences of
        the passages the first draft did not see.

        The first draft's passages are the search's best by words and meaning; the sentence that answers may sit in
        the fifth or sixth ("Which insurer did the US Federal Reserve rescue?": "the bailout of large insurance firm
        AIG by the US Federal Reserve", under sentences on money market funds). A draft refused for lacking the
        date or figure asked, where the sentences that state what was asked have none, is shown those of the rest
        of their articles that do.
        """
        s = self.stages
        assert s.binding is not None
        binding = s.binding
        limit = self.settings.retry_sentences

        def candidates(hits: list[SearchHit]) -> list[tuple[Sentence, SearchHit]]:
            found = s.selector.candidates(hits)
            # Refused for another day's figure, the draft is shown only sentences that may speak of the asked day:
            # the first draft's evidence held the 7 October report beside the 9 October one it took, and the
            # second draft, focused on the same words, took the 9 October one again (Wikinews w155). So for another
            # year's: "GM lost US$6 billion in the first quarter of 2009" was taken twice for the first quarter of
            # 2008, which "In the first quarter of last year, GM had reported a loss of $381 million" states (w374).
            if gate == "date":
                return [(sentence, hit) for sentence, hit in found if not binding.other_day(frame.question, [sentence])]
            if gate == "year":
                dated = [
                    (sentence, hit) for sentence, hit in found if binding.states_asked_year(frame.question, sentence)
                ]
                return dated or [(t, hit) for t, hit in found if not binding.other_year(frame.question, [t])]
            return found

        focused = binding.focus(frame, candidates(work.hits), limit=limit)
        # So is a draft refused for details no sentence states, where the sentences it saw hold none of the kind
        # asked: shown no time of day, the model made one up for the A380's take-off (Wikinews w637).
        if gate in ("answer_type", "support") and focused and not any(self._typed(frame, e.sentence) for e in focused):
            typed = binding.focus(frame, self._typed_in_articles(work, frame), limit=limit)
            if typed:
                return typed
        if focused or self.settings.retry_depth == 1:
            return focused
        seen = {hit.chunk.chunk_id for hit in work.hits}
        deeper = [
            hit
            for hit in s.retriever.search(work.question, k=k * self.settings.retry_depth, allowed=work.allowed)
            if hit.chunk.chunk_id not in seen
        ]
        if not deeper:
            return []
        work.hits += deeper
        return binding.focus(frame, candidates(deeper), limit=limit) or s.selector.run(
            work.question, deeper, limit=limit
        )

    @staticmethod
    def _typed(frame: QuestionFrame, sentence: Sentence) -> bool:
        # The day of a report is no figure of the amount asked: "In a New York press conference at 16:15 UTC, June
        # 1st, …" holds no value of GM's assets, so the sentences of the article that do are looked for (held-out
        # round 44, w1153).
        text = without_days(sentence.text) if asks_figure(frame.question) else sentence.text
        return answers_question_type(frame.question, text, change=frame.asks_change)

    def _typed_in_articles(self, work: _Work, frame: QuestionFrame) -> list[tuple[Sentence, SearchHit]]:
        """The sentences of the retrieved articles that hold the kind of answer asked (a date for "until when"),
        each with its article's best hit: the passage that says "free to anyone with an iPhone 4 until September
        30" is not among those the question's words reach (Wikinews w050)."""
        s = self.stages
        best: dict[str, SearchHit] = {}
        for hit in work.hits:
            best.setdefault(hit.chunk.article_id, hit)
        # The question's own word for what it asks, not one of its family: far from its passages, "resigned from
        # his post as CEO on August 24" is no date for giving up the seat of chairman (w079, adversarial).
        asked = {stem(a) for a in frame.attributes}
        return [
            (sentence, hit)
            for article_id, hit in best.items()
            for sentence in s.selector.sentences_of(self.index.articles[article_id])
            if self._typed(frame, sentence) and asked & {stem(w) for w in attribute_words(sentence.text)}
        ]

    def _bridge(self, bridge: Bridge, work: _Work, k: int, hops: int, on_token: TokenCallback | None) -> Answer | None:
        """Two verified answers for a question about a described subject: which subject the description names,
        then the question about that subject by name. None (answer the question as asked) when either fails.

        The first step's answer streams as soon as it is known: like a draft, it is provisional until the answer
        event, which a failed second step replaces with the question answered as asked."""
        s = self.stages
        t = time.perf_counter()
        identified = (
            s.identifier.run(bridge, self._all_sentences(work.allowed), self._mentions) if s.identifier else None
        )
        if identified is not None:
            # The sentence that states the description names the subject: no model step, no guess.
            text, citations = s.citer.identifying(bridge.description, identified, work.hits)
            first = Answer(answer=text, answerable=True, citations=citations, model=self.model_name)
            name: str | None = identified.name
            read_ms = (time.perf_counter() - t) * 1000
            work.timings.verify_ms += read_ms
            if work.timings.first_token_ms is None:
                work.timings.first_token_ms = read_ms
        else:
            first = self._answer(bridge.sub_question, (), k, None, work.allowed, hops=_MAX_HOPS)
            work.timings.add(first.timings)
            name = resolved_name(first.answer, bridge.sub_question, self._mentions) if first.answerable else None
        if name is None:
            return None
        if on_token:
            on_token(first.answer)
        # "the model built by the company whose customers include Cohere and Etsy": once the company is named, the
        # model it built is a description of its own.
        second = self._answer(bridge.substitute(work.question, name), (), k, None, work.allowed, hops=hops + 1)
        work.timings.add(second.timings)
        if not second.answerable:
            return None
        text, citations = join_answers(first, second)
        if on_token:
            on_token(text[len(first.answer) :])
        return second.model_copy(
            update={"answer": text, "citations": citations, "timings": work.timings, "question": work.question}
        )

    def _reported(
        self, source: SourceClause, work: _Work, k: int, hops: int, on_token: TokenCallback | None
    ) -> Answer | None:
        """The question asked of one report, answered (or refused) from the articles that state what the question
        knows it by; None (answer the question as asked) where no article does."""
        articles = articles_stating(source, self._all_sentences(work.allowed))
        if not articles:
            return None
        answer = self._answer(source.question, (), k, on_token, articles, hops=hops + 1)
        work.timings.add(answer.timings)
        return answer.model_copy(update={"timings": work.timings, "question": work.question})

    def _apart(self, work: _Work, k: int, hops: int, on_token: TokenCallback | None) -> Answer | None:
        """A question that asks two things, refused when answered as one, answered as its two questions; None
        (refuse it) when it is not two questions or either part is refused."""
        parts = split_compound(work.question) if self.settings.compound and hops < _MAX_HOPS else None
        if parts is None:
            return None
        # Each part may still be about a described subject, which its own bridge resolves.
        first = self._answer(parts.first, (), k, None, work.allowed, hops=hops + 1)
        work.timings.add(first.timings)
        if not first.answerable:
            return None
        second = self._answer(parts.second, (), k, None, work.allowed, hops=hops + 1)
        work.timings.add(second.timings)
        if not second.answerable:
            return None
        text, citations = join_answers(first, second)
        if on_token:
            on_token(text)
        return second.model_copy(
            update={"answer": text, "citations": citations, "timings": work.timings, "question": work.question}
        )

    def _sole(self, work: _Work, gathered: Gathered | None, on_token: TokenCallback | None) -> Answer | None:
        """Where the draft is refused, the one value the articles bind to the asked attribute of the asked subject,
        cited without the model; None (the refusal stands) unless there is exactly one."""
        if gathered is None or not gathered.sole(work.question):
            return None
        text, citations, values = self.stages.citer.report(gathered, work.hits)
        if on_token:
            on_token(text)
        return self._cited(work, text, citations, values)

    def _ruled_out(self, frame: QuestionFrame, verdict: Verdict) -> bool:
        """Whether the draft's own sentences give its figure as something else than asked (another year's, a sum
        sought rather than received, one held jointly), not merely without naming whose it is: "This was the
        largest bankruptcy filing … with a debt of $172.81 billion" is read for General Motors' debt by the draft
        and not by the gatherer, which then holds only a bond debt of US$27 billion."""
        assert self.stages.gatherer is not None
        cited = [sentence for claim in verdict.supported for sentence in claim.sentences]
        loose = self.stages.gatherer.run(frame, cited, unnamed=True)
        return loose is None or not loose.admits(verdict.supported_text)

    def _mentions(self, name: str) -> int:
        """In how many articles ``name`` occurs: the commoner of two names is the subject a description means."""
        return sum(name in article.text for article in self.index.articles.values())

    def _gather(
        self, work: _Work, frame: QuestionFrame, on_token: TokenCallback | None
    ) -> tuple[Answer | None, Gathered | None]:
        """The answer from what the articles together state: a figure's values where they disagree (or the question
        asks for a superlative over them), or every item of a list asked for in full; None to answer from a draft
        as usual. Beside it the figure's values gathered, which a drafted figure must then be one of."""
        s = self.stages
        t = time.perf_counter()
        hits = s.retriever.search(work.question, k=self.settings.gather_passages, allowed=work.allowed)
        ranked = [sentence for sentence, _ in s.selector.candidates(hits)]
        # In corpus mode the whole collection is in view, and small: every sentence of it is read. Otherwise the
        # retrieved passages, then the rest of each retrieved article about the subject: a report's figure may sit
        # in a passage the question's words do not reach ("144 planes have already been ordered").
        sentences = (
            list(self._all_sentences(work.allowed)) if self.corpus else ranked + self._subject_articles(frame, hits)
        )
        text, citations = "", list[Citation]()
        answer = Answer(answer="", answerable=True, model=self.model_name)
        gathered = s.gatherer.run(frame, sentences) if s.gatherer else None
        if s.converter and (converted := s.converter.run(frame.question, sentences)):
            # Before the gathered values: "$10 billion in ringgit" asks for the one figure's conversion, not for
            # every figure the articles give the investment.
            text, citations = s.citer.naming(converted, hits)
        elif s.alternatives and (offered := s.alternatives.run(frame, self._offered(work, frame, sentences))):
            # Before the gathered values: the question's own two figures are what it asks about, which the
            # gatherer leaves out of its values.
            text, citations, values = s.citer.report(offered, hits)
            answer.conflict, answer.values = offered.conflict, values
        elif s.status and (state := s.status.run(frame.question, sentences)):
            text, citations, values = s.citer.status(state, hits)
            answer.conflict, answer.values = state.conflict, values
        elif s.reasons and (reason := s.reasons.run(frame.question, sentences)):
            text, citations = s.citer.naming(reason, hits)
        elif s.definer and (defined := s.definer.run(frame.question, sentences)):
            text, citations = s.citer.naming(defined, hits)
        elif s.successors and (successor := s.successors.run(frame.question, sentences)):
            text, citations = s.citer.naming(successor, hits)
        elif s.successors and (earlier := s.successors.replaced(frame.question, sentences)):
            # The articles say only whose place the asked person took: a draft would turn that round.
            asked = predecessor(frame.question)
            message = f"The articles say whom {asked} replaced ({earlier.name}), not who replaced {asked}."
            return self._refuse(work, Abstention(reason="not_stated", gate="successor", message=message)), gathered
        elif s.tallies and (tally := s.tallies.run(frame.question, sentences)):
            text, citations = s.citer.naming(tally, hits)
        elif gathered is not None and gathered.decides:
            text, citations, values = s.citer.report(gathered, hits)
            answer.conflict, answer.values = gathered.conflict, values
        elif s.periods and (timed := s.periods.run(frame, sentences)) and timed.decides:
            text, citations, values = s.citer.report(timed, hits)
            answer.conflict, answer.values = timed.conflict, values
        elif s.kinds and (kinds := s.kinds.run(frame, sentences)):
            text, citations, answer.items = s.citer.listing(kinds, hits)
        elif s.lister and (listed := s.lister.run(frame, sentences)) and listed.decides:
            text, citations, answer.items = s.citer.listing(listed, hits)
        elif s.remainder and (rest := s.remainder.run(frame, ranked)) and rest.decides:
            text, citations, answer.items = s.citer.listing(rest, hits)
        elif s.naming and (named := s.naming.run(frame, ranked)):
            text, citations = s.citer.naming(named, hits)
        elif s.roles and (held := s.roles.run(frame, ranked)):
            text, citations = s.citer.naming(held, hits)
        elif s.polarity and (negated := s.polarity.run(frame, ranked + sentences if self.corpus else sentences)):
            # Best first: the retrieved sentences, then the rest read. Outside corpus mode ``sentences`` already
            # begins with them.
            text, citations = s.citer.denying(negated, hits)
        work.timings.verify_ms += (time.perf_counter() - t) * 1000
        if (
            not text
            and gathered is None
            and s.gatherer
            and gatherable(frame)
            and s.gatherer.states(frame, sentences)
            and not tells_part_asked(frame.question, sentences)
        ):
            # The articles bind the asked attribute to figures, none of them the asked subject's (or year's): a
            # draft could only borrow another subject's or another year's figure.
            message = "No article gives a figure for what the question asks of its subject."
            return self._refuse(work, Abstention(reason="not_stated", gate="gathered", message=message)), None
        if not text:
            return None, gathered
        if on_token:
            on_token(text)
        if work.timings.first_token_ms is None:
            work.timings.first_token_ms = (time.perf_counter() - t) * 1000 + work.timings.retrieve_ms
        report = answer.model_copy(
            update={
                "answer": text,
                "citations": citations,
                "timings": work.timings,
                "context_mode": self.context_mode,
                "question": work.question,
            }
        )
        return report, gathered

    def _offered(self, work: _Work, frame: QuestionFrame, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences read for a choice of two figures: outside corpus mode, also those of the passages each
        figure's own words find with the subject's. The question's other words reach one report's figure and
        miss the other's ("… the $13.4 billion that it has already received" in an article on more aid sought)."""
        s = self.stages
        if self.corpus:
            return sentences
        found = list(sentences)
        subject = " ".join(sorted(frame.subjects))
        for amount in asked_alternatives(frame.question) or ():
            hits = s.retriever.search(f"{subject} {amount.text}", k=self.settings.gather_passages, allowed=work.allowed)
            found += [sentence for sentence, _ in s.selector.candidates(hits)]
        return found

    def _subject_articles(self, frame: QuestionFrame, hits: list[SearchHit]) -> list[Sentence]:
        """Every sentence of the retrieved articles whose title or lead names the question's subject."""
        s = self.stages
        if s.binding is None:
            return []
        articles = dict.fromkeys(hit.chunk.article_id for hit in hits)
        return [
            sentence
            for article_id in articles
            if s.binding.about_article(frame, article_id)
            for sentence in s.selector.sentences_of(self.index.articles[article_id])
        ]

    def _draft_and_check(
        self,
        work: _Work,
        frame: QuestionFrame,
        evidence: list[Evidence],
        on_token: TokenCallback | None,
        *,
        focused: bool = False,
        note: str = "",
    ) -> _Checked:
        """The model's draft over ``evidence``, verified claim by claim and bound to the question.

        ``focused``: a second draft over sentences chosen for the question, all of them shown (in corpus mode as
        hints after the cached collection, so the collection's KV cache is kept). ``note``: what the first draft's
        refusal tells the second, after the question (the model sees it; the gates do not).
        """
        s, timings = self.stages, work.timings
        asked = f"{work.question} ({note})" if note else work.question
        draft = s.drafter.run(asked, evidence, on_token, hints=len(evidence) if focused else None)
        for completion in draft.completions:
            _account(timings, completion)
        first = draft.completions[0].first_token_ms
        if timings.first_token_ms is None and first is not None:
            timings.first_token_ms = timings.retrieve_ms + first

        parsed = parse_reply(draft.reply, draft.shown)
        if not draft.reply or parsed.declined:
            return _Checked.refused("not_stated", "model", "the model found no answer")
        t = time.perf_counter()
        named = [evidence[n - 1].sentence for n in parsed.named]
        if self.corpus:
            # With the whole collection in view the model may answer from any passage: also look for the
            # passages that say what the answer says.
            seen = {hit.chunk.chunk_id for hit in work.hits}
            work.hits += [
                h
                for h in s.retriever.search(parsed.answer, k=self.settings.top_k, allowed=work.allowed)
                if h.chunk.chunk_id not in seen
            ]
        pool = [e.sentence for e in evidence] + [sentence for sentence, _ in s.selector.candidates(work.hits)]
        verdict = s.verifier.check(
            parsed.answer, pool, s.citer.titles, preferred=named, question=work.question, dates=s.citer.dates
        )
        timings.verify_ms += (time.perf_counter() - t) * 1000
        if not verdict.answerable:
            reasons = [
                f"{c.claim!r} (missing {c.missing}, score {c.score:.2f})" for c in verdict.checks if not c.supported
            ]
            return _Checked.refused("unsupported", "support", "unsupported: " + "; ".join(reasons))
        if not answers_question_type(work.question, verdict.supported_text, change=frame.asks_change):
            detail = "the answer lacks the figure or date asked for, or gives only a date for a thing"
            refused = _Checked.refused("not_stated", "answer_type", detail)
            # Shown the same sentences, the small model restates what was shown instead of where: told, it names
            # the gathering ("At which event did Apple reveal the iPhone 3GS?").
            refused.note = "name the event" if asks_event(work.question) else ""
            return refused
        if title := title_cut_short(verdict.supported_text, s.citer.titles.values()):
            return _Checked.refused("not_stated", "answer_type", f"the answer copies the title {title!r}, cut short")
        cited = [sentence for check in verdict.checks for sentence in check.sentences]
        if reason_left_out(work.question, verdict.supported_text, cited):
            # The small model restates the event and drops the sentence's "Citing …" (Wikinews w523); a second
            # draft, told to give the reason, invented one. The sentence's own reason is added in its words.
            if (completed := with_stated_reason(verdict)) is None:
                refused = _Checked.refused(
                    "not_stated", "answer_type", "the answer leaves out the reason its sentence gives"
                )
                refused.note = "give the reason"
                return refused
            verdict = completed
        if restates_without_reason(work.question, verdict.supported_text):
            refused = _Checked.refused("not_stated", "answer_type", "the answer restates the event and gives no reason")
            refused.note = "give the reason"
            return refused
        if unstated := s.verifier.unstated_kind(work.question, verdict.supported_text, cited, s.citer.titles):
            return _Checked.refused("unsupported", "support", f"unsupported: {unstated!r} names what is asked")
        if unstated := s.verifier.unstated_reason(work.question, verdict.supported_text, cited, s.citer.titles):
            return _Checked.refused("unsupported", "support", f"unsupported: {unstated!r} is the reason given")
        if s.binding:
            verdict = s.binding.trim(frame, verdict)
        if s.binding and (problem := s.binding.run(frame, verdict)):
            return _Checked(None, problem, problem.message)
        for check in verdict.supported if s.binding else []:
            if restated := restated_figure(work.question, check.claim, check.sentences):
                message = (
                    f"The articles give {restated} as the question's own figure in another currency, not as what "
                    "the question asks of it."
                )
                problem = Abstention(reason="constraint_unmet", gate="constraint", message=message)
                return _Checked(None, problem, problem.message)
        everything = self._all_sentences(work.allowed)
        if s.roles and (problem := s.roles.set_aside(frame, verdict.supported_text, everything)):
            # The model named whom the question sets aside, reading "the one who is not its chief executive" as
            # asking for the chief executive; a second draft shown only the same sentences names them again.
            return _Checked(None, problem, problem.message, note=problem.message)
        if not adds_to_question(work.question, verdict.supported_text):
            return _Checked.refused("not_stated", "answer_type", "the answer only repeats the question")
        return _Checked(verdict, draft=draft)

    def _all_sentences(self, allowed: set[str] | None = None) -> Iterator[Sentence]:
        """Lazily: the premise check reads them only for a question that takes an event for granted."""
        selector = self.stages.selector
        articles = (a for a in self.index.articles.values() if allowed is None or a.article_id in allowed)
        return (s for article in articles for s in selector.sentences_of(article))

    def _abstain(self, work: _Work, reason: AbstentionReason, gate: str, detail: str) -> Answer:
        return self._refuse(work, Abstention(reason=reason, gate=gate, message=_MESSAGES[reason]), detail)

    def _refuse(self, work: _Work, abstention: Abstention, detail: str = "") -> Answer:
        # Question text stays out of logs unless the operator allows it (RAG_LOG_QUESTIONS).
        detail = detail or abstention.message
        if self.settings.log_questions:
            log.info("abstaining on %r (%s): %s", work.question, abstention.gate, detail)
        else:
            log.info("abstaining (%s): %s", abstention.gate, detail.split(":")[0])
        return Answer(
            answer=ABSTAIN_MESSAGE,
            answerable=False,
            citations=[],
            timings=work.timings,
            model=self.model_name,
            context_mode=self.context_mode,
            question=work.question,
            abstention=abstention,
        )


@dataclass
class _Checked:
    """A draft that passed every model-free check (``verdict``), or why it did not."""

    verdict: Verdict | None
    abstention: Abstention | None = None
    detail: str = ""
    draft: Draft | None = None  # the draft that passed, for a judge that asks in its context
    note: str = ""  # what a second draft is told of this refusal ("Alexandr Wang is its chief executive, …")

    @staticmethod
    def refused(reason: AbstentionReason, gate: str, detail: str) -> _Checked:
        return _Checked(None, Abstention(reason=reason, gate=gate, message=_MESSAGES[reason]), detail)


# Descriptions resolved in one question: "the model built by the company whose customers include …" has two.
_MAX_HOPS = 2


def _names_the_defined(question: str, evidence: Sequence[Evidence]) -> bool:
    """Whether a "Who is X?" question's name is written in a sentence found for it: "… said Ray Young, the chief
    financial officer for GM" is far in meaning from the three-word question, yet says who he is."""
    asked = defined_name(question)
    return asked is not None and any(asked[0] in e.sentence.text for e in evidence)


# A draft refused by these checks gets one more try over focused sentences; the model's own "not found", an
# empty retrieval and a false premise do not. A draft bound to another month or year read the wrong sentence, not
# no sentence: "Anduril … last week" for the contractors of the initiatives "announced in November", which the
# sentence after "In November, Meta announced …" names.
_RETRY_GATES = frozenset({"support", "answer_type", "attribute", "subject", "constraint", "period", "date", "year"})
# The refusals that the one value the articles bind may answer in the draft's stead: its gathering binds the asked
# attribute, subject, year and span of time, but not a rank, a direction, a day or a premise that another gate
# checks.
_SOLE_GATES = frozenset({"support", "answer_type", "attribute", "subject", "period", "year"})

# What a person is told for each reason, where the gate has nothing more specific to say.
_MESSAGES: dict[AbstentionReason, str] = {
    "no_evidence": "Nothing in the articles is about this.",
    "not_stated": "The articles speak of this but do not state the answer.",
    "false_premise": "The question takes for granted something no article states.",
    "off_target": "The articles state something close to this, but not what the question asks.",
    "constraint_unmet": "The articles do not give an answer that meets the question's condition.",
    "unsupported": "The draft answer held details no article states, so it was withheld.",
}


def _account(timings: Timings, completion: Completion | None, *, time: bool = True) -> None:
    if completion is None:
        return
    timings.prompt_tokens += completion.prompt_tokens
    timings.cached_prompt_tokens += completion.cached_tokens
    timings.completion_tokens += completion.completion_tokens
    if time:
        timings.generate_ms += completion.total_ms
