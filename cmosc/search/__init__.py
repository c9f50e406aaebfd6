"""The site's search: Spanish text pipeline and the files /buscar/ fetches.

- ``cmosc.search.pipeline``: text processing (identical to
  ``theme/static/js/search-pipeline.js``, which also holds the ranking the page runs).
- ``cmosc.search.compact``: the published index format (postings only; the
  browser recomputes lunr's BM25 vectors).
- ``cmosc.search.documents``: organization → texts to index, card and facet
  values (published data only).
- ``cmosc.search.tiers``: the files per shard of /buscar/ (documents,
  short-field index, full-text index, snippets).
"""
