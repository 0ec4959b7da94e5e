"""Sending one notice on every configured channel, retrying with backoff, and saying what happened."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .channels import Undelivered, send_email, send_webhook

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..config import NotifySettings
    from .notice import Notice

log = logging.getLogger("auditor.notify")


@dataclass(frozen=True)
class Delivery:
    channel: str
    """email or webhook."""
    delivered: bool
    attempts: int
    reason: str = ""
    """Why the last attempt failed; "" when delivered."""


def deliver(
    notice: Notice,
    settings: NotifySettings,
    environ: Mapping[str, str],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[Delivery, ...]:
    """Send `notice` on each channel; a channel that fails is retried, then logged, never raised."""
    channels: list[tuple[str, Callable[[], None]]] = []
    if settings.email is not None:
        email = settings.email
        channels.append(("email", lambda: send_email(email, notice, environ)))
    if settings.webhook is not None:
        webhook = settings.webhook
        channels.append(("webhook", lambda: send_webhook(webhook, notice, environ)))
    return tuple(_attempt(name, send, settings, sleep) for name, send in channels)


def _attempt(
    name: str, send: Callable[[], None], settings: NotifySettings, sleep: Callable[[float], None]
) -> Delivery:
    attempts = 0
    while True:
        attempts += 1
        try:
            send()
        except Undelivered as e:
            if e.retry and attempts <= settings.retries:
                wait = settings.backoff * 2 ** (attempts - 1)
                log.warning("%s alert not delivered (%s); trying again in %.0f s", name, e, wait)
                sleep(wait)
                continue
            log.error("%s alert not delivered after %d attempt(s): %s", name, attempts, e)
            return Delivery(name, False, attempts, str(e))
        except Exception as e:
            # A bug in a channel must not stop the other, nor fail a run whose reports are written. Only
            # the type: a message could quote what was being sent.
            log.error("%s alert not delivered: unexpected %s", name, type(e).__name__)
            return Delivery(name, False, attempts, f"unexpected {type(e).__name__}")
        log.info("%s alert delivered", name)
        return Delivery(name, True, attempts)
