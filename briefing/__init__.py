"""Briefing: read sources offline, see who said what, judge claims, write briefing notes."""

__version__ = "0.1.0"
