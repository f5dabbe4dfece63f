"""Shared fixtures: tiny random-init checkpoints of the real architectures, built once per session.

No test touches the network: the hub is switched off before transformers is imported, and the models
are built from `models/tiny.py` with tokenizers trained on the seed articles.
"""

import importlib.util
import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def load_tiny_module():
    spec = importlib.util.spec_from_file_location("tiny_models", ROOT / "models" / "tiny.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", autouse=True)
def ct2_cache(tmp_path_factory):
    """CTranslate2 conversions go to a cache of the test session's own, never the user's."""
    path = tmp_path_factory.mktemp("ct2-cache")
    previous = os.environ.get("MLSUM_CT2_CACHE")
    os.environ["MLSUM_CT2_CACHE"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("MLSUM_CT2_CACHE", None)
    else:
        os.environ["MLSUM_CT2_CACHE"] = previous


@pytest.fixture(scope="session")
def tiny():
    return load_tiny_module()


@pytest.fixture(scope="session")
def tiny_models(tiny, tmp_path_factory) -> dict[str, Path]:
    """{"bart", "marian", "t5"} → a local checkpoint directory."""
    return tiny.build_all(tmp_path_factory.mktemp("tiny-models"))


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return SEEDS
