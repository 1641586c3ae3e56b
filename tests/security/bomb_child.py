"""Child process for the resource-bomb suite: run one program, report how it ended as JSON.

Usage: python bomb_child.py '{"code": ..., "limits": {...}}'. Prints one JSON line:
{"outcome": "error"|"ok"|"host-exception", "type": ..., "message": ..., "elapsed": seconds of .run(),
 "cpu": CPU seconds the process spent in .run(), "rss_growth": peak RSS growth in bytes during .run()}.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> None:
    spec = json.loads(sys.argv[1])
    import monty_core

    monty_core.Monty('sum(i for i in range(10))').run()  # warm up: imports, watchdog thread
    program = monty_core.Monty(spec['code'])
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start, cpu_start = time.perf_counter(), time.process_time()
    report: dict[str, object]
    try:
        value = program.run(limits=spec['limits'], print_callback=lambda stream, text: None)
        report = {'outcome': 'ok', 'type': None, 'message': repr(value)[:200]}
    except monty_core.MontyRuntimeError as e:
        report = {'outcome': 'error', 'type': e.type_name, 'message': e.message[:300]}
    except BaseException as e:  # the failure being tested
        report = {'outcome': 'host-exception', 'type': type(e).__name__, 'message': str(e)[:300]}
    report['elapsed'] = time.perf_counter() - start
    report['cpu'] = time.process_time() - cpu_start
    report['rss_growth'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak_before
    print(json.dumps(report))


if __name__ == '__main__':
    main()
