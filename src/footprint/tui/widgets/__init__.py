"""The TUI's widgets: the navigation bar, the touchpoint grid, entry lists, the footprint panel, the
journal's week strip and the chart view."""
