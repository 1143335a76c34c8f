"""The page's panels: each builds its components and wires its own events."""
