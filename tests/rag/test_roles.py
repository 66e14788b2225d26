"""Who holds a role the question names, read where a sentence binds the role to a name of the asked subject."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck
from rag.stages.binding.names import _states_role
from rag.stages.frame import asked_role, frame_question
from rag.stages.roles import RoleHolder
from rag.stages.verify import ClaimCheck, Verdict
from tests.fakes import HashingEncoder, ScriptedGenerator, gate_settings, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "meta": "Meta chief executive officer Mark Zuckerberg has made AI Meta's top priority. "
    "Chief executive Mark Zuckerberg has declared AI the company's top priority.",
    "scale": "Scale, co-founded in 2016 by chief executive officer Alexandr Wang, has been growing quickly.",
    "787": "The first flight is expected in August, with the first customer, All Nippon Airways, due to receive "
    "their first aircraft in May 2008. Launch customer ANA have ordered 55.",
    "gm": "General Motor's chief executive Rick Wagoner was replaced Sunday with Fritz Henderson. "
    "Former Apple CEO John Sculley spoke too.",
    "apple": "He left current chief operating officer Timothy D. Cook in charge of day-to-day operations.",
}
TITLES = {
    "meta": "Meta in talks for Scale AI investment",
    "scale": "Scale AI grows",
    "787": "Boeing 787 Dreamliner makes maiden flight",
    "gm": "GM chief replaced",
    "apple": "Steve Jobs takes medical leave from Apple",
}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]


def _holder(question: str) -> str | None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES)
    found = RoleHolder(binding).run(frame_question(question), ALL)
    return None if found is None else found.name


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who runs Scale AI as its chief executive?", "chief executive"),
        ("Who is Meta's CEO?", "chief executive"),
        ("Which airline was the first customer for the Boeing 787 Dreamliner?", "first customer"),
        ("Who became Apple's chief operating officer once Tim Cook was made CEO?", "chief operating officer"),
        ("What did the chief executive of Meta say?", None),
        ("Which company did Meta's CEO visit?", None),
        # The head of a part of an organisation, asked by a verb: no title says it.
        ("Who will lead Meta's new superintelligence research lab?", "head"),
        ("Who heads Scale AI's public-sector business?", "head"),
        ("Who is in charge of Apple's day-to-day operations?", "head"),
        # The organisation itself, by name or by its kind: its chief executive's sentence answers.
        ("Who runs Scale AI?", None),
        ("Who leads the company?", None),
        # A clause after the name says when, not what is headed (held-out round 32, w867).
        ("Who was running Airbus when the A380 was unveiled?", None),
        ("Who oversaw Chrysler's restructuring?", "head"),
    ],
)
def test_the_role_asked_for(question: str, role: str | None) -> None:
    assert asked_role(question) == role


def test_the_holder_is_read_off_the_title_before_the_name_or_beside_it() -> None:
    assert _holder("Who runs Scale AI as its chief executive?") == "Alexandr Wang"
    assert _holder("Who is the chief executive of Meta?") == "Mark Zuckerberg"
    assert _holder("Which airline was the first customer for the Boeing 787 Dreamliner?") == "All Nippon Airways"


def test_another_companys_title_a_former_holder_and_the_questions_own_name_are_not_answers() -> None:
    # Meta's chief executive is not Anduril's, nor is a bare "Chief executive …" in an article on two companies.
    assert _holder("Who is the chief executive of Anduril Industries?") is None
    assert _holder("Who is the chief executive of General Motors?") is None, "Wagoner was replaced"
    assert _holder("Who is the chief executive of Apple?") is None, "a former chief executive"
    assert _holder("Who became Apple's chief operating officer once Tim Cook was made CEO?") is None


def test_the_pipeline_answers_a_role_without_the_model_and_cites_the_sentence(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Mark Zuckerberg.")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask("Who runs Scale AI as its chief executive?")
    assert answer.answerable and model.calls == []
    assert answer.answer.startswith("Alexandr Wang [1]")
    quote = answer.citations[0]
    assert index.articles[quote.article_id].text[quote.start : quote.end] == quote.quote
    assert "Alexandr Wang" in quote.quote and "Zuckerberg" not in quote.quote

    drafted = ScriptedGenerator("Sentences: 1\nAnswer: Mark Zuckerberg.")
    off = assemble_pipeline(settings.model_copy(update={"gather": False}), drafted, index, encoder)
    off.ask("Who runs Scale AI as its chief executive?")
    assert drafted.calls, "with gathering off the model drafts"


@pytest.mark.parametrize(
    ("question", "reply", "answerable"),
    [
        # The sentence holding the name says "CEO", not the chief financial officer asked about.
        ("Who is Scale AI's chief financial officer?", "Alexandr Wang leads Scale AI.", False),
        ("Who is the chief executive of Meta?", "Mark Zuckerberg is Meta's chief executive.", True),
    ],
)
def test_a_drafted_holder_needs_a_sentence_that_states_the_role(
    fake_index, question: str, reply: str, answerable: bool
) -> None:
    index, encoder = fake_index
    settings = gate_settings(gather=False)
    model = ScriptedGenerator(f"Sentences: 1\nAnswer: {reply}")
    answer = assemble_pipeline(settings, model, index, encoder).ask(question)
    assert model.calls and answer.answerable is answerable, answer.abstention
    if not answerable:
        assert answer.abstention is not None and answer.abstention.gate == "role"
        assert "chief financial officer" in answer.abstention.message


@pytest.mark.parametrize(
    ("sentence", "gate"),
    [
        # Meta's chief executive is not thereby the head of its new lab.
        ("Mark Zuckerberg, Meta's CEO, has pushed heavily into AI.", "role"),
        ("The new lab will be led by Mark Zuckerberg himself, people familiar said.", None),
        ("Mark Zuckerberg will head the lab.", None),
        ("I have asked Mark Zuckerberg to be responsible for all of the lab's work.", None),
    ],
)
def test_the_head_of_a_part_of_an_organisation_needs_a_sentence_that_says_who_heads_it(
    sentence: str, gate: str | None
) -> None:
    said = Sentence(article_id="meta", start=0, end=len(sentence), text=sentence)
    binding = BindingCheck(HashingEncoder(dim=64), lambda _: [said], TITLES)
    verdict = Verdict([ClaimCheck("Mark Zuckerberg.", [said], 1.0, True)])
    problem = binding.run(frame_question("Who will lead Meta's new superintelligence research lab?"), verdict)
    assert (problem.gate if problem else None) == gate
    if problem:
        assert problem.message == "No sentence that gives this answer says who heads it."
    # Its holder is never read off a title: "head" is mostly worded by verbs ("is leading the effort").
    titled = Sentence(article_id="meta", start=0, end=40, text="Meta lab head Alexandr Wang spoke.")
    assert RoleHolder(binding).run(frame_question("Who heads Meta's new lab?"), [titled]) is None


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Scale AI has two co-founders; which one is not its chief executive?", "chief executive"),
        ("Which Apple executive other than the CEO ran the company?", "chief executive"),
        ("Who is Meta's CEO?", None),
    ],
)
def test_the_role_a_question_sets_aside(question: str, role: str | None) -> None:
    assert frame_question(question).not_role == role


def test_an_answer_naming_whom_the_question_sets_aside_is_refused() -> None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES)
    roles = RoleHolder(binding)
    frame = frame_question("Scale AI has two co-founders; what is the name of the one who is not its chief executive?")
    problem = roles.set_aside(frame, "Alexandr Wang [1].", ALL)
    assert problem is not None and problem.reason == "constraint_unmet"
    assert problem.message == "Alexandr Wang is its chief executive, whom the question sets aside."
    assert roles.set_aside(frame, "Lucy Guo [1].", ALL) is None
    plain = frame_question("Who co-founded Scale AI?")
    assert roles.set_aside(plain, "Alexandr Wang [1].", ALL) is None


def test_the_pipeline_refuses_the_chief_executive_for_the_co_founder_who_is_not(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Alexandr Wang.")
    settings = gate_settings()
    question = "Scale AI has two co-founders; what is the name of the one who is not its chief executive?"
    answer = assemble_pipeline(settings, model, index, encoder).ask(question)
    assert answer.abstention is not None and answer.abstention.gate == "constraint"
    assert "Alexandr Wang is its chief executive" in answer.abstention.message


def test_the_second_draft_is_told_whom_the_question_sets_aside(fake_index) -> None:
    index, encoder = fake_index

    def reply(messages) -> str:
        told = "Alexandr Wang is its chief executive, whom the question sets aside" in messages[-1]["content"]
        return "Sentences: 1\nAnswer: Lucy Guo." if told else "Sentences: 1\nAnswer: Alexandr Wang."

    model = ScriptedGenerator(reply)
    settings = gate_settings()
    question = "Scale AI has two co-founders; what is the name of the one who is not its chief executive?"
    answer = assemble_pipeline(settings, model, index, encoder).ask(question)
    first, second = model.calls
    assert "sets aside" not in first[-1]["content"] and "sets aside" in second[-1]["content"]
    assert answer.answerable and answer.answer.startswith("Lucy Guo")
    assert any("Lucy Guo" in c.quote for c in answer.citations)
    # The note is the model's to read: the answer's question is the one asked.
    assert answer.question == question


def test_the_holder_at_an_occasion_is_read_from_a_report_of_it() -> None:
    """Wikinews w243 (held-out round 6): Airbus's chief executive "when the A380 was unveiled in January 2005" is
    Noel Forgeard of the unveiling's report, not Tom Enders of the 2007 delivery's."""
    from rag.stages.occasion import OccasionCheck

    texts = {
        "unveil": "Airbus unveiled plans for the A380. Airbus chief executive Noel Forgeard expected sales.",
        "deliver": "The first A380 was delivered to Singapore Airlines. Airbus chief executive Tom Enders thanked all.",
    }
    said = {a: sentences_of_text(a, t) for a, t in texts.items()}
    titles = {"unveil": "Airbus unveils the A380", "deliver": "First Airbus A380 delivered"}
    binding = BindingCheck(
        HashingEncoder(dim=64), lambda a: said[a], titles, occasion=OccasionCheck({a: t for a, t in texts.items()})
    )
    frame = frame_question("Who was Airbus's chief executive when the A380 was unveiled in January 2005?")
    held = RoleHolder(binding).run(frame, said["deliver"] + said["unveil"])
    assert held is not None and held.name == "Noel Forgeard"
    assert RoleHolder(binding).run(frame, said["deliver"]) is None, "the delivery's report speaks of no unveiling"


def test_a_part_managed_by_someone_is_headed_by_them() -> None:
    # Held-out round 32, w866: "The restructuring has been managed by Steve Rattner".
    assert _states_role("head", "The restructuring has been managed by Steve Rattner, a former investment banker.")
    assert not _states_role("head", "The restructuring plan must include a partnership with Fiat.")
