"""Debian's Chromium, as every tool of ours starts it: the browser tests, `make screenshots`
and `make lighthouse`, and the commands that draw the identity and the illustrations.

The machines' network is closed and they have no GPU: no sandbox namespaces, no GPU, no
update or telemetry calls (which the closed network would refuse, many at a time).
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch_chromium(playwright):
    """Debian's Chromium through Playwright's sync API, headless, with our flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
