"""Locale-aware search: each language analysed with its own rules, English as the fallback.

See "Search across languages" in the design notes. ``languages`` says how each language is analysed,
``postgres`` and ``elasticsearch`` are the backends, ``service`` runs a reader's search (filters,
facets, highlights, fallback), ``views`` serve the page, the autocomplete endpoint and the API.
"""
