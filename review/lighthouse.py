"""`make lighthouse`: Lighthouse's mobile performance audit of the home page, a zone, a
report and an event, served by gunicorn with the production settings (review/site.py).

Lighthouse (npm, package.json's optional dependencies) drives Debian's Chromium with its
default mobile emulation and simulated throttling. Targets (issue 22): performance ≥ 90 and
cumulative layout shift < 0.1 on each page. The table is printed and written with the machine
and date to bench/results/YYYY-MM-DD-<hostname>-lighthouse.md; each page's full report stays
in .tmp/lighthouse/ as JSON. Exit status 1 when a page misses a target.
"""

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime

from bench.report import RESULTS_DIRECTORY, machine_description
from portal.core.chromium import CHROMIUM, CHROMIUM_FLAGS
from review.screenshots import addresses
from review.site import REPOSITORY, served

LIGHTHOUSE = REPOSITORY / "node_modules" / ".bin" / "lighthouse"
OUTPUT = REPOSITORY / ".tmp" / "lighthouse"
# (what the issue names, the page type review/pages.py reports it as)
AUDITED = [
    ("home", "HomePage"),
    ("zone", "ZonePage"),
    ("report", "ReportPage"),
    ("event", "EventPage"),
]
LANGUAGE = os.environ.get("LIGHTHOUSE_LANGUAGE", "pl")
MIN_PERFORMANCE = 90
MAX_CLS = 0.1
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_FLAGS])


def audit(name, url, attempts=3):
    """Run Lighthouse on one address; its score and the metrics the table shows.

    On a busy machine Chromium's trace sometimes misses the navigation's start (Lighthouse's
    NO_NAVSTART error, "please run Lighthouse again"): such a run is repeated."""
    for attempt in range(1, attempts + 1):
        try:
            return run_lighthouse(name, url)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"lighthouse: {name} failed, running it again", flush=True)
    return None


def run_lighthouse(name, url):
    """One Lighthouse run; the figures read from its JSON report."""
    report = OUTPUT / f"{name}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - Lighthouse from the project's node_modules
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    found = json.loads(report.read_text())
    metrics = found["audits"]
    return {
        "page": name,
        "url": url,
        "performance": round(found["categories"]["performance"]["score"] * 100),
        "lcp": metrics["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": metrics["cumulative-layout-shift"]["numericValue"],
        "tbt": metrics["total-blocking-time"]["numericValue"],
        "fcp": metrics["first-contentful-paint"]["numericValue"] / 1000,
    }


def verdict(result):
    """Whether a page meets both targets."""
    return result["performance"] >= MIN_PERFORMANCE and result["cls"] < MAX_CLS


def table(results):
    """The results as a Markdown table."""
    lines = [
        "| page | address | performance | LCP s | CLS | TBT ms | FCP s | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        lines.append(
            f"| {result['page']} | {result['url'].split('/', 3)[-1]} | {result['performance']} "
            f"| {result['lcp']:.2f} | {result['cls']:.3f} | {result['tbt']:.0f} "
            f"| {result['fcp']:.2f} | {'met' if verdict(result) else 'NOT met'} |"
        )
    return "\n".join(lines)


def write_results(results, started_load):
    """bench/results/YYYY-MM-DD-<hostname>-lighthouse.md, with the machine and date."""
    moment = datetime.now(UTC)
    path = RESULTS_DIRECTORY / f"{moment:%Y-%m-%d}-{socket.gethostname()}-lighthouse.md"
    path.write_text(
        "\n".join(
            [
                f"# `make lighthouse` on {socket.gethostname()}, {moment:%Y-%m-%d %H:%M} UTC",
                "",
                *machine_description(started_load),
                f"- Lighthouse mobile (simulated throttling), performance only; targets: score ≥ "
                f"{MIN_PERFORMANCE}, CLS < {MAX_CLS}",
                "",
                table(results),
                "",
            ]
        )
    )
    return path


def main():
    """Serve, audit the four pages, print and write the table; 1 when a target is missed."""
    started_load = os.getloadavg()
    with served() as (base_url, env):
        by_type = {(item["label"], item["language"]): item["path"] for item in addresses(env)}
        results = [
            audit(name, base_url + by_type[(page_type, LANGUAGE)]) for name, page_type in AUDITED
        ]
    print(table(results))
    print(f"lighthouse: written to {write_results(results, started_load)}")
    return 0 if all(verdict(result) for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
