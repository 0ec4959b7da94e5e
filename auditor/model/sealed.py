"""A person's private values sealed: keyed hashes of their normalised forms, and the masks reports show.

Each hash is HMAC-SHA-256 under the installation's hash key (`keys.keyed_hash`) of one normalised form,
with a domain word in front ("phone", "word", ...), so the same text hashed as a phone and as a word
differs. Without the key a hash tells nothing; with it, guesses can be tested (see the README).

What stays readable is only what the mask already shows (a number's country and length, a birth year),
and what matching needs to run the same rules a plain value runs: how many words a phrase has, in order.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class SealedPhone:
    mask: str
    """What reports show ("+44 7700 9•••23")."""
    e164: str
    """Hash of the number in E.164 ("+447700900123")."""
    nsn: str
    """Hash of its national significant number: every spelling of the number ends in these digits."""
    nsn_digits: int
    """How many digits the national number has (the mask shows as much)."""
    region: str
    """Its country ("GB"): a page's national-format numbers are read in it too."""


@dataclass(frozen=True)
class SealedEmail:
    mask: str
    address: str
    """Hash of the normalised address (lower case, disguises undone)."""
    mailbox_word: str
    """Hash of its longest word: every spelling of the address holds it (the sighting is looked for there)."""


@dataclass(frozen=True)
class SealedDate:
    mask: str
    date: str
    """Hash of the ISO date."""
    year: int
    """The year, as the mask shows it: pages without its digits are skipped."""


@dataclass(frozen=True)
class SealedPhrase:
    """A relative's name or another private phrase ("St Mary's Primary")."""

    mask: str
    key: str
    """Hash of the phrase's identity (what findings are keyed by)."""
    words: tuple[str, ...]
    """Hash of each canonical word, in order."""
    hints: tuple[int, ...] = ()
    """Which words a plain phrase is looked for around (see `values.tokens.hint_pattern`); () for the
    whole page. Positions only, never the words."""


@dataclass(frozen=True)
class SealedAddress:
    mask: str
    key: str
    """Hash of the address's identity (what findings are keyed by)."""
    street: tuple[str, ...]
    """Hash of each canonical word of the street (or of the house name)."""
    numbers: tuple[str, ...]
    """Hash of each house number ("126-128" is two)."""
    unit: str
    """Hash of the flat or suite number; "" for none."""
    localities: tuple[tuple[str, ...], ...]
    """Hash of each word of the town and any other place names."""
    postcode: str
    """Hash of the canonical postcode; "" for none."""
    postcode_country: str
    """The postcode's country as its spelling says ("GB", "CH", "US"; "" for a bare number)."""
    outward: str
    """Hash of a UK postcode's outward code ("ex2"): where to look for the address on a page."""
    street_hint: int = -1
    """Which street word a plain address is looked for around (with the outward code); -1: the whole
    page."""


@dataclass(frozen=True)
class SealedLocation:
    """A private place: the map cells (about 150 m across) that its radius touches, hashed."""

    label: str
    radius_m: float
    cells: tuple[str, ...]


@dataclass(frozen=True)
class SealedValues:
    """Everything private about one person, sealed. Empty for a person whose roster entry is plain."""

    phones: tuple[SealedPhone, ...] = ()
    emails: tuple[SealedEmail, ...] = ()
    addresses: tuple[SealedAddress, ...] = ()
    dates_of_birth: tuple[SealedDate, ...] = ()
    relatives: tuple[SealedPhrase, ...] = ()
    other: tuple[SealedPhrase, ...] = ()
    locations: tuple[SealedLocation, ...] = ()
    sealed_with: str = ""
    """Hash showing which key sealed these values (the roster's `sealed_with`)."""
    shapes: tuple[str, ...] = ()
    """First letter and length of each sealed word ("t3"), as the masks show them: only page words of
    these shapes are hashed."""

    def __len__(self) -> int:
        """How many values are sealed (a person with none is falsy)."""
        return sum(len(getattr(self, group)) for group in _GROUPS)

    def joined(self, later: SealedValues) -> SealedValues:
        """These values and `later`'s, as one person's (a roster sealed again with newcomers' values)."""
        groups = {group: (*getattr(self, group), *getattr(later, group)) for group in _GROUPS}
        shapes = tuple(sorted(set(self.shapes) | set(later.shapes)))
        return dataclasses.replace(later, **groups, sealed_with="", shapes=shapes)


_GROUPS = ("phones", "emails", "addresses", "dates_of_birth", "relatives", "other", "locations")
"""The fields of `SealedValues` that hold sealed values."""
