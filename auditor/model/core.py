"""The pipeline's values: the roster's people, fetched documents, hits and findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .sealed import SealedValues


class Severity(StrEnum):
    """How much a finding helps an attacker; ordered from worst to least."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical up to 4 for info: sort key, lower is worse."""
        return list(Severity).index(self)

    def at_least(self, other: Severity) -> bool:
        """True when this severity is `other` or worse."""
        return self.rank <= other.rank


class Category(StrEnum):
    """What kind of personal information a finding is (findings.json `category`)."""

    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    DATE_OF_BIRTH = "date_of_birth"
    RELATIVE = "relative"
    LOCATION = "location"
    MESSAGING_LINK = "messaging_link"
    ACCOUNT = "account"
    OTHER = "other"


class Match(StrEnum):
    """How a value was recognised: one of the person's known values, or discovered on a page about them."""

    PRIVATE = "private"
    PUBLIC = "public"
    DISCOVERED = "discovered"


class SourceStatus(StrEnum):
    """The outcome of one source for one person. Only `ok` means "checked"."""

    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"
    RATE_LIMITED = "rate_limited"


class DocKind(StrEnum):
    """What a document was extracted from."""

    HTML = "html"
    PDF = "pdf"
    IMAGE = "image"
    RECORD = "record"
    TEXT = "text"


# --- the roster -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrivateLocation:
    """A place the person does not want tied to them (home, school run), with an alert radius."""

    lat: float
    """Latitude in decimal degrees."""
    lon: float
    """Longitude in decimal degrees."""
    label: str = "private location"
    """A human name for the place, e.g. "home"."""
    radius_m: float = 500.0
    """A photo taken within this many metres is critical."""


@dataclass(frozen=True)
class PublicValues:
    """Contact details published on purpose: a sighting is `info`, never exposure."""

    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrivateValues:
    """Values that must not be public: any sighting is a finding."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    dates_of_birth: tuple[dt.date, ...] = ()
    relatives: tuple[str, ...] = ()
    locations: tuple[PrivateLocation, ...] = ()
    other: tuple[str, ...] = ()


@dataclass(frozen=True)
class SocialAccount:
    """A public social account the roster names: read through its platform's public API."""

    platform: str
    """bluesky or mastodon."""
    handle: str
    """As the roster writes it: "jane.bsky.social" (or a DID), "@jane@mastodon.example[:port]"."""


@dataclass(frozen=True)
class Person:
    """One person on the roster."""

    id: str
    """[a-z0-9-]+, unique across the roster; used in file names."""
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    group: str = ""
    websites: tuple[str, ...] = ()
    """Crawl seeds (http/https URLs)."""
    domains: tuple[str, ...] = ()
    """Domains for registrant look-ups."""
    usernames: tuple[str, ...] = ()
    accounts: tuple[SocialAccount, ...] = ()
    """Public social accounts (Bluesky, Mastodon) whose profiles and recent posts are read."""
    external_id: str = ""
    """Where `auditor roster import` found this person ("commons:4514", "lords:3012"), "" for one typed in."""
    public: PublicValues = field(default_factory=PublicValues)
    private: PrivateValues = field(default_factory=PrivateValues)
    sealed: SealedValues = field(default_factory=SealedValues)
    """Private values kept only as keyed hashes and masks (a sealed roster: `auditor seal`)."""


# --- what sources produce ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GeoPoint:
    """A position in decimal degrees (WGS84), e.g. from a photo's EXIF GPS tags."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Extracted:
    """What extraction found in one fetched body: text for the detectors, links for the crawler."""

    kind: DocKind
    text: str
    """Visible text (HTML), page text (PDF) or metadata text (image); capped in length."""
    title: str = ""
    contact_links: tuple[str, ...] = ()
    """Targets of mailto:, tel:, sms: and messaging links (wa.me, api.whatsapp.com, t.me, signal.me)."""
    outlinks: tuple[str, ...] = ()
    """Absolute http(s) URLs of pages, PDFs and images this document links to (for crawling)."""
    gps: GeoPoint | None = None
    """Where a photo was taken, from EXIF GPS."""
    meta: Mapping[str, str] = field(default_factory=dict)
    """Document info (PDF author, EXIF camera...), already included in `text` where personal."""


@dataclass(frozen=True)
class FetchRecord:
    """What a removal request or a complaint to the ICO cites about one fetch: where, when, the server's
    answer, and a hash that shows the body was not altered afterwards."""

    url: str
    """The URL that answered (after redirects)."""
    fetched_at: dt.datetime
    """When the body was fetched (for a copy from the HTTP cache, when the cache got it)."""
    status: int
    sha256: str
    """SHA-256 of the body exactly as received, in hex."""


@dataclass(frozen=True)
class Document:
    """One thing a source saw, ready for the detectors."""

    url: str
    """Where it was seen: what a finding cites (a snapshot URL for archived pages)."""
    source: str
    """The `name` of the source that produced it."""
    content: Extracted
    attributed: bool
    """True when the document is about the person (their own site, their records): discovered-data
    detectors run only on attributed documents."""
    archived_at: dt.datetime | None = None
    """For an archived copy, when the archive captured it."""
    label: str = ""
    """A short human description ("GitHub profile", "RDAP registrant record") for reports."""
    place: str = ""
    """What identifies where it was seen across runs, when `url` changes without the place changing
    (a snapshot's timestamp, a commit's hash); "" means `url` itself. Fingerprints use this."""
    fetched: FetchRecord | None = None
    """The fetch it was read from: evidence for a removal request. None when nothing was fetched."""

    @property
    def identity(self) -> str:
        return self.place or self.url


@dataclass(frozen=True)
class FetchFailure:
    """One URL a source could not fetch, and why: shown in reports, never silently dropped."""

    url: str
    reason: str
    """Machine-readable kind: robots, guard, timeout, connection, too_large, http_error, rate_limited,
    bad_url, parse."""
    detail: str = ""
    """Human-readable explanation."""


@dataclass(frozen=True)
class SourceResult:
    """Everything one source produced for one person."""

    source: str
    status: SourceStatus
    detail: str = ""
    """Why it failed, was skipped or rate-limited; or what it checked when ok."""
    documents: tuple[Document, ...] = ()
    failures: tuple[FetchFailure, ...] = ()
    checked: tuple[str, ...] | None = None
    """When the source looked at some places only (a crawl cut short by its page cap): the URLs it did
    read, so history resolves a finding only where the source looked. None: it saw all it could."""


# --- what detectors produce -------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One sighting of a personal value in one document, before findings are grouped."""

    detector: str
    """The `name` of the detector that saw it."""
    category: Category
    match: Match
    key: str
    """Normalised value, the identity of the sighting (E.164 phone, lower-case email, ISO date...)."""
    value: str
    """Display form, unmasked (masking happens at output time)."""
    evidence: str
    """A short snippet of the document around the sighting, unmasked, at most ~160 characters."""
    severity: Severity
    detail: str = ""
    """Extra context for the reader, e.g. "mobile" or "120 m from home"."""
    covers: tuple[str, ...] = ()
    """Keys of discovered values of the same category that this sighting already reports: a home
    address seen in full covers its postcode, which is then not reported again on its own."""


@dataclass(frozen=True)
class Finding:
    """One distinct (value, url) sighting for one person: what the outputs list."""

    id: str
    """Stable fingerprint: person, category, normalised value, url; never times or positions."""
    person_id: str
    category: Category
    match: Match
    severity: Severity
    key: str
    value: str
    source: str
    url: str
    evidence: str
    detail: str = ""
    label: str = ""
    archived_at: dt.datetime | None = None
    advice: tuple[str, ...] = ()
    fetched: FetchRecord | None = None
    """The fetch of the page it was seen on (the document's)."""
