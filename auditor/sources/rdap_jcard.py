"""An RDAP domain response (RFC 9083) to its contacts' jCard fields (RFC 7095), and redaction (RFC 9537)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..plain import one_line

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

PERSON_ROLES = ("registrant", "administrative", "technical", "billing")
"""RFC 9083 section 10.2.4 roles that may be the domain holder; "registrar", "abuse", "reseller" and
"sponsor" are companies and their staff."""

# Hostile input: a registry response is attacker-controlled, so every walk below is bounded.
MAX_DEPTH = 6
MAX_ENTITIES = 100
MAX_PROPERTIES = 200
MAX_VALUE_CHARS = 300

# RFC 9537 does not fix the replacement text; these are what registries and privacy services use in
# practice ("REDACTED FOR PRIVACY" from ICANN's gTLD profile, "Data Protected", "Withheld for Privacy
# ehf", "Domains By Proxy, LLC", "Not Disclosed" ...).
_REDACTED = re.compile(
    r"redacted|data\s+protected|withheld|not\s+disclosed|non-public|privacy|by\s+proxy|whoisguard"
    r"|gdpr|masked|hidden\s+upon\s+user\s+request|not\s+available\s+from\s+registry",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Malformed:
    """The response is not an RDAP domain object we can read."""

    detail: str


@dataclass(frozen=True)
class Registration:
    """What a domain's RDAP record says about the people behind it."""

    lines: tuple[str, ...] = ()
    """"registrant name: ...", "technical email: ..." lines, redacted values left out."""
    redacted: bool = False
    """The registry redacted contact details (a `redacted` array, a placeholder value, a privacy service)."""


@dataclass
class _Contact:
    role: str
    fields: list[tuple[str, str]] = field(default_factory=list)


def parse_domain(data: object) -> Registration | Malformed:
    """The contact lines of an RDAP domain object (already JSON-decoded)."""
    if not isinstance(data, dict):
        return Malformed("not a JSON object")
    entities = data.get("entities", [])
    if not isinstance(entities, list):
        return Malformed("entities is not an array")
    redacted = _redacted_array(data.get("redacted"))
    contacts: list[_Contact] = []
    for role, entity in _person_entities(entities):
        contact, entity_redacted = _contact(role, entity)
        redacted = redacted or entity_redacted
        if contact is not None and contact.fields:
            contacts.append(contact)
    lines: list[str] = []
    for contact in contacts:
        for name, value in contact.fields:
            line = f"{contact.role} {name}: {value}"
            if line not in lines:
                lines.append(line)
    return Registration(tuple(lines), redacted)


def _redacted_array(value: object) -> bool:
    """RFC 9537: a top-level `redacted` array of {name: {type | description}, method, ...} objects."""
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _person_entities(entities: list[Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(role, entity) for each contact that may be the holder, depth-first through nested entities.

    A registrar's nested entities (its abuse desk, its own technical staff) belong to the registrar.
    """
    stack: list[tuple[list[Any], int]] = [(entities, 0)]
    seen = 0
    while stack and seen < MAX_ENTITIES:
        items, depth = stack.pop()
        for entity in items[:MAX_ENTITIES]:
            if not isinstance(entity, dict):
                continue
            seen += 1
            if seen > MAX_ENTITIES:
                return
            roles = _roles(entity.get("roles"))
            role = next((r for r in PERSON_ROLES if r in roles), None)
            if role is not None:
                yield role, entity
            nested = entity.get("entities")
            if "registrar" not in roles and isinstance(nested, list) and depth + 1 < MAX_DEPTH:
                stack.append((nested, depth + 1))


def _roles(value: object) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {r.strip().lower() for r in value[:20] if isinstance(r, str)}


def _contact(role: str, entity: Mapping[str, Any]) -> tuple[_Contact | None, bool]:
    """One entity's readable jCard fields, and whether any were redacted.

    A privacy service named as the contact (fn or org) makes the whole entity the service's: its
    address and phone are not the person's, so none of it is kept.
    """
    redacted = _remarks_redacted(entity.get("remarks"))
    properties = _properties(entity.get("vcardArray"))
    if properties is None:
        return None, redacted
    contact = _Contact(role)
    for name, params, values in properties:
        if name == "adr":
            addresses, adr_redacted = _addresses(params, values)
            redacted = redacted or adr_redacted
            contact.fields.extend(("address", a) for a in addresses if ("address", a) not in contact.fields)
            continue
        label, texts = _field(name, params, values)
        if label is None:
            continue
        for text in texts:
            if _REDACTED.search(text):
                redacted = True
                if label in ("name", "organisation"):
                    return None, True
                continue
            if (label, text) not in contact.fields:
                contact.fields.append((label, text))
    return contact, redacted


def _remarks_redacted(remarks: object) -> bool:
    """ICANN's gTLD profile marks a redacted contact with a remark titled "REDACTED FOR PRIVACY"."""
    if not isinstance(remarks, list):
        return False
    for remark in remarks[:20]:
        if isinstance(remark, dict):
            title = remark.get("title")
            if isinstance(title, str) and _REDACTED.search(title[:MAX_VALUE_CHARS]):
                return True
    return False


def _properties(vcard: object) -> list[tuple[str, Mapping[str, Any], list[Any]]] | None:
    """jCard ["vcard", [[name, params, type, value, ...], ...]] as (name, params, values); None if not one."""
    if not isinstance(vcard, list) or len(vcard) < 2 or vcard[0] != "vcard" or not isinstance(vcard[1], list):
        return None
    out: list[tuple[str, Mapping[str, Any], list[Any]]] = []
    for prop in vcard[1][:MAX_PROPERTIES]:
        if not isinstance(prop, list) or len(prop) < 4 or not isinstance(prop[0], str):
            continue
        params = prop[1] if isinstance(prop[1], dict) else {}
        out.append((prop[0].lower(), params, prop[3:8]))
    return out


def _field(name: str, params: Mapping[str, Any], values: list[Any]) -> tuple[str | None, list[str]]:
    """The line label and display values of one jCard property we report; (None, []) for the rest."""
    if name == "fn":
        return "name", _texts(values)
    if name == "org":
        return "organisation", _texts(values)
    if name == "email":
        return "email", [_strip_scheme(v, "mailto:") for v in _texts(values)]
    if name == "tel":
        kind = "fax" if "fax" in _param_types(params) else "phone"
        return kind, [_tel(v) for v in _texts(values)]
    return None, []


def _addresses(params: Mapping[str, Any], values: list[Any]) -> tuple[list[str], bool]:
    """An adr property's addresses, redacted parts left out, and whether any part was redacted.

    RFC 7095 section 3.3.1.3 / RFC 9083 section 5.1: the structured value [PO box, extended, street,
    locality, region, postal code, country], a "label" parameter with the formatted address, or both.
    What is left once the redacted parts go must still place a person: a region or country alone does not.
    """
    redacted = False
    out: list[str] = []
    label = params.get("label")
    if isinstance(label, str):
        lines = [_one_line(line) for line in label[: MAX_VALUE_CHARS * 2].splitlines()]
        kept = [line for line in lines if line and not _REDACTED.search(line)]
        redacted = len(kept) < len([line for line in lines if line])
        if len(kept) >= 2:
            out.append(_one_line(", ".join(kept)))
    structured = values[0] if values else None
    parts = structured if isinstance(structured, list) else [structured]
    kept_parts: list[tuple[int, str]] = []
    for index, part in enumerate(parts[:7]):
        for text in _flatten(part):
            if _REDACTED.search(text):
                redacted = True
            else:
                kept_parts.append((index, text))
    if any(index not in (4, 6) for index, _ in kept_parts):
        address = _one_line(", ".join(text for _, text in kept_parts))
        if address and address not in out:
            out.append(address)
    return out, redacted


def _param_types(params: Mapping[str, Any]) -> set[str]:
    value = params.get("type")
    items = value if isinstance(value, list) else [value]
    return {v.lower() for v in items[:10] if isinstance(v, str)}


def _texts(values: list[Any]) -> list[str]:
    """Each value as one line: a string, or a structured (array) value joined with ", "."""
    out = []
    for value in values:
        text = _one_line(", ".join(_flatten(value)))
        if text:
            out.append(text)
    return out


def _flatten(value: object, depth: int = 0) -> list[str]:
    """The non-empty strings of a jCard value; structured components may themselves be arrays."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and depth < 2:
        return [s for item in value[:20] for s in _flatten(item, depth + 1)]
    return []


def _one_line(text: str) -> str:
    # Empty structured components leave runs of commas ("12 Acacia Avenue,,,Exampleton"): one each.
    return re.sub(r"\s*,\s*(,\s*)*", ", ", one_line(text, MAX_VALUE_CHARS * 2)).strip(", ")[:MAX_VALUE_CHARS]


def _strip_scheme(value: str, scheme: str) -> str:
    return value[len(scheme) :] if value.lower().startswith(scheme) else value


def _tel(value: str) -> str:
    """The number alone: a tel: URI (RFC 3966, as RFC 9083 uses) loses its scheme and parameters, and the
    EPP form "+44.7700900123" (RFC 5733, common in registry data) gets a space the phone detectors read."""
    number = _strip_scheme(value, "tel:").split(";", 1)[0]
    return re.sub(r"^\+(\d{1,3})\.(?=\d)", r"+\1 ", number)
