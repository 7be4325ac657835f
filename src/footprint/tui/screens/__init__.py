"""The TUI's screens: one per mode (Today, Journal, Challenge, Charts, Profile), the first-run checklist,
and the dialogs (entry form, keys, confirmation, filter, report)."""
