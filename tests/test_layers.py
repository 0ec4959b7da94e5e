"""The package's layers: every import points down (model <- fetch/extract <- detectors/sources <- audit <-
history/report <- cli), and packages on one layer never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import auditor

PACKAGE = Path(auditor.__file__).parent

LAYERS: tuple[tuple[frozenset[str], bool], ...] = (
    # (top-level modules and packages, whether they may import each other)
    (
        frozenset(
            {
                "__init__",
                "errors",
                "model",
                "resources",
                "keys",
                "urls",
                "paths",
                "yamlfile",
                "schema_messages",
                "values",
                "severity",
                "mask",
                "scrub",
                "config",
                "lock",
                "plain",
                "seal",
            }
        ),
        True,
    ),
    (frozenset({"fetch", "extract"}), False),
    (frozenset({"catalogue", "profiles", "advice", "findings"}), False),
    (frozenset({"detectors", "sources"}), False),
    (frozenset({"audit", "rosters"}), False),
    (frozenset({"history", "report"}), False),
    (frozenset({"workflow", "notify", "sealing", "progress", "demo", "cli", "__main__"}), True),
)


def _layer(part: str) -> int:
    for number, (members, _) in enumerate(LAYERS):
        if part in members:
            return number
    raise AssertionError(f"auditor.{part} is on no layer: add it to LAYERS in {__file__}")


def _part(module: str) -> str:
    """The top-level part of a dotted auditor module name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports() -> set[tuple[str, str, str]]:
    """(importing part, imported part, file) for every import of one part of auditor by another."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts)
        package = module.removesuffix(".__init__") if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        if path.name == "__init__.py":
            module = package
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    targets = [".".join(base + ([node.module] if node.module else []))]
                elif node.module:
                    targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                if target.split(".")[0] == "auditor" and _part(target) != _part(module):
                    found.add((_part(module), _part(target), str(path.relative_to(PACKAGE.parent))))
    return found


def test_every_import_points_down_and_no_layer_imports_across() -> None:
    imports = _imports()
    assert ("history", "model", "auditor/history/changes.py") in imports  # the walk sees relative imports
    upward = sorted(f"{where}: {a} imports {b}" for a, b, where in imports if _layer(b) > _layer(a))
    across = sorted(
        f"{where}: {a} imports {b}"
        for a, b, where in imports
        if _layer(a) == _layer(b) and not LAYERS[_layer(a)][1]
    )
    assert upward == []
    assert across == []


def test_history_and_report_never_import_each_other() -> None:
    pairs = {(a, b) for a, b, _ in _imports()}
    assert ("history", "report") not in pairs
    assert ("report", "history") not in pairs
