"""Receivers paused for a batch (the demo's build, the tests' set-up, one ban for all): they
do not run inside the block and run again after it, even when the block raises."""

import pytest

from django.dispatch import Signal

from portal.core.signals import Receiver, receivers_paused

saved = Signal()


class Page:
    pass


class Document:
    pass


@pytest.fixture
def heard():
    """The senders each receiver heard from, in order; connected for the test only."""
    calls = {"index": [], "purge": []}

    def index(sender, **kwargs):
        calls["index"].append(sender)

    def purge(sender, **kwargs):
        calls["purge"].append(sender)

    saved.connect(index, sender=Page, weak=False)
    saved.connect(purge, dispatch_uid="purge", weak=False)
    calls["receivers"] = [
        Receiver(saved, index, Page),
        Receiver(saved, purge, dispatch_uid="purge"),
    ]
    yield calls
    saved.disconnect(index, sender=Page)
    saved.disconnect(dispatch_uid="purge")


def test_a_paused_receiver_does_not_run_and_runs_again_after(heard):
    with receivers_paused(heard["receivers"]):
        saved.send(Page)

    assert heard["index"] == heard["purge"] == []
    saved.send(Page)
    assert heard["index"] == heard["purge"] == [Page]


def test_a_block_that_raises_leaves_the_receivers_connected(heard):
    with pytest.raises(ValueError), receivers_paused(heard["receivers"]):
        raise ValueError

    saved.send(Page)
    assert heard["index"] == heard["purge"] == [Page]


def test_the_stand_in_hears_the_paused_receivers_senders_only_while_paused(heard):
    noted = []

    def note(sender, **kwargs):
        noted.append(sender)

    with receivers_paused(heard["receivers"][:1], instead=note):
        saved.send(Page)
        saved.send(Document)  # the index listens to pages only; the purge still runs

    saved.send(Page)
    assert noted == [Page]
    assert heard["index"] == [Page]
    assert heard["purge"] == [Page, Document, Page]


def test_a_receiver_an_outer_pause_holds_stays_paused_until_that_pause_ends(heard):
    with receivers_paused(heard["receivers"]):
        with receivers_paused(heard["receivers"]):
            saved.send(Page)
        saved.send(Page)

    assert heard["index"] == heard["purge"] == []
    saved.send(Page)
    assert heard["index"] == [Page]
