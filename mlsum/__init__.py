"""mlsum: multilingual (French → English) news translation, cleaning, summarization and evaluation."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Document", "Pipeline", "Generation", "__version__"]


def __getattr__(name: str):
    """Lazy top-level API, so `import mlsum` (and `mlsum --help`) does not pay for torch."""
    if name == "Pipeline":
        from .api import Pipeline

        return Pipeline
    if name == "Document":
        from .document import Document

        return Document
    if name == "Generation":
        from .models import Generation

        return Generation
    raise AttributeError(f"module 'mlsum' has no attribute {name!r}")
