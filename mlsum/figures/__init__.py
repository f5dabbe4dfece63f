"""Figures (numbers, amounts, dates, distances...) in English and French text, and whether a summary or
a translation keeps them faithful to the source."""

from .extract import KINDS, Figure, extract_figures, guess_lang
from .match import (CONTRADICTED, SUPPORTED, UNSUPPORTED, FigureCheck, FigureMatch, SourceIndex,
                    TranslationIssue, check_figures, compare_translation, figure_recall, index_source,
                    match_reference)

VERSION = "1.0"

__all__ = ["CONTRADICTED", "KINDS", "SUPPORTED", "UNSUPPORTED", "VERSION", "Figure", "FigureCheck",
           "FigureMatch", "SourceIndex", "TranslationIssue", "check_figures", "compare_translation",
           "extract_figures", "figure_recall", "guess_lang", "index_source",
           "match_reference"]
