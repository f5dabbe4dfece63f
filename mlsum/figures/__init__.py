"""Figures (numbers, amounts, dates, distances...) in English and French text, and whether a summary or
a translation keeps them faithful to the source."""

from .extract import KINDS, Figure, extract_figures, guess_lang
from .match import (BASES, COMPUTED, CONTRADICTED, NOT_FOUND, OTHER_THING, OTHER_VALUE, SAME_THING,
                    SAME_VALUE, STATUSES, SUPPORTED, UNSUPPORTED, FigureCheck, FigureMatch, SourceIndex,
                    TranslationIssue, check_figures, compare_translation, figure_recall, index_source,
                    match_reference)

VERSION = "2.4"

__all__ = ["BASES", "COMPUTED", "CONTRADICTED", "KINDS", "NOT_FOUND", "OTHER_THING", "OTHER_VALUE",
           "SAME_THING", "SAME_VALUE", "STATUSES", "SUPPORTED", "UNSUPPORTED", "VERSION", "Figure", "FigureCheck",
           "FigureMatch", "SourceIndex", "TranslationIssue", "check_figures", "compare_translation",
           "extract_figures", "figure_recall", "guess_lang", "index_source",
           "match_reference"]
