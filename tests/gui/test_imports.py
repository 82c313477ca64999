"""gui/ has no import cycle: each module can be read without the ones that import it."""

from __future__ import annotations

import ast
from importlib import resources


def gui_imports() -> dict[str, set[str]]:
    """Module name -> the photodedup.gui modules it imports (type-checking imports too)."""
    package = resources.files("photodedup.gui")
    graph: dict[str, set[str]] = {}
    for entry in package.iterdir():
        if not entry.name.endswith(".py"):
            continue
        name = entry.name[:-3]
        tree = ast.parse(entry.read_text(encoding="utf-8"))
        graph[name] = {
            node.module.rsplit(".", 1)[1]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module is not None
            and node.module.startswith("photodedup.gui.")
        }
    return graph


def test_gui_modules_import_each_other_without_a_cycle() -> None:
    graph = gui_imports()
    assert "main_window" in graph and "controller" in graph
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        if name in done:
            return
        for imported in graph.get(name, ()):
            visit(imported, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_the_flows_and_the_controller_do_not_know_the_main_window() -> None:
    graph = gui_imports()
    for name in ("controller", "scan_flow", "find_copies", "review_files", "trash_flow", "menus"):
        assert "main_window" not in graph[name], name
