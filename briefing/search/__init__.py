"""Search: the query language and its results over the store's search index (Qt-free)."""
