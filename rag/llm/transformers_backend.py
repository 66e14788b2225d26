"""Hugging Face transformers: any local checkpoint directory or GGUF file, on CUDA when present."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rag._exceptions import GenerationError, ModelUnavailableError
from rag.llm.base import Completion, Message, TokenCallback

__all__ = ["TransformersGenerator"]


class TransformersGenerator:
    """A causal LM through transformers. GGUF files are de-quantised on load (slow on CPU, fine on a GPU)."""

    def __init__(self, model_path: Path, *, device: str = "auto", temperature: float = 0.0):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:
            raise ModelUnavailableError("transformers is not installed: pip install -e '.[transformers]'") from exc
        if not model_path.exists():
            raise ModelUnavailableError(f"model path {model_path} does not exist (set RAG_MODEL_PATH)")
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.device = device
        self.temperature = temperature
        self.name = model_path.stem if model_path.is_file() else model_path.name
        self._torch = torch
        self._lock = threading.Lock()
        kwargs: dict[str, Any] = {"local_files_only": True}
        source = str(model_path)
        if model_path.is_file():  # a GGUF: transformers reads it from its folder by file name
            source, kwargs["gguf_file"] = str(model_path.parent), model_path.name
        dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
            self.model = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, **kwargs).to(device)  # type: ignore[arg-type]
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelUnavailableError(f"cannot load {model_path} with transformers: {exc}") from exc
        self.model.eval()

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
        del shared  # no KV cache is kept between calls here
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        prompt = self.tokenizer.apply_chat_template(
            [{"role": m["role"], "content": m["content"]} for m in messages], tokenize=False, add_generation_prompt=True
        )
        prompt = str(prompt) + prefill
        inputs = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False).to(self.device)
        n_prompt = int(inputs["input_ids"].shape[1])
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        halt = threading.Event()

        class _Halt(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
                return halt.is_set()

        generate_kwargs: dict[str, Any] = {
            **inputs,
            "max_new_tokens": max_tokens,
            "streamer": streamer,
            "stopping_criteria": StoppingCriteriaList([_Halt()]),
            "pad_token_id": self.tokenizer.pad_token_id or self.tokenizer.eos_token_id,
        }
        if self.temperature > 0:
            generate_kwargs.update(do_sample=True, temperature=self.temperature)
        else:
            generate_kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        errors: list[BaseException] = []
        n_out = [0]

        def run() -> None:
            try:
                with self._torch.inference_mode():
                    out = self.model.generate(**generate_kwargs)
                n_out[0] = int(out.shape[1]) - n_prompt
            except (RuntimeError, ValueError) as exc:
                errors.append(exc)
                streamer.end()

        started = time.perf_counter()
        first: float | None = None
        text = ""
        stopped = False
        with self._lock:
            worker = threading.Thread(target=run, daemon=True)
            worker.start()
            for piece in streamer:
                if not piece:
                    continue
                if first is None:
                    first = (time.perf_counter() - started) * 1000
                text += piece
                cut = min((text.find(s) for s in stop if s in text), default=-1)
                if cut >= 0:
                    piece = piece[: max(0, len(piece) - (len(text) - cut))]
                    text = text[:cut]
                    halt.set()
                if on_token is not None and piece and on_token(piece) is False:
                    stopped = True
                    halt.set()
                if halt.is_set():
                    break
            halt.set()
            worker.join()
        if errors:
            raise GenerationError(f"transformers generation failed: {errors[0]}") from errors[0]
        return Completion(
            text=text,
            prompt_tokens=n_prompt,
            completion_tokens=n_out[0],
            first_token_ms=first,
            total_ms=(time.perf_counter() - started) * 1000,
            stopped_early=stopped,
        )
