"""The evaluation harness: gold questions through the real pipeline (and baselines), scored and reported.

Modules, in the order the data flows:
  gold       the gold set (``gold.jsonl``) as typed items; ``--limit`` sampling
  systems    the registry of configurations (pipeline, dense, bm25, closed_book, llamaindex, ...)
  llamaindex_baseline   the stock LlamaIndex CitationQueryEngine over the same models
  matching   is an answer right (normalisation, number forms, containment, F1)
  citations  ALCE citation recall / precision with the project's verifier as judge
  retrieval  recall@k, reciprocal rank against the gold source articles
  records    one scored question (a line of answers.jsonl)
  summary    the figures of summary.json, per kind, with bootstrap CIs
  compare    configurations side by side with exact McNemar tests
  stats      bootstrap, McNemar, percentiles
  plots, report   PNGs and the Markdown reports
  harness    runs it all; cli   the ``rag eval`` command (``python -m eval``)

``bench_retrieval`` (``make bench``) is the separate retrieval speed benchmark.
"""
