"""The W3C HTML validator (Nu Html Checker, the npm package vnu-jar) run on Java from
Debian over pages saved to a folder: one Java start for them all, as it takes seconds."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A run of seconds spends most of its CPU in the JIT's optimising compiler (C2) and the
# parallel collector's threads: the quick compiler alone and the serial collector check the
# same pages with a third of the CPU (7.8 -> 2.9 s over 70 demo pages). The quick compiler's
# deeper stack needs more than the default 1 MB per thread for vnu's schema (it says so).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m")
MISSING = "vnu needs Java and node_modules/vnu-jar: `make test` installs both (see Makefile)"


def validation_errors(pages):
    """The validator's errors in `pages` ({address: HTML}) as "address:line: message"."""
    java = shutil.which("java")
    assert java and JAR.exists(), MISSING
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        names = {}
        for number, (address, html) in enumerate(pages.items()):
            path = Path(folder) / f"page-{number:03d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = address
        result = subprocess.run(  # noqa: S603 -- our own files, a fixed command
            [
                java,
                *JAVA_OPTIONS,
                "-jar",
                str(JAR),
                "--errors-only",
                "--format",
                "json",
                *sorted(str(Path(folder) / name) for name in names),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    messages = json.loads(result.stderr)["messages"]  # vnu reports on standard error
    return [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}:"
        f"{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
