"""The one kind of failure a shell shows as it is: its message is written for the user (what
happened and what to do), so the terminal prints it on one line and the page shows it whole."""

from __future__ import annotations


class UserError(Exception):
    """A failure whose message is for the user. Each part's own error (a persona file that does
    not validate, a model that does not answer, a pack that is missing...) is one of these."""
