"""Exports of a workspace and of briefing notes; Qt-free."""
