"""Meta's "Download your information": what Facebook and Instagram share (``common``), then each."""

from __future__ import annotations

from .facebook import Facebook
from .instagram import Instagram

__all__ = ["Facebook", "Instagram"]
