"""Known-values detector: finds the person's own public and private values, however a page writes them.

Each value is compiled once per person into a canonical key (E.164, lower-case address, ISO date, address
parts, canonical words); a page's candidates are read into the same keys and compared. What surrounds a
sighting can lower what it means, and the hit then says why: a date with no birth context, a street
without the house number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Category, Document, Hit, Match, Severity
from ..severity import severity_of
from ..values import emails as email_values
from ..values import phones as phone_values
from ..values.addresses import AddressMatch, find_address
from ..values.dates import DateContext, find_dates
from ..values.links import link_phone
from ..values.names import NameMatch, find_phrase_value, find_relative
from .interface import Detector
from .subject import KnownAddress, KnownPhrase
from .text import Haystack, haystacks, link_snippet, snippet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..values.tokens import Hint, TokenText
    from .subject import KnownValues, Subject

_DATE_NOTES = {
    DateContext.PUBLICATION: (
        "the date of birth appears as a publication date (a byline, 'posted' or 'updated', a masthead or "
        "a citation), not as a birth date: lowered to info"
    ),
    DateContext.NONE: (
        "the date of birth appears with no birth context ('born', 'DOB', 'birthday', 'aged'): probably "
        "another event's date, lowered to info"
    ),
}
_EMAIL_REACH = 160
"""Characters around a mailbox name that a disguised address can span ("jane [dot] home [at] mail…")."""
_NO_NUMBER_NOTE = (
    "the street and postcode of this address appear without its house number: the page may name "
    "another building in the same street, so this is shown as a note, not as your address"
)


class KnownValuesDetector(Detector):
    """Every public and private roster value, on any document (attributed or not)."""

    name = "known_values"

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield every sighting of a known value in the document's text, title or contact links."""
        known = subject.known
        region = phone_values.page_region(document.url, document.content.meta)
        for text in haystacks(document):
            hay = Haystack(text)
            # The sealed words this text holds (hash -> word), read once for addresses and phrases.
            recovered = known.sealed.recover(text) if known.sealed is not None else {}
            yield from self._phones(hay, known, region)
            yield from self._emails(hay, known)
            yield from self._dates(hay, known, region)
            yield from self._addresses(hay, known, recovered)
            yield from self._phrases(hay, known, recovered)
        for href in document.content.contact_links:
            # A tel: link without "+" may follow the page's country or the person's own (a UK mobile
            # on a US club's page): the whole number must match one of theirs either way.
            for link_region in dict.fromkeys((region, *known.regions)):
                number = link_phone(href, link_region)
                phone = known.phone(number) if number else None
                if number and phone is not None:
                    yield self._hit(Category.PHONE, phone.match, number, phone.value, link_snippet(href))
                    break
            for address in email_values.mailto_addresses(href):
                email = known.email(address)
                if email is not None:
                    yield self._hit(Category.EMAIL, email[0], address, email[1], link_snippet(href))

    def _hit(
        self,
        category: Category,
        match: Match,
        key: str,
        value: str,
        evidence: str,
        *,
        severity: Severity | None = None,
        detail: str = "",
        covers: tuple[str, ...] = (),
    ) -> Hit:
        return Hit(
            detector=self.name,
            category=category,
            match=match,
            key=key,
            value=value,
            evidence=evidence,
            severity=severity or severity_of(category, match),
            detail=detail,
            covers=covers,
        )

    def _phones(self, hay: Haystack, known: KnownValues, region: str) -> Iterator[Hit]:
        plain = any(p.nsn in hay.digits for p in known.phone_values.values())
        sealed = known.sealed if known.sealed is not None and known.sealed.phones else None
        if not plain and sealed is None:
            return  # none of the numbers' digits are on the page: skip the scan
        regions = (region, *known.regions)
        for candidate in phone_values.candidates_in(hay.text):
            if candidate.labelled_id:
                continue  # "Ref: 07700900123": the whole number, but labelled as something else
            if not plain and sealed is not None and not sealed.could_be_phone(candidate.digits):
                continue  # not ending in any sealed number's national digits: cannot be one of them
            numbers = []
            if not candidate.glued:
                numbers = list(candidate.readings(regions))
            if not numbers and (
                candidate.url_glued or (not candidate.glued and candidate.context == "phone")
            ):
                # "wa.me/447700900123", "?phone=447700900123", "WhatsApp: 447700900123"
                bare = candidate.international_reading()
                numbers = [bare] if bare else []
            for number in numbers:
                key = phone_values.e164(number)
                phone = known.phone(key)
                if phone is not None:
                    evidence = snippet(hay.text, candidate.start, candidate.end)
                    yield self._hit(Category.PHONE, phone.match, key, phone.value, evidence)
                    break

    def _emails(self, hay: Haystack, known: KnownValues) -> Iterator[Hit]:
        # Read spellings only around the addresses' mailbox names: every spelling holds its longest word.
        words = known.mailbox_words
        if known.sealed is not None:
            words = (*words, *known.sealed.mailbox_words(hay.text))
        for word in words:
            at = hay.lower.find(word)
            while at >= 0:
                lo, hi = max(0, at - _EMAIL_REACH), min(len(hay.text), at + len(word) + _EMAIL_REACH)
                for address, start, end in email_values.find_known_spellings(hay.text, lo, hi):
                    email = known.email(address)
                    if email is not None:
                        evidence = snippet(hay.text, start, end)
                        yield self._hit(Category.EMAIL, email[0], address, email[1], evidence)
                at = hay.lower.find(word, hi)

    def _dates(self, hay: Haystack, known: KnownValues, region: str) -> Iterator[Hit]:
        years = known.birth_years
        if not years or not any(str(year)[2:] in hay.digits for year in years):
            return
        for sighting in find_dates(hay.text, region, set(years)):
            for day in sorted(sighting.readings):
                value = known.birthday(day)
                if value is None:
                    continue
                evidence = snippet(hay.text, sighting.start, sighting.end)
                if sighting.context is DateContext.BIRTH:
                    yield self._hit(Category.DATE_OF_BIRTH, Match.PRIVATE, day.isoformat(), value, evidence)
                else:
                    yield self._hit(
                        Category.DATE_OF_BIRTH,
                        Match.PRIVATE,
                        day.isoformat(),
                        value,
                        evidence,
                        severity=Severity.INFO,
                        detail=_DATE_NOTES[sighting.context],
                    )

    def _addresses(self, hay: Haystack, known: KnownValues, recovered: dict[str, str]) -> Iterator[Hit]:
        addresses = list(known.addresses)
        if known.sealed is not None and known.sealed.addresses:
            addresses += [
                KnownAddress(Match.PRIVATE, r.sealed.key, r.sealed.mask, r.parts, r.hint)
                for r in known.sealed.addresses_on(hay.text, recovered)
            ]
        for address in addresses:
            for offset, page in _windows(hay, address.hint):
                sighting = find_address(page, address.parts)
                if sighting is None:
                    continue
                evidence = snippet(hay.text, offset + sighting.start, offset + sighting.end)
                if sighting.kind is AddressMatch.FULL:
                    # Seen in full, the address is what to report: its postcode alone would say less.
                    postcode = (address.parts.postcode.code,) if address.parts.postcode else ()
                    yield self._hit(Category.ADDRESS, address.match, address.key, address.value, evidence,
                                    covers=postcode)  # fmt: skip
                    break
                yield self._hit(Category.ADDRESS, address.match, address.key, address.value, evidence,
                                severity=Severity.INFO, detail=_NO_NUMBER_NOTE)  # fmt: skip

    def _phrases(self, hay: Haystack, known: KnownValues, recovered: dict[str, str]) -> Iterator[Hit]:
        phrases = list(known.phrases)
        if known.sealed is not None and known.sealed.phrases:
            phrases += [
                KnownPhrase(r.category, r.sealed.key, r.sealed.mask, r.hint, r.words)
                for r in known.sealed.phrases_on(recovered)
            ]
        for phrase in phrases:
            target = phrase.words or phrase.value
            for offset, page in _windows(hay, phrase.hint):
                if phrase.category is Category.RELATIVE:
                    sighting = find_relative(page, target, known.subject)
                    if sighting is None:
                        continue
                    first_name = sighting.kind is NameMatch.FIRST_NAME
                    detail = "first name beside a relationship word" if first_name else ""
                    evidence = snippet(hay.text, offset + sighting.start, offset + sighting.end)
                    yield self._hit(
                        phrase.category, Match.PRIVATE, phrase.key, phrase.value, evidence, detail=detail
                    )
                    break
                span = find_phrase_value(page, target)
                if span is not None:
                    evidence = snippet(hay.text, offset + span[0], offset + span[1])
                    yield self._hit(phrase.category, Match.PRIVATE, phrase.key, phrase.value, evidence)
                    break


def _windows(hay: Haystack, hint: Hint | None) -> list[tuple[int, TokenText]]:
    """Where to look: around the hint's matches, or the whole text when there is no hint."""
    if hint is None:
        return [(0, hay.whole)]
    return hay.windows(hint)
