"""Anthropic messages: the reply is forced through a tool whose input schema is the reply's JSON schema."""

from __future__ import annotations

from typing import Any, ClassVar

from core.errors import ReplyFormatError
from core.llm.base import LLMProvider, RawReply, unexpected_response
from core.llm.batch_api import AnthropicBatchApi, BatchApi
from core.llm.prompts import Prompt

TOOL_DESCRIPTION = "Submit the answer. Call this tool exactly once with the complete answer."


class AnthropicProvider(LLMProvider):
    """api.anthropic.com (or any base URL) with tool-use structured output."""

    name: str = "anthropic"
    key_env_var: ClassVar[str | None] = "ANTHROPIC_API_KEY"

    class Options(LLMProvider.Options):
        """Anthropic knobs; unknown fields are refused."""

    def _build_client(self) -> Any:
        import anthropic

        # max_retries=0: the SDK's own retries would multiply ours; RetryPolicy is the one in force.
        return anthropic.Anthropic(api_key=self._api_key, base_url=self.base_url, timeout=self.timeout_s, max_retries=0)

    def _sdk_errors(self) -> tuple[type[BaseException], ...]:
        import anthropic

        return (anthropic.AnthropicError,)

    def batch_api(self) -> BatchApi | None:
        """Message Batches (half price, within 24 h)."""
        return AnthropicBatchApi(self.client)

    def _request(self, prompt: Prompt, max_tokens: int) -> dict[str, Any]:
        """The messages request with the answer tool forced."""
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": max_tokens,
            "system": prompt.system,
            "messages": [{"role": "user", "content": prompt.user}],
            "tools": [{"name": prompt.schema_name, "description": TOOL_DESCRIPTION, "input_schema": prompt.schema}],
            "tool_choice": {"type": "tool", "name": prompt.schema_name},
        }
        if self.options.temperature is not None:
            body["temperature"] = min(self.options.temperature, 1.0)
        return body

    def _send(self, prompt: Prompt, max_tokens: int) -> RawReply:
        """One messages call; the tool's input is the reply (text blocks are tried when the tool was not used)."""
        raw = self.client.messages.with_raw_response.create(**self._request(prompt, max_tokens))
        if len(raw.read()) > self.max_reply_bytes:
            raise ReplyFormatError(f"the reply is larger than {self.max_reply_bytes} bytes")
        with unexpected_response("messages"):
            return _reply_of(raw.parse(), prompt.schema_name, dict(raw.headers.items()))

    def reply_from_body(self, body: dict[str, Any], schema_name: str) -> RawReply:
        """A message as a batch's results carry it (the same reading as a live reply)."""
        from anthropic.types import Message

        with unexpected_response("messages"):
            return _reply_of(Message.model_validate(body), schema_name, {})


def _reply_of(message: Any, schema_name: str, headers: dict[str, str]) -> RawReply:
    payload: str | dict[str, Any] = ""
    for block in message.content:
        if block.type == "tool_use" and block.name == schema_name and isinstance(block.input, dict):
            payload = block.input
            break
    else:
        payload = "".join(getattr(b, "text", "") for b in message.content if b.type == "text")
    usage = message.usage
    return RawReply(
        payload=payload,
        input_tokens=usage.input_tokens or 0,
        output_tokens=usage.output_tokens or 0,
        headers=headers,
    )
