"""The people_search source: the person's name on people-search sites, keeping only listings that are theirs.

Attribution is the point: the one independent study of commercial removal services found only 41% of
the records they flagged were really the user. A listing counts only when it carries one of the
person's known values; namesakes are counted and ignored.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..catalogue import Kind, Presence, Reason, Site, State, load_catalogue, probe, slug, unchecked_note
from ..catalogue.listings import evidence, identifiers, split_listings, towns
from ..model import DocKind, Document, Extracted, FetchFailure, Person, SourceResult, SourceStatus
from ..plain import plural
from .interface import NotConfigured, Source, SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response

MAX_TOWNS = 3
"""Towns searched per {city} site: a person has a home and perhaps an office, rarely more."""

OPT_OUT_PREFIX = "opt-out: "
"""A document's text ends with this line and the site's opt-out URL, when the catalogue gives one."""


@dataclass
class _SiteOutcome:
    """What one fetch of one site's results page gave."""

    site: Site
    presence: Presence
    documents: list[Document] = field(default_factory=list)
    namesakes: int = 0
    matched_on: Counter[str] = field(default_factory=Counter)
    failure: FetchFailure | None = None


class PeopleSearchSource(Source):
    """Searches people-search sites for the person's name; attributes only listings with their values."""

    name: ClassVar[str] = "people_search"
    description: ClassVar[str] = "people-search sites (a catalogue you supply): listings showing the person"
    default_on: ClassVar[bool] = False
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "catalogue": {
                "description": "Path to a people-search catalogue in auditor's YAML format (relative paths "
                "start from the config file's folder). None ships with auditor.",
                "type": "string",
                "minLength": 1,
                "examples": ["people-search.yaml"],
            },
        },
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        spec = options.get("catalogue")
        if not spec:
            raise NotConfigured(
                "needs `catalogue: PATH`, a people-search catalogue (none ships with auditor)"
            )
        config_path = ctx.config.path
        base = config_path.absolute().parent if config_path is not None else None
        self.catalogue = load_catalogue(str(spec), kind=Kind.PEOPLE_SEARCH, base=base)
        self.concurrency = max(1, ctx.config.network.concurrency)

    def collect(self, person: Person) -> SourceResult:
        words = person.name.split()
        if not words:
            return SourceResult(self.name, SourceStatus.SKIPPED, "the roster gives no name")
        base = {"first": words[0], "last": words[-1], "slug": slug(person.name)}
        known_towns = towns(person)[:MAX_TOWNS]
        tasks: list[tuple[Site, dict[str, str]]] = []
        no_town: list[str] = []
        for site in self.catalogue.sites:
            if "city" not in site.placeholders():
                tasks.append((site, base))
            elif known_towns:
                tasks.extend((site, {**base, "city": town}) for town in known_towns)
            else:
                no_town.append(site.name)
        if not tasks:
            sealed = person.sealed.addresses
            why = "sealed addresses give none" if sealed else "no address on the roster gives one"
            detail = f"every site needs a town, and {why} ({_sites(no_town)})"
            return SourceResult(self.name, SourceStatus.SKIPPED, detail)
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="people-search") as pool:
            outcomes = list(pool.map(lambda task: self._check(person, *task), tasks))
        return _summarise(self.name, outcomes, no_town)

    def _check(self, person: Person, site: Site, values: Mapping[str, str]) -> _SiteOutcome:
        result = probe(self.ctx.fetcher, site, values, cache=False)
        presence = result.presence
        outcome = _SiteOutcome(site, presence)
        if presence.state is State.UNKNOWN:
            outcome.failure = FetchFailure(
                presence.url, presence.failure_reason, f"{site.name}: {presence.detail}"
            )
        elif presence.state is State.EXISTS and result.response is not None:
            self._attribute(person, outcome, result.response)
        return outcome

    def _attribute(self, person: Person, outcome: _SiteOutcome, response: Response) -> None:
        """One document per listing that carries the person's values; namesakes only counted."""
        site = outcome.site
        listings = split_listings(response.body, response.content_type, site.listing)
        if site.listing and not listings:
            # The page has results but none where the catalogue says: the site changed its layout.
            detail = f"{site.name}: the listing selector matched nothing; the catalogue may be stale"
            outcome.presence = Presence(State.UNKNOWN, Reason.UNRECOGNISED, detail, response.url)
            outcome.failure = FetchFailure(response.url, Reason.UNRECOGNISED.value, detail)
            return
        ids = identifiers(person, self.ctx.sealer)
        for text in listings:
            kinds = evidence(text, ids)
            if not kinds:
                outcome.namesakes += 1
                continue
            outcome.matched_on.update(kinds)
            lines = [text]
            if site.opt_out:
                lines.append(f"{OPT_OUT_PREFIX}{site.opt_out}")
            meta = {"people_search_site": site.name, "opt_out": site.opt_out, "matched_on": ", ".join(kinds)}
            content = Extracted(kind=DocKind.HTML, text="\n".join(lines), meta=meta)
            label = f"People-search listing on {site.name}"
            outcome.documents.append(
                Document(
                    url=response.final_url,
                    source=self.name,
                    content=content,
                    attributed=True,
                    label=label,
                    fetched=response.record,
                )
            )


def _summarise(name: str, outcomes: list[_SiteOutcome], no_town: list[str]) -> SourceResult:
    """ok when every site answered; failed (or rate_limited) when any could not be checked."""
    documents = tuple(d for o in outcomes for d in o.documents)
    failures = tuple(o.failure for o in outcomes if o.failure is not None)
    unknown = [o for o in outcomes if o.presence.state is State.UNKNOWN]
    sites_checked = len({o.site.name for o in outcomes})
    notes = [f"{plural(sites_checked, 'site')} searched"]
    matched = [o for o in outcomes if o.documents]
    if matched:
        for outcome in matched:
            kinds = ", ".join(kind for kind, _ in outcome.matched_on.most_common())
            notes.append(
                f"{plural(len(outcome.documents), 'listing')} on {outcome.site.name} "
                f"matched the person (on {kinds})"
            )
    else:
        notes.append("no listing matched the person")
    namesakes = sum(o.namesakes for o in outcomes)
    if namesakes:
        notes.append(f"{plural(namesakes, 'namesake listing')} ignored")
    if no_town:
        they = "it needs" if len(no_town) == 1 else "they need"
        notes.append(f"skipped {_sites(no_town)}: {they} a town, and no address on the roster gives one")
    if unknown:
        notes.append(unchecked_note([(o.site.name, o.presence) for o in unknown], "search"))
    status = SourceStatus.OK
    if unknown:
        all_rate_limited = all(o.presence.reason is Reason.RATE_LIMITED for o in unknown)
        status = SourceStatus.RATE_LIMITED if all_rate_limited else SourceStatus.FAILED
    return SourceResult(name, status, "; ".join(notes), documents, failures)


def _sites(names: list[str]) -> str:
    return ", ".join(names)
