"""Any OpenAI-compatible chat endpoint (vLLM, llama.cpp's server, Ollama) for deployments that outgrow one machine."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

import httpx

from rag._exceptions import GenerationError, ModelUnavailableError
from rag.llm.base import Completion, Message, TokenCallback

__all__ = ["OpenAIGenerator"]


class OpenAIGenerator:
    """Streams ``/chat/completions`` from ``base_url`` (e.g. http://127.0.0.1:8080/v1)."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        temperature: float = 0.0,
        transport: httpx.BaseTransport | None = None,
    ):
        if not base_url.startswith(("http://", "https://")):
            raise ModelUnavailableError(f"RAG_OPENAI_BASE_URL must be an http(s) URL, not {base_url!r}")
        self.name = model
        self.temperature = temperature
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_s, transport=transport
        )

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        prefill: str = "",
    ) -> Completion:
        # Chat endpoints cannot be made to continue a reply portably; the reply parser copes without it.
        del prefill
        body = {
            "model": self.name,
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": self.temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if stop:
            body["stop"] = list(stop)
        started = time.perf_counter()
        first: float | None = None
        parts: list[str] = []
        usage: dict[str, int] = {}
        stopped = False
        try:
            with self._client.stream("POST", "/chat/completions", json=body) as response:
                if response.status_code != 200:
                    response.read()
                    raise GenerationError(
                        f"{self._client.base_url} answered {response.status_code}: {response.text[:300]}"
                    )
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    event = json.loads(data)
                    usage = event.get("usage") or usage
                    for choice in event.get("choices") or []:
                        piece = (choice.get("delta") or {}).get("content") or ""
                        if not piece:
                            continue
                        if first is None:
                            first = (time.perf_counter() - started) * 1000
                        parts.append(piece)
                        if on_token is not None and on_token(piece) is False:
                            stopped = True
                            break
                    if stopped:
                        break
        except httpx.HTTPError as exc:
            raise GenerationError(f"cannot reach the model server at {self._client.base_url}: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise GenerationError(f"the model server sent malformed data: {exc}") from exc
        return Completion(
            text="".join(parts),
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", len(parts))),
            first_token_ms=first,
            total_ms=(time.perf_counter() - started) * 1000,
            stopped_early=stopped,
        )
