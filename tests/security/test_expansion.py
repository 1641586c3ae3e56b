"""Output that expands shared references (`[[0] * 10**6] * 1000` is 8 MB in memory, gigabytes as
text) is produced under the meter, so the memory limit stops it."""

from __future__ import annotations

import pytest

from monty_core import Monty, MontyRuntimeError


def test_json_dumps_of_aliased_data_hits_the_memory_limit() -> None:
    code = 'import json\nlen(json.dumps([[0] * 10**6] * 1000))'
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits={'max_memory': 48 * 2**20, 'max_duration_secs': 5})
    assert info.value.type_name in ('MemoryError', 'TimeoutError')
