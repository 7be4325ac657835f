"""Importing plotext without the documentation it builds at import.

plotext 6.1 builds its interactive documentation when imported (~170 ms of its ~260 ms, measured);
footprint never reads ``plotext.doc``, so an empty module stands in for it. The CLI's charts and the TUI's
warm-up both import plotext through here.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def load() -> Any:
    if "plotext._doc.doc" not in sys.modules:
        stub = types.ModuleType("plotext._doc.doc")
        stub.docs = None  # type: ignore[attr-defined]
        sys.modules["plotext._doc.doc"] = stub
    import plotext

    return plotext
