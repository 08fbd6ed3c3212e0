"""OpenAI chat completions: the reply is constrained by `response_format` with the reply's JSON schema."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from core.errors import ReplyFormatError
from core.llm.base import LLMProvider, RawReply, unexpected_response
from core.llm.batch_api import BatchApi, OpenAIBatchApi
from core.llm.prompts import Prompt


class OpenAIProvider(LLMProvider):
    """api.openai.com (or any base URL) with structured outputs."""

    name: str = "openai"
    key_env_var: ClassVar[str | None] = "OPENAI_API_KEY"

    class Options(LLMProvider.Options):
        """OpenAI knobs; unknown fields are refused."""

        seed: int | None = Field(default=None)

    def _build_client(self) -> Any:
        import openai

        # max_retries=0: the SDK's own retries would multiply ours; RetryPolicy is the one in force.
        return openai.OpenAI(api_key=self._api_key, base_url=self.base_url, timeout=self.timeout_s, max_retries=0)

    def _sdk_errors(self) -> tuple[type[BaseException], ...]:
        import openai

        return (openai.OpenAIError,)

    def batch_api(self) -> BatchApi | None:
        """The Batch API (chat completions at half price, within 24 h)."""
        return OpenAIBatchApi(self.client)

    def _request(self, prompt: Prompt, max_tokens: int) -> dict[str, Any]:
        """The request body (subclasses change the structured-output part)."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}],
            "max_completion_tokens": max_tokens,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": prompt.schema_name, "schema": prompt.schema, "strict": True},
            },
        }
        if self.options.temperature is not None:
            body["temperature"] = self.options.temperature
        if self.options.seed is not None:
            body["seed"] = self.options.seed
        return body

    def _send(self, prompt: Prompt, max_tokens: int) -> RawReply:
        """One chat-completions call; the raw body is size-checked before it is parsed."""
        raw = self.client.chat.completions.with_raw_response.create(**self._request(prompt, max_tokens))
        if len(raw.content) > self.max_reply_bytes:
            raise ReplyFormatError(f"the reply is larger than {self.max_reply_bytes} bytes")
        with unexpected_response("chat-completions"):
            return _reply_of(raw.parse(), dict(raw.headers.items()))

    def reply_from_body(self, body: dict[str, Any], schema_name: str) -> RawReply:
        """A chat completion as a batch's output file carries it (the same reading as a live reply)."""
        from openai.types.chat import ChatCompletion

        with unexpected_response("chat-completions"):
            return _reply_of(ChatCompletion.model_validate(body), {})


def _reply_of(completion: Any, headers: dict[str, str]) -> RawReply:
    if not completion.choices:
        raise ReplyFormatError("the reply has no choices")
    message = completion.choices[0].message
    usage = completion.usage
    return RawReply(
        payload=message.content or "",
        input_tokens=usage.prompt_tokens if usage else 0,
        output_tokens=usage.completion_tokens if usage else 0,
        headers=headers,
    )


class OpenAICompatibleProvider(OpenAIProvider):
    """vLLM, Ollama, LM Studio and the like: JSON mode, with the schema written into the prompt."""

    name: str = "openai-compatible"
    key_env_var: ClassVar[str | None] = "ATS_LLM_API_KEY"
    needs_key: ClassVar[bool] = False
    schema_in_prompt: ClassVar[bool] = True
    PLACEHOLDER_KEY: ClassVar[str] = "not-needed"

    class Options(OpenAIProvider.Options):
        """Compatible-server knobs; json_mode=False for servers that reject `response_format`."""

        json_mode: bool = True

    def batch_api(self) -> BatchApi | None:
        """Compatible servers (vLLM, Ollama) have no batch API: batch jobs run live."""
        return None

    def __init__(self, *, api_key: str | None = None, **kwargs: Any) -> None:
        # The SDK insists on a key; a server without auth ignores this placeholder.
        super().__init__(api_key=api_key or self.PLACEHOLDER_KEY, **kwargs)

    def _request(self, prompt: Prompt, max_tokens: int) -> dict[str, Any]:
        body = super()._request(prompt, max_tokens)
        body.pop("max_completion_tokens")
        body["max_tokens"] = max_tokens  # the older name is the one compatible servers understand
        if self.options.json_mode:
            body["response_format"] = {"type": "json_object"}
        else:
            body.pop("response_format")
        return body
