"""Shell-neutral presenters: each module words one view (a day, a catalog entry, an import summary…) in
the language spoken and returns its lines; the command line prints them, the TUI styles them."""
