"""The web app: a thin Gradio shell over the session engine and the packs."""
