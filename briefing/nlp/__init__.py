"""Text -> entities, quotes, claims and a summary; Qt-free, no SQL.

The spaCy model loads lazily on first use (``model.load_model``), never at
import time, so the app starts without it.
"""
