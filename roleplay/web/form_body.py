"""A plain HTML form's fields, read with a cap: the pages beside Gradio's (the password form,
the LTI endpoints) read a body only up to what their form could send."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request


async def form_fields(request: Request, max_bytes: int, max_fields: int) -> dict[str, str] | None:
    """The form's fields (the first value of each), or None when the body is larger than
    ``max_bytes``: it is not read past that."""
    if int(request.headers.get("content-length") or 0) > max_bytes:
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            return None
    parsed = parse_qs(body.decode("utf-8", "replace"), max_num_fields=max_fields)
    return {key: values[0] for key, values in parsed.items() if values}
