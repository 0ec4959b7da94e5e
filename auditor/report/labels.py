"""What readers see for each severity, category, source status and source: one wording for every output."""

from __future__ import annotations

SEVERITY_LABELS = {
    "critical": "Critical",
    "high": "High",
    "medium": "Medium",
    "low": "Low",
    "info": "For information",
}
SEVERITY_MEANINGS = {
    "critical": "lets a stranger contact you directly or find your home",
    "high": "personal details that make an approach convincing",
    "medium": "contact details that could lead to you",
    "low": "accounts under your usernames",
    "info": "published on purpose: check each is an office detail",
}
"""One line each, for the reader who has never seen a severity scale."""
CATEGORY_LABELS = {
    "phone": "Phone number",
    "email": "Email address",
    "address": "Home address",
    "date_of_birth": "Date of birth",
    "relative": "Family member",
    "location": "Photo location",
    "messaging_link": "Messaging link",
    "account": "Online account",
    "other": "Personal detail",
}
STATUS_LABELS = {
    "ok": "checked",
    "failed": "not checked (failed)",
    "rate_limited": "not checked (rate-limited)",
    "skipped": "not run",
}
SOURCE_LABELS = {
    "crawl": "Your websites",
    "wayback": "Internet Archive (old copies of web pages)",
    "rdap": "Domain registration records",
    "usernames": "Accounts under your usernames",
    "github": "GitHub",
    "gravatar": "Gravatar profiles",
    "keyserver": "Email encryption keys (keyserver)",
    "people_search": "People-search websites",
    "web_search": "Pages about you others published (found by search)",
    "social": "Your Bluesky and Mastodon profiles and posts",
    "companies_house": "Companies House",
    "hibp": "Known data breaches (Have I Been Pwned)",
}
