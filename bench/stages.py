"""The stages of `make bench` and how each one runs: in a fresh interpreter of its own.

Each stage is a module of this package with `measure() -> list[dict]`; each sets Django up
with its own settings and database, so each runs in a process of its own (spawned, not
forked), one after the other, so the stages do not load the machine at the same time.
These functions live outside bench/__main__.py because a spawned process cannot find
functions of a package's __main__ module.
"""

import importlib
import multiprocessing
import sys

STAGES = ("pages", "search", "booking", "indicators")


def _run_stage(name, sender):
    """In the child process: import the stage, measure, send the rows back.

    A Ctrl-C reaches this process too: the stage's `finally` has stopped its servers by the
    time it arrives here, so it ends quietly (status 130, as a shell reports an interrupt).
    """
    try:
        module = importlib.import_module(f"bench.{name}")
        sender.send(module.measure())
    except KeyboardInterrupt:
        sys.exit(130)
    sender.close()


def run_stage(name):
    """The rows of one stage, measured in a process of its own; a failed stage raises.

    A stage that fails does not stop the others: its error is printed, the table gets a row
    that says it failed, and `make bench` ends with status 1.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run_stage, args=(name, sender), name=f"bench-{name}")
    process.start()
    sender.close()
    try:
        rows = receiver.recv()
    except EOFError:
        rows = None
    process.join()
    if rows is None or process.exitcode != 0:
        raise RuntimeError(f"stage {name} failed (exit status {process.exitcode})")
    return rows


def failed_row(name):
    """The row that stands for a stage that failed, so the table does not hide it."""
    return {
        "stage": name,
        "case": "failed: see the output of `make bench`",
        **dict.fromkeys(("rps", "p50_ms", "p95_ms", "queries", "target")),
        "ok": False,
    }
