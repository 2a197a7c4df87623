"""Qt item models over the rows the services return (no SQL, no money arithmetic)."""
