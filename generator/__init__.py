"""Briefing Archive: news articles in ``seeds/`` -> Markdown briefings -> a MkDocs Material site."""

__version__ = "0.1.0"
