"""The core is pure Python: no Qt, no SQL, no spreadsheets (design.md)."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import controlroom

CORE = Path(controlroom.__file__).parent / "core"
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "sqlalchemy", "openpyxl")
FORBIDDEN_OWN = ("controlroom.ui", "controlroom.store", "controlroom.models", "controlroom.recap",
                 "controlroom.services", "controlroom.feeds", "controlroom.sheets")


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_imports_nothing_forbidden():
    files = sorted(CORE.glob("*.py"))
    assert len(files) > 5
    bad = [
        f"{f.name}: {name}"
        for f in files
        for name in imported_modules(f)
        if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN_OWN)
    ]
    assert bad == []


def test_core_loads_without_qt_or_sql_in_a_fresh_interpreter():
    code = (
        "import sys, pkgutil, importlib, controlroom.core as c\n"
        "[importlib.import_module('controlroom.core.' + m.name) for m in pkgutil.iter_modules(c.__path__)]\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    root = Path(controlroom.__file__).parents[1]
    done = subprocess.run([lint], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout, done.stdout


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff, "ruff is part of the test extra"
    root = Path(controlroom.__file__).parents[1]
    done = subprocess.run([ruff, "check", "controlroom", "tests", "bench", "scripts"], cwd=root,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
