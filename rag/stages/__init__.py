"""The stages of an answer, one small class a file, each with a typed ``run()``.

``rag.runtime`` builds them from the settings; ``rag.pipeline.AnswerPipeline`` composes and times them:
rewrite → premise → retrieve (``index.HybridRetriever``) → evidence → draft → verify → judge → cite.
"""
