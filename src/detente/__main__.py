"""`python -m detente`: the command line."""

from .cli import main

main()
