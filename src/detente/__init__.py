"""detente: evidence-linked models of relations between states, from news and analysis articles."""
__version__ = "0.1.0"
