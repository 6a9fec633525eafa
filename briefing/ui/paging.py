"""Rows of a long list of ids read from the store a page at a time, for the table models."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

Row = TypeVar("Row")


class RowPages(Generic[Row]):
    """The rows of ``ids`` by position: a page of ids is read at once with ``fetch_rows``, and
    the ``cached`` pages used last are kept, so scrolling a million rows reads only what shows."""

    def __init__(self, fetch_rows: Callable[[list[int]], Mapping[int, Row]], page_size: int, cached: int):
        self.fetch_rows, self.page_size, self.cached = fetch_rows, page_size, cached
        self._pages: OrderedDict[int, Mapping[int, Row]] = OrderedDict()

    def clear(self) -> None:
        self._pages.clear()

    def row(self, ids: list[int], position: int) -> Row | None:
        page = position // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            rows = self.fetch_rows(ids[page * self.page_size : (page + 1) * self.page_size])
            self._pages[page] = rows
            if len(self._pages) > self.cached:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(ids[position])
