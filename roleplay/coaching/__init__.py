"""Coaching: practice scenarios a coach writes once and shares, coach and learner accounts, and
who may see what.
"""
