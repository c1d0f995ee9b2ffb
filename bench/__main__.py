"""`make bench` (`python -m bench`): every stage of the benchmark, one table, one results file.

Each stage is a module of this package with `measure() -> list[dict]`. It runs in a fresh
interpreter of its own (each sets Django up with its own settings and database), one after the
other, so the stages do not load the machine at the same time. A stage whose module is not
there is skipped with a line saying so. The table is printed and written with the machine and
date to bench/results/YYYY-MM-DD-<hostname>.md; BENCH_NOTE adds a remark to that file.
"""

import importlib.util
import multiprocessing
import os
import sys

from bench.report import format_table, write_results

STAGES = ("pages", "search", "booking")


def _run_stage(name, sender):
    """In the child process: import the stage, measure, send the rows back."""
    module = importlib.import_module(f"bench.{name}")
    sender.send(module.measure())
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


def main():
    """Run the stages that exist, print the table and write the results file."""
    started_load = os.getloadavg()
    rows = []
    failed = []
    for name in STAGES:
        if importlib.util.find_spec(f"bench.{name}") is None:
            print(f"bench: stage {name} skipped: bench/{name}.py is not there", flush=True)
            continue
        print(f"bench: stage {name}", flush=True)
        try:
            rows += run_stage(name)
        except RuntimeError as failure:
            print(f"bench: {failure}", flush=True)
            failed.append(name)
            rows.append(failed_row(name))
    table = format_table(rows)
    print(table)
    remarks = [os.environ["BENCH_NOTE"]] if os.environ.get("BENCH_NOTE") else []
    path = write_results(rows, started_load, remarks)
    print(f"bench: written to {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
