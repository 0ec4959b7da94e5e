"""The GitHub source: the person's GitHub profiles, and the author emails of their recent public commits."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, urlsplit

from ..model import Document, FetchRecord, Person, SourceResult, SourceStatus
from . import records
from .api import ApiSource, Tally, unique
from .trouble import rate_limited

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response

SERVICE = "GitHub"
DEFAULT_BASE_URL = "https://api.github.com"
# Headers and version as in docs.github.com "REST API endpoints for users" (Get a user).
API_VERSION = "2022-11-28"
MAX_EVENTS = 100
MAX_COMMITS_PER_PUSH = 20
MAX_COMMIT_LOOKUPS = 3
"""Since 2025 github.com's PushEvent payload carries no `commits` (only repository_id, push_id, ref,
head, before: docs.github.com "GitHub event types", whose commit fields are now GitHub Enterprise
Server only), so the head commit of a few pushes is fetched instead; few, because unauthenticated
clients get 60 requests an hour."""
MAX_EMAILS = 50
_REPO = re.compile(r"[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")
_SHA = re.compile(r"[0-9a-fA-F]{7,64}")


class GitHubSource(ApiSource):
    """GitHub profiles under the person's usernames, and the emails their public commits carry."""

    name: ClassVar[str] = "github"
    description: ClassVar[str] = "GitHub profiles for the person's usernames and their public commit emails"
    service: ClassVar[str] = SERVICE
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    accept: ClassVar[str] = "application/vnd.github+json"
    key_env: ClassVar[str] = "GITHUB_TOKEN"
    key_option: ClassVar[str] = "token_env"
    extra_headers: ClassVar[Mapping[str, str]] = {"X-GitHub-Api-Version": API_VERSION}

    def key_headers(self, key: str) -> dict[str, str]:
        # 5,000 requests an hour instead of 60 (docs.github.com "Rate limits for the REST API").
        return {"Authorization": f"Bearer {key}"}

    def collect(self, person: Person) -> SourceResult:
        usernames = unique(person.usernames)
        if not usernames:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no usernames on the roster")
        tally = Tally(self.name, "username", len(usernames))
        # A username is public: it names its own look-up. A profile seen before the events failed counts.
        self.look_up_each(tally, usernames, self._lookup, lambda _, login: f"username {login}")
        return tally.result("with a GitHub profile")

    def _lookup(self, login: str, documents: list[Document]) -> None:
        profile = self._json(f"/users/{quote(login, safe='')}")
        if profile is None:
            return  # no such user: checked, nothing there
        profile = records.expect_dict(profile, SERVICE, self._url("/users/"), "the user")
        html_url = records.web_url(profile.get("html_url"), f"https://github.com/{quote(login, safe='')}")
        documents.append(_profile_document(self.name, login, html_url, profile))
        commits, read_from = self._commit_emails(login)
        if commits:
            # The document names its first commit's page: its evidence is what that commit was read from.
            _, _, repo, sha = commits[0]
            documents.append(
                _commits_document(self.name, login, html_url, commits, read_from.get((repo, sha)))
            )

    def _commit_emails(
        self, login: str
    ) -> tuple[list[tuple[str, str, str, str]], dict[tuple[str, str], FetchRecord | None]]:
        """(name, email, repo, sha) of recent public commits, noreply addresses left out; and for each
        (repo, sha), the fetch its author was read from: the events listing (older event shapes list the
        authors) or the commit itself."""
        events = self._json(f"/users/{quote(login, safe='')}/events/public?per_page={MAX_EVENTS}")
        listing = records.last_answer()
        read_from: dict[tuple[str, str], FetchRecord | None] = {}
        if events is None:
            return [], read_from
        events = records.expect_list(events, SERVICE, self._url("/users/"), "the events")
        found: list[tuple[str, str, str, str]] = []
        heads: list[tuple[str, str]] = []
        for event in events[:MAX_EVENTS]:
            if not isinstance(event, dict) or event.get("type") != "PushEvent":
                continue
            payload = records.dict_at(event, "payload")
            repo = records.text_at(records.dict_at(event, "repo"), "name")
            commits = payload.get("commits")
            if isinstance(commits, list):  # GitHub Enterprise Server, and github.com before 2025
                for commit in commits[:MAX_COMMITS_PER_PUSH]:
                    if isinstance(commit, dict):
                        author = records.dict_at(commit, "author")
                        sha = records.text_at(commit, "sha")
                        found.append(
                            (records.text_at(author, "name"), records.text_at(author, "email"), repo, sha)
                        )
                        read_from[(repo, sha)] = listing
            else:
                head = records.text_at(payload, "head")
                if _REPO.fullmatch(repo) and _SHA.fullmatch(head) and (repo, head) not in heads:
                    heads.append((repo, head))
        for repo, sha in heads[:MAX_COMMIT_LOOKUPS]:
            found.extend(self._head_commit(login, repo, sha))
            read_from[(repo, sha)] = records.last_answer()
        return _keep_personal(found), read_from

    def _head_commit(self, login: str, repo: str, sha: str) -> list[tuple[str, str, str, str]]:
        """Author and committer of one commit (docs.github.com "Get a commit": commit.author/committer)."""
        data = self._json(f"/repos/{repo}/commits/{sha}")
        if data is None:
            return []  # the repository went private or the commit was force-pushed away
        top = records.expect_dict(data, SERVICE, self._url("/repos/"), "the commit")
        commit = records.dict_at(top, "commit")
        found = []
        for role in ("author", "committer"):
            # The top-level author/committer is the GitHub account the address belongs to, when it
            # belongs to one: a commit the person pushed but someone else wrote is not theirs to report.
            account = records.text_at(records.dict_at(top, role), "login")
            if account and account.lower() != login.lower():
                continue
            person = records.dict_at(commit, role)
            found.append((records.text_at(person, "name"), records.text_at(person, "email"), repo, sha))
        return found

    def _json(self, path: str) -> Any:
        """The JSON at `path`, None for 404; raises ApiTrouble otherwise."""
        return self.get_json(self._url(path))

    def refuse(self, response: Response, shown_url: str) -> None:
        if response.status in (403, 429) and _is_rate_limit(response.headers, response.body):
            raise rate_limited(response, SERVICE, shown_url)

    def _url(self, path: str) -> str:
        return self.base_url + path


def _is_rate_limit(headers: Mapping[str, str], body: bytes) -> bool:
    """Primary limit: X-RateLimit-Remaining 0; secondary: a Retry-After or the message saying so
    (docs.github.com "Rate limits for the REST API": both come as 403 or 429)."""
    if headers.get("x-ratelimit-remaining", "").strip() == "0" or "retry-after" in headers:
        return True
    return b"rate limit" in body[:2000].lower()


def _keep_personal(found: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Distinct addresses, without GitHub's own noreply ones (which hide the real address on purpose)."""
    kept: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for name, email, repo, sha in found:
        address = email.lower()
        domain = address.rpartition("@")[2]
        if "@" not in address or address in seen or address == "noreply@github.com":
            continue
        if domain.startswith("users.noreply."):  # users.noreply.github.com, and GHES's own
            continue
        seen.add(address)
        kept.append((name, email, repo, sha))
    return kept[:MAX_EMAILS]


def _profile_document(source: str, login: str, url: str, profile: Mapping[str, Any]) -> Document:
    fields = ("name", "email", "blog", "location", "bio", "company", "twitter_username")
    lines = [("login", records.text_at(profile, "login") or login)]
    lines += [(field.replace("_", " "), records.text_at(profile, field)) for field in fields]
    return records.record_document(
        fetched=records.last_answer(),
        source=source,
        url=url,
        label=f"GitHub profile {login}",
        lines=lines,
        account=("GitHub", login),
    )


def _commits_document(
    source: str,
    login: str,
    profile_url: str,
    commits: list[tuple[str, str, str, str]],
    fetched: FetchRecord | None,
) -> Document:
    lines = []
    for name, email, repo, sha in commits:
        where = f" in {repo}" + (f" commit {sha[:12]}" if sha else "") if repo else ""
        lines.append(("commit author", f"{name} <{email}>{where}" if name else f"{email}{where}"))
    _, _, repo, sha = commits[0]
    web = urlsplit(profile_url)
    # Where a reader sees the address: the commit's page (its .patch view shows the author's email).
    url = profile_url
    if _REPO.fullmatch(repo) and _SHA.fullmatch(sha):
        url = f"{web.scheme}://{web.netloc}/{repo}/commit/{sha}"
    document = records.record_document(
        fetched=fetched,
        source=source,
        url=url,
        label=f"Commit author emails on GitHub for {login}",
        lines=lines,
    )
    # Each push changes the newest commit: the place is the account's commits, not one hash.
    return dataclasses.replace(document, place=f"{profile_url}#commit-emails")
