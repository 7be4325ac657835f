"""footprint: a personal journal of your digital footprint.

The package is a library with two shells (see the README): ``domain`` is pure, ``store`` owns SQLite,
``services`` is the Python API both the CLI (``cli``) and the TUI call.
"""

__version__ = "0.1.0"
