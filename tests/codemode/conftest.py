"""Helpers for the code-mode tests: a scripted `FunctionModel` that calls `run_code` with given code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from pydantic_ai.messages import (
    ModelMessage,
    ModelResponse,
    RetryPromptPart,
    TextPart,
    ToolCallPart,
    ToolReturnPart,
)
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.tools import ToolDefinition


@dataclass
class Script:
    """A model that answers step by step: each item is `run_code` arguments (a dict or bare code)
    or, as the last item, the final text. It records what the model saw."""

    steps: list[dict[str, Any] | str]
    returns: list[ToolReturnPart | RetryPromptPart] = field(
        default_factory=list[ToolReturnPart | RetryPromptPart]
    )
    tools_seen: list[dict[str, ToolDefinition]] = field(default_factory=list[dict[str, ToolDefinition]])

    def __call__(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.tools_seen.append({t.name: t for t in info.function_tools})
        self.returns = [
            p for m in messages for p in m.parts if isinstance(p, (ToolReturnPart, RetryPromptPart))
        ]
        index = len(self.returns)
        step = self.steps[index] if index < len(self.steps) else 'done'
        if isinstance(step, str):
            return ModelResponse(parts=[TextPart(step)])
        return ModelResponse(parts=[ToolCallPart('run_code', step, tool_call_id=f'rc{index + 1}')])

    @property
    def model(self) -> FunctionModel:
        return FunctionModel(self)

    def text(self, i: int) -> str:
        """What the model read for the i-th `run_code` call (result or retry text)."""
        part = self.returns[i]
        if isinstance(part, RetryPromptPart):
            return part.model_response()
        return part.model_response_str(wrap_if_error=False)

    def outcome(self, i: int) -> str:
        part = self.returns[i]
        return 'retried' if isinstance(part, RetryPromptPart) else part.outcome

    @property
    def description(self) -> str:
        return self.tools_seen[0]['run_code'].description or ''


def code(text: str, **extra: Any) -> dict[str, Any]:
    return {'code': text, **extra}


@pytest.fixture
def anyio_backend() -> str:
    return 'asyncio'
