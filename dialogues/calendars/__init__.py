"""Calendars: every iCalendar object the application makes, feeds and invitations alike."""
