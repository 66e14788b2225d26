"""The question-aware gate: the sentences that support an answer must answer the question as asked.

The verifier accepts an answer whose figures and names are in the articles. Most wrong-but-cited answers pass
it: a valuation given as revenue, one company's figure given as another's, "besides X" answered with X. This
stage binds the verified claims to the question's frame (``rag.stages.frame``):
  * attribute: a sentence holding the answer states the attribute asked (the word, its stem, its family, or a
    word the embedding model puts close to it — never a word of another known family);
  * subject: a name group of the question is in that sentence, its article's title, the two sentences
    before it (where "it" or "the company" refers back), or its article's lead (where it names no one);
  * constraints: "besides X" is not answered with X alone, "which three" gets at least three items, "by how
    much" gets a change (two figures, or "by"/"from … to"), not the end value.
It also checks a premise the question takes for granted ("Why did A acquire B?") before the model is asked.

The rules live in modules named for what they read, each importing only those listed before it: ``names``,
``times``, ``figures``, ``changes``, ``products``, ``events``, ``speakers``; ``check`` holds the gate that asks them.
"""

from rag.stages.binding.changes import moves_apart, opposite_move, other_side, unmet_close
from rag.stages.binding.check import HOLDER_SPAN_START, TITLED_PERSON, BindingCheck
from rag.stages.binding.figures import MONEY_LOST, clause_families, counts_other
from rag.stages.binding.names import common_words, name_groups
from rag.stages.binding.times import ZONE_OFFSET, asked_years_of, other_time_unit, states_period

__all__ = [
    "HOLDER_SPAN_START",
    "MONEY_LOST",
    "TITLED_PERSON",
    "ZONE_OFFSET",
    "BindingCheck",
    "asked_years_of",
    "clause_families",
    "common_words",
    "counts_other",
    "moves_apart",
    "name_groups",
    "opposite_move",
    "other_side",
    "other_time_unit",
    "states_period",
    "unmet_close",
]
