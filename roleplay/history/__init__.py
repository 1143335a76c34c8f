"""Saved interviews: every session and turn in a database (SQLite by default, PostgreSQL when
``ROLEPLAY_DATABASE_URL`` says so), kept up to date as the interview happens, and their reports.
"""
