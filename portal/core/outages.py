"""What a process knows about a component it cannot reach (Redis, Elasticsearch).

While a component is down every request meets the same error. Logging each one buried the
rest of the log (about 120 lines per public search with Elasticsearch down), so an `Outage`
logs a warning at most once a minute per process, with the number it left out since. It
also remembers when the component last failed, so a caller can leave it alone for a few
seconds instead of waiting for a timeout on every request.
"""

import threading
import time

LOG_INTERVAL = 60  # seconds between two warnings about the same outage

_outages = []


class Outage:
    """One component that may be unreachable. `report(error)` after each failed call;
    `ongoing()` says whether the last failure is recent enough to skip the next call."""

    def __init__(self, logger, message, retry_after=0):
        self.logger = logger
        self.message = message
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._logged_at = None
        self._failed_at = None
        self._left_out = 0
        _outages.append(self)

    def report(self, error):
        """Remember the failure; log it unless a warning went out less than a minute ago."""
        now = time.monotonic()
        with self._lock:
            self._failed_at = now
            if self._logged_at is not None and now - self._logged_at < LOG_INTERVAL:
                self._left_out += 1
                return
            left_out, self._left_out, self._logged_at = self._left_out, 0, now
        if left_out:
            self.logger.warning(
                "%s: %s (%d more since the last warning)", self.message, error, left_out
            )
        else:
            self.logger.warning("%s: %s", self.message, error)

    def ongoing(self, retry_after=None):
        """True within `retry_after` seconds of the last failure: the caller skips the
        component instead of paying a timeout again."""
        wait = self.retry_after if retry_after is None else retry_after
        failed_at = self._failed_at
        return failed_at is not None and time.monotonic() - failed_at < wait

    def forget(self):
        with self._lock:
            self._logged_at = self._failed_at = None
            self._left_out = 0


def forget_outages():
    """Start afresh, as a new process would (tests use it between cases)."""
    for outage in _outages:
        outage.forget()
