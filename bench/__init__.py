"""Benchmarks for Briefing: a synthetic news corpus and measurements of the import pipeline.

Not part of the shipped package. Run ``python -m bench.analysis`` (``make bench``) for
throughput and peak memory, ``python -m bench.hotspots`` for a profile of our own code.
"""
