"""Alerts (notify:): a real SMTP server in the test process (aiosmtpd, with STARTTLS, implicit TLS and
logins over a test CA from trustme) and a real local HTTP receiver for the webhook.

The month-long test runs the real CLI against a sample site (history_world.py): it alerts when something
is new or newly unverified, stays quiet otherwise, sends the month's summary, and never puts a private
value in any message, even under --reveal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import fcntl
import json
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from history_world import (
    HOME,
    PHONE_LINE,
    PRIVATE_ADDRESS,
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    PRIVATE_RELATIVE,
    Auditor,
    Run,
    about,
    contact,
    news,
)
from localserver import LocalServer, Reply, Request
from people import jane

from auditor.config import EmailSettings, NotifySettings, WebhookSettings, load_config
from auditor.errors import InputError
from auditor.findings import exposure_score
from auditor.model import (
    AuditRun,
    Category,
    Change,
    Decision,
    Finding,
    FindingStatus,
    Match,
    PersonAudit,
    ResolvedView,
    Severity,
    Triage,
)
from auditor.notify import Reports, audit_notice, signature
from auditor.notify.deliver import deliver
from auditor.notify.notice import Notice
from auditor.report.view import build_view
from auditor.sources import option_schemas

if TYPE_CHECKING:
    from collections.abc import Iterator

USER, PASSWORD, SECRET = "audit-bot", "correct horse battery", "webhook-shared-secret"
ENV = {"AUDITOR_SMTP_USER": USER, "AUDITOR_SMTP_PASSWORD": PASSWORD, "AUDITOR_WEBHOOK_SECRET": SECRET}
PRIVATE_FORMS = (
    PRIVATE_PHONE,
    PRIVATE_PHONE.replace(" ", ""),
    "7700 900321",
    "7700900321",
    "900321",
    PRIVATE_EMAIL,
    "pat.home",
    "mail.example",
    PRIVATE_ADDRESS,
    "Quiet Lane",
    "EX4 4QQ",
    PRIVATE_RELATIVE,
    "Morwenna",
)


# --- the servers ------------------------------------------------------------------------------------


@dataclass
class Inbox:
    """aiosmtpd handler: keeps what arrives; answers 451 (try later) to the first `busy` messages."""

    messages: list[email.message.EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    busy: int = 0
    tried: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.tried += 1
        if self.busy:
            self.busy -= 1
            return "451 4.3.0 try again later"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        self.messages.append(message)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 2.0.0 OK"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        if ok:
            self.logins.append(USER)
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


class _AnyPort(Controller):
    """aiosmtpd's Controller on a port the system picks (port 0): no race for a free port."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class Mail:
    """One SMTP server: where it listens, what it received, and how to reach it from the config."""

    inbox: Inbox
    port: int
    security: str
    ca_file: Path | None

    def settings(self, **changes: Any) -> EmailSettings:
        fields: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": self.port,
            "security": self.security,
            "sender": "audit@team.example",
            "to": ("security@team.example", "duty@team.example"),
            "username_env": "AUDITOR_SMTP_USER" if self.security != "none" else None,
            "password_env": "AUDITOR_SMTP_PASSWORD" if self.security != "none" else None,
            "ca_file": self.ca_file,
            "timeout": 10.0,
        }
        return EmailSettings(**{**fields, **changes})


PLAIN_ONLY: dict[str, Any] = {"auth_exclude_mechanism": ["LOGIN"]}
"""aiosmtpd's AUTH LOGIN stalls on smtplib's initial response after a refusal; PLAIN is what servers use."""


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[trustme.CA, Path]:
    authority = trustme.CA()
    path = tmp_path_factory.mktemp("ca") / "team-ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return authority, path


def _server_context(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.fixture
def mail(ca: tuple[trustme.CA, Path], request: pytest.FixtureRequest) -> Iterator[Mail]:
    """An SMTP server speaking `request.param`: starttls (login required after STARTTLS), tls (implicit
    TLS, login required) or none (a plain relay)."""
    security = getattr(request, "param", "starttls")
    inbox = Inbox()
    options: dict[str, Any] = {"hostname": "127.0.0.1", "port": 0, "ready_timeout": 30.0, **PLAIN_ONLY}
    if security == "starttls":
        options |= {"tls_context": _server_context(ca[0]), "require_starttls": True}
        options |= {"authenticator": inbox.authenticate, "auth_required": True, "auth_require_tls": True}
    elif security == "tls":
        options |= {"ssl_context": _server_context(ca[0])}
        # aiosmtpd counts only STARTTLS as TLS for its AUTH rules: on implicit TLS, login is offered, and
        # the test asserts the client used it.
        options |= {"authenticator": inbox.authenticate, "auth_require_tls": False}
    controller = _AnyPort(inbox, **options)
    controller.start()
    try:
        yield Mail(inbox, controller.port, security, ca[1] if security != "none" else None)
    finally:
        controller.stop()


@pytest.fixture
def hook() -> Iterator[LocalServer]:
    with LocalServer() as server:
        server.route("/hook", Reply(204))
        yield server


_HELD: list[socket.socket] = []
"""Bound, never listening, kept open for the whole test process: no other test or server can take the
port, so connections to it are refused every time."""


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, never listening: connections are refused)."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    _HELD.append(held)
    return int(held.getsockname()[1])


def _body(message: email.message.EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


NOTICE = Notice(
    "audit",
    "auditor: 1 exposure(s) at high or worse for 1 person (1 new)",
    "Jane Doe (jane-doe): score 28\n  new  critical  phone  +44 7700 9•••23 (crawl)",
    {"version": 1, "event": "audit", "text": "Jane Doe (jane-doe)", "people": [{"id": "jane-doe"}]},
)


def _send(settings: NotifySettings, environ: dict[str, str] | None = None) -> tuple[Any, list[float]]:
    waits: list[float] = []
    return deliver(NOTICE, settings, ENV if environ is None else environ, sleep=waits.append), waits


# --- email ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mail", ["starttls", "tls", "none"], indirect=True)
def test_email_arrives_over_each_security_with_the_login_from_the_environment(mail: Mail) -> None:
    [sent], waits = _send(NotifySettings(email=mail.settings()))
    assert (sent.channel, sent.delivered, sent.attempts, waits) == ("email", True, 1, [])
    [message] = mail.inbox.messages
    assert message["Subject"] == NOTICE.subject
    assert message["From"] == "audit@team.example"
    assert mail.inbox.envelopes == [("audit@team.example", ["security@team.example", "duty@team.example"])]
    assert message["Auto-Submitted"] == "auto-generated"
    assert "+44 7700 9•••23" in _body(message)  # UTF-8 survives the trip
    assert mail.inbox.logins == ([] if mail.security == "none" else [USER])


def test_a_refused_login_is_not_retried_and_says_why(mail: Mail) -> None:
    [sent], waits = _send(NotifySettings(email=mail.settings()), {**ENV, "AUDITOR_SMTP_PASSWORD": "wrong"})
    assert (sent.delivered, sent.attempts, waits) == (False, 1, [])
    assert "refused the login" in sent.reason
    assert mail.inbox.messages == []


def test_a_server_whose_certificate_is_not_trusted_gets_nothing(mail: Mail) -> None:
    # Without ca_file the system's authorities are used, and they do not know the test CA.
    [sent], _ = _send(NotifySettings(email=mail.settings(ca_file=None)))
    assert not sent.delivered
    assert "certificate is not trusted" in sent.reason
    assert mail.inbox.tried == 0
    assert mail.inbox.logins == []


def test_a_busy_server_is_retried_with_backoff_until_it_takes_the_message(mail: Mail) -> None:
    mail.inbox.busy = 2
    [sent], waits = _send(NotifySettings(email=mail.settings(), retries=3, backoff=5.0))
    assert (sent.delivered, sent.attempts, waits) == (True, 3, [5.0, 10.0])
    assert len(mail.inbox.messages) == 1


def test_an_unreachable_server_fails_after_the_retries_and_the_failure_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = EmailSettings("127.0.0.1", _closed_port(), "none", "a@team.example", ("b@team.example",))
    [sent], waits = _send(NotifySettings(email=settings, retries=2, backoff=1.0))
    assert (sent.delivered, sent.attempts, waits) == (False, 3, [1.0, 2.0])
    assert "could not talk to 127.0.0.1" in sent.reason
    assert any(
        r.levelname == "ERROR" and "email alert not delivered after 3" in r.message for r in caplog.records
    )


# --- webhook ----------------------------------------------------------------------------------------


def test_the_webhook_gets_the_json_payload_signed_over_timestamp_and_body(hook: LocalServer) -> None:
    settings = WebhookSettings(hook.url("/hook"), secret_env="AUDITOR_WEBHOOK_SECRET")
    [sent], _ = _send(NotifySettings(webhook=settings))
    assert sent.delivered
    [request] = hook.requests
    assert (request.method, request.headers["content-type"]) == ("POST", "application/json; charset=utf-8")
    assert json.loads(request.body) == NOTICE.payload
    assert request.headers["x-auditor-event"] == "audit"
    stamp = request.headers["x-auditor-timestamp"]
    assert abs(int(stamp) - dt.datetime.now(dt.UTC).timestamp()) < 600
    assert request.headers["x-auditor-signature"] == signature(SECRET, stamp, request.body)
    # The signature covers the timestamp: a replay with another time does not verify.
    assert request.headers["x-auditor-signature"] != signature(SECRET, str(int(stamp) + 1), request.body)


def test_an_unsigned_webhook_has_no_signature_header(hook: LocalServer) -> None:
    [sent], _ = _send(NotifySettings(webhook=WebhookSettings(hook.url("/hook"))))
    assert sent.delivered
    assert "x-auditor-signature" not in hook.requests[0].headers


def test_a_webhook_answering_5xx_is_retried_and_a_4xx_is_not(hook: LocalServer) -> None:
    hook.route("/flaky", [Reply(503), Reply(502), Reply(200)])
    hook.route("/gone", Reply(404))
    [sent], waits = _send(NotifySettings(webhook=WebhookSettings(hook.url("/flaky")), backoff=2.0))
    assert (sent.delivered, sent.attempts, waits) == (True, 3, [2.0, 4.0])
    [sent], waits = _send(NotifySettings(webhook=WebhookSettings(hook.url("/gone")), backoff=2.0))
    assert (sent.delivered, sent.attempts, waits, sent.reason) == (
        False,
        1,
        [],
        "the webhook answered HTTP 404",
    )


def test_a_webhook_redirect_is_not_followed(hook: LocalServer) -> None:
    hook.route("/moved", Reply.redirect(hook.url("/hook"), 307))
    [sent], _ = _send(NotifySettings(webhook=WebhookSettings(hook.url("/moved")), retries=0))
    assert not sent.delivered
    assert hook.paths() == ["/moved"]  # the signed body was not replayed to where the redirect pointed


def test_one_channel_failing_does_not_stop_the_other(hook: LocalServer) -> None:
    email_settings = EmailSettings("127.0.0.1", _closed_port(), "none", "a@team.example", ("b@team.example",))
    settings = NotifySettings(email=email_settings, webhook=WebhookSettings(hook.url("/hook")), retries=0)
    sent, _ = _send(settings)
    assert [(d.channel, d.delivered) for d in sent] == [("email", False), ("webhook", True)]


# --- what an audit alert says -----------------------------------------------------------------------

NOW = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)


def _finding(
    fid: str, category: Category, severity: Severity, value: str, match: Match = Match.PRIVATE
) -> Finding:
    return Finding(
        id=fid,
        person_id="jane-doe",
        category=category,
        match=match,
        severity=severity,
        key=value.lower(),
        value=value,
        source="crawl",
        url=f"http://jane.example/{fid}",
        evidence=f"call {value}",
    )


PHONE = _finding("phone", Category.PHONE, Severity.CRITICAL, "07700 900123")
EMAIL = _finding("email", Category.EMAIL, Severity.HIGH, "jd.private@mail.example")
CLUB = _finding("club", Category.OTHER, Severity.MEDIUM, "Exampleton Striders")


def _view(changes: dict[str, FindingStatus], triaged: dict[str, Decision] | None = None) -> Any:
    findings = (PHONE, EMAIL, CLUB)
    audit = PersonAudit(jane(), (), findings, exposure_score(findings))
    return build_view(
        AuditRun(NOW, NOW, "0.1.0", (audit,), ()),
        changes={f: Change(s, NOW) for f, s in changes.items()},
        triage=Triage(triaged or {}),
    )


def test_an_audit_alerts_on_new_and_reappeared_findings_at_or_above_the_floor() -> None:
    reports = Reports.at("https://intranet.example/audit", Path("/ignored"))
    view = _view(
        {"phone": FindingStatus.PERSISTING, "email": FindingStatus.REAPPEARED, "club": FindingStatus.NEW}
    )
    notice = audit_notice(view, Severity.HIGH, reports)
    assert notice is not None
    [person] = notice.payload["people"]
    # The persisting phone is old news and the new club is below the floor: only the email alerts.
    assert [(f["id"], f["status"], f["value"]) for f in person["findings"]] == [
        ("email", "reappeared", "j•••••••••@m•••.example")
    ]
    assert person["report"] == "https://intranet.example/audit/people/jane-doe.html"
    assert notice.payload["dashboard"] == "https://intranet.example/audit/index.html"
    assert "1 back" in notice.subject
    assert audit_notice(view, Severity.CRITICAL, reports) is None
    medium = audit_notice(view, Severity.MEDIUM, reports)
    assert medium is not None
    assert [f["id"] for f in medium.payload["people"][0]["findings"]] == ["email", "club"]


def test_a_triaged_finding_never_alerts_and_nothing_new_means_no_message() -> None:
    accepted = Decision(
        "phone", "jane-doe", "phone", "+44 7700 9•••23", "", "accepted", "known", None, NOW, None
    )
    view = _view({"phone": FindingStatus.NEW, "email": FindingStatus.PERSISTING}, {"phone": accepted})
    assert audit_notice(view, Severity.HIGH, Reports.at(None, Path("/srv/reports"))) is None


def test_an_unverified_finding_alerts_once_and_never_when_triaged_away() -> None:
    phone = ResolvedView(
        "phone", "phone", "+44 7700 9•••23", "http://jane.example/phone", "2026-10-01T09:30:00Z",
        source="crawl", severity="critical", match="private", first_missed=True,
    )  # fmt: skip
    audit = PersonAudit(jane(), (), (), exposure_score(()))
    run = AuditRun(NOW, NOW, "0.1.0", (audit,), ())
    reports = Reports.at(None, Path("/r"))
    notice = audit_notice(build_view(run, unverified={"jane-doe": (phone,)}), Severity.HIGH, reports)
    assert notice is not None
    assert [f["status"] for f in notice.payload["people"][0]["findings"]] == ["unverified"]
    # Already unverified last run: said then.
    again = dataclasses.replace(phone, first_missed=False)
    assert audit_notice(build_view(run, unverified={"jane-doe": (again,)}), Severity.HIGH, reports) is None
    # A namesake stays a namesake while its source is down.
    not_me = Decision(
        "phone", "jane-doe", "phone", phone.value, phone.url, "not-me", "a namesake", None, NOW, None
    )
    view = build_view(run, unverified={"jane-doe": (phone,)}, triage=Triage({"phone": not_me}))
    assert view.people[0].unverified[0].triage == "not-me"
    assert audit_notice(view, Severity.HIGH, reports) is None


def test_without_a_reports_url_messages_give_the_out_folder(tmp_path: Path) -> None:
    notice = audit_notice(_view({}), Severity.HIGH, Reports.at(None, tmp_path / "reports"))
    assert notice is not None
    assert notice.payload["people"][0]["report"] == f"{tmp_path}/reports/people/jane-doe.html"


def test_an_alert_is_never_built_from_a_revealed_view() -> None:
    findings = (PHONE,)
    audit = PersonAudit(jane(), (), findings, exposure_score(findings))
    revealed = build_view(AuditRun(NOW, NOW, "0.1.0", (audit,), ()), reveal=True)
    with pytest.raises(ValueError, match="masked view only"):
        audit_notice(revealed, Severity.HIGH, Reports.at(None, Path("/r")))


# --- config -----------------------------------------------------------------------------------------


def _config(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> Any:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return load_config(path, option_schemas(), environ)


NOTIFY = """notify:
  min_severity: critical
  reports_url: https://intranet.example/audit/
  email: {host: smtp.team.example, username_env: AUDITOR_SMTP_USER, password_env: AUDITOR_SMTP_PASSWORD,
          from: audit@team.example, to: [security@team.example]}
  webhook: {url: "https://hooks.team.example/abc", secret_env: AUDITOR_WEBHOOK_SECRET}
"""


def test_a_notify_block_loads_with_its_defaults(tmp_path: Path) -> None:
    notify = _config(tmp_path, NOTIFY, ENV).notify
    assert notify.min_severity is Severity.CRITICAL
    assert (notify.email.security, notify.email.port, notify.email.to) == (
        "starttls",
        587,
        ("security@team.example",),
    )
    assert (notify.retries, notify.backoff) == (3, 5.0)
    assert notify.webhook.secret_env == "AUDITOR_WEBHOOK_SECRET"
    tls = _config(tmp_path, NOTIFY.replace("host: smtp", "security: tls, host: smtp")).notify
    assert tls.email.port == 465


def test_an_unreadable_ca_file_is_refused_before_anything_is_fetched(tmp_path: Path) -> None:
    text = NOTIFY.replace("host: smtp.team.example", "host: smtp.team.example, ca_file: missing-ca.pem")
    with pytest.raises(InputError) as caught:
        _config(tmp_path, text, ENV)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("notify.email.ca_file", 4)
    assert problem.message == f"{tmp_path / 'missing-ca.pem'} is not a readable file"
    assert _config(tmp_path, text).notify is not None  # validate and sources do not need it


def test_a_ca_file_gone_at_delivery_fails_that_channel_without_a_retry(tmp_path: Path) -> None:
    settings = EmailSettings(
        "127.0.0.1",
        _closed_port(),
        "starttls",
        "a@team.example",
        ("b@team.example",),
        ca_file=tmp_path / "gone.pem",
    )
    [sent], waits = _send(NotifySettings(email=settings))
    assert (sent.delivered, sent.attempts, waits) == (False, 1, [])
    assert sent.reason.startswith(f"cannot read the CA file {tmp_path / 'gone.pem'}")


def test_an_unset_variable_is_named_with_file_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        _config(tmp_path, NOTIFY, {"AUDITOR_SMTP_USER": "bot", "AUDITOR_SMTP_PASSWORD": " "})
    said = [str(p) for p in caught.value.problems]
    assert said == [
        f"{tmp_path / 'config.yaml'}:4: notify.email.password_env: $AUDITOR_SMTP_PASSWORD is not set (or is "
        "empty) in the environment",
        f"{tmp_path / 'config.yaml'}:6: notify.webhook.secret_env: $AUDITOR_WEBHOOK_SECRET is not set (or is "
        "empty) in the environment",
    ]
    # Commands that send nothing (validate, sources) do not need the variables.
    assert _config(tmp_path, NOTIFY).notify is not None


MAILER = "host: smtp.example, from: a@team.example, to: [s@team.example]"


@pytest.mark.parametrize(
    ("text", "field", "said"),
    [
        ("notify:\n  min_severity: high\n", "notify", "needs email, webhook or both"),
        (
            "notify:\n  min_severity: severe\n  webhook: {url: 'https://h.example/'}\n",
            "notify.min_severity",
            "must be one of",
        ),
        ("notify:\n  webhook: {url: 'ftp://h.example/'}\n", "notify.webhook.url", "http:// or https://"),
        (
            "notify:\n  webhook: {url: 'https://h.example/', secret_env: 's3cr3t!value'}\n",
            "notify.webhook.secret_env",
            "name of an environment variable",
        ),
        (
            'notify:\n  email: {host: h.example, to: [s@t.example], from: "a@b.example\\nBcc: x@e.ex"}\n',
            "notify.email.from",
            "does not look like an email address",
        ),
        (
            "notify:\n  email: {host: smtp.example, from: a@team.example, to: []}\n",
            "notify.email.to",
            "at least 1 item",
        ),
        (
            f"notify:\n  email: {{{MAILER}, username_env: U}}\n",
            "notify.email",
            "password_env",
        ),
        (
            f"notify:\n  email: {{{MAILER}, security: ssl}}\n",
            "notify.email.security",
            "must be one of",
        ),
        (
            "notify:\n  email: {host: 'smtp.example:587', from: a@team.example, to: [s@team.example]}\n",
            "notify.email.host",
            "without scheme, port or path",
        ),
    ],
)
def test_a_bad_notify_block_is_refused_naming_the_field(
    tmp_path: Path, text: str, field: str, said: str
) -> None:
    with pytest.raises(InputError) as caught:
        _config(tmp_path, text, ENV)
    assert any(p.field == field and said in p.message for p in caught.value.problems), caught.value.problems


# --- a month of cron, through the real CLI ----------------------------------------------------------


class AlertingAuditor(Auditor):
    """Pat's world (history_world.py), with a notify: block for the local mail server and receiver."""

    notify = ""

    def run_audit(self, *extra: str) -> Any:
        from history_world import config_text

        from auditor.demo.server import serving

        with serving(self.site.root) as web:
            self.config.write_text(config_text(web.proxy_url) + self.notify)
            return self.cli(*self.audit_args(*extra))


@dataclass
class Month:
    runs: list[Run]
    mail: Inbox
    hook: LocalServer
    after: list[tuple[int, int]]
    """(messages, posts) received after each run."""
    summary: Any
    auditor: AlertingAuditor
    lock_free: list[bool]
    """Per webhook POST: whether the audit's lock was free while it arrived."""


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory, ca: tuple[trustme.CA, Path]) -> Iterator[Month]:
    inbox = Inbox()
    controller = _AnyPort(
        inbox,
        hostname="127.0.0.1",
        port=0,
        ready_timeout=30.0,
        tls_context=_server_context(ca[0]),
        require_starttls=True,
        authenticator=inbox.authenticate,
        auth_required=True,
        auth_require_tls=True,
        **PLAIN_ONLY,
    )
    controller.start()
    with LocalServer() as hook:
        auditor = AlertingAuditor(tmp_path_factory.mktemp("alerts"))
        lock_free: list[bool] = []

        def receive(request: Request) -> Reply:
            # The audit's lock is released before alerts go out: a triage could run now.
            lock = auditor.state.with_name(auditor.state.name + ".lock")
            with lock.open("a") as held:
                try:
                    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    lock_free.append(False)
                else:
                    fcntl.flock(held, fcntl.LOCK_UN)
                    lock_free.append(True)
            return Reply(200)

        hook.route("/hook", receive)
        auditor.env.update(ENV)
        auditor.notify = f"""\
notify:
  min_severity: high
  reports_url: https://intranet.example/audit/
  backoff: 0
  email: {{host: 127.0.0.1, port: {controller.port}, security: starttls, ca_file: "{ca[1]}",
          username_env: AUDITOR_SMTP_USER, password_env: AUDITOR_SMTP_PASSWORD,
          from: audit@team.example, to: [security@team.example]}}
  webhook: {{url: "{hook.url("/hook")}", secret_env: AUDITOR_WEBHOOK_SECRET}}
"""
        site = auditor.site
        site.page("/index.html", HOME)
        site.page("/about.html", about())
        site.page("/news.html", news())
        site.page("/contact.html", contact(PHONE_LINE))
        runs, after = [], []
        runs.append(auditor.audit("--reveal"))  # 1: the private phone is new; --reveal changes no message
        after.append((len(inbox.messages), len(hook.requests)))
        runs.append(auditor.audit())  # 2: nothing new: nothing sent
        after.append((len(inbox.messages), len(hook.requests)))
        site.behave({"pat.example": {"status": 500}})
        runs.append(auditor.audit())  # 3: the site is down: the phone is not re-checked, once said
        after.append((len(inbox.messages), len(hook.requests)))
        runs.append(auditor.audit())  # 4: still down: already said
        after.append((len(inbox.messages), len(hook.requests)))
        started = dt.datetime.fromisoformat(runs[0].data["generated_at"].replace("Z", "+00:00"))
        summary = auditor.cli(
            "summary", "--month", started.strftime("%Y-%m"), "--out", auditor.out, "--state", auditor.state,
            "--config", auditor.config,
        )  # fmt: skip
        yield Month(runs, inbox, hook, after, summary, auditor, lock_free)
    controller.stop()


def test_an_audit_alerts_once_for_what_is_new_and_once_for_what_goes_unverified(month: Month) -> None:
    assert month.after == [(1, 1), (1, 1), (2, 2), (2, 2)]
    first, unverified = month.hook.requests[0], month.hook.requests[1]
    for request in (first, unverified):
        stamp = request.headers["x-auditor-timestamp"]
        assert request.headers["x-auditor-signature"] == signature(SECRET, stamp, request.body)
    payload = json.loads(first.body)
    [pat] = payload["people"]
    assert (pat["id"], pat["name"], pat["report"]) == (
        "pat-example",
        "Pat Example",
        "https://intranet.example/audit/people/pat-example.html",
    )
    assert [(f["status"], f["category"], f["value"]) for f in pat["findings"]] == [
        ("new", "phone", "+44 7700 9•••21")
    ]
    later = json.loads(unverified.body)
    assert [(f["status"], f["category"]) for f in later["people"][0]["findings"]] == [("unverified", "phone")]
    assert "not re-checked" in later["text"]
    message = month.mail.messages[0]
    assert "+44 7700 9•••21" in _body(message)
    assert "https://intranet.example/audit/people/pat-example.html" in _body(message)


def test_alerts_go_out_once_the_lock_is_released(month: Month) -> None:
    assert month.lock_free == [True, True, True]


def test_the_summary_is_sent_on_both_channels(month: Month) -> None:
    assert month.summary.returncode == 0, month.summary.stderr
    assert len(month.mail.messages) == 3
    assert len(month.hook.requests) == 3
    posted = json.loads(month.hook.requests[2].body)
    assert posted["event"] == "summary"
    assert posted["most_at_risk"][0]["id"] == "pat-example"
    assert posted["summary"].startswith("https://intranet.example/audit/summary-")
    assert month.mail.messages[2]["Subject"].startswith("auditor summary ")


def test_no_message_holds_a_private_value_even_under_reveal(month: Month) -> None:
    assert PRIVATE_PHONE in month.runs[0].data["people"][0]["findings"][0]["value"] or any(
        f["value"] == PRIVATE_PHONE for f in month.runs[0].person["findings"]
    ), "the first run was revealed: its own outputs show the value"
    sent = [m.as_string() + _body(m) for m in month.mail.messages]
    sent += [
        r.body.decode() + json.dumps(json.loads(r.body), ensure_ascii=False) for r in month.hook.requests
    ]
    for text in sent:
        for form in PRIVATE_FORMS:
            assert form not in text, form
    # The secrets that sign and log in never travel in the clear either.
    assert all(PASSWORD not in t and SECRET not in t for t in sent)


def test_a_failed_delivery_keeps_the_outputs_and_fails_the_run_under_strict(month: Month) -> None:
    auditor = month.auditor
    auditor.site.behave({})
    auditor.site.page("/about.html", about(f"<p>Write to Pat at home: {PRIVATE_EMAIL}</p>"))
    port = _closed_port()
    auditor.notify = f"""\
notify:
  backoff: 0
  retries: 1
  email: {{host: 127.0.0.1, port: {port}, security: none, from: audit@team.example, to: [s@team.example]}}
"""
    (auditor.out / "findings.json").unlink()
    result = auditor.run_audit("--strict")
    assert result.returncode == 4, result.stderr
    assert "email alert not delivered after 2 attempt(s)" in result.stderr
    assert (auditor.out / "findings.json").is_file()
    data = json.loads((auditor.out / "findings.json").read_text())
    assert any(f["category"] == "email" and f["status"] == "new" for f in data["people"][0]["findings"])
    assert PRIVATE_EMAIL not in result.stderr
    # The month's summary is written, and says it could not be sent.
    started = dt.datetime.fromisoformat(data["generated_at"].replace("Z", "+00:00"))
    month_text = started.strftime("%Y-%m")
    out = auditor.tmp / "summary-out"
    summary = auditor.cli(
        "summary", "--month", month_text, "--out", out, "--state", auditor.state, "--config", auditor.config,
        "--strict",
    )  # fmt: skip
    assert summary.returncode == 4, summary.stderr
    assert (out / f"summary-{month_text}.html").is_file()
    lenient = auditor.cli(
        "summary", "--month", month_text, "--out", out, "--state", auditor.state, "--config", auditor.config
    )
    assert lenient.returncode == 0, lenient.stderr


def test_the_readmes_notify_example_is_a_valid_config(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Alerts") :]
    block = section[section.index("```yaml\n") + 8 : section.index("```\n", section.index("```yaml\n") + 8)]
    assert "ca_file: /etc/auditor/mail-ca.pem" in block
    (tmp_path / "mail-ca.pem").write_text("a CA certificate")
    notify = _config(tmp_path, block.replace("/etc/auditor/mail-ca.pem", "mail-ca.pem"), ENV).notify
    assert notify.email.ca_file == tmp_path / "mail-ca.pem"
    assert notify.webhook.secret_env == "AUDITOR_WEBHOOK_SECRET"
