"""Extractive summarizers that run anywhere: no checkpoint, no download, no torch.

Lead-N (the article's first sentences) is the baseline news summarizers are measured against, since the
lede states the essentials. LexRank and TextRank (sumy's implementations) pick the sentences most central
to the article: sentences are graph nodes, edges are word-overlap similarities, and the best-ranked
sentences are kept in article order. All of them cut the text with mlsum's own splitter (:mod:`mlsum.text`,
the one the translator and chunker use), so sumy never needs NLTK's downloadable tokenizer data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .models import REGISTRY, ModelSpec
from .text import paragraphs, sentences

SENTENCES = 3  # the length of a CNN/DailyMail highlight, which the seq2seq checkpoints were trained on
WINDOW = 16  # documents handled together by a CLI run: extraction has no batches, this bounds a kill's loss

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSING_QUOTES = "\"'”’»)] "


def extractive_spec(name: str) -> ModelSpec | None:
    """The registry entry of `name` when it is an extractive summarizer (a local directory of the same
    name is a checkpoint, as :func:`mlsum.models.resolve` decides)."""
    spec = REGISTRY.get(name)
    if spec is None or spec.kind != "extractive" or Path(name).expanduser().is_dir():
        return None
    return spec


def lead_n(text: str, n: int = SENTENCES, lang: str = "en") -> str:
    """The first `n` sentences of `text`, paragraph by paragraph, joined by spaces."""
    every_sentence = (s for p in paragraphs(text) for s in sentences(p, lang))
    return " ".join(islice(every_sentence, n))


class _Words:
    """sumy's tokenizer interface, on a plain word pattern (sumy's own needs NLTK data files)."""

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def _lexrank():
    """sumy's LexRank, except that a sentence similar to no other one gets no centrality.

    sumy's graph keeps each sentence's similarity to itself, so an isolated sentence keeps the share of
    the walk it starts with, and a stray heading or caption outranks sentences on the article's topic.
    This leans on sumy's private `_create_matrix` (tests/test_extractive.py fails if it stops being
    called); sentences that keep their self-loops keep the walk aperiodic, so the power method converges.
    """
    import numpy as np
    from sumy.summarizers.lex_rank import LexRankSummarizer

    class LexRank(LexRankSummarizer):
        def _create_matrix(self, *args):
            matrix = super()._create_matrix(*args)
            isolated = np.isclose(np.diag(matrix), 1.0)  # degree 1: linked to itself alone
            if not isolated.all():  # all isolated: all equal, and ties keep article order
                matrix[isolated, isolated] = 0.0
            return matrix

    return LexRank


@lru_cache(maxsize=None)
def _ranker(method: str):
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    ranker = {"lexrank": _lexrank(), "textrank": TextRankSummarizer}[method](Stemmer("english"))
    ranker.stop_words = get_stop_words("english")
    return ranker


def is_heading(paragraph: list[str]) -> bool:
    """A paragraph of one line that ends without a sentence's closing mark: a (sub)heading, which the
    graph methods would otherwise rank as a sentence, its words being the article's topic words."""
    return len(paragraph) == 1 and not paragraph[0].rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS)


def graph_rank(text: str, method: str, n: int = SENTENCES, lang: str = "en") -> str:
    """The `n` most central sentences of `text` by LexRank or TextRank, in article order; headings
    are left out (sumy's document model keeps them apart)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    words = _Words()
    split = [sentences(p, lang) for p in paragraphs(text)]
    headings = [is_heading(p) for p in split]
    if all(headings):  # no sentence ends like one: rank the lines themselves
        headings = [False] * len(split)
    document = ObjectDocumentModel([Paragraph([Sentence(s, words, is_heading=h) for s in p])
                                    for p, h in zip(split, headings)])
    return " ".join(str(s) for s in _ranker(method)(document, n))


_METHODS: dict[str, Callable[[str], str]] = {
    "lead": lead_n,
    "lexrank": lambda text: graph_rank(text, "lexrank"),
    "textrank": lambda text: graph_rank(text, "textrank"),
}


def summarize_texts(spec: ModelSpec, texts: Sequence[str]) -> list[str]:
    """A summary of each (English) text by the extractive method `spec.family` names."""
    method = _METHODS[spec.family]
    return [method(text) for text in texts]
