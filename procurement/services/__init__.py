"""Writes of procurement, split by concern."""
