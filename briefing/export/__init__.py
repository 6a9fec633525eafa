"""Exports of a workspace and of briefing notes; Qt-free except pdf.py, which loads Qt when called."""
