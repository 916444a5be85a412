"""/docs and /redoc proven in a real browser: Debian's Chromium, a live server, no internet.

SQLite only: the docs do not depend on the database, so this module runs one leg (its
tests carry the `[sqlite]` id and the `browser` marker). Chromium is Debian's package
(`make test` installs it as root when missing); Playwright's own browser download is
never used. A browser that cannot start skips these tests with the reason, and fails
them when CI=true, as PostgreSQL does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    WebSocketRoute,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from harness.server import ServerProcess, listening_port, served, test_env
from tests.conftest import TEST_SECRET

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MEDIUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # root in CI has no user namespace sandbox
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    # Belt and braces under the request guard below: no host name resolves at all.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SERVER_DEADLINE_S = 30.0
UI_TIMEOUT_MS = 20_000  # per step; generous for a busy 2-core machine
SWAGGER_OPERATION = "#operations-catalog-list_exercises"  # Swagger UI: tag + operationId
REDOC_SUMMARIES = [
    "List exercises",
    "Get one exercise",
    "List muscle profiles",
    "Sign in (OAuth2 password flow)",
    "Build a routine from constraints",
    "Log a session",
]


@pytest.fixture(scope="module", params=["sqlite"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """`python -m app serve` (migrate, seed, uvicorn) on a free loopback port, temp SQLite."""
    assert request.param == "sqlite"
    workdir = tmp_path_factory.mktemp("docs-server")
    database = f"sqlite:///{workdir / 'medius.db'}"
    with served(
        test_env(database, listening_port(), TEST_SECRET), workdir, SERVER_DEADLINE_S
    ) as live:
        yield live


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Chromium is required in CI and could not start: {reason}")
    pytest.skip(f"Chromium could not start here ({reason}); run `make browser` as root")


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium with a fresh temporary profile; never Playwright's downloaded builds."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"no executable {CHROMIUM}")
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, timeout=30_000
        )
    except PlaywrightError as exc:
        _unavailable(str(exc).strip().splitlines()[0])
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class Watched:
    """A page whose every request off the test server is aborted and recorded."""

    page: Page
    served: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.served, "the guard saw no request at all: is routing in effect?"
        assert self.blocked == [], f"requests that would have left the machine: {self.blocked}"
        assert self.failed == [], f"requests that failed: {self.failed}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def watched(browser: Browser, server: ServerProcess) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    watched = Watched(page=page)
    allowed = f"{server.base_url}/"

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(allowed):
            watched.served.append(url)
            route.continue_()
        else:
            watched.blocked.append(url)
            route.abort("blockedbyclient")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def guard_socket(socket: WebSocketRoute) -> None:
        watched.blocked.append(socket.url)
        socket.close()

    context.route("**/*", guard)
    context.route_web_socket("**/*", guard_socket)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: watched.console_errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda req: watched.failed.append(f"{req.url}: {req.failure}"))
    try:
        yield watched
    finally:
        context.close()


@contextmanager
def screenshot_on_failure(page: Page, path: Path) -> Iterator[None]:
    try:
        yield
    except (AssertionError, PlaywrightError) as exc:
        try:
            page.screenshot(path=path, full_page=True)
            where = f"screenshot: {path}"
        except PlaywrightError as shot_error:
            where = f"no screenshot ({shot_error})"
        raise AssertionError(f"{exc}\n{where}") from exc


def test_swagger_ui_tries_out_list_exercises(
    watched: Watched, server: ServerProcess, tmp_path: Path
) -> None:
    page = watched.page
    shot = tmp_path / "swagger.png"
    with screenshot_on_failure(page, shot):
        page.goto(f"{server.base_url}/docs")
        operation = page.locator(SWAGGER_OPERATION)
        operation.locator(".opblock-summary").first.click()
        operation.get_by_role("button", name="Try it out").click()
        operation.get_by_role("button", name="Execute").click()
        live = operation.locator(".live-responses-table .response")
        live.first.wait_for()
        status = live.first.locator(".response-col_status").inner_text().strip()
        body = live.first.locator(".response-col_description pre").first.inner_text()
        operation.screenshot(path=shot)
        assert status == "200", f"status {status}: {body[:500]}"
        assert "clamshell" in body, body[:500]
        watched.assert_clean()


def test_redoc_lists_the_operations(
    watched: Watched, server: ServerProcess, tmp_path: Path
) -> None:
    page = watched.page
    with screenshot_on_failure(page, tmp_path / "redoc.png"):
        page.goto(f"{server.base_url}/redoc")
        page.locator("h2", has_text="List exercises").first.wait_for()
        # Every operation is in the side menu (under its tag, expanded or not) and the content.
        menu = " | ".join(page.locator("[role=menu] [role=menuitem]").all_text_contents())
        headings = {h.strip() for h in page.locator("h2").all_inner_texts()}
        assert [s for s in REDOC_SUMMARIES if s not in menu] == [], f"side menu: {menu}"
        assert [s for s in REDOC_SUMMARIES if s not in headings] == [], f"headings: {headings}"
        watched.assert_clean()
