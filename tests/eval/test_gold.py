"""The gold set loads, unknown keys are ignored, bad lines are reported, --limit samples every kind."""

import json
from pathlib import Path

import pytest

from eval.gold import DEFAULT_GOLD, GoldError, load_gold, select

pytestmark = pytest.mark.unit


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    return path


def test_the_shipped_gold_set_loads() -> None:
    items = load_gold(DEFAULT_GOLD)
    assert len(items) == 108 and len({i.id for i in items}) == 108
    assert all(i.answers and i.sources for i in items if i.answerable)
    followups = [i for i in items if i.kind == "followup"]
    assert followups and all(i.history for i in followups)


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
