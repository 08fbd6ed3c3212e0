"""The paced fake LLM server plus both providers' batch APIs on the same port, so one base URL serves the live
calls (repairs, fallbacks, JD signals) and the batches, as api.openai.com and api.anthropic.com do.

Script the next batches with `server.run_batches(Lifecycle(...), ...)` (both providers take them in order).
Run alone for benchmarks: `python -m tests.fakes.batch_server [--latency S --rpm N]` prints the base URLs.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from tests.fakes.anthropic_batches import AnthropicBatches
from tests.fakes.batch_lifecycle import Lifecycle
from tests.fakes.llm_server import FakeLLMServer
from tests.fakes.openai_batches import OpenAIBatches
from tests.fakes.paced_server import PacedLLMServer, add_arguments, knobs, serve


@dataclass
class BatchLLMServer(PacedLLMServer):
    """PacedLLMServer + /v1/files, /v1/batches (OpenAI) + /v1/messages/batches (Anthropic)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.openai_batches = OpenAIBatches(self._answer_line)
        self.anthropic_batches = AnthropicBatches(self._answer_line)

    def start(self) -> BatchLLMServer:
        """Listen, then tell the Anthropic fake its absolute results URL base."""
        super().start()
        self.anthropic_batches.base_url = self.anthropic_url
        return self

    def _answer_line(self, path: str, body: bytes) -> tuple[int, bytes]:
        # A batch's request is answered as the same live request would be (no latency, no rate limit: the
        # batch API meters itself), and recorded like one, so tests can check what left the process.
        status, _, reply = FakeLLMServer.answer(self, path, {}, body)
        return status, reply

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Batch routes first; model calls and anything else as the paced server answers them."""
        for api in (self.anthropic_batches, self.openai_batches):
            if api.handles(path):
                return api.post(path, headers, body)
        return super().answer(path, headers, body)

    def answer_get(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Batch routes first, then the paced server's."""
        for api in (self.anthropic_batches, self.openai_batches):
            if api.handles(path):
                return api.get(path)
        return super().answer_get(path, headers)

    def run_batches(self, *lifecycles: Lifecycle) -> None:
        """Run the next batches of both providers with these lifecycles, in order."""
        self.openai_batches.lifecycles.extend(lifecycles)
        self.anthropic_batches.lifecycles.extend(lifecycles)


def main() -> None:
    """Serve until SIGTERM/SIGINT; print the base URLs as one JSON line first."""
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    parser.add_argument("--batch-run-s", type=float, default=5.0, help="how long each batch takes to answer")
    args = parser.parse_args()
    server = BatchLLMServer(**knobs(args))  # type: ignore[arg-type]
    server.openai_batches.default = server.anthropic_batches.default = Lifecycle(run_s=args.batch_run_s)
    serve(server)


if __name__ == "__main__":
    main()
