"""Our own logic, in process: the fake model, no server, no network (the fast tier runs these)."""
