"""Any OpenAI-compatible chat endpoint (vLLM, llama.cpp's server, Ollama) for deployments that outgrow one machine."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from typing import Any

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
        # Whether the server returns top_logprobs; None until the first judge question finds out.
        self.offers_logprobs: bool | None = None

    def choice_probabilities(self, messages: Sequence[Message], choices: Sequence[str]) -> dict[str, float]:
        """Probability of each one-word reply (the judge's yes/no) from the first token's ``top_logprobs``.

        Servers without logprobs (or that leave every choice out of the top 20) get the greedy reply instead:
        probability 1 for the choice it starts with. That is the cruder signal (a small model says "yes" to
        nearly anything), so a pool that offers logprobs keeps the judge's threshold meaningful.
        """
        if self.offers_logprobs is not False:
            body = self._body(messages, max_tokens=1) | {"logprobs": True, "top_logprobs": 20}
            data = self._post(body, allow_refusal=True)
            tops = _top_logprobs(data) if data is not None else None
            if tops is not None:
                self.offers_logprobs = True
                probs = {c: 0.0 for c in choices}
                for token, logprob in tops:
                    word = token.strip().lower()
                    if word in probs:
                        probs[word] += math.exp(logprob)
                if any(probs.values()):
                    return probs
            else:
                self.offers_logprobs = False
        data = self._post(self._body(messages, max_tokens=2), allow_refusal=False)
        reply = _message_text(data).strip().lower()
        return {c: 1.0 if reply.startswith(c) else 0.0 for c in choices}

    def _body(self, messages: Sequence[Message], *, max_tokens: int) -> dict[str, Any]:
        return {
            "model": self.name,
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": self.temperature,
        }

    def _post(self, body: dict[str, Any], *, allow_refusal: bool) -> dict[str, Any] | None:
        """One non-streamed completion; with ``allow_refusal`` a 4xx (an option the server lacks) is None."""
        try:
            response = self._client.post("/chat/completions", json=body)
        except httpx.TransportError as exc:
            # Down or unreachable: the service answers 503 (like a missing model), not 500.
            raise ModelUnavailableError(f"cannot reach the model server at {self._client.base_url}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise GenerationError(f"the model server at {self._client.base_url} failed: {exc}") from exc
        if allow_refusal and 400 <= response.status_code < 500:
            return None
        if response.status_code != 200:
            raise GenerationError(f"{self._client.base_url} answered {response.status_code}: {response.text[:300]}")
        try:
            data = response.json()
        except json.JSONDecodeError as exc:
            raise GenerationError(f"the model server sent malformed data: {exc}") from exc
        if not isinstance(data, dict):
            raise GenerationError("the model server sent malformed data: not a JSON object")
        return data

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        prefill: str = "",
        shared: str = "",
    ) -> Completion:
        # Chat endpoints cannot be made to continue a reply portably; the reply parser copes without it.
        del prefill, shared  # nothing of the prompt is cached here
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
        except httpx.TransportError as exc:
            # Down or unreachable: the service answers 503 (like a missing model), not 500.
            raise ModelUnavailableError(f"cannot reach the model server at {self._client.base_url}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise GenerationError(f"the model server at {self._client.base_url} failed: {exc}") from exc
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


def _top_logprobs(data: dict[str, Any]) -> list[tuple[str, float]] | None:
    """(token, logprob) of the first generated token's alternatives, or None when the server sent none."""
    try:
        first = data["choices"][0]["logprobs"]["content"][0]
        return [(str(t["token"]), float(t["logprob"])) for t in first["top_logprobs"]]
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _message_text(data: dict[str, Any] | None) -> str:
    try:
        return str((data or {})["choices"][0]["message"]["content"] or "")
    except (KeyError, IndexError, TypeError) as exc:
        raise GenerationError("the model server's reply has no message") from exc
