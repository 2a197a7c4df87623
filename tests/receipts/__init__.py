"""Receipt tests: PDF text, SMTP delivery, CUPS printing."""
