"""Use cases. Every public call is one transaction, checks the caller's role and writes its audit."""
