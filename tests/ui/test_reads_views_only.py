"""The window reads immutable views, never the service's internals: no module under
controlroom/ui takes the service's lock, reads its live `state`, or imports the live
state's types (ShowState, QueueState, Metrics, TimerLog, Snapshot). A view handed out by
the service (core/views.py) cannot change under the panel that shows it."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "controlroom" / "ui"
LIVE_TYPES = {"ShowState", "QueueState", "Metrics", "TimerLog", "Snapshot", "MinuteBucket", "ProductSales"}


def _tail_name(node: ast.AST) -> str:
    """`service`, `self.service`, `window.session.service` → the last name in the chain."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _tail_name(node.func)
    return ""


def violations(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        line = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr in ("lock", "state"):
            owner = _tail_name(node.value).lower()
            parent = parents.get(node)
            read_into = isinstance(parent, (ast.Attribute, ast.Subscript)) and parent.value is node
            if "service" in owner or (node.attr == "state" and read_into):
                found.append(f"{line}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and _tail_name(node.func) in ("getattr", "setattr") and len(node.args) > 1:
            key = node.args[1]
            if isinstance(key, ast.Constant) and key.value in ("lock", "state"):
                found.append(f"{line}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("controlroom.core"):
            found += [f"{line}: imports {a.name}" for a in node.names if a.name in LIVE_TYPES]
    return found


def test_no_ui_module_reads_the_service_internals():
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), str(path.relative_to(UI.parent.parent)))
    assert found == [], "read service.view() (core/views.py) instead:\n" + "\n".join(found)


def test_the_guard_sees_each_way_in():
    """Each pattern the guard exists for is caught (so an empty result above means something)."""
    code = '''
from controlroom.core.show import ShowState
from controlroom.core.queue import QueueState as Q
with self.service.lock:
    x = self.service.state.queue
with service.lock:
    y = window.session.service.state
z = state.state.plan
w = getattr(service, "lock")
ok = proc.state() if summary.state else None
'''
    found = sorted(violations(code, "x.py"), key=lambda f: int(f.split(":")[1]))
    assert [f.split(":", 1)[1] for f in found] == [
        "2: imports ShowState", "3: imports QueueState", "4: self.service.lock", "5: self.service.state",
        "6: service.lock", "7: window.session.service.state", "8: state.state", "9: getattr(service, 'lock')",
    ]
