"""Importers: files -> cleaned text + metadata as ``briefing.domain.Document`` records.

Qt-free and SQL-free: the store layer saves what ``read_document`` returns.
"""

from briefing.ingest.clean import clean_text
from briefing.ingest.files import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, collect_files
from briefing.ingest.language import guess_language
from briefing.ingest.reader import read_document

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "clean_text",
    "collect_files",
    "guess_language",
    "read_document",
]
