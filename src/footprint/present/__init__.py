"""Shell-neutral presenters: one module per view, returning localized lines that the CLI prints and the
TUI styles, so the two shells never word the same thing twice."""
