"""The two ways an alert leaves: SMTP email and a signed JSON webhook. One attempt each; `deliver` retries.

Each raises `Undelivered` saying why in words fit for the log, with `retry` False when trying again
cannot help (a refused login, a 404): the next cron run is the time to fix it, not a retry loop.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import ssl
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING

import requests

from .. import __version__

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..config import EmailSettings, WebhookSettings
    from .notice import Notice

SIGNATURE_HEADER = "X-Auditor-Signature"
TIMESTAMP_HEADER = "X-Auditor-Timestamp"
EVENT_HEADER = "X-Auditor-Event"


class Undelivered(Exception):
    def __init__(self, reason: str, *, retry: bool = True) -> None:
        super().__init__(reason)
        self.retry = retry


def send_email(settings: EmailSettings, notice: Notice, environ: Mapping[str, str]) -> None:
    message = EmailMessage()
    message["Subject"] = notice.subject
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to a cron job
    message.set_content(notice.text)
    try:
        context = ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)
    except (OSError, ssl.SSLError) as e:
        raise Undelivered(f"cannot read the CA file {settings.ca_file}: {e}", retry=False) from e
    try:
        if settings.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.security == "starttls":
                client.starttls(context=context)  # raises when the server does not offer STARTTLS
            if settings.username_env and settings.password_env:
                client.login(environ.get(settings.username_env, ""), environ.get(settings.password_env, ""))
            client.send_message(message)
    except smtplib.SMTPAuthenticationError as e:
        raise Undelivered(f"the mail server refused the login ({e.smtp_code})", retry=False) from e
    except smtplib.SMTPNotSupportedError as e:
        raise Undelivered(f"the mail server does not support {e}", retry=False) from e
    except smtplib.SMTPRecipientsRefused as e:
        raise Undelivered(
            f"the mail server refused the recipients {sorted(e.recipients)}", retry=False
        ) from e
    except smtplib.SMTPResponseException as e:
        # 4xx is "try again later"; 5xx is permanent.
        raise Undelivered(f"the mail server answered {e.smtp_code}", retry=400 <= e.smtp_code < 500) from e
    except ssl.SSLCertVerificationError as e:
        raise Undelivered(
            f"the mail server's certificate is not trusted ({e.verify_message})", retry=False
        ) from e
    except (smtplib.SMTPException, OSError) as e:
        raise Undelivered(f"could not talk to {settings.host}:{settings.port}: {e}") from e


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=` and the HMAC-SHA256, keyed with the secret, of the timestamp, a full stop and the body:
    the receiver recomputes it and rejects a stale timestamp, so a captured POST cannot be replayed."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def send_webhook(
    settings: WebhookSettings,
    notice: Notice,
    environ: Mapping[str, str],
    *,
    now: float | None = None,
) -> None:
    # The operator's own endpoint from the config, not a URL a page gave us: the fetch layer's address
    # guard (made for attacker-chosen URLs) would refuse the intranet bridge this is meant to reach.
    body = json.dumps(notice.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(time.time() if now is None else now))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"auditor/{__version__}",
        EVENT_HEADER: notice.event,
        TIMESTAMP_HEADER: timestamp,
    }
    if settings.secret_env:
        headers[SIGNATURE_HEADER] = signature(environ.get(settings.secret_env, ""), timestamp, body)
    try:
        with requests.Session() as session:
            session.trust_env = False  # only the configured proxy, never one from the environment
            response = session.post(
                settings.url,
                data=body,
                headers=headers,
                timeout=settings.timeout,
                allow_redirects=False,  # a redirect would replay the signed body to another place
                proxies={"http": settings.proxy, "https": settings.proxy} if settings.proxy else None,
            )
    except requests.RequestException as e:
        raise Undelivered(f"could not reach the webhook: {type(e).__name__}") from e
    if not 200 <= response.status_code < 300:
        retry = response.status_code >= 500 or response.status_code in (408, 425, 429)
        raise Undelivered(f"the webhook answered HTTP {response.status_code}", retry=retry)
