"""The severity table (the README's "How to read a report"), in one place: every detector asks here,
none decides alone."""

from __future__ import annotations

from .model import Category, Match, Severity

_CRITICAL_PRIVATE = {Category.PHONE, Category.ADDRESS}
_HIGH_PRIVATE = {Category.EMAIL, Category.DATE_OF_BIRTH, Category.RELATIVE, Category.OTHER}


def severity_of(
    category: Category,
    match: Match,
    *,
    mobile: bool = False,
    within_radius: bool = False,
    private_target: bool = False,
    personal_record: bool = False,
) -> Severity:
    """Apply the severity table, first rule that applies.

    mobile: a discovered phone number is a mobile (a direct WhatsApp route to the person).
    within_radius: a location sighting falls inside one of the person's private radii.
    private_target: a messaging link points at one of the person's private numbers.
    personal_record: a registrant or account record carrying personal detail.
    """
    if match is Match.PUBLIC:
        return Severity.INFO
    # critical: a private phone, home address, or a location within the private radius
    if match is Match.PRIVATE and category in _CRITICAL_PRIVATE:
        return Severity.CRITICAL
    if category is Category.LOCATION and within_radius:
        return Severity.CRITICAL
    # high: private email, DOB, relative, other; a messaging link to a private number;
    # a discovered mobile number on a page about the person
    if match is Match.PRIVATE and category in _HIGH_PRIVATE:
        return Severity.HIGH
    if category is Category.MESSAGING_LINK and private_target:
        return Severity.HIGH
    if match is Match.DISCOVERED and category is Category.PHONE and mobile:
        return Severity.HIGH
    # medium: a discovered email, phone or postcode; a registrant or account record with personal detail
    if match is Match.DISCOVERED and category in {Category.EMAIL, Category.PHONE, Category.ADDRESS}:
        return Severity.MEDIUM
    if personal_record:
        return Severity.MEDIUM
    if category is Category.MESSAGING_LINK:
        # a messaging link to a number we cannot tie to the person: still a direct route to message them
        return Severity.MEDIUM
    if category is Category.LOCATION:
        return Severity.LOW
    # low: an account that exists under one of the person's usernames
    if category is Category.ACCOUNT:
        return Severity.LOW
    return Severity.INFO
