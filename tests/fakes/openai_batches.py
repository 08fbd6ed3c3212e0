"""OpenAI's Batch API wire format: POST /v1/files (multipart, purpose=batch), GET /v1/files/{id}[/content],
POST /v1/batches, GET /v1/batches[/{id}], POST /v1/batches/{id}/cancel."""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import random
import time
from collections import deque

from tests.fakes.batch_lifecycle import Answer, FakeBatch, Lifecycle

_files = itertools.count(1)


def parse_multipart(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """Form fields of a multipart/form-data body: name -> (filename, bytes)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    out: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            out[str(name)] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return out


class OpenAIBatches:
    """Files and batches in memory; each batch runs the next scripted Lifecycle."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.files: dict[str, tuple[str, bytes, str]] = {}  # id -> (filename, content, purpose)
        self.batches: dict[str, FakeBatch] = {}
        self.lifecycles: deque[Lifecycle] = deque()
        self.default = Lifecycle()
        self.shuffle = random.Random(5)  # output lines come back in another order, as they do from OpenAI
        self.refuse_creates = 0  # the next N batch creations answer 500

    def handles(self, path: str) -> bool:
        """Whether this path belongs to the files or batches API."""
        return path.startswith(("/v1/files", "/v1/batches"))

    def post(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Upload a file, create or cancel a batch."""
        if path == "/v1/files":
            form = parse_multipart(headers.get("content-type", ""), body)
            filename, content = form.get("file", (None, b""))
            purpose = form.get("purpose", (None, b""))[1].decode()
            return 200, {}, _json(self._new_file(filename or "upload.jsonl", content, purpose))
        if path == "/v1/batches":
            if self.refuse_creates > 0:
                self.refuse_creates -= 1
                return 500, {}, _json({"error": {"message": "scripted failure", "type": "server_error"}})
            request = json.loads(body)
            found = self.files.get(request.get("input_file_id", ""))
            if found is None or found[2] != "batch":
                return 400, {}, _json({"error": {"message": "input_file_id is not a batch file", "type": "invalid"}})
            lines = []
            for raw in found[1].decode().splitlines():
                if raw.strip():
                    row = json.loads(raw)
                    lines.append((row["custom_id"], row["url"], _compact(row["body"])))
            lifecycle = self.lifecycles.popleft() if self.lifecycles else self.default
            batch = FakeBatch(lines, lifecycle, "batch", metadata=request.get("metadata") or {})
            batch.extra.update(input_file_id=request["input_file_id"], endpoint=request.get("endpoint"))
            self.batches[batch.id] = batch
            return 200, {}, _json(self._batch(batch))
        if path.startswith("/v1/batches/") and path.endswith("/cancel"):
            batch = self.batches.get(path.split("/")[3])
            if batch is None:
                return 404, {}, _json({"error": {"message": "no such batch"}})
            batch.cancelled_at = time.time()
            return 200, {}, _json(self._batch(batch, cancelling=True))
        return 404, {}, _json({"error": {"message": f"no route for POST {path}"}})

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """Read a file, its content, a batch, or the list of batches."""
        route = path.split("?")[0].rstrip("/")
        parts = route.split("/")
        if route == "/v1/batches":
            data = [self._batch(b) for b in reversed(list(self.batches.values()))]
            page = {"object": "list", "data": data, "has_more": False}
            page.update(first_id=data[0]["id"] if data else None, last_id=data[-1]["id"] if data else None)
            return 200, {}, _json(page)
        if route.startswith("/v1/batches/") and len(parts) == 4:
            batch = self.batches.get(parts[3])
            return (200, {}, _json(self._batch(batch))) if batch else (404, {}, _json({"error": {"message": "no"}}))
        if route.startswith("/v1/files/"):
            found = self.files.get(parts[3])
            if found is None:
                return 404, {}, _json({"error": {"message": "no such file"}})
            if route.endswith("/content"):
                return 200, {"Content-Type": "application/octet-stream"}, found[1]
            return 200, {}, _json(self._file_object(parts[3]))
        return 404, {}, _json({"error": {"message": f"no route for GET {path}"}})

    def _new_file(self, filename: str, content: bytes, purpose: str) -> dict:
        file_id = f"file-{next(_files):06d}"
        self.files[file_id] = (filename, content, purpose)
        return self._file_object(file_id)

    def _file_object(self, file_id: str) -> dict:
        filename, content, purpose = self.files[file_id]
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }

    def _batch(self, batch: FakeBatch, *, cancelling: bool = False) -> dict:
        phase = batch.phase()
        ok, errors, total = batch.counts()
        status = {"validating": "validating", "in_progress": "in_progress"}.get(phase, "")
        if cancelling:
            status = "cancelling"
        elif phase == "ended":
            status = (
                "cancelled"
                if batch.cancelled_at
                else {"expired": "expired", "failed": "failed"}.get(batch.lifecycle.outcome, "completed")
            )
        out = {
            "id": batch.id,
            "object": "batch",
            "endpoint": batch.extra["endpoint"],
            "input_file_id": batch.extra["input_file_id"],
            "completion_window": "24h",
            "status": status,
            "created_at": int(batch.created),
            "expires_at": int(batch.created) + 24 * 3600,
            "metadata": batch.metadata,
            "request_counts": {"total": total, "completed": ok, "failed": errors},
            "output_file_id": None,
            "error_file_id": None,
            "errors": None,
        }
        if status == "failed":
            out["errors"] = {"object": "list", "data": [{"code": "invalid_request", "message": "scripted failure"}]}
            out["request_counts"] = {"total": total, "completed": 0, "failed": 0}
        if status in ("completed", "expired", "cancelled"):
            out["output_file_id"], out["error_file_id"] = self._output_files(batch)
        return out

    def _output_files(self, batch: FakeBatch) -> tuple[str | None, str | None]:
        known = batch.extra.get("output_files")
        if known is None:
            good, bad = [], []
            for n, o in enumerate(batch.outcomes(self.answer)):
                row: dict = {"id": f"batch_req_{n}", "custom_id": o.custom_id, "response": None, "error": None}
                if o.missing:
                    code = {"expired": "batch_expired", "cancelled": "batch_cancelled"}.get(o.missing, o.missing)
                    row["error"] = {"code": code, "message": f"request not run: the batch {o.missing}"}
                    bad.append(row)
                    continue
                row["response"] = {"status_code": o.status, "request_id": f"req_{n}", "body": o.body}
                (good if o.status == 200 else bad).append(row)
            self.shuffle.shuffle(good)
            out = self._new_file("output.jsonl", _lines(good), "batch_output")["id"] if good else None
            err = self._new_file("errors.jsonl", _lines(bad), "batch_output")["id"] if bad else None
            known = batch.extra["output_files"] = (out, err)
        return known


def _lines(rows: list[dict]) -> bytes:
    return ("\n".join(json.dumps(r) for r in rows) + "\n").encode()


def _compact(value: object) -> bytes:
    # The SDKs send compact JSON; the plain fake's usage counts bytes, so a batch line is counted the same.
    return json.dumps(value, separators=(",", ":")).encode()


def _json(value: object) -> bytes:
    return json.dumps(value).encode()
