"""Persistence: SQLAlchemy models, engines and sessions, the embedded server, locks, notifications."""
