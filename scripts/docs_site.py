"""The docs site's generated pages, and the mkdocs hook that adds them at build time.

Reference that can be read from the code is generated from it on every `make docs`, so it
cannot drift and nothing generated is committed:

- `operations/settings.md` from `app.core.config.Settings` (every field: its environment
  variable, type, default, bounds and description);
- `architecture/layout.md` from pyproject.toml's `[tool.medius.architecture]` table (the
  layers `tests/test_architecture.py` enforces) and the docstring of each context's and
  each package's `__init__.py`, read with `ast` (nothing under app/ is imported for it);
- `operations/bench-results.md` from `bench/results/latest.md` (the last `make bench`);
- the builder's level and goal tables in `reference/builder.md`, where the page holds the
  marker `LEVEL_TABLES`, from the planner's own rules.

mkdocs loads this file as a hook (`hooks:` in mkdocs.yml). It imports nothing from tests/.
"""

from __future__ import annotations

import ast
import logging
import re
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.plugins.medius")

# A fenced shell block the docs' walk skips says so after its language: ```sh no-run: <why>
# (tests/docs/test_walks.py). Python-Markdown reads no text after a fence's language, so
# the site drops the marker; GitHub shows such blocks as sh either way.
NO_RUN_FENCE = re.compile(r"^(\s*```(?:sh|bash))[ \t]+no-run:[^\n]*$", re.MULTILINE)


class MissingDescription(ValueError):
    """A setting, context or package the reference would have to show undescribed."""


# --- settings ----------------------------------------------------------------------------


def _type_name(annotation: Any) -> str:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " or ".join(f"`{member.value}`" for member in annotation)
    text = getattr(annotation, "__name__", None) if not hasattr(annotation, "__args__") else None
    text = text or str(annotation)
    text = re.sub(r"typing\.Annotated\[(.*), [^,\]]*NoDecode[^\]]*\]", r"\1", text)
    text = re.sub(r"\b(?:typing|pathlib|ipaddress|app\.core\.config)\.", "", text)
    return f"`{text.replace('NoneType', 'None')}`"


def _default(field: Any) -> str:
    value = field.default_factory() if field.default_factory is not None else field.default
    if value is None:
        return "unset"
    if isinstance(value, list | tuple):
        return "empty" if not value else ",".join(map(str, value))
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{getattr(value, 'value', value)}`"


def _bounds(field: Any) -> str:
    found = []
    for item in field.metadata:
        for name, sign in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<")):
            value = getattr(item, name, None)
            if value is not None:
                found.append(f"{sign} {value}")
    return ", ".join(found)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def settings_rows(settings_class: Any) -> list[tuple[str, str, str, str, str]]:
    """(variable, type, default, bounds, description) per field, in declaration order."""
    rows = []
    for name, field in settings_class.model_fields.items():
        if not field.description:
            raise MissingDescription(f"Settings.{name} has no description")
        rows.append(
            (
                name.upper(),
                _type_name(field.annotation),
                _default(field),
                _bounds(field),
                _cell(field.description),
            )
        )
    return rows


SETTINGS_INTRO = """\
# Settings

Every setting is an environment variable (or a line in a `.env` file in the working
directory), read once by one pydantic-settings class, `app.core.config.Settings`. A value
outside its bounds stops the server at start with the variable named.

This page is generated from that class when the site is built (`scripts/docs_site.py`):
add a field there, with a `description`, and it appears here.

Rules that tie settings together, checked at start:

- `DB_POOL_SIZE + DB_MAX_OVERFLOW` must be at least `WORKER_THREADS` (each request thread
  holds a connection);
- `WEBHOOK_LEASE_SECONDS` must exceed twice `WEBHOOK_TIMEOUT_SECONDS`;
- with `ENV=production`, `SECRET_KEY` must be a private value of 32 bytes or more.

| variable | type | default | bounds | meaning |
| --- | --- | --- | --- | --- |
"""


def settings_page(settings_class: Any = None) -> str:
    if settings_class is None:
        from app.core.config import Settings

        settings_class = Settings
    rows = settings_rows(settings_class)
    table = "".join(
        f"| `{var}` | {_cell(kind)} | {default} | {bounds} | {text} |\n"
        for var, kind, default, bounds, text in rows
    )
    return SETTINGS_INTRO + table


# --- architecture layout -----------------------------------------------------------------


def _docstring(init: Path) -> str:
    if not init.exists():
        raise MissingDescription(f"{init} is missing")
    text = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    if not text:
        raise MissingDescription(f"{init} has no docstring")
    return text


def _first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n", 1)[0].split())


def _layers(value: Any, where: str) -> list[list[str]]:
    if not isinstance(value, list) or not all(
        isinstance(layer, list) and all(isinstance(name, str) for name in layer) for layer in value
    ):
        raise ValueError(f"{where} must be a list of layers, each a list of names")
    return value


def layout_page(pyproject: Path, app_dir: Path) -> str:
    """The layout page from the architecture table and the `__init__.py` docstrings."""
    table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    try:
        architecture = table["tool"]["medius"]["architecture"]
    except KeyError as missing:
        raise ValueError(f"{pyproject} has no [tool.medius.architecture] table") from missing
    contexts = _layers(architecture.get("contexts"), "contexts")
    packages: dict[str, Any] = architecture.get("packages", {})
    declared = {name for layer in contexts for name in layer}
    unknown = sorted(set(packages) - declared)
    if unknown:
        raise ValueError(f"packages names contexts not in `contexts`: {unknown}")

    out = [
        "# Layout\n",
        "`app/` is a handful of **contexts**, each a part of the product a newcomer",
        "recognises; inside a context, **packages**; inside a package, the same rooms",
        "(`router.py` for the HTTP shape, `params.py` for its path parameters and shared",
        "strings, `service.py` for the rules, `repository.py` for SQL, `models.py` for",
        "fields, `examples.py` for the OpenAPI examples).",
        "",
        "Imports go down only: a context imports only contexts of lower layers, and inside",
        "a context a package imports only packages of lower layers (one layer may hold",
        "several, which then import none of each other). The layers are declared once, in",
        "pyproject.toml's `[tool.medius.architecture]` table; `tests/test_architecture.py`",
        "reads every import under `app/` (function-level ones too) and fails on one that",
        "goes up or sideways, or on a cycle. This page is generated from that table and",
        "from the docstring of each `__init__.py` when the site is built, so it cannot",
        "drift.",
        "",
        "## Contexts, lowest layer first\n",
        "| layer | context | what it holds |",
        "| --: | --- | --- |",
    ]
    for number, layer in enumerate(contexts, start=1):
        for name in layer:
            summary = _first_paragraph(_docstring(app_dir / name / "__init__.py"))
            out.append(f"| {number} | [`app.{name}`](#app{name}) | {_cell(summary)} |")
    entry_points = architecture.get("entry_points", [])
    if entry_points:
        names = ", ".join(f"`app/{name}.py`" for name in entry_points)
        out.append(
            f"\nEntry points ({names}) sit above every context: they wire everything, and "
            "nothing in a context imports them."
        )
    for layer in contexts:
        for name in layer:
            out.append(f"\n## `app.{name}` {{#app{name}}}\n")
            out.append(_docstring(app_dir / name / "__init__.py") + "\n")
            inner = _layers(packages.get(name, []), f"packages.{name}")
            if not inner:
                out.extend(_module_table(app_dir / name, f"app.{name}"))
                continue
            out.append("| layer | package | what it holds |")
            out.append("| --: | --- | --- |")
            for number, package_layer in enumerate(inner, start=1):
                for package in package_layer:
                    init = app_dir / name / package / "__init__.py"
                    summary = _cell(_first_paragraph(_docstring(init)))
                    out.append(f"| {number} | `app.{name}.{package}` | {summary} |")
    return "\n".join(out) + "\n"


def _module_table(folder: Path, dotted: str) -> list[str]:
    """A context without packages: its modules and the first line of each docstring."""
    rows = ["| module | what it holds |", "| --- | --- |"]
    for module in sorted(folder.glob("*.py")):
        if module.name == "__init__.py":
            continue
        text = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))) or ""
        rows.append(f"| `{dotted}.{module.stem}` | {_cell(_first_paragraph(text))} |")
    return rows if len(rows) > 2 else []


# --- bench results -----------------------------------------------------------------------


def bench_results_page(latest: Path) -> str:
    """bench/results/latest.md as a page: its headings one level down, under a title."""
    text = latest.read_text(encoding="utf-8")
    shifted = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.MULTILINE)
    return (
        "# Latest results\n\n"
        "The last `make bench` run, as it wrote `bench/results/latest.md` (this page is that "
        "file, included when the site is built). How the bench works and how to read the "
        "ratios: [Benchmark](bench.md).\n\n" + shifted
    )


# --- the mkdocs hook ---------------------------------------------------------------------

GENERATED = {
    "operations/settings.md": lambda: settings_page(),
    "architecture/layout.md": lambda: layout_page(ROOT / "pyproject.toml", ROOT / "app"),
    "operations/bench-results.md": lambda: bench_results_page(
        ROOT / "bench" / "results" / "latest.md"
    ),
}


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages (mkdocs calls this before it reads the nav)."""
    from mkdocs.structure.files import File

    for uri, make in GENERATED.items():
        if files.get_file_from_path(uri) is not None:
            raise ValueError(f"docs/{uri} is generated: delete the committed copy")
        files.append(File.generated(config, uri, content=make()))
    return files


LEVEL_TABLES = "<!-- generated: the builder's level and goal tables (scripts/docs_site.py) -->"


def level_tables() -> str:
    """The builder's one level table and its goals, as the planner keeps them."""
    from app.catalog.planner import level_table_markdown

    return level_table_markdown()


def on_page_markdown(markdown: str, **_: Any) -> str:
    if LEVEL_TABLES in markdown:
        markdown = markdown.replace(LEVEL_TABLES, level_tables())
    return NO_RUN_FENCE.sub(r"\1", markdown)
