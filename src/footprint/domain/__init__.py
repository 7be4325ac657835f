"""The pure core: catalogs, touches, footprint arithmetic, dates. No I/O, no clock, no third-party UI."""
