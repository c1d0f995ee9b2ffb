"""Receivers paused for a batch of changes: work that each save would redo (a purge, an index
entry) is left out while the batch runs and done once after it (the demo's build, the tests'
set-up)."""

from contextlib import contextmanager
from typing import NamedTuple

from django.dispatch import Signal


class Receiver(NamedTuple):
    """A receiver as it is connected to a signal: for one sender (None: any), and under a
    dispatch_uid when it was connected with one."""

    signal: Signal
    receiver: object
    sender: object = None
    dispatch_uid: str | None = None

    def connect(self):
        self.signal.connect(self.receiver, sender=self.sender, dispatch_uid=self.dispatch_uid)

    def disconnect(self):
        """True when it was connected."""
        return self.signal.disconnect(
            self.receiver, sender=self.sender, dispatch_uid=self.dispatch_uid
        )


@contextmanager
def receivers_paused(receivers, instead=None):
    """While the block runs, none of `receivers` (`Receiver`s) runs, and `instead`, if given,
    is called in their place, for the same senders. Each is connected again after, even when
    the block raises; one that was not connected is left alone (an outer pause has it)."""
    paused = [receiver for receiver in receivers if receiver.disconnect()]
    if instead is not None:
        for receiver in paused:
            receiver.signal.connect(instead, sender=receiver.sender, weak=False)
    try:
        yield
    finally:
        for receiver in paused:
            if instead is not None:
                receiver.signal.disconnect(instead, sender=receiver.sender)
            receiver.connect()
