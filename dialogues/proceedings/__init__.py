"""Proceedings: the printed record of an event or of a whole programme."""
