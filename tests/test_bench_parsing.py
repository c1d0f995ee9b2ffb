"""`make bench` reads wrk's output and writes its table correctly (nothing here is timed).

The output below was recorded from Debian's wrk 4.1 with bench/latency.lua against the
hello-world app (bench/hello.py) under gunicorn.
"""

import socket
from datetime import UTC, datetime

import pytest

from bench.pages import row
from bench.report import format_table, write_results
from bench.wrk import parse_wrk

RECORDED_WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:8802/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.64ms    5.81ms  70.13ms   90.37%
    Req/Sec     1.18k   619.27     1.92k    65.00%
  Latency Distribution
     50%    2.58ms
     75%    4.66ms
     90%   10.10ms
     99%   28.32ms
  7066 requests in 3.00s, 1.15MB read
Requests/sec:   2353.38
Transfer/sec:    390.75KB
bench-latency-us p50=2577 p95=16588 p99=28317
"""


def test_wrk_output_gives_throughput_and_the_latency_percentiles_in_milliseconds():
    result = parse_wrk(RECORDED_WRK_OUTPUT)

    assert result.rps == 2353.38
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (2.577, 16.588, 28.317)
    assert result.requests == 7066
    assert result.errors == 0


def test_error_responses_and_socket_errors_are_counted_as_failed_requests():
    failing = RECORDED_WRK_OUTPUT.replace(
        "Requests/sec:",
        "  Socket errors: connect 0, read 3, write 0, timeout 2\n"
        "  Non-2xx or 3xx responses: 12\nRequests/sec:",
    )

    assert parse_wrk(failing).errors == 17


def test_output_without_a_result_is_refused_rather_than_read_as_zero():
    with pytest.raises(ValueError, match="no result"):
        parse_wrk("unable to connect to 127.0.0.1:8801 Connection refused\n")
    with pytest.raises(ValueError, match="no request was answered"):
        parse_wrk(RECORDED_WRK_OUTPUT.replace("7066 requests", "0 requests"))


def test_table_shows_share_of_hello_world_verdicts_and_each_note_once(tmp_path):
    hello = parse_wrk(RECORDED_WRK_OUTPUT)
    page = parse_wrk(RECORDED_WRK_OUTPUT.replace("2353.38", "47.06"))
    missing_cache = "cached n/a: no page cache answered a repeated request"
    rows = [
        row("hello-world", hello, queries=0, ratio=1.0),
        row(
            "home · uncached",
            page,
            queries=12,
            target="≥ 2.5 % of hello-world",
            ok=False,
            ratio=0.02,
        ),
        row("home · cached", target="≥ 50 % of hello-world", note=missing_cache),
        row("news · cached", target="≥ 50 % of hello-world", note=missing_cache),
        row("home · through Varnish", hello, target="≥ 10,000 req/s", ok=True),
    ]

    table = format_table(rows)
    lines = table.splitlines()

    cells = [[cell.strip() for cell in line.split("|")[1:-1]] for line in lines]
    assert cells[0][:4] == ["stage", "case", "requests/s", "% of hello-world"]
    assert cells[0][-2:] == ["target", "ok"]
    cells = cells[2:7]
    assert cells[0] == ["pages", "hello-world", "2,353", "100.0 %", "2.6", "16.6", "0", "", ""]
    assert cells[1] == [
        "pages",
        "home · uncached",
        "47.1",
        "2.0 %",
        "2.6",
        "16.6",
        "12",
        "≥ 2.5 % of hello-world",
        "fail",
    ]
    assert cells[2][2:6] == ["n/a", "", "n/a", "n/a"]
    assert cells[4][-1] == "ok"
    assert table.count(missing_cache) == 1

    moment = datetime(2026, 12, 1, 20, 15, tzinfo=UTC)
    path = write_results(rows, (1.0, 0.5, 0.25), ["shared machine"], moment, tmp_path)

    assert path.name == f"2026-12-01-{socket.gethostname()}.md"
    written = path.read_text()
    assert "2026-12-01 20:15 UTC" in written
    assert "cores" in written and "Wagtail " in written and "Django " in written
    assert "- shared machine" in written
    assert table in written
