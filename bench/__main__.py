"""`make bench` (`python -m bench`): every stage of the benchmark, one table, one results file.

Each stage is a module of this package with `measure() -> list[dict]`, run in a process of
its own (bench/stages.py). A stage whose module is not there is skipped with a line saying
so. The table is printed and written with the machine and date to
bench/results/YYYY-MM-DD-<hostname>.md; BENCH_NOTE adds a remark to that file.
"""

import importlib.util
import os
import sys

from bench.report import format_table, write_results
from bench.stages import STAGES, failed_row, run_stage


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
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        # The stage's own process stops its servers; Python waits for it before exiting.
        print("bench: interrupted; nothing written", flush=True)
        sys.exit(130)
