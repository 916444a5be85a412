"""Import every module of the `app` package; list each that fails, and exit 1 if any did.

Run by tests/release with the release venv's Python from the staged image folder, the way
`python -m app` finds the package in the image (the working directory first on the path).
It uses the standard library only: the venv it runs in holds the runtime lock and nothing else.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback

HINT = (
    "imported at run time but not installed by requirements/runtime.txt: declare it in "
    "pyproject.toml [project].dependencies (not only the dev extra), then `make lock`"
)
# Importing app.__main__ runs the command line.
SKIPPED = {"app.__main__"}


def describe(module: str, exc: BaseException) -> str:
    if isinstance(exc, ModuleNotFoundError) and exc.name and not exc.name.startswith("app"):
        return f"{module}: no module named {exc.name!r}, {HINT}"
    where = traceback.format_exception(exc)[-1].strip()
    return f"{module}: {where}"


def main() -> int:
    sys.path.insert(0, os.getcwd())
    failures: list[str] = []
    try:
        import app
    except Exception as exc:
        print(describe("app", exc), file=sys.stderr)
        return 1
    imported = 1

    def failed_package(name: str) -> None:  # walk_packages imports each package to descend
        failures.append(describe(name, sys.exc_info()[1] or RuntimeError("unknown error")))

    for info in pkgutil.walk_packages(app.__path__, "app.", onerror=failed_package):
        if info.name in SKIPPED:
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failures.append(describe(info.name, exc))
        else:
            imported += 1
    for line in dict.fromkeys(failures):
        print(line, file=sys.stderr)
    print(f"imported {imported} modules of app from {app.__path__[0]}; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
