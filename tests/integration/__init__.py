"""Real parts, one claim each: the embedded model, llama.cpp's server, PostgreSQL, a Chroma
server, the speech engines, the installed command, the wheel."""
