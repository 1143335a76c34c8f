"""What every part of the program shares, and nothing else: the settings, the data files and
their validation, the persona model, the session and its turns, the private notes, the delivery
figures, and the word, cue and mention helpers. This package imports nothing else of ours
(`.importlinter` holds that), so any layer above may use it."""
