"""Tests of the outside-system adapters against their loopback sandboxes (real HTTP)."""
