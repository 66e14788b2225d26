"""One router per resource: asking, articles, health and metrics, the docs, the web page."""
