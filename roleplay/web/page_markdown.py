"""The page's Markdown: whatever a handler returns is made safe before Gradio sends it.

Handlers also make their own text safe, but one missed error message (a YAML key from a shared
scenario file, a pack name, a title) is enough to put an image or a link to another host on a
coach's page. So every Markdown component on the page is this one, and the rule holds at the
last step: ``page_text`` runs on each value it is given, the first included.

A subclass, not a patched instance: for a ``gr.update`` Gradio builds a new component of the
same class for the page's session and renders every later value with it. Gradio also writes a
type-stub file (``page_markdown.pyi``) beside this module when it first sees the class; that
file is generated, ignored by git and by the linter.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from roleplay.core.safety import page_text, public_message


class PageMarkdown(gr.Markdown):
    """``gr.Markdown`` whose every value passes ``page_text``."""

    # Drawn by Gradio's own Markdown on the page (a "template" of it, in Gradio's words).
    is_template = True

    def postprocess(self, value: Any) -> Any:
        return super().postprocess(page_text(value) if isinstance(value, str) else value)


def page_markdown(value: Any = None, **options: Any) -> PageMarkdown:
    """A Markdown component whose every value is made safe, the first included."""
    return PageMarkdown(value, **options)


def error_modal(error: Exception | str) -> gr.Error:
    """An error for Gradio's modal, which renders HTML: escaped, and with no server paths."""
    return gr.Error(html.escape(public_message(str(error))))
