"""The map of the code holds: every model in one list, no table registered by a side effect."""
import re
from pathlib import Path

from dialogues import models
from dialogues.extensions import db

PACKAGE = Path(__file__).resolve().parent.parent / "dialogues"


def test_every_mapped_model_is_listed_in_models_py(app):
    mapped = {mapper.class_.__name__ for mapper in db.Model.registry.mappers}
    assert mapped - set(models.__all__) == set()
    assert all(getattr(models, name).__name__ == name for name in models.__all__)


def test_no_module_is_imported_only_to_register_tables():
    side_effects = [
        f"{path.relative_to(PACKAGE)}: {line.strip()}"
        for path in PACKAGE.rglob("*.py") if path.name != "models.py" or path.parent != PACKAGE
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"import .*models.*noqa: F401", line) and "dialogues import models" not in line
    ]
    assert side_effects == []
