"""The OpenDental pollers: appointments (upcoming, today, completed), eligibility from
coverage rows, claim status and payment posting, each a Job of app/sync/jobs.py run once per
active OpenDental connection."""
