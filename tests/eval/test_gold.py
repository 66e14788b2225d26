"""The gold sets load, unknown keys are ignored, bad lines are reported, --limit samples every kind.

The data checks read every gold answer against the articles it cites (through the project's own loader), so a
typo in a gold answer or a wrong source id fails here rather than as a silently wrong score.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.gold import DEFAULT_GOLD, UNANSWERABLE_KINDS, GoldError, GoldItem, load_gold, select
from index.loader import load_articles

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
WIKINEWS = REPO / "eval" / "collections" / "wikinews"
# Each gold file with the articles its ``sources`` ids name.
GOLD_SETS = {
    "bundled": (DEFAULT_GOLD, REPO / "data" / "articles"),
    "wikinews": (WIKINEWS / "gold.jsonl", WIKINEWS / "articles"),
}


def _unsupported(items: list[GoldItem], texts: dict[str, str]) -> list[str]:
    """Why each answerable item is not backed by its sources: a missing article, or an answer no source holds.

    An answer is backed when it occurs (case-insensitively) in one of the item's source articles: one alias
    suffices, unless ``all_answers`` asks for every listed value.
    """
    problems: list[str] = []
    lowered = {article_id: text.lower() for article_id, text in texts.items()}
    for item in items:
        missing = [s for s in item.sources if s not in lowered]
        problems += [f"{item.id}: no article {s!r}" for s in missing]
        if not item.answerable:
            continue
        sources = [lowered[s] for s in item.sources if s in lowered]
        found = [a for a in item.answers if any(a.lower() in text for text in sources)]
        if item.all_answers:
            problems += [f"{item.id}: {a!r} is in none of its sources" for a in item.answers if a not in found]
        elif not found:
            problems.append(f"{item.id}: none of {item.answers} is in its sources")
    return problems


def _texts(folder: Path) -> dict[str, str]:
    report = load_articles(folder)
    assert not report.skipped
    return {a.article_id: a.text for a in report.articles}


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    return path


def test_the_shipped_gold_set_loads() -> None:
    items = load_gold(DEFAULT_GOLD)
    # The first 108 questions predate the attribute/constraint/premise classes and keep their ids and order,
    # so runs before and after them stay comparable question by question.
    assert [i.id for i in items[:108]] == [f"q{n:03d}" for n in range(1, 109)]
    assert len(items) >= 178 and len({i.id for i in items}) == len(items)
    assert all(i.answers and i.sources for i in items if i.answerable)
    followups = [i for i in items if i.kind == "followup"]
    assert followups and all(i.history for i in followups)
    kinds = Counter(i.kind for i in items)
    for kind in ("attribute", "constraint", "multi_article", "conflict", "list"):
        assert kinds[kind] >= 12, kind
    assert kinds["false_premise"] >= 17 and kinds["attribute_unanswerable"] and kinds["constraint_unanswerable"]


def test_the_wikinews_collection_and_its_gold_set_load() -> None:
    texts = _texts(WIKINEWS / "articles")
    report = load_articles(WIKINEWS / "articles")
    assert 30 <= len(texts) <= 40 and all(a.date and a.title for a in report.articles)
    assert sum(p.stat().st_size for p in (WIKINEWS / "articles").iterdir()) < 1_000_000
    items = load_gold(WIKINEWS / "gold.jsonl")
    assert len(items) >= 60
    unanswerable = [i for i in items if not i.answerable]
    assert 3 * len(unanswerable) >= len(items)
    kinds = Counter(i.kind for i in items)
    assert kinds["adversarial"] >= 15 and kinds["false_premise"] and kinds["conflict"] and kinds["followup"]
    assert all(i.history for i in items if i.kind == "followup")


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_every_gold_answer_is_in_a_cited_article(name: str) -> None:
    gold, articles = GOLD_SETS[name]
    items = load_gold(gold)
    assert _unsupported(items, _texts(articles)) == []
    for item in items:
        # The kind and the flag agree, so a report by kind counts abstentions on the right side.
        assert item.answerable != (item.kind in UNANSWERABLE_KINDS), item.id
        if item.all_answers:
            assert len(item.answers) >= 2, item.id


def test_the_support_check_catches_a_typo_and_a_wrong_source() -> None:
    texts = {"a1": "Airbus delivered the first A380 18 months late.", "a2": "It was two years late."}

    def item(answers: list[str], sources: list[str], every: bool = False) -> GoldItem:
        return GoldItem(id="x", question="Q?", answers=answers, sources=sources, answerable=True, all_answers=every)

    assert _unsupported([item(["18 MONTHS", "1.5 years"], ["a1"])], texts) == []
    assert _unsupported([item(["18 months", "two years"], ["a1", "a2"], every=True)], texts) == []
    assert _unsupported([item(["81 months"], ["a1"])], texts) == ["x: none of ['81 months'] is in its sources"]
    assert _unsupported([item(["18 months", "two years"], ["a1"], every=True)], texts) == [
        "x: 'two years' is in none of its sources"
    ]
    assert _unsupported([item(["18 months"], ["a3"])], texts) == [
        "x: no article 'a3'",
        "x: none of ['18 months'] is in its sources",
    ]


def test_all_answers_needs_an_answerable_question() -> None:
    with pytest.raises(ValueError, match="all_answers"):
        GoldItem(id="x", question="Q?", answerable=False, all_answers=True)


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {
                "id": "x",
                "question": "Q?",
                "answers": ["a"],
                "sources": ["s"],
                "answerable": True,
                "kind": "fact",
                "difficulty": "hard",
                "notes": {"any": 1},
            }
        ],
    )
    (item,) = load_gold(path)
    assert item.id == "x" and not hasattr(item, "difficulty")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "gold.jsonl:1"),
        ('{"id": "x", "question": "Q?", "answerable": true, "answers": []}', "at least one gold answer"),
        ('{"id": "x", "answerable": false}', "question"),
    ],
)
def test_bad_lines_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(GoldError, match=message):
        load_gold(path)


def test_duplicate_ids_and_empty_files(tmp_path: Path) -> None:
    row = {"id": "x", "question": "Q?", "answerable": False}
    with pytest.raises(GoldError, match="duplicate"):
        load_gold(_write(tmp_path, [row, row]))
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(GoldError, match="no questions"):
        load_gold(tmp_path / "empty.jsonl")
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


def test_limit_takes_kinds_in_turn() -> None:
    items = load_gold(DEFAULT_GOLD)
    chosen = select(items, 20)
    assert len(chosen) == 20
    kinds = {i.kind for i in chosen}
    assert {"unanswerable", "false_premise", "followup", "conflict"} <= kinds
    assert [i.id for i in chosen] == sorted(i.id for i in chosen)  # file order kept
    assert select(items, None) == items and select(items, 500) == items
    assert select(items, 3) == select(items, 3)
