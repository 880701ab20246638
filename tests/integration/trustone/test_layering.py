"""Views, API classes and tasks never query tenant-owned models directly: they go
through selectors and services (the access layer). A static check, like Zulip's
semgrep rules."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
APPS = ["members", "assessments", "supplychain", "complaints", "procurement", "trustone"]
LAYER_FILES = {"views.py", "api.py", "tasks.py"}


def layer_files() -> list[Path]:
    files = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if (
                path.name in LAYER_FILES
                or path.name.endswith(("_views.py", "_api.py", "_tasks.py"))
                or path.parent.name in {"views", "api"}
            ):
                files.append(path)
    return files


def direct_queries(source: str) -> list[int]:
    tree = ast.parse(source)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager"}
    ]


def test_the_check_finds_direct_queries() -> None:
    assert direct_queries("Report.objects.filter(x=1)\nok = selectors.reports(actor)\n") == [1]


def test_no_view_api_or_task_queries_models_directly() -> None:
    files = layer_files()
    assert any(path.name == "views.py" for path in files)
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if (lines := direct_queries(path.read_text()))
    }
    assert offenders == {}


MAX_MODULE_LINES = 500


def long_modules(root: Path, limit: int = MAX_MODULE_LINES) -> dict[str, int]:
    """Hand-written Python modules of the apps and the tests longer than `limit` lines
    (migrations are generated and exempt)."""
    found = {}
    for folder in [*APPS, "tests"]:
        for path in (root / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text().splitlines())
            if lines > limit:
                found[str(path.relative_to(root))] = lines
    return found


def test_the_length_check_finds_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "members").mkdir()
    (tmp_path / "members" / "long.py").write_text("x = 1\n" * 501)
    (tmp_path / "members" / "migrations").mkdir()
    (tmp_path / "members" / "migrations" / "0001_initial.py").write_text("x = 1\n" * 900)
    assert long_modules(tmp_path) == {"members/long.py": 501}


def test_no_hand_written_module_passes_500_lines() -> None:
    """A module that grows past ~500 lines becomes a package split by concern
    (CONVENTIONS §1)."""
    assert long_modules(ROOT) == {}
