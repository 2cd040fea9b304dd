"""The installed version, at the bottom of the import graph (the package and the engine read it)."""

__version__ = "0.2.0"
