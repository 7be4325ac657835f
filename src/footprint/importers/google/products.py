"""What an entry's product is: ``data/mappings/google.toml``'s products by every name they go by (translated
headers, the ``products`` list, the product folder), and the app of an Android "Used X" entry.

The answers are cached per entry shape: a million-entry file has a few dozen distinct (header, products)
pairs, so the hot loop pays one dictionary look-up per entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ...i18n import N_, _
from ..activitywatch import AppNames
from ..toolkit import key

NO_PRODUCT = N_("entry without a product")
UNMAPPED = N_("product not in mappings/google.toml: {name}")


class Product(NamedTuple):
    touchpoint: str
    group: str
    apps: bool


IGNORED = Product("", "", False)


class Products:
    """google.toml's products by every name they go by, and the cached answer for each entry shape."""

    def __init__(self, table: Mapping[str, Any], apps: AppNames) -> None:
        self.by_name: dict[str, Product] = {}
        products = table.get("products")
        for name, raw in products.items() if isinstance(products, Mapping) else ():
            if not isinstance(raw, Mapping) or not isinstance(raw.get("touchpoint"), str):
                continue
            product = Product(raw["touchpoint"], str(raw.get("group") or name), bool(raw.get("apps")))
            for alias in [name, product.group, *(n for n in raw.get("names") or () if isinstance(n, str))]:
                self.by_name.setdefault(key(alias), product)
        ignore = table.get("ignore")
        for name in (ignore.get("names") or ()) if isinstance(ignore, Mapping) else ():
            if isinstance(name, str):
                self.by_name.setdefault(key(name), IGNORED)
        self.apps = apps
        self._cache: dict[tuple[Any, ...], Product | str] = {}
        self._app_cache: dict[tuple[str | None, str | None], str] = {}

    def find(self, header: Any, products: Any, folder: str | None) -> Product | str:
        """The entry's product, or the kind of problem (worded). ``products`` comes first (Android entries
        have the app's name as header), then ``header``, then the product folder."""
        try:
            cache_key = (header, tuple(products) if products.__class__ is list else products, folder)
            return self._cache[cache_key]
        except KeyError:
            found = self._cache[cache_key] = self._find(header, products, folder)
            return found
        except TypeError:  # a list or object where a name belongs: not cacheable, still answered
            return self._find(header, products, folder)

    def _find(self, header: Any, raw_products: Any, folder: str | None) -> Product | str:
        products = [p for p in raw_products if isinstance(p, str)] if isinstance(raw_products, list) else []
        header = header if isinstance(header, str) else None
        for name in (*products, header, folder):
            if name:
                product = self.by_name.get(key(name))
                if product is not None:
                    return product
        named = products[0] if products else header or folder
        if not named:
            return _(NO_PRODUCT)
        return _(UNMAPPED).format(name=repr(named.strip()[:40]))

    def app(self, default: str, header: str | None, package: str | None) -> str:
        """An Android entry's touchpoint: the app's (by package id, else name), else ``default``."""
        cache_key = (header, package)
        tp = self._app_cache.get(cache_key)
        if tp is None:
            tp = self._app_cache[cache_key] = self.apps.touchpoint(header, package) or default
        return tp


def package(url: Any) -> str | None:
    """The package id of a Play Store link (``…/store/apps/details?id=com.whatsapp``); nothing else of it."""
    if not isinstance(url, str) or "play.google.com" not in url:
        return None
    start = url.find("id=")
    if start < 0:
        return None
    found = url[start + 3 :].split("&", 1)[0].split("#", 1)[0]
    return found or None
