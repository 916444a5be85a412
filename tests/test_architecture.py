"""`app/` imports downward only, at two levels: contexts, then packages inside a context.

The layers are declared once, in pyproject.toml (`[tool.medius.architecture]`), and the
docs' layout page is generated from the same table, so neither can drift from this test:

- `contexts`: layers of contexts, lowest first. A context imports only contexts of lower
  layers (`core` is no domain at all; `exports` reads everything below it).
- `packages`: for a context split into packages, the layers of its packages, lowest first.
  A package imports lower contexts and the lower packages of its own context.
- `entry_points`: models, seed, main, asgi, cli, __main__ wire everything; nothing in a
  package imports them (they may import each other; the cycle test applies).

A context's or package's purpose is the docstring of its `__init__.py`. Imports are read
from the source with `ast`, function-level ones included, so a "lazy" import does not hide
a cycle. A new context or package must be placed in the table.
"""

from __future__ import annotations

import ast
import tomllib
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"


def declared_layout(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, object]:
    """The `[tool.medius.architecture]` table of pyproject.toml."""
    table: dict[str, object] = tomllib.loads(pyproject.read_text())["tool"]["medius"][
        "architecture"
    ]
    return table


_LAYOUT = declared_layout()
CONTEXTS: list[list[str]] = _LAYOUT["contexts"]  # type: ignore[assignment]
PACKAGES: dict[str, list[list[str]]] = _LAYOUT["packages"]  # type: ignore[assignment]
ENTRY_POINTS: tuple[str, ...] = tuple(_LAYOUT["entry_points"])  # type: ignore[arg-type]


def unit_ranks() -> dict[str, tuple[int, int]]:
    """Every unit (a flat context `users`, or a context's package `catalog.planner`) and its
    rank: (its context's layer, its layer inside the context)."""
    ranks: dict[str, tuple[int, int]] = {}
    for layer, contexts in enumerate(CONTEXTS):
        for context in contexts:
            inner = PACKAGES.get(context)
            if not inner:
                ranks[context] = (layer, 0)
            for depth, packages in enumerate(inner or []):
                for package in packages:
                    ranks[f"{context}.{package}"] = (layer, depth)
    return ranks


Graph = dict[str, dict[str, list[str]]]  # package -> imported package -> "file:line" sites


def _module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _package(dotted: str, root: Path = APP) -> str | None:
    """The unit a dotted name is in: `app.users.service` -> `users`,
    `app.catalog.planner.rules` -> `catalog.planner`; None outside `app`."""
    parts = dotted.split(".")
    if parts[0] != "app" or len(parts) < 2:
        return None
    if len(parts) >= 3 and (root / parts[1] / parts[2]).is_dir():
        return f"{parts[1]}.{parts[2]}"
    return parts[1]


def _imported(node: ast.Import | ast.ImportFrom, module: list[str], is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative: resolve against the importing module's package
        base = module if is_package else module[:-1]
        base = base[: len(base) - node.level + 1]
        prefix = ".".join([*base, *([node.module] if node.module else [])])
    else:
        prefix = node.module or ""
    # `from app import users` imports the package `users`, not `app`.
    return [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]


def import_graph(root: Path = APP) -> Graph:
    """Every import between two different packages of `app/`, with where it is written."""
    graph: Graph = defaultdict(lambda: defaultdict(list))
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        source = _package(".".join(module), root)
        if source is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            imported = _imported(node, module, path.name == "__init__.py")
            targets = {_package(t, root) for t in imported}
            for target in targets - {None, source}:
                assert target is not None
                where = root.joinpath(*target.split("."))
                if where.is_dir() or where.with_suffix(".py").exists():
                    site = f"{path.relative_to(root.parent)}:{node.lineno}"
                    graph[source][target].append(site)
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """One cycle of packages (first package repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _describe(graph: Graph, cycle: list[str]) -> str:
    steps = [f"  app.{a} -> app.{b}  ({', '.join(graph[a][b])})" for a, b in pairwise(cycle)]
    return "import cycle " + " -> ".join(f"app.{p}" for p in cycle) + ":\n" + "\n".join(steps)


def test_the_package_import_graph_has_no_cycle() -> None:
    graph = import_graph()
    cycle = find_cycle(graph)
    assert cycle is None, _describe(graph, cycle or [])


def _units_on_disk() -> set[str]:
    units: set[str] = set()
    for context in APP.iterdir():
        if not (context / "__init__.py").exists():
            continue
        inner = {p.name for p in context.iterdir() if (p / "__init__.py").exists()}
        units |= {f"{context.name}.{p}" for p in inner} if inner else {context.name}
    return units | {p.stem for p in APP.glob("*.py") if p.stem != "__init__"}


def test_every_context_and_package_is_placed_in_the_layout() -> None:
    declared = set(unit_ranks()) | set(ENTRY_POINTS)
    on_disk = _units_on_disk()
    assert not on_disk - declared, (
        f"place {sorted(on_disk - declared)} in pyproject.toml's [tool.medius.architecture]"
    )
    assert not declared - on_disk, f"{sorted(declared - on_disk)} declared but not in app/"


def test_a_split_context_holds_only_packages() -> None:
    """A context's own modules would sit outside the package layers: only its docstring."""
    stray = [
        str(path.relative_to(ROOT))
        for context in PACKAGES
        for path in (APP / context).glob("*.py")
        if path.name != "__init__.py"
    ]
    assert not stray, f"modules at a split context's root (move them into a package): {stray}"


def test_every_context_and_package_says_what_it_is() -> None:
    undocumented = [
        unit
        for unit in unit_ranks()
        if not ast.get_docstring(
            ast.parse(APP.joinpath(*unit.split("."), "__init__.py").read_text())
        )
    ]
    undocumented += [
        c
        for c in PACKAGES
        if not ast.get_docstring(ast.parse((APP / c / "__init__.py").read_text()))
    ]
    assert not undocumented, (
        f"give these an __init__.py docstring (the layout page shows it): {undocumented}"
    )


def imports_that_do_not_go_down(graph: Graph) -> list[str]:
    rank = unit_ranks()
    top = (len(CONTEXTS), 0)
    rank |= dict.fromkeys(ENTRY_POINTS, top)

    def allowed(source: str, target: str) -> bool:
        if rank[source] == rank[target] == top:
            return True
        (source_layer, source_depth), (target_layer, target_depth) = rank[source], rank[target]
        if source.split(".")[0] == target.split(".")[0]:  # one context: its package layers
            return target_depth < source_depth
        return target_layer < source_layer

    return [
        f"app.{a} -> app.{b}  ({', '.join(sites)})"
        for a, targets in sorted(graph.items())
        for b, sites in sorted(targets.items())
        if not allowed(a, b)
    ]


def test_contexts_and_packages_import_only_lower_layers() -> None:
    upward = imports_that_do_not_go_down(import_graph())
    assert not upward, "imports that do not go down a layer:\n" + "\n".join(upward)


def test_the_layer_check_refuses_an_import_up_or_across() -> None:
    """The check itself can fail: a package importing a higher package of its own context,
    a same-layer sibling, or a higher context."""
    graph: Graph = {
        "catalog.exercises": {"catalog.planner": ["x.py:1"]},
        "logbook.alerts": {"logbook.comments": ["y.py:2"]},
        "training.routines": {"logbook.sessions": ["z.py:3"]},
        "logbook.sessions": {"training.routines": ["ok.py:4"]},
    }
    assert imports_that_do_not_go_down(graph) == [
        "app.catalog.exercises -> app.catalog.planner  (x.py:1)",
        "app.logbook.alerts -> app.logbook.comments  (y.py:2)",
        "app.training.routines -> app.logbook.sessions  (z.py:3)",
    ]


def test_the_cycle_finder_reports_a_cycle_through_a_function_level_import(
    tmp_path: Path,
) -> None:
    """The check itself can fail: a lazy import inside a function still closes a cycle."""
    app = tmp_path / "app"
    for package, source in {
        "alpha": "from app.beta import thing\n",
        "beta": "def thing():\n    from app.alpha import other\n    return other\n",
        "gamma": "from . import nothing\n",
    }.items():
        (app / package).mkdir(parents=True)
        (app / package / "__init__.py").write_text("")
        (app / package / "service.py").write_text(source)
    graph = import_graph(app)
    assert find_cycle(graph) == ["alpha", "beta", "alpha"]
    assert graph["beta"]["alpha"] == ["app/beta/service.py:2"]


def test_nothing_outside_tests_imports_tests() -> None:
    """The app, the bench and the harness they share never import `tests`: what the bench
    needs of the test run's machinery (the PostgreSQL cluster, the server process) lives in
    harness/, so a test helper can change without the bench or the app noticing."""
    sites: list[str] = []
    for folder in ("app", "bench", "harness"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module or ""]
                else:
                    continue
                if any(name == "tests" or name.startswith("tests.") for name in names):
                    sites.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not sites, f"imports of tests/ outside it (move what they need to harness/): {sites}"


def test_no_router_imports_another_router() -> None:
    """A router's path types and shared words live in its package's params.py: a router
    importing another router for them ties two HTTP surfaces together and hides where a
    parameter is declared. Only app/main.py imports routers, to mount them."""
    routers = {
        ".".join(_module_name(path, APP)): path
        for path in APP.rglob("*.py")
        if path.stem == "router" or path.stem.endswith("_router")
    }
    imported_routers = [
        f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"
        for module, path in sorted(routers.items())
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in _imported(node, module.split("."), is_package=False)
        if name in routers and name != module
    ]
    assert not imported_routers, "move what they share into a params.py:\n" + "\n".join(
        imported_routers
    )


def loaded_on_import(module: str, root: Path = APP) -> set[str]:
    """Every module of `app/` that importing `module` loads: its module-level imports (not
    those inside functions or under `if TYPE_CHECKING`), their packages' `__init__`s, and so
    on down."""
    seen: set[str] = set()
    waiting = [module]
    while waiting:
        name = waiting.pop()
        parts = name.split(".")
        for depth in range(2, len(parts) + 1):  # a package's __init__ loads first
            prefix = ".".join(parts[:depth])
            where = root.parent.joinpath(*parts[:depth])
            path = where / "__init__.py" if where.is_dir() else where.with_suffix(".py")
            if prefix in seen or not path.exists():
                continue
            seen.add(prefix)
            for node in ast.parse(path.read_text(), filename=str(path)).body:
                if isinstance(node, ast.Import | ast.ImportFrom):
                    imported = _imported(node, prefix.split("."), path.name == "__init__.py")
                    waiting += [t for t in imported if t.startswith("app.")]
    return seen


def test_the_worker_and_the_cli_start_without_the_web_app() -> None:
    """`python -m app worker` and the CLI's commands need the domain's reactions
    (app/reactions.py), not the routers, middleware and OpenAPI document of app/main.py:
    importing those was more than a third of each such process's start-up CPU. The `serve`
    command imports the web app itself, when it runs."""
    web = [
        name
        for start in ("app.cli", "app.reactions", "app.webhooks.worker")
        for name in sorted(loaded_on_import(start))
        if name == "app.main" or name.rsplit(".", 1)[-1].endswith("router")
    ]
    assert not web, f"loaded by the worker or the CLI at import: {web}"


def test_the_import_walk_sees_the_web_app_behind_app_main() -> None:
    loaded = loaded_on_import("app.main")
    assert {"app.main", "app.reactions", "app.users.router"} <= loaded
