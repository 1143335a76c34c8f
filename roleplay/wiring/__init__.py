"""Building the program's parts from the settings, in one place: the model, the research store,
the speech engines, the saved sessions and accounts, and every interview. The terminal and the
web app both build theirs here (``Parts``), so they cannot drift apart."""
