"""One home for reading values as people write them: phones, emails, dates, addresses, names and phrases.

Every matcher works the same way: find candidates in the text, normalise each to a canonical key (E.164,
a lower-case address, an ISO date, canonical word tokens), then compare keys. The detectors, people-search
attribution and masking all read values through here, so a spelling learnt once is learnt everywhere.
Each matcher also reports the context that raises or lowers what a sighting means (birth words beside a
date, a phone label or an invoice label beside a number, a relationship word beside a first name).
"""
