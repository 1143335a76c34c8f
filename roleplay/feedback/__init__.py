"""Feedback after an interview: rubric scores with the candidate's own words as evidence, metrics
counted by code, and the interviewer's private notes, gathered into one report.
"""
