"""The packages of `app/` import downward only: no cycle, and every import names a lower layer.

The layers, lowest first (a package may import only packages of lower layers):

    core          config, database, errors, HTTP plumbing: no domain at all
    users         accounts and who may call (`users.auth`); every domain's routes use it
    health        /healthz, /readyz
    webhooks      endpoints, the transactional outbox (`emit`, called by the domains above
                  in their write transactions) and the delivery worker
    catalog       exercises, muscles, equipment
    builder       pure planning over catalog specs
    live_catalog  the catalog as this process serves it: revision, cached responses, the
                  /catalog document, specs and planner index (invalidated on commit)
    assessments   self-checks (their interpretation feeds the builder's emphasis)
    routines      routines, templates, the routine-builder endpoint (reads a self-check)
    sessions      session logs against routines, sync
    progress      aggregates over sessions against routines
    alerts, session_comments, calendar_feed
                  alerts raised by session/self-check events (their counts feed the care
                  team's view), clinicians' comments on sessions, the planned sessions as an
                  iCalendar feed
    care          clinics, members, care relationships with consent, the access log, and
                  a patient's data as a clinician in care reads it (via the services below)
    handout, routine_deletion, prescriptions, care_followup, clinic_webhooks
                  aggregates above the domains they read or write: the printable
                  program (routine + progress warnings), deleting a routine (the
                  routine + its sessions' sync change, in one transaction), a
                  clinician's prescriptions (care's access and log over routines), a
                  patient's alerts and session comments as the care team reads,
                  acknowledges and writes them, a clinic's webhook endpoints (webhooks +
                  care: who receives a patient's events)
    sharing       share links: a patient's handout or progress for someone without an
                  account (renders the handout, reads progress)
    account       the account export: everything one person owns, from every domain
    fhir          FHIR R4B export: the catalog, and a patient's routines, sessions and
                  self-checks (reads the account export's rows)
    entry points  models, seed, main, asgi, cli, __main__: wire everything; nothing in a
                  package imports them (they may import each other; the cycle test applies)

Imports are read from the source with `ast`, function-level ones included, so a "lazy"
import does not hide a cycle. A new package must be placed in `LAYERS` (and in the
README's layout section).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

LAYERS: list[tuple[str, ...]] = [
    ("core",),
    ("users", "health"),
    ("webhooks",),
    ("catalog",),
    ("builder",),
    ("live_catalog",),
    ("assessments",),
    ("routines",),
    ("sessions",),
    ("progress",),
    ("alerts", "session_comments", "calendar_feed"),
    ("care",),
    ("handout", "routine_deletion", "prescriptions", "care_followup", "clinic_webhooks"),
    ("sharing",),
    ("account",),
    ("fhir",),
]
ENTRY_POINTS = ("models", "seed", "main", "asgi", "cli", "__main__")

Graph = dict[str, dict[str, list[str]]]  # package -> imported package -> "file:line" sites


def _module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _package(dotted: str) -> str | None:
    """`app.users.service` -> `users`; None outside `app`."""
    parts = dotted.split(".")
    if parts[0] != "app" or len(parts) < 2:
        return None
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
        source = _package(".".join(module))
        if source is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = {_package(t) for t in _imported(node, module, path.name == "__init__.py")}
            for target in targets - {None, source}:
                assert target is not None
                if (root / target).is_dir() or (root / f"{target}.py").exists():
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


def test_packages_import_only_lower_layers() -> None:
    rank = {package: i for i, layer in enumerate(LAYERS) for package in layer}
    top = len(LAYERS)
    rank |= dict.fromkeys(ENTRY_POINTS, top)
    graph = import_graph()
    packages = {p.name for p in APP.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in APP.glob("*.py") if p.stem != "__init__"}
    unplaced = sorted((packages | modules) - rank.keys())
    assert not unplaced, f"place {unplaced} in LAYERS or ENTRY_POINTS of {__name__}"
    upward = [
        f"app.{a} -> app.{b}  ({', '.join(sites)})"
        for a, targets in sorted(graph.items())
        for b, sites in sorted(targets.items())
        if rank[b] >= rank[a] and not (rank[a] == rank[b] == top)
    ]
    assert not upward, "imports that do not go down a layer:\n" + "\n".join(upward)


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
