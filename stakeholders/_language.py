"""Which language the tool answers in: the one asked for, else the map's own, else the environment's locale.

>>> resolve_lang("en", "nl", {"LANG": "nl_NL.UTF-8"}), resolve_lang(None, "nl", {}), resolve_lang(None, "", {})
('en', 'nl', 'en')
>>> resolve_lang(None, "", {"LC_ALL": "nl_BE.UTF-8"}), language_of("Nederlands"), language_of("Klingon")
('nl', 'nl', None)
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["LANGUAGE_NAMES", "environment_lang", "language_of", "resolve_lang"]

LANGUAGE_NAMES = {
    "en": "en",
    "english": "en",
    "engels": "en",
    "nl": "nl",
    "dutch": "nl",
    "nederlands": "nl",
    "nl-nl": "nl",
    "nl-be": "nl",
    "vlaams": "nl",
}
"""How a map's settings may name a language, folded to lower case."""


def language_of(value: str) -> str | None:
    """The language (``en`` or ``nl``) a setting names, or None when it names neither."""
    return LANGUAGE_NAMES.get(str(value).strip().lower().replace("_", "-"))


def environment_lang(environ: Mapping[str, str] | None = None) -> str:
    """``nl`` when the locale (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``) is Dutch, else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def resolve_lang(lang: str | None, setting: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The language to answer in: ``lang`` when given, else the map's ``setting``, else the environment's."""
    return lang or setting or environment_lang(environ)
