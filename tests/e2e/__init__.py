"""The served app: a real `roleplay serve`, driven over HTTP by gradio_client and in Chromium."""
