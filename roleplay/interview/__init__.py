"""The interview itself: the engine and its planner, the voicing of each turn, the notes and
the evidence behind them, the saved session and its debrief."""
