"""Snapshots across processes: pause a run at a host call, store it as bytes, resume it in another process.

A snapshot is a verified replay log (source, inputs, limits and every host answer so far), not a heap
dump: it is small, and loading it re-runs the code, answering host calls from the log. Here the parent
process runs until the code asks for human approval, writes the snapshot to a file and exits the run;
a fresh Python process (`--resume`) loads it, answers the approval, and finishes the run. The same goes
for a whole REPL session (`MontyRepl.dump()` / `MontyRepl.load()`).

    python examples/snapshots_across_processes.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import monty_core

CODE = """
draft = write_draft(topic)
print('draft ready:', len(draft), 'chars')
decision = ask_human(question='Publish this?', text=draft)
if decision == 'yes':
    url = publish(text=draft)
    result = {'published': True, 'url': url}
else:
    result = {'published': False}
result
"""


def parent(path: Path) -> None:
    m = monty_core.Monty(
        CODE,
        inputs=['topic'],
        external_functions=['write_draft', 'ask_human', 'publish'],
        script_name='flow.py',
    )
    progress = m.start(
        inputs={'topic': 'monty'}, print_callback=lambda s, t: print(f'[parent] sandbox: {t}', end='')
    )
    assert isinstance(progress, monty_core.MontySnapshot) and progress.function_name == 'write_draft'
    progress = progress.resume(return_value='Monty runs agent code safely, in-process.')
    assert isinstance(progress, monty_core.MontySnapshot) and progress.function_name == 'ask_human'
    data = progress.dump()
    path.write_bytes(data)
    print(f'[parent] paused at ask_human{tuple(progress.kwargs.values())!r}; snapshot: {len(data)} bytes')

    # Resume in a brand-new interpreter.
    child = subprocess.run(
        [sys.executable, __file__, '--resume', str(path)], capture_output=True, text=True, check=True
    )
    print(child.stdout, end='')
    assert "result: {'published': True, 'url': 'https://blog.example/monty'}" in child.stdout, child.stdout
    assert "printed after loading: ''" in child.stdout, child.stdout  # replay does not print twice

    # A REPL session travels the same way.
    repl = monty_core.MontyRepl()
    repl.feed_run('def greet(name):\n    return "hello " + name\ncount = 2')
    repl_path = path.with_suffix('.repl')
    repl_path.write_bytes(repl.dump())
    child = subprocess.run(
        [sys.executable, __file__, '--repl', str(repl_path)], capture_output=True, text=True, check=True
    )
    print(child.stdout, end='')
    assert "repl: ['hello ada', 'hello ada']" in child.stdout, child.stdout
    print('OK')


def resume(path: Path) -> None:
    printed: list[str] = []
    snap = monty_core.MontySnapshot.load(path.read_bytes(), print_callback=lambda s, t: printed.append(t))
    print(f'[child] loaded snapshot at {snap.function_name}(question={snap.kwargs["question"]!r})')
    progress = snap.resume(return_value='yes')
    assert isinstance(progress, monty_core.MontySnapshot) and progress.function_name == 'publish'
    done = progress.resume(return_value='https://blog.example/monty')
    assert isinstance(done, monty_core.MontyComplete)
    print(f'[child] printed after loading: {"".join(printed).strip()!r}')
    print(f'[child] published {len(progress.kwargs["text"])} chars; result: {done.output}')


def repl_child(path: Path) -> None:
    repl = monty_core.MontyRepl.load(path.read_bytes())
    value = repl.feed_run("[greet('ada')] * count")
    print(f'[child] repl: {value}')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--resume':
        resume(Path(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == '--repl':
        repl_child(Path(sys.argv[2]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            parent(Path(tmp) / 'flow.snapshot')
