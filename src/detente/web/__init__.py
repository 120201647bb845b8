"""The web dashboard and JSON API over a detente store (`detente serve`)."""

from .app import create_app

__all__ = ["create_app"]
