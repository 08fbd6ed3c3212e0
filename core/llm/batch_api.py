"""Batch mode, the wire: OpenAI's Batch API (JSONL file upload, batch create, poll, output and error files) and
Anthropic's Message Batches (create, poll, results), through the providers' own SDK clients.

Every call may raise the SDK's errors; the caller (the worker's batch driver) retries on its next round.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from core.llm.batch import (
    OPENAI_ENDPOINT,
    BatchLine,
    BatchStatus,
    LineResult,
    anthropic_requests,
    openai_jsonl,
    read_anthropic_results,
    read_openai_output,
)

OPENAI_ENDED = frozenset({"completed", "expired", "cancelled", "failed"})


class BatchApi(Protocol):
    """One provider's batch API."""

    def submit(self, lines: Sequence[BatchLine], *, tag: str) -> str:
        """Send the requests as one batch; returns the provider's batch id."""

    def find(self, tag: str) -> str | None:
        """The batch submitted with this tag, if the provider can tell (recovery after a crash mid-submit)."""

    def status(self, batch_id: str) -> BatchStatus:
        """Where the batch is."""

    def results(self, batch_id: str) -> dict[str, LineResult]:
        """What an ended batch gave back, by custom id (requests it never ran are absent)."""

    def cancel(self, batch_id: str) -> None:
        """Ask the provider to stop the batch."""


class OpenAIBatchApi:
    """OpenAI: upload the JSONL input file (purpose `batch`), create the batch, read the output and error files."""

    def __init__(self, client: Any, *, endpoint: str = OPENAI_ENDPOINT) -> None:
        self.client = client
        self.endpoint = endpoint

    def submit(self, lines: Sequence[BatchLine], *, tag: str) -> str:
        """Upload and create; the tag goes in the batch's metadata."""
        upload = self.client.files.create(
            file=(f"ats-{tag}.jsonl", openai_jsonl(lines, self.endpoint), "application/jsonl"), purpose="batch"
        )
        batch = self.client.batches.create(
            input_file_id=upload.id, endpoint=self.endpoint, completion_window="24h", metadata={"ats_batch": tag}
        )
        return str(batch.id)

    def find(self, tag: str) -> str | None:
        """The most recent batches, searched for our tag."""
        for batch in self.client.batches.list(limit=100).data:
            if (batch.metadata or {}).get("ats_batch") == tag:
                return str(batch.id)
        return None

    def status(self, batch_id: str) -> BatchStatus:
        """Status and request counts."""
        batch = self.client.batches.retrieve(batch_id)
        counts = batch.request_counts
        return BatchStatus(
            state=batch.status,
            ended=batch.status in OPENAI_ENDED,
            total=counts.total if counts else 0,
            done=counts.completed if counts else 0,
            failed=counts.failed if counts else 0,
        )

    def results(self, batch_id: str) -> dict[str, LineResult]:
        """The output file (answers) and the error file (failed and expired requests)."""
        batch = self.client.batches.retrieve(batch_id)
        out: dict[str, LineResult] = {}
        for file_id in (batch.error_file_id, batch.output_file_id):  # an answer wins over an error
            if file_id:
                out.update(read_openai_output(self.client.files.content(file_id).text))
        return out

    def cancel(self, batch_id: str) -> None:
        """Cancel (the provider stops within minutes; finished requests stay in the output)."""
        self.client.batches.cancel(batch_id)


class AnthropicBatchApi:
    """Anthropic: one create call carries every request; results are streamed as JSONL once the batch ended."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, lines: Sequence[BatchLine], *, tag: str) -> str:
        """Create the batch (Anthropic batches carry no metadata, so the tag is not sent)."""
        batch = self.client.messages.batches.create(requests=anthropic_requests(lines))
        return str(batch.id)

    def find(self, tag: str) -> str | None:
        """Anthropic cannot tell which batch was ours."""
        return None

    def status(self, batch_id: str) -> BatchStatus:
        """Processing status and request counts."""
        batch = self.client.messages.batches.retrieve(batch_id)
        c = batch.request_counts
        failed = c.errored + c.expired + c.canceled
        return BatchStatus(
            state=batch.processing_status,
            ended=batch.processing_status == "ended",
            total=c.processing + c.succeeded + failed,
            done=c.succeeded,
            failed=failed,
        )

    def results(self, batch_id: str) -> dict[str, LineResult]:
        """Every request's result."""
        entries = (entry.model_dump(mode="json") for entry in self.client.messages.batches.results(batch_id))
        return read_anthropic_results(entries)

    def cancel(self, batch_id: str) -> None:
        """Cancel the batch."""
        self.client.messages.batches.cancel(batch_id)
