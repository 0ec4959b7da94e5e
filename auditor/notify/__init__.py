"""Alerts for cron: after an audit, what needs attention; after a summary, the month (README: Notify)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from .channels import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature
from .deliver import Delivery, deliver
from .notice import Notice, Reports, audit_notice, summary_notice

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from ..config import NotifySettings
    from ..model import MonthSummary
    from ..report.view import RunView

__all__ = [
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Delivery",
    "Notice",
    "Reports",
    "alert_after_audit",
    "alert_summary",
    "audit_notice",
    "signature",
    "summary_notice",
]

log = logging.getLogger("auditor.notify")


def alert_after_audit(
    view: RunView,
    settings: NotifySettings,
    *,
    out: Path,
    environ: Mapping[str, str],
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[Delivery, ...]:
    """Send the audit's alert when something needs attention; nothing is sent (and () returned) otherwise."""
    notice = audit_notice(view, settings.min_severity, Reports.at(settings.reports_url, out))
    if notice is None:
        log.info(
            "no alert sent: nothing new, back or newly unverified at %s or worse", settings.min_severity.value
        )
        return ()
    return deliver(notice, settings, environ, sleep=sleep)


def alert_summary(
    summary: MonthSummary,
    settings: NotifySettings,
    *,
    out: Path,
    environ: Mapping[str, str],
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[Delivery, ...]:
    """Send the month's summary on every channel."""
    notice = summary_notice(summary, Reports.at(settings.reports_url, out))
    return deliver(notice, settings, environ, sleep=sleep)
