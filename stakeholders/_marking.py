"""What an output made for partners or internal readers says on every page, printed page, slide and image.

:func:`audience_marking` is offered by :mod:`stakeholders.i18n` (the words are kept here so that ``i18n``
stays under 600 lines), apart from the page words, so that a public page holds none of them.
"""

from __future__ import annotations

__all__ = ["MARKINGS", "audience_marking"]

MARKINGS: dict[str, dict[str, str]] = {
    "en": {"internal": "INTERNAL — do not distribute", "partners": "PARTNERS — share with partners only"},
    "nl": {"internal": "INTERN — niet verspreiden", "partners": "PARTNERS — alleen delen met partners"},
}
"""The marking of each audience that has one, by language."""


def audience_marking(audience: str, lang: str | None = None) -> str:
    """The marking an output made for ``audience`` carries on every page, slide and image; "" for ``public``.

    >>> audience_marking("internal", "nl"), audience_marking("public", "en")
    ('INTERN — niet verspreiden', '')
    """
    return MARKINGS.get(lang or "en", MARKINGS["en"]).get(audience, "")
