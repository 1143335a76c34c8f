"""The one seam to chat models: ``backend.ChatBackend`` wraps a LangChain chat model
(``roleplay.wiring.chat`` builds the one the settings choose); the embedded model, the model
catalogue, pulls and choice, and the error messages. Nothing is imported here, so a module that
needs only ``activity`` or ``errors`` does not load OpenAI's client and LangChain."""
