"""monty_codemode: a Pydantic AI toolset that lets the model write Python calling your tools, run in monty."""

from __future__ import annotations

__all__: list[str] = []
