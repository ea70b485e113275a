"""pingce: reviews of AI video models in, a database of grounded claims out."""

__version__ = "0.1.0"
