"""Upload-to-answerable benchmark: a 20-page PDF into a loaded service's collection, then a question only it answers.

Run with ``python -m eval.bench_upload`` (``--pages N``, ``--model smollm2`` for the tiny test model,
``--context-mode``). Prints where the time goes: extraction, chunking + embedding, writing the new generation,
switching the answering pipeline to it, the answer; then, separately, rebuilding corpus mode's prompt cache for
the changed collection (or why there is none). Works on a temporary copy of the index; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from rag.documents import Upload, add_prepared, prepare_upload
from rag.live import build_corpus_cache, switch_pipeline
from rag.runtime import make_generator, make_pipeline
from rag.settings import Settings

FACT = "The Quorvex Dynamics board approved a budget of $47 million for the new research lab in Tromso."
QUESTION = "What budget did the Quorvex Dynamics board approve for the Tromso lab?"
FILLER = (
    "Page {page} of the Quorvex Dynamics annual review describes routine operations in region {page}. "
    "The company reported steady demand for its labeling services and said staff numbers were unchanged. "
    "Managers in region {page} said customer contracts were renewed on the usual terms during the year. "
    "The review lists office locations, supplier agreements and training programmes for new employees. "
)


def make_report(pages: int, fact_page: int) -> bytes:
    """A ``pages``-page PDF of filler paragraphs; page ``fact_page`` alone states ``FACT``."""
    try:
        from fpdf import FPDF
    except ImportError as exc:  # a dev dependency
        raise SystemExit("the benchmark writes its PDF with fpdf2: pip install fpdf2") from exc
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.set_title("Quorvex Dynamics annual review")
    for page in range(1, pages + 1):
        pdf.add_page()
        for _ in range(5):
            pdf.multi_cell(0, 5, FILLER.format(page=page))
            pdf.ln(2)
        if page == fact_page:
            pdf.multi_cell(0, 5, FACT)
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--model", choices=["default", "smollm2"], default="default")
    parser.add_argument("--context-mode", choices=["auto", "corpus", "retrieval"], default="auto")
    args = parser.parse_args()

    base = Settings()
    overrides: dict[str, object] = {"context_mode": args.context_mode}
    if args.model == "smollm2":
        from rag.llm.model_files import smollm2_gguf

        overrides["model_path"] = smollm2_gguf()
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        index_dir = Path(tmp) / "index"
        if base.index_dir.is_dir():
            shutil.copytree(base.index_dir, index_dir)  # the built index and its prompt cache, if any
        settings = base.model_copy(update={**overrides, "index_dir": index_dir})
        started = time.perf_counter()
        pipeline = make_pipeline(settings)
        loaded_s = time.perf_counter() - started
        print(f"service loaded in {loaded_s:.1f} s: {pipeline.model_name}, {pipeline.context_mode}")

        data = make_report(args.pages, fact_page=max(1, args.pages * 2 // 3))
        t0 = time.perf_counter()
        prepared = prepare_upload(settings, Upload("annual-review.pdf", data))
        t_extract = time.perf_counter() - t0
        change = add_prepared(settings, pipeline.encoder, prepared)
        t_add = time.perf_counter() - t0 - t_extract
        switched = switch_pipeline(pipeline)
        t_switch = time.perf_counter() - t0 - t_extract - t_add
        total = time.perf_counter() - t0
        hits = switched.pipeline.retriever.search(QUESTION, k=settings.top_k)
        rank = next((i + 1 for i, h in enumerate(hits) if "$47 million" in h.chunk.text), None)
        t_answer_start = time.perf_counter()
        answer = switched.pipeline.ask(QUESTION)
        t_answer = time.perf_counter() - t_answer_start
        doc = change.document
        print(f"PDF: {args.pages} pages, {len(data) / 1024:.0f} KiB, {doc.chars} characters, {doc.n_chunks} chunks")
        print(f"  extraction (pypdf + cleaning)     {t_extract * 1000:8.0f} ms")
        print(f"  embedding the new chunks          {change.embed_s * 1000:8.0f} ms")
        print(f"  writing the new generation        {change.write_s * 1000:8.0f} ms  ({change.n_chunks} chunks in all)")
        print(f"  switching the pipeline            {t_switch * 1000:8.0f} ms  -> {switched.pipeline.context_mode}")
        print(f"  upload to answerable              {total * 1000:8.0f} ms")
        print(f"  the fact's chunk in the top {settings.top_k} retrieved: rank {rank}")
        cited = [c for c in answer.citations if c.article_id == doc.document_id]
        print(
            f"  the answer                        {t_answer * 1000:8.0f} ms  answerable={answer.answerable}, "
            f"{len(cited)} citation(s) into the PDF: {answer.answer!r}"
        )
        print(f"  context mode: {switched.pipeline.context_mode} ({switched.pipeline.mode_reason})")
        if switched.pending is None:
            print("prompt cache: nothing to rebuild (see the context mode's reason)")
            return
        builder = make_generator(settings)
        seconds = build_corpus_cache(settings, builder, switched.pending)
        print(f"prompt cache of the changed collection: {switched.pending.n_tokens} tokens rebuilt in {seconds:.1f} s")
        again = switch_pipeline(switched.pipeline)
        print(f"  switch to corpus mode after it: {again.seconds * 1000:.0f} ms -> {again.pipeline.context_mode}")


if __name__ == "__main__":
    main()
