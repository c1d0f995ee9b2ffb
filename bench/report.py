"""The table of `make bench` and the results file that keeps it with the machine and date.

Every stage gives rows with the keys of the contract (`stage`, `case`, `rps`, `p50_ms`,
`p95_ms`, `queries`, `target`, `ok`; None where not applicable). Two optional keys are shown
when present: `ratio` (requests/s as a share of the hello-world app measured in the same run)
and `note` (listed once under the table).
"""

import os
import platform
import socket
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

RESULTS_DIRECTORY = Path(__file__).with_name("results")
COLUMNS = (
    "stage",
    "case",
    "requests/s",
    "% of hello-world",
    "p50 ms",
    "p95 ms",
    "queries",
    "target",
    "ok",
)


def _number(value, digits=1):
    """A measured number as the table shows it; 'n/a' when it was not measured."""
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def _verdict(ok):
    """ok/fail against the row's target, blank when the row has none."""
    return {True: "ok", False: "fail"}.get(ok, "")


def format_row(row):
    """The cells of one row, in the order of COLUMNS."""
    ratio = row.get("ratio")
    return (
        row["stage"],
        row["case"],
        _number(row["rps"]),
        "" if ratio is None else f"{ratio * 100:.1f} %",
        _number(row["p50_ms"]),
        _number(row["p95_ms"]),
        "" if row["queries"] is None else str(row["queries"]),
        row["target"] or "",
        _verdict(row["ok"]),
    )


def format_table(rows):
    """A Markdown table of every row, readable as plain text too (columns padded), plus notes."""
    cells = [COLUMNS, *(format_row(row) for row in rows)]
    widths = [max(len(line[column]) for line in cells) for column in range(len(COLUMNS))]

    def line(values):
        return (
            "| "
            + " | ".join(value.ljust(width) for value, width in zip(values, widths, strict=True))
            + " |"
        )

    lines = [line(COLUMNS), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
    lines += [line(values) for values in cells[1:]]
    notes = list(dict.fromkeys(row["note"] for row in rows if row.get("note")))
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    return "\n".join(lines) + "\n"


def cpu_model():
    """The processor's model name as Linux reports it (platform.processor() is often empty)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_description(started_load):
    """The facts a reader needs to compare this run with another: machine, versions, load."""
    now_load = os.getloadavg()
    return [
        f"- Machine: {socket.gethostname()}, {cpu_model()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {metadata.version('django')}, "
        f"Wagtail {metadata.version('wagtail')}",
        "- Load average (1/5/15 min) at the start: "
        + " / ".join(f"{value:.2f}" for value in started_load)
        + ", at the end: "
        + " / ".join(f"{value:.2f}" for value in now_load),
    ]


def results_path(moment, directory=RESULTS_DIRECTORY):
    """bench/results/YYYY-MM-DD-<hostname>.md: one file per machine and day."""
    return Path(directory) / f"{moment:%Y-%m-%d}-{socket.gethostname()}.md"


def write_results(rows, started_load, remarks=(), moment=None, directory=RESULTS_DIRECTORY):
    """Write the table with the machine and date; return the file's path."""
    moment = moment or datetime.now(UTC)
    path = results_path(moment, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(
        [
            f"# `make bench` on {socket.gethostname()}, {moment:%Y-%m-%d %H:%M} UTC",
            "",
            *machine_description(started_load),
            *(f"- {remark}" for remark in remarks),
            "",
            format_table(rows),
        ]
    )
    path.write_text(text)
    return path
