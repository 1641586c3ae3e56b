"""Benchmark monty against CPython and in-process Python sandboxes.

    python benchmarks/bench.py             # full run (a few minutes with all peers installed)
    python benchmarks/bench.py --quick     # CI smoke run, small sizes, < 20 s
    python benchmarks/bench.py --json out.json

Three sections:

1. run time: each program in `programs.py` under CPython (`exec` of the compiled code) and under monty
   (`Monty(...)` built once, `.run()` timed), each both at module level and wrapped in a function;
   peers (pydantic-monty, RestrictedPython, asteval, smolagents) where installed and where the program
   is within what they support;
2. latency: first run of fresh source (`1 + N`, a 15-line agent snippet calling a host function) =
   per-source work + run, and a cached re-run of already-built code;
3. the issue's targets next to the measured numbers.

This is measurement only: it never fails on a slow number. It exits non-zero only when the benchmark
itself is broken (CPython cannot run a program or the results disagree between its two variants).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engines import ENGINE_CLASSES, Engine, External, Source
from programs import AGENT, FIRST_RUN_SNIPPETS, ORIGINAL_PROGRAMS, PROGRAMS, Program, Snippet

TARGET_RATIO = 1.5
TARGET_TINY_US = 50.0
TARGET_SNIPPET_US = 300.0


@dataclass(frozen=True)
class Settings:
    quick: bool
    repeats: int  # timed runs per (engine, program, variant) after one warm-up run
    budget_s: float  # stop repeating once a measurement has taken this long (slow peers)
    latency_iterations: int
    latency_budget_s: float


FULL = Settings(quick=False, repeats=15, budget_s=4.0, latency_iterations=2000, latency_budget_s=2.0)
QUICK = Settings(quick=True, repeats=3, budget_s=0.25, latency_iterations=200, latency_budget_s=0.15)


@dataclass
class Measurement:
    status: str  # 'ok', 'n/a' (the engine cannot run it), 'wrong' (different result)
    median_s: float | None = None
    best_s: float | None = None
    runs: int = 0
    error: str | None = None


@dataclass
class ProgramResult:
    program: str
    n: int
    # engine key -> variant ('module' / 'function') -> measurement
    measurements: dict[str, dict[str, Measurement]] = field(default_factory=dict)

    def best(self, engine: str) -> float | None:
        times = [m.median_s for m in self.measurements.get(engine, {}).values() if m.median_s is not None]
        return min(times) if times else None

    def ratio(self, engine: str) -> float | None:
        mine, base = self.best(engine), self.best('cpython')
        return mine / base if mine is not None and base else None

    def reason(self, engine: str) -> str | None:
        """Why the engine has no time for this program (first failing variant), if it has none."""
        if self.best(engine) is not None:
            return None
        for variant, m in self.measurements.get(engine, {}).items():
            if m.error:
                return f'{m.status} ({variant}): {m.error}'
        return None


@dataclass
class LatencyResult:
    status: str
    median_us: float | None = None
    p10_us: float | None = None
    p90_us: float | None = None
    runs: int = 0
    error: str | None = None


def short_error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[-1] if text else ''
    return f'{type(exc).__name__}: {line}'[:160]


def geomean(values: Iterable[float]) -> float | None:
    values = list(values)
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


ORIGINAL_NAMES = frozenset(p.name for p in ORIGINAL_PROGRAMS)
# The two summary rows: the original nine (comparable with docs/performance.md) and every program.
GEOMEAN_GROUPS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ('original', 'geomean, original nine', lambda name: name in ORIGINAL_NAMES),
    ('all', 'geomean, all programs', lambda name: True),
)


def group_ratios(results: Sequence[ProgramResult], engine: str, group: str) -> tuple[list[float], int]:
    """The engine's ratios over one geomean group, and how many programs of the run are in it."""
    wanted = next(pred for key, _, pred in GEOMEAN_GROUPS if key == group)
    members = [pr for pr in results if wanted(pr.program)]
    return [r for r in (pr.ratio(engine) for pr in members) if r is not None], len(members)


def group_geomean_cell(results: Sequence[ProgramResult], engine: str, group: str) -> str:
    ratios, members = group_ratios(results, engine, group)
    return f'{fmt_ratio(geomean(ratios))} ({len(ratios)}/{members})' if members else '-'


# -- run time ----------------------------------------------------------------------------------------


def measure_program(
    engine: Engine,
    source: Source,
    inputs: Mapping[str, Any],
    externals: Mapping[str, External],
    expected: Any,
    settings: Settings,
) -> tuple[Measurement, Any]:
    try:
        runner = engine.prepare(source, list(inputs), externals)
        gc.collect()
        start = time.perf_counter()
        result = runner(inputs)
        warm = time.perf_counter() - start
    except Exception as exc:
        return Measurement('n/a', error=short_error(exc)), None
    if expected is not None and result != expected:
        return Measurement('wrong', error=f'got {result!r:.60}, expected {expected!r:.60}'), result
    times: list[float] = []
    if warm * 2 > settings.budget_s:
        times.append(warm)  # too slow to repeat: the warm-up is the measurement
    else:
        deadline = time.perf_counter() + settings.budget_s
        try:
            while len(times) < settings.repeats:
                start = time.perf_counter()
                runner(inputs)
                times.append(time.perf_counter() - start)
                if time.perf_counter() > deadline and len(times) >= 3:
                    break
        except Exception as exc:
            return Measurement('n/a', error=f'on re-run: {short_error(exc)}'), result
    return Measurement('ok', statistics.median(times), min(times), len(times)), result


def run_programs(
    engines: Sequence[Engine], programs: Sequence[Program], settings: Settings, log: Callable[[str], None]
) -> list[ProgramResult]:
    results: list[ProgramResult] = []
    for program in programs:
        n = program.quick_n if settings.quick else program.n
        inputs = {'N': n}
        sources = {
            'module': Source.module(program.body, program.result),
            'function': Source.function(program.body, program.result),
        }
        pr = ProgramResult(program.name, n)
        expected: Any = None
        for engine in engines:
            per_variant: dict[str, Measurement] = {}
            for variant, source in sources.items():
                if settings.quick and engine.peer and variant != 'module':
                    continue  # keep the smoke run short: peers at module level only
                m, result = measure_program(engine, source, inputs, program.externals, expected, settings)
                if engine.key == 'cpython':
                    if m.status != 'ok':
                        raise SystemExit(
                            f'benchmark bug: CPython cannot run {program.name} ({variant}): {m.error}'
                        )
                    expected = result
                per_variant[variant] = m
            pr.measurements[engine.key] = per_variant
            best = pr.best(engine.key)
            log(f'  {program.name:<22} {engine.title:<17} ' + (f'{best * 1e3:9.2f} ms' if best else 'n/a'))
        results.append(pr)
    return results


# -- latency -----------------------------------------------------------------------------------------

LATENCY_SCENARIOS: tuple[tuple[str, str], ...] = (
    ('tiny_first', '`1 + N`, first run (new source: build + run)'),
    ('tiny_cached', '`1 + 2`, cached re-run'),
    ('snippet_first', 'agent snippet, first run (new source)'),
    ('snippet_cached', 'agent snippet, cached re-run'),
    *(
        (f'{s.name}_first', f'{s.name} snippet ({len(s.source.splitlines())} lines), first run')
        for s in FIRST_RUN_SNIPPETS
    ),
)
# Scenario key -> the snippet it runs (the `tiny_*` scenarios run `1 + N` / `1 + 2`).
SCENARIO_SNIPPETS: dict[str, Snippet] = {
    'snippet_first': AGENT,
    'snippet_cached': AGENT,
    **{f'{s.name}_first': s for s in FIRST_RUN_SNIPPETS},
}


def time_iterations(step: Callable[[int], Any], iterations: int, budget_s: float) -> list[float]:
    for i in range(3):  # warm the engine's own code paths (never the per-source work: sources differ)
        step(-1 - i)
    times: list[float] = []
    deadline = time.perf_counter() + budget_s
    for i in range(iterations):
        start = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - start)
        if len(times) >= 20 and time.perf_counter() > deadline:
            break
    return times


def measure_latency(
    engine: Engine, scenario: str, settings: Settings, expected: Any
) -> tuple[LatencyResult, Any]:
    externals: dict[str, External] = {}
    count = settings.latency_iterations + 10
    snippet = SCENARIO_SNIPPETS.get(scenario)
    if snippet is None:
        first_sources = [Source.build('', f'1 + {n}') for n in fresh_numbers(count)]
        cached_source = Source.build('', '1 + 2')
    else:
        externals = dict(snippet.externals)
        body, result_line = snippet.source.rsplit('\n', 1)
        first_sources = [
            Source.build(body.replace('PAGE', str(n)), result_line) for n in fresh_numbers(count)
        ]
        cached_source = Source.build(body.replace('PAGE', '0'), result_line)
    try:
        # Correctness first (and the reference value for the other engines).
        value = engine.prepare(cached_source, [], externals, reuse=True)({})
        if expected is not None and value != expected:
            return LatencyResult('wrong', error=f'got {value!r:.60}, expected {expected!r:.60}'), value
        gc.collect()
        if scenario.endswith('first'):

            def step(i: int) -> Any:
                return engine.prepare(first_sources[i], [], externals, reuse=True)({})

        else:
            runner = engine.prepare(cached_source, [], externals, reuse=True)

            def step(i: int) -> Any:
                return runner({})

        times = time_iterations(step, settings.latency_iterations, settings.latency_budget_s)
    except Exception as exc:
        return LatencyResult('n/a', error=short_error(exc)), None
    times_us = sorted(t * 1e6 for t in times)
    deciles = statistics.quantiles(times_us, n=10) if len(times_us) >= 10 else [times_us[0]] * 9
    return (
        LatencyResult('ok', statistics.median(times_us), deciles[0], deciles[-1], len(times_us)),
        value,
    )


fresh_counter = itertools.count(1000)


def fresh_numbers(count: int) -> list[int]:
    return [next(fresh_counter) for _ in range(count)]


def run_latency(
    engines: Sequence[Engine], settings: Settings, log: Callable[[str], None]
) -> dict[str, dict[str, LatencyResult]]:
    out: dict[str, dict[str, LatencyResult]] = {}
    for scenario, label in LATENCY_SCENARIOS:
        out[scenario] = {}
        expected: Any = None
        for engine in engines:
            result, value = measure_latency(engine, scenario, settings, expected)
            if engine.key == 'cpython':
                expected = value
            out[scenario][engine.key] = result
            shown = f'{result.median_us:9.1f} us' if result.median_us is not None else result.status
            log(f'  {label:<44} {engine.title:<17} {shown}')
    return out


# -- report ------------------------------------------------------------------------------------------


def fmt_ms(seconds: float | None) -> str:
    return f'{seconds * 1e3:.2f}' if seconds is not None else '-'


def fmt_ratio(ratio: float | None) -> str:
    return f'{ratio:.2f}x' if ratio is not None else '-'


def fmt_us(value: float | None) -> str:
    if value is None:
        return '-'
    return f'{value:.1f}' if value < 1000 else f'{value:,.0f}'


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> str:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for j, row in enumerate([headers, *rows]):
        cells = [
            str(c).ljust(w) if i < left else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append('  '.join(cells).rstrip())
        if j == 0:
            lines.append('  '.join('-' * w for w in widths))
    return '\n'.join(lines)


def cell(pr: ProgramResult, key: str, variant: str) -> str:
    m = pr.measurements.get(key, {}).get(variant)
    if m is None:
        return '-'
    return fmt_ms(m.median_s) if m.status == 'ok' else m.status


def report_runtime(results: Sequence[ProgramResult], engines: Sequence[Engine], settings: Settings) -> str:
    keys = {e.key for e in engines}
    out = []
    has_monty = 'monty' in keys
    headers = ['program', 'N', 'CPython mod', 'CPython fn', 'CPython best']
    if has_monty:
        headers += ['monty mod', 'monty fn', 'monty best', 'monty/CPython']
    rows = []
    for pr in results:
        row = [pr.program, str(pr.n), cell(pr, 'cpython', 'module'), cell(pr, 'cpython', 'function')]
        row.append(fmt_ms(pr.best('cpython')))
        if has_monty:
            row += [cell(pr, 'monty', 'module'), cell(pr, 'monty', 'function'), fmt_ms(pr.best('monty'))]
            row.append(fmt_ratio(pr.ratio('monty')))
        rows.append(row)
    if has_monty:
        for group, label, _ in GEOMEAN_GROUPS:
            rows.append([label, *[''] * 7, group_geomean_cell(results, 'monty', group)])
    repeats = f'median of up to {settings.repeats} runs after a warm-up'
    out.append(f'Run time (ms, {repeats}; mod = module level, fn = wrapped in a function, best = faster)')
    out.append(table(headers, rows, left=1))

    peers = [e for e in engines if e.peer]
    if peers:
        out.append('')
        forms = 'module level only (--quick)' if settings.quick else 'the faster of module / function'
        out.append(f'Peers (ms for {forms}, and the ratio to CPython best)')
        headers = ['program', *[e.title for e in peers]]
        rows = []
        for pr in results:
            row = [pr.program]
            for e in peers:
                best = pr.best(e.key)
                if best is None:
                    statuses = {m.status for m in pr.measurements.get(e.key, {}).values()}
                    row.append('wrong' if 'wrong' in statuses else 'n/a')
                else:
                    row.append(f'{fmt_ms(best)} ({fmt_ratio(pr.ratio(e.key))})')
            rows.append(row)
        for group, label, _ in GEOMEAN_GROUPS:
            rows.append([label, *[group_geomean_cell(results, e.key, group) for e in peers]])
        out.append(table(headers, rows, left=1))

    notes = []
    for e in engines:
        for pr in results:
            reason = pr.reason(e.key)
            if reason:
                notes.append(f'  {e.title} / {pr.program}: {reason}')
    if notes:
        out.append('')
        out.append('Not measured:')
        out.extend(notes)
    return '\n'.join(out)


def report_latency(latency: Mapping[str, Mapping[str, LatencyResult]], engines: Sequence[Engine]) -> str:
    keys = {e.key for e in engines}
    with_ratio = {'cpython', 'monty'} <= keys
    headers = [
        'scenario (median us)',
        *[e.title for e in engines],
        *(['monty/CPython'] if with_ratio else []),
    ]
    rows = []
    for scenario, label in LATENCY_SCENARIOS:
        row = [label]
        for e in engines:
            r = latency[scenario].get(e.key)
            row.append(fmt_us(r.median_us) if r and r.status == 'ok' else (r.status if r else '-'))
        if with_ratio:
            mine, base = latency[scenario].get('monty'), latency[scenario].get('cpython')
            ok = mine and base and mine.median_us and base.median_us
            row.append(fmt_ratio(mine.median_us / base.median_us) if ok else '-')  # type: ignore[union-attr,operator]
        rows.append(row)
    out = [
        'Latency (us, median; first run = per-source work + run; CPython = exec(compile(...)); '
        'asteval/smolagents reuse one interpreter)',
        table(headers, rows, left=1),
    ]
    notes = [
        f'  {e.title} / {scenario}: {r.error}'
        for scenario, _ in LATENCY_SCENARIOS
        for e in engines
        if (r := latency[scenario].get(e.key)) is not None and r.error
    ]
    if notes:
        out += ['', 'Latency not measured:', *notes]
    return '\n'.join(out)


def report_targets(
    results: Sequence[ProgramResult], latency: Mapping[str, Mapping[str, LatencyResult]]
) -> str:
    tiny = latency.get('tiny_first', {}).get('monty')
    snippet = latency.get('snippet_first', {}).get('monty')

    def verdict(value: float | None, target: float) -> str:
        if value is None:
            return 'not measured'
        return 'met' if value <= target else 'missed'

    def us(r: LatencyResult | None) -> float | None:
        return r.median_us if r is not None else None

    checks = []
    partial = []
    for group, label, _ in GEOMEAN_GROUPS:
        ratios, members = group_ratios(results, 'monty', group)
        if not members:
            continue
        gm = geomean(ratios)
        checks.append((f'run-time {label} <= {TARGET_RATIO}x', gm, TARGET_RATIO, fmt_ratio(gm)))
        if ratios and len(ratios) < members:
            partial.append(f'  ({label}: over the {len(ratios)}/{members} programs monty ran)')
    checks += [
        (f'`1 + 2` first run <= {TARGET_TINY_US:.0f} us', us(tiny), TARGET_TINY_US, fmt_us(us(tiny)) + ' us'),
        (
            f'15-line snippet first run <= {TARGET_SNIPPET_US:.0f} us',
            us(snippet),
            TARGET_SNIPPET_US,
            fmt_us(us(snippet)) + ' us',
        ),
    ]
    width = max(len(label) for label, *_ in checks)
    lines = ['Targets (monty; measured, not asserted):']
    for label, value, target, shown in checks:
        lines.append(f'  {label:<{width}}  {shown:>10}  {verdict(value, target)}')
    lines.extend(partial)
    return '\n'.join(lines)


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or ''
    try:
        for line in Path('/proc/cpuinfo').read_text().splitlines():
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    except OSError:
        pass
    return {
        'python': sys.version.split()[0],
        'implementation': platform.python_implementation(),
        'platform': platform.platform(),
        'cpu': cpu,
        'cores': os.cpu_count(),
    }


# -- main --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--quick', action='store_true', help='small sizes and few repeats (CI smoke run)')
    parser.add_argument('--json', metavar='PATH', help='also write all measurements as JSON')
    parser.add_argument('--no-peers', action='store_true', help='only CPython and monty')
    parser.add_argument(
        '--engines', metavar='KEYS', help='comma-separated engine keys (cpython is always included): '
        + ', '.join(c.key for c in ENGINE_CLASSES)
    )  # fmt: skip
    parser.add_argument('--programs', metavar='NAMES', help='comma-separated program names')
    parser.add_argument('--no-latency', action='store_true', help='skip the latency section')
    parser.add_argument('--repeats', type=int, help='timed runs per measurement')
    parser.add_argument('-v', '--verbose', action='store_true', help='log each measurement as it is taken')
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.repeats:
        settings = Settings(**{**asdict(settings), 'repeats': args.repeats})
    started = time.perf_counter()

    wanted = {k.strip() for k in args.engines.split(',')} | {'cpython'} if args.engines else None
    engines: list[Engine] = []
    skipped: list[Engine] = []
    for cls in ENGINE_CLASSES:
        if wanted is not None and cls.key not in wanted:
            continue
        if args.no_peers and cls.peer:
            continue
        engine = cls()
        engine.load()
        (skipped if engine.unavailable else engines).append(engine)

    programs = list(PROGRAMS)
    if args.programs:
        names = {n.strip() for n in args.programs.split(',')}
        unknown = names - {p.name for p in PROGRAMS}
        if unknown:
            raise SystemExit(f'unknown program(s): {", ".join(sorted(unknown))}')
        programs = [p for p in PROGRAMS if p.name in names]

    def log(message: str) -> None:
        if args.verbose:
            print(message, file=sys.stderr, flush=True)

    info = machine_info()
    print(f'monty benchmarks{" (--quick: small sizes, timings indicative only)" if settings.quick else ""}')
    print(
        f'machine: {info["cpu"] or "unknown CPU"}, {info["cores"]} cores; {info["implementation"]} {info["python"]}'
    )
    for e in engines:
        print(f'  {e.title:<17} {e.version or "":<10} {e.notes}')
    for e in skipped:
        print(f'  {e.title:<17} {"skipped":<10} not importable ({e.unavailable})')
    print()

    results = run_programs(engines, programs, settings, log)
    print(report_runtime(results, engines, settings))
    latency: dict[str, dict[str, LatencyResult]] = {}
    if not args.no_latency:
        print()
        latency = run_latency(engines, settings, log)
        print(report_latency(latency, engines))
    if any(e.key == 'monty' for e in engines):
        print()
        print(report_targets(results, latency))
    elapsed = time.perf_counter() - started
    print(f'\ntotal benchmark time: {elapsed:.1f} s')

    if args.json:
        payload = {
            'machine': info,
            'quick': settings.quick,
            'settings': asdict(settings),
            'engines': {
                e.key: {
                    'title': e.title,
                    'version': e.version,
                    'available': e.unavailable is None,
                    'notes': e.notes,
                }
                for e in [*engines, *skipped]
            },
            'runtime': [
                {
                    'program': pr.program,
                    'n': pr.n,
                    'measurements': {
                        k: {v: asdict(m) for v, m in ms.items()} for k, ms in pr.measurements.items()
                    },
                    'best_s': {k: pr.best(k) for k in pr.measurements},
                    'ratio': {k: pr.ratio(k) for k in pr.measurements},
                }
                for pr in results
            ],
            # Over every program of the run; `geomean_ratio_original` over the original nine only.
            'geomean_ratio': {e.key: geomean(group_ratios(results, e.key, 'all')[0]) for e in engines},
            'geomean_ratio_original': {
                e.key: geomean(group_ratios(results, e.key, 'original')[0]) for e in engines
            },
            'latency_us': {s: {k: asdict(r) for k, r in rs.items()} for s, rs in latency.items()},
            'elapsed_s': elapsed,
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + '\n')
        print(f'wrote {args.json}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
