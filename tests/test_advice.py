"""The remediation knowledge base: coverage of every finding kind, authority links, ranking, load errors."""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import yaml

from auditor.advice import (
    KNOWN_SOURCES,
    REQUIRED_LETTER_FIELDS,
    Advice,
    AdviceBook,
    Guidance,
    Link,
    Serves,
)
from auditor.errors import InputError
from auditor.model import Category, Match
from auditor.resources import package_data
from auditor.sources import SOURCE_CLASSES

if TYPE_CHECKING:
    from pathlib import Path

CATEGORIES = [c.value for c in Category]
SOURCES = [cls.name for cls in SOURCE_CLASSES]
RISKY_MATCHES = [Match.PRIVATE.value, Match.DISCOVERED.value]

# The authorities that own each remediation process. A link to any other host (a typo, a blog, a
# commercial removal service) fails, so every new link has to be checked against its owner first.
AUTHORITY_HOSTS = {
    "www.gov.uk",  # GOV.UK: Companies House guidance, open register, candidate security
    "changestoukcompanylaw.campaign.gov.uk",  # GOV.UK campaign site for the 2023 Companies House changes
    "www.legislation.gov.uk",  # Localism Act 2011
    "ico.org.uk",  # Information Commissioner's Office
    "www.electoralcommission.org.uk",
    "registrars.nominet.uk",  # Nominet, the .uk registry
    "help.archive.org",  # Internet Archive
    "support.google.com",
    "www.bing.com",
    "faq.whatsapp.com",
    "signal.org",
    "support.signal.org",
    "telegram.org",
    "docs.github.com",
    "support.gravatar.com",
    "keys.openpgp.org",
    "exiftool.org",
    "haveibeenpwned.com",
    "www.ncsc.gov.uk",
    "www.npsa.gov.uk",
}


@pytest.fixture(scope="module")
def book() -> AdviceBook:
    return AdviceBook.load()


def all_links(book: AdviceBook) -> list[tuple[str, Link]]:
    links = [(a.id, link) for a in book for link in a.links]
    links += [("approach_guidance", link) for link in book.approach_guidance.links]
    links += [("blind_spots", link) for link in book.blind_spots.links]
    return links


# --- the shipped file --------------------------------------------------------------------------------


def test_the_book_knows_every_registered_source() -> None:
    # advice.py keeps its own list so it needs no source imports; this keeps it in step with the registry.
    assert sorted(SOURCES) == sorted(KNOWN_SOURCES)


def test_default_load_reads_the_package_file(book: AdviceBook) -> None:
    assert package_data("advice.yaml").is_file()
    assert len(book) >= 25


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("match", RISKY_MATCHES)
def test_every_category_and_source_has_advice(
    book: AdviceBook, category: str, source: str, match: str
) -> None:
    ids = book.for_finding(category, source, match, archived=source == "wayback")
    assert ids, f"no advice for {category}/{source}/{match}"
    assert len(set(ids)) == len(ids)
    for advice_id in ids:
        assert advice_id in book


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("source", SOURCES)
def test_public_values_get_only_the_expected_entry(book: AdviceBook, category: str, source: str) -> None:
    assert book.for_finding(category, source, "public") == ("public-contact-expected",)


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("source", ["wayback", "crawl", "people_search"])
@pytest.mark.parametrize("match", RISKY_MATCHES)
def test_archived_findings_lead_with_archive_removal(
    book: AdviceBook, category: str, source: str, match: str
) -> None:
    assert book.for_finding(category, source, match, archived=True)[0] == "archive-removal"


def test_live_pages_are_not_sent_to_the_archive(book: AdviceBook) -> None:
    assert "archive-removal" not in book.for_finding("phone", "crawl", "private")


@pytest.mark.parametrize(
    ("category", "source", "match", "first"),
    [
        ("phone", "crawl", "private", "phone-off-website"),
        ("phone", "crawl", "discovered", "phone-off-website"),
        ("phone", "usernames", "private", "phone-off-profiles"),
        ("messaging_link", "crawl", "discovered", "messaging-link-off-web"),
        ("messaging_link", "usernames", "discovered", "messaging-link-off-web"),
        ("email", "crawl", "private", "personal-email-off-web"),
        ("email", "github", "private", "github-commit-email"),
        ("email", "keyserver", "private", "pgp-keyserver"),
        ("email", "gravatar", "private", "gravatar-profile"),
        ("address", "crawl", "private", "home-address-off-web"),
        ("address", "rdap", "private", "domain-privacy"),
        ("address", "people_search", "private", "people-search-erasure"),
        ("address", "companies_house", "private", "companies-house-service-address"),
        ("date_of_birth", "companies_house", "private", "companies-house-day-of-birth"),
        ("date_of_birth", "crawl", "private", "date-of-birth-off-web"),
        ("relative", "crawl", "private", "relatives-and-schools"),
        ("location", "crawl", "discovered", "photo-location"),
        ("account", "usernames", "discovered", "linked-accounts"),
        ("account", "hibp", "private", "breached-accounts"),
        ("email", "hibp", "private", "breached-accounts"),
    ],
)
def test_the_most_specific_advice_leads(
    book: AdviceBook, category: str, source: str, match: str, first: str
) -> None:
    assert book.for_finding(category, source, match)[0] == first


def test_a_personal_number_also_gets_the_messaging_settings(book: AdviceBook) -> None:
    ids = book.for_finding("phone", "crawl", "private")
    assert {"whatsapp-privacy", "signal-telegram-privacy"} <= set(ids)


def test_people_search_gets_the_open_register_opt_out(book: AdviceBook) -> None:
    assert "open-register-opt-out" in book.for_finding("address", "people_search", "private")


def test_an_unknown_source_still_gets_the_wildcard_advice(book: AdviceBook) -> None:
    assert book.for_finding("phone", "some_new_source", "private")[0] == "whatsapp-privacy"


def test_for_finding_rejects_unknown_category_and_match(book: AdviceBook) -> None:
    with pytest.raises(ValueError, match="category"):
        book.for_finding("phones", "crawl", "private")
    with pytest.raises(ValueError, match="match"):
        book.for_finding("phone", "crawl", "secret")


def test_ids_are_unique_kebab_case(book: AdviceBook) -> None:
    ids = [a.id for a in book]
    assert len(ids) == len(set(ids))
    for advice_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", advice_id)


def test_entries_are_complete(book: AdviceBook) -> None:
    for advice in book:
        assert advice.title
        assert advice.why
        assert advice.links
        assert advice.serves
        assert 3 <= len(advice.steps) <= 7
        assert advice.priority >= 1


def test_every_link_is_https_to_an_authority(book: AdviceBook) -> None:
    for owner, link in all_links(book):
        parts = urlsplit(link.url)
        assert parts.scheme == "https", f"{owner}: {link.url}"
        assert parts.hostname in AUTHORITY_HOSTS, f"{owner}: {link.url} is not on an authority's host"
        assert link.title.strip(), f"{owner}: {link.url} has no title"


def test_get_returns_the_entry_or_a_clear_key_error(book: AdviceBook) -> None:
    assert book.get("whatsapp-privacy").title.startswith("Lock down your WhatsApp")
    with pytest.raises(KeyError, match="no-such-advice"):
        book.get("no-such-advice")


def test_whatsapp_advice_covers_the_settings_that_matter(book: AdviceBook) -> None:
    text = " ".join(book.get("whatsapp-privacy").steps).lower()
    for setting in ("last seen", "profile photo", "about", "groups", "silence unknown callers"):
        assert setting in text
    assert "cannot hide your number" in text


def test_approach_guidance_and_blind_spots(book: AdviceBook) -> None:
    approach = " ".join(book.approach_guidance.points).lower()
    for action in ("don't reply", "keep the messages", "security team", "police", "block"):
        assert action in approach
    assert isinstance(book.blind_spots, Guidance)
    blind = " ".join(book.blind_spots.points).lower()
    for gap in ("private groups", "passed on by people", "person to person", "not been made public"):
        assert gap in blind


# --- the erasure letter ------------------------------------------------------------------------------


def test_the_erasure_letter_has_its_placeholders(book: AdviceBook) -> None:
    letter = book.get("people-search-erasure").letter
    fields = {f for _, f, _, _ in string.Formatter().parse(letter) if f is not None}
    assert set(REQUIRED_LETTER_FIELDS) <= fields
    assert {"{name}", "{site}", "{urls}"} <= {f"{{{f}}}" for f in fields}
    assert "Article 17" in letter


def test_the_erasure_letter_renders_completely(book: AdviceBook) -> None:
    rendered = book.get("people-search-erasure").render_letter(
        name="Jane Doe",
        site="people-finder.example",
        urls="https://people-finder.example/jane-doe",
        contact="office@parliament.example",
        date="1 March 2025",
    )
    assert "Jane Doe" in rendered
    assert "people-finder.example/jane-doe" in rendered
    assert "{" not in rendered
    assert "}" not in rendered


def test_rendering_a_letter_without_every_value_says_which_are_missing(book: AdviceBook) -> None:
    with pytest.raises(ValueError, match="site, urls"):
        book.get("people-search-erasure").render_letter(name="Jane Doe", contact="x", date="y")
    with pytest.raises(ValueError, match="no letter"):
        book.get("whatsapp-privacy").render_letter(name="Jane Doe")


# --- top actions -------------------------------------------------------------------------------------


def small_book(priorities: dict[str, int]) -> AdviceBook:
    entries = [
        Advice(
            id=advice_id,
            title=advice_id,
            why="why",
            steps=("one", "two", "three"),
            links=(Link("ICO", "https://ico.org.uk/"),),
            priority=priority,
            serves=(Serves("*", "*"),),
        )
        for advice_id, priority in priorities.items()
    ]
    guidance = Guidance("t", "x", ("p",))
    return AdviceBook(entries, guidance, guidance)


def ids(actions: list[Advice]) -> list[str]:
    return [a.id for a in actions]


def test_one_critical_outweighs_several_mediums() -> None:
    book = small_book({"a": 5, "b": 1})
    findings = [("critical", ("a",))] + [("medium", ("b",))] * 5  # 100 against 50
    assert ids(book.top_actions(findings, n=1)) == ["a"]


def test_enough_highs_outweigh_one_critical() -> None:
    book = small_book({"a": 1, "b": 5})
    findings = [("critical", ("a",))] + [("high", ("b",))] * 4  # 100 against 120
    assert ids(book.top_actions(findings, n=2)) == ["b", "a"]


def test_ties_go_to_the_more_urgent_priority() -> None:
    book = small_book({"a": 9, "b": 2, "c": 5})
    findings = [("high", ("a",)), ("high", ("b",)), ("high", ("c",))]
    assert ids(book.top_actions(findings)) == ["b", "c", "a"]


def test_info_and_low_weigh_what_they_should() -> None:
    book = small_book({"a": 1, "b": 2})
    assert book.top_actions([("info", ("a",)), ("info", ("b",))]) == []
    findings = [("low", ("a",))] * 3 + [("medium", ("b",))]  # 9 against 10
    assert ids(book.top_actions(findings, n=1)) == ["b"]


def test_a_findings_first_action_gets_the_most_credit() -> None:
    book = small_book({"fix": 5, "generic": 1})
    findings = [("critical", ("fix", "generic")), ("critical", ("fix", "generic"))]
    assert ids(book.top_actions(findings)) == ["fix", "generic"]


def test_top_actions_spread_over_the_worst_findings(book: AdviceBook) -> None:
    findings = [
        ("critical", book.for_finding("phone", "crawl", "private")),
        ("high", book.for_finding("email", "crawl", "private")),
        ("info", book.for_finding("phone", "crawl", "public")),
    ]
    assert ids(book.top_actions(findings)) == [
        "phone-off-website",
        "personal-email-off-web",
        "whatsapp-privacy",
    ]


def test_top_actions_respects_n_and_rejects_bad_input() -> None:
    book = small_book({"a": 1, "b": 2})
    assert book.top_actions([("high", ("a", "b"))], n=0) == []
    assert ids(book.top_actions([("high", ("a", "b"))], n=5)) == ["a", "b"]
    with pytest.raises(ValueError, match="severity"):
        book.top_actions([("severe", ("a",))])
    with pytest.raises(KeyError, match="zzz"):
        book.top_actions([("high", ("zzz",))])


# --- load errors -------------------------------------------------------------------------------------


def minimal_entry(advice_id: str = "do-something", **overrides: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": advice_id,
        "title": "Do something",
        "why": "Because.",
        "steps": ["one", "two", "three"],
        "links": [{"title": "ICO", "url": "https://ico.org.uk/"}],
        "serves": [{"category": "phone", "source": "crawl"}],
        "priority": 1,
    }
    entry.update(overrides)
    return entry


def write_book(tmp_path: Path, entries: list[dict[str, Any]], **top: Any) -> Path:
    def guidance() -> dict[str, Any]:  # a fresh one each time: shared objects would dump as aliases
        return {"title": "t", "text": "x", "points": ["p"]}

    doc: dict[str, Any] = {
        "version": 1,
        "advice": entries,
        "approach_guidance": guidance(),
        "blind_spots": guidance(),
    }
    doc.update(top)
    path = tmp_path / "advice.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def load_error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        AdviceBook.load(path)
    return info.value


def test_a_minimal_file_loads(tmp_path: Path) -> None:
    book = AdviceBook.load(write_book(tmp_path, [minimal_entry()]))
    assert book.for_finding("phone", "crawl", "private") == ("do-something",)


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        (minimal_entry(links=[{"title": "x", "url": "http://ico.org.uk/"}]), "links[0].url", "https"),
        (minimal_entry(steps=["only one"]), "steps", "3 to 7"),
        (minimal_entry(serves=[{"category": "phones", "source": "crawl"}]), "serves[0].category", "one of"),
        (minimal_entry(serves=[{"category": "phone", "source": "myspace"}]), "serves[0].source", "one of"),
        (minimal_entry(serves=[{"category": "phone", "source": "crawl", "match": "x"}]), "match", "match"),
        (minimal_entry(priority=0), "priority", "priority"),
        (minimal_entry(title=""), "title", "title"),
        (minimal_entry(colour="red"), "colour", "unknown field"),
        (minimal_entry(letter="Dear {site}, about {urls}"), "letter", "name"),
        (minimal_entry(letter="Dear {site}, {name}, {urls}, {secret}"), "letter", "secret"),
    ],
)
def test_load_errors_name_the_entry_and_field(
    tmp_path: Path, entry: dict[str, Any], field: str, words: str
) -> None:
    error = load_error(write_book(tmp_path, [minimal_entry("fine-entry"), entry]))
    message = str(error)
    assert "'do-something'" in message
    assert field in message
    assert words in message
    assert all(p.line is not None for p in error.problems)


def test_missing_fields_are_named(tmp_path: Path) -> None:
    entry = minimal_entry()
    del entry["why"]
    message = str(load_error(write_book(tmp_path, [entry])))
    assert "'do-something'" in message
    assert "required key 'why' is missing" in message


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    message = str(load_error(write_book(tmp_path, [minimal_entry(), minimal_entry()])))
    assert "duplicate id" in message
    assert "'do-something'" in message


def test_bad_ids_are_rejected(tmp_path: Path) -> None:
    message = str(load_error(write_book(tmp_path, [minimal_entry("Do_Something")])))
    assert "kebab-case" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    entries = [minimal_entry("a", priority=-1), minimal_entry("b", links=[])]
    error = load_error(write_book(tmp_path, entries, extra=True))
    assert len(error.problems) == 3


def test_guidance_is_required(tmp_path: Path) -> None:
    path = write_book(tmp_path, [minimal_entry()])
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    del doc["blind_spots"]
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert "blind_spots" in str(load_error(path))


def test_invalid_yaml_and_missing_files_are_clear(tmp_path: Path) -> None:
    path = tmp_path / "advice.yaml"
    path.write_text("advice: [\n", encoding="utf-8")
    assert "not valid YAML" in str(load_error(path))
    assert "file not found" in str(load_error(tmp_path / "missing.yaml"))


def test_the_advice_file_gets_the_rosters_guards(tmp_path: Path) -> None:
    """Read with the roster's loader: a duplicate key or an alias is refused, never silently merged."""
    path = write_book(tmp_path, [minimal_entry()])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  priority: 1\n", "  priority: 1\n  priority: 2\n", 1), encoding="utf-8")
    assert "duplicate key 'priority'" in str(load_error(path))
    path.write_text(text.replace("title: t\n", "title: &t t\n", 1).replace("text: x", "text: *t", 1))
    assert "aliases" in str(load_error(path))
