"""The background thread (APScheduler) and its jobs; each job calls services only."""
