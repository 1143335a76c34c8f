"""The page's Markdown: whatever a handler returns is made safe before Gradio sends it.

Handlers also make their own text safe, but one missed error message (a YAML key from a shared
scenario file, a pack name, a title) is enough to put an image or a link to another host on a
coach's page. So every Markdown component on the page is this one, and the rule holds at the
last step: ``page_text`` runs on each value it is given, the first included.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from roleplay.safety import page_text, public_message


def page_markdown(value: Any = None, **options: Any) -> gr.Markdown:
    """A ``gr.Markdown`` whose every value passes ``page_text``, the first included.

    The method is replaced on the one component rather than in a subclass: Gradio writes a
    type-stub file beside the module of any component class it sees defined."""
    component = gr.Markdown(page_text(value) if isinstance(value, str) else value, **options)
    postprocess = component.postprocess

    def safe(new: Any) -> Any:
        return postprocess(page_text(new) if isinstance(new, str) else new)

    component.postprocess = safe  # type: ignore[method-assign]
    return component


def error_modal(error: Exception | str) -> gr.Error:
    """An error for Gradio's modal, which renders HTML: escaped, and with no server paths."""
    return gr.Error(html.escape(public_message(str(error))))
