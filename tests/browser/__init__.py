"""Pages footprint writes, looked at in headless Chromium (a package: its browser closes after its last test,
before the asyncio tests that need the thread's event loop to themselves)."""
