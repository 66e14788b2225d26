"""Relays the answer line of a streamed two-line reply to the caller's token callback."""

from __future__ import annotations

from rag.llm.base import TokenCallback

__all__ = ["AnswerRelay"]


class AnswerRelay:
    """Passes on the answer line only: the "Sentences: …" line is bookkeeping, and an "Answer:" label
    that follows it is dropped, whether the model writes one or not."""

    _LABEL = "answer:"

    def __init__(self, sink: TokenCallback | None, *, open: bool = False):
        self.sink = sink
        self.buffer = ""
        self.open = open  # past the label: pieces go straight through
        self._after_first_line = False
        self._started = False  # whether a visible piece has gone out

    def __call__(self, piece: str) -> bool | None:
        if self.sink is None:
            return None
        if self.open:
            if not self._started:
                # After a label the reply was started with ("Answer:", when the model stopped after naming its
                # sentences) its first piece is often a bare space: the stream's first token is the answer's first word.
                piece = piece.lstrip()
                if not piece:
                    return None
                self._started = True
            return self.sink(piece)
        self.buffer += piece
        if not self._after_first_line:
            if "\n" not in self.buffer:
                return None
            self._after_first_line = True
            self.buffer = self.buffer.split("\n", 1)[1]
        head = self.buffer.lstrip()
        if len(head) < len(self._LABEL) and self._LABEL.startswith(head.lower()):
            return None  # could still become the label
        self.open = True
        rest = head[len(self._LABEL) :].lstrip() if head.lower().startswith(self._LABEL) else head
        self.buffer = ""
        if not rest:
            return None
        self._started = True
        return self.sink(rest)
