"""The docs site builds strictly, serves nothing from elsewhere, and its generated pages come
from the code (scripts/docs_site.py, the mkdocs hook).

`make docs` builds the same site into site/; here it is built into a temporary folder, so
the test needs no earlier build and leaves nothing behind.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import Field
from pydantic_settings import BaseSettings

from app.core.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_site", ROOT / "scripts" / "docs_site.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docs_site = _load_generator()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", target],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    return target


class _Assets(HTMLParser):
    """Every address a page makes the browser fetch (not the links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed", "track"}:
            self.fetched += [values[k] for k in ("src", "poster") if values.get(k)]
            self.fetched += [s.split()[0] for s in values.get("srcset", "").split(",") if s]
        if tag == "link" and values.get("href"):
            rel = values.get("rel", "").lower().split()
            if not {"canonical", "alternate", "next", "prev"} & set(rel):
                self.fetched.append(values["href"])
        if tag == "object" and values.get("data"):
            self.fetched.append(values["data"])
        if "style" in values:
            self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"])


def test_the_site_fetches_nothing_from_elsewhere(site: Path) -> None:
    external: list[str] = []
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 25, "the site lost its pages"
    for page in pages:
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.fetched, f"{page} fetches nothing: the check would be blind"
        external += [f"{page.name}: {url}" for url in parser.fetched if EXTERNAL.match(url)]
    for sheet in site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import)\s*['\"]?([^'\")\s;]+)", sheet.read_text()):
            if EXTERNAL.match(url):
                external.append(f"{sheet.name}: {url}")
    assert external == [], external


def test_the_external_asset_check_sees_a_web_font_and_a_cdn_script() -> None:
    parser = _Assets()
    parser.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.org/x.js"></script><a href="https://example.org">a link</a>'
    )
    assert [url for url in parser.fetched if EXTERNAL.match(url)] == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.org/x.js",
    ]


def test_search_is_local(site: Path) -> None:
    assert (site / "search" / "search_index.json").exists()


def test_the_settings_page_shows_every_setting(site: Path) -> None:
    page = (site / "operations" / "settings.html").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert f"<code>{name.upper()}</code>" in page, name
        assert field.description
    assert "MAX_SESSIONS_PER_DAY" in page


def test_a_setting_without_a_description_fails_the_build() -> None:
    class Knobs(BaseSettings):
        described: int = Field(default=1, ge=0, description="Has one.")
        bare: int = 2

    with pytest.raises(docs_site.MissingDescription, match="bare"):
        docs_site.settings_page(Knobs)


def test_the_settings_rows_carry_name_type_default_and_bounds() -> None:
    class Knobs(BaseSettings):
        pool: int | None = Field(default=None, ge=1, le=9, description="Kept | shared.")
        origins: list[str] = Field(default_factory=list, description="Allowed.")

    page = docs_site.settings_page(Knobs)
    assert "| `POOL` | `int \\| None` | unset | >= 1, <= 9 | Kept \\| shared. |" in page
    assert "| `ORIGINS` | `list[str]` | empty |  | Allowed. |" in page


def _fixture_app(root: Path, table: str, docstrings: dict[str, str]) -> tuple[Path, Path]:
    pyproject = root / "pyproject.toml"
    pyproject.write_text(table, encoding="utf-8")
    for package, text in docstrings.items():
        init = root / "app" / package / "__init__.py"
        init.parent.mkdir(parents=True, exist_ok=True)
        init.write_text(f'"""{text}"""\n' if text else "", encoding="utf-8")
    return pyproject, root / "app"


TABLE = """\
[tool.medius.architecture]
contexts = [["core"], ["catalog", "users"], ["logbook"]]
entry_points = ["main", "cli"]

[tool.medius.architecture.packages]
logbook = [["sessions"], ["progress", "alerts"]]
"""
DOCSTRINGS = {
    "core": "No domain at all: settings, database, problems.",
    "catalog": "Exercises, muscles, equipment.\n\nThe article's data, per statement.",
    "users": "Accounts and sign-in.",
    "logbook": "What a patient did: sessions, progress, alerts.",
    "logbook/sessions": "Session logs, sync and export.",
    "logbook/progress": "Progress and advice over the logs.",
    "logbook/alerts": "Alerts raised inside session writes.",
}


def test_the_layout_page_follows_the_architecture_table(tmp_path: Path) -> None:
    page = docs_site.layout_page(*_fixture_app(tmp_path, TABLE, DOCSTRINGS))
    rows = re.findall(r"^\| (\d+) \| \[?`(app\.[a-z_.]+)`", page, re.MULTILINE)
    assert rows == [
        ("1", "app.core"),
        ("2", "app.catalog"),
        ("2", "app.users"),
        ("3", "app.logbook"),
        ("1", "app.logbook.sessions"),
        ("2", "app.logbook.progress"),
        ("2", "app.logbook.alerts"),
    ]
    assert "| Exercises, muscles, equipment. |" in page  # the first paragraph in the table
    assert "The article's data, per statement." in page  # the whole docstring below
    assert "`app/main.py`, `app/cli.py`" in page


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda d: d.update({"logbook/alerts": ""}), "alerts/__init__.py has no docstring"),
        (lambda d: d.pop("users"), "users/__init__.py is missing"),
    ],
)
def test_an_undescribed_context_or_package_fails_the_build(
    tmp_path: Path, change: object, error: str
) -> None:
    docstrings = dict(DOCSTRINGS)
    change(docstrings)  # type: ignore[operator]
    with pytest.raises(docs_site.MissingDescription, match=re.escape(error)):
        docs_site.layout_page(*_fixture_app(tmp_path, TABLE, docstrings))


def test_packages_of_an_undeclared_context_fail_the_build(tmp_path: Path) -> None:
    table = TABLE + 'care = [["team"]]\n'
    with pytest.raises(ValueError, match="care"):
        docs_site.layout_page(*_fixture_app(tmp_path, table, DOCSTRINGS))


def test_no_generated_page_is_committed() -> None:
    for page in docs_site.GENERATED:
        assert not (DOCS / page).exists(), f"docs/{page} is generated at build time"


# `app/...` and `tests/...` paths and `app.` modules the docs name, checked against the tree.
PATH_REFERENCE = re.compile(r"`((?:app|tests|bench|scripts|clients|seed_data)/[\w./-]*)`")
MODULE_REFERENCE = re.compile(r"`(app(?:\.\w+)+)")


def _named_in(module_path: Path, name: str) -> bool:
    source = module_path.read_text(encoding="utf-8")
    return re.search(rf"\b{re.escape(name)}\b", source) is not None


def _module_exists(dotted: str) -> bool:
    parts = dotted.split(".")
    here = ROOT
    for index, part in enumerate(parts):
        if (here / part).is_dir():
            here = here / part
            continue
        if (here / f"{part}.py").exists():
            rest = parts[index + 1 :]
            return not rest or _named_in(here / f"{part}.py", rest[0])
        init = here / "__init__.py"
        return index > 1 and init.exists() and _named_in(init, part)
    return True


def _path_exists(path: str) -> bool:
    """`app/core/errors.py`, a folder, or a name in a module: `app/core/errors.IdTaken`."""
    if (ROOT / path.rstrip("/")).exists() or "*" in path or "node_modules" in path:
        return True
    module, _, name = path.rpartition(".")
    return (
        bool(module) and (ROOT / f"{module}.py").exists() and _named_in(ROOT / f"{module}.py", name)
    )


def test_the_paths_and_modules_the_docs_name_exist() -> None:
    missing = []
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(ROOT)
        for path in PATH_REFERENCE.findall(text):
            if not _path_exists(path):
                missing.append(f"{name}: {path}")
        for dotted in MODULE_REFERENCE.findall(text):
            if not dotted.startswith("app.state") and not _module_exists(dotted):
                missing.append(f"{name}: {dotted}")
    assert missing == [], "\n".join(missing)


def test_the_readme_links_into_the_docs_resolve() -> None:
    """mkdocs checks the pages' links; the README is outside the site, so it is checked here."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?:|#)[^)#]+)", readme)
    assert len(targets) >= 10, targets
    assert [t for t in targets if not (ROOT / t).exists()] == []


def test_the_builder_page_shows_the_planner_s_own_level_table(site: Path) -> None:
    page = (site / "reference" / "builder.html").read_text(encoding="utf-8")
    source = (DOCS / "reference" / "builder.md").read_text(encoding="utf-8")
    assert docs_site.LEVEL_TABLES in source and "| beginner |" not in source
    for row in docs_site.level_tables().splitlines()[2:5]:
        level = row.split("|")[1].strip()
        assert f"<td>{level}</td>" in page, level
