#!/usr/bin/env python3
"""Planted figure errors in real articles: how many the figure checker catches, and how often it flags a
sentence copied from the article. Not a test: run it and read the table.

    python bench/planted_errors.py                       # the repo's articles + ../shared extraction pages
    python bench/planted_errors.py --articles DIR_OR_JSON --dump misses.jsonl

Each sentence of an article that holds a figure token (digits, a number word, a month, a magnitude word
or a unit, found by this script's own tokenizer, not by mlsum) is a summary twice: as written (it must not
be flagged) and with one token changed (the change must be flagged where it is). A change is a digit
turned into another, a year moved, a number word or month swapped for another, or a unit or magnitude
swapped ("km" for "m", "millions" for "billions"). A change whose new value the article states anywhere
is left out: whether it is an error then depends on what it counts. Changes are drawn with a fixed seed,
so runs are comparable; `--seed` draws another set.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from mlsum.figures import SUPPORTED, check_figures, guess_lang
from mlsum.text import paragraphs, sentences

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT.parent / "shared" / "benchmarks" / "extraction" / "ground-truth.json"
# Six French news articles written for this bench: invented events, their figures chosen to cover the
# forms French writes (1,2 milliard d'euros, 14 h 30, 41 °C, 13,6 km, une quinzaine, un homme de 47 ans).
FRENCH = ROOT / "bench" / "articles_fr"

WORDS = {"en": "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
               "thousand first second third fourth fifth".split(),
         "fr": "deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante cent "
               "mille premier deuxième troisième quatrième cinquième".split()}
MONTHS = {"en": "January February March April May June July August September October November December".split(),
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()}
SWAPS = {"en": {"million": "billion", "billion": "million", "hundreds": "thousands", "thousands": "hundreds",
                "dozens": "hundreds", "km": "m", "kilometres": "metres", "miles": "kilometres", "%": " points"},
         "fr": {"millions": "milliards", "milliards": "millions", "centaines": "milliers", "milliers": "centaines",
                "dizaines": "centaines", "km": "m", "kilomètres": "mètres", "%": " points"}}
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%")


def articles(paths: list[Path]) -> list[tuple[str, str]]:
    """(name, text) of every article: .txt files, folders of them, or a ground-truth.json of bodies."""
    found = []
    for path in paths:
        if path.suffix == ".json":
            bodies = json.loads(path.read_text(encoding="utf-8"))
            found += [(f"{path.parent.name}/{key[:8]}", record["articleBody"]) for key, record in bodies.items()]
        elif path.is_dir():
            found += [(f"{path.name}/{p.stem}", p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.txt"))]
        else:
            found.append((path.stem, path.read_text(encoding="utf-8")))
    return [(name, text) for name, text in found if guess_lang(text) in ("en", "fr") and len(text) > 500]


def changed(token: str, lang: str, rng: random.Random) -> tuple[str, str] | None:
    """(kind, new token) for one token, or None if it is no figure token."""
    low = token.lower()
    if token[0].isdigit():
        if re.fullmatch(r"(?:19|20)\d\d", token):
            return "year", str(int(token) + rng.choice((-2, -1, 1, 3)))
        digits = [i for i, c in enumerate(token) if c.isdigit()][:2]  # a leading digit: a real change
        i = rng.choice(digits)
        new = str((int(token[i]) + rng.randint(1, 8)) % 10)
        return "digits", token[:i] + (new if i or new != "0" else "9") + token[i + 1:]
    if low in WORDS[lang]:
        new = rng.choice([w for w in WORDS[lang] if w != low])
        return "number word", new.capitalize() if token[0].isupper() else new
    if token in MONTHS[lang] or lang == "fr" and low in MONTHS[lang]:
        return "month", rng.choice([m for m in MONTHS[lang] if m.lower() != low])
    if low in SWAPS[lang]:
        return "unit or magnitude", SWAPS[lang][low]
    return None


def plants(sentence: str, lang: str, rng: random.Random):
    """(kind, planted sentence, span of the change) for each figure token of the sentence."""
    for m in TOKEN.finditer(sentence):
        if m.start() and (sentence[m.start() - 1].isalpha() or sentence[m.start() - 1] == "-"
                          and sentence[max(0, m.start() - 2)].isalpha()):
            continue  # "MH17", "F-16": part of a name
        if m.group() in ("km", "%") and not sentence[max(0, m.start() - 2):m.start()].strip()[-1:].isdigit():
            continue  # a unit only after a number
        found = changed(m.group(), lang, rng)
        if found:
            kind, new = found
            # a unit's change is found on the figure it ends: its number is part of the span
            start = len(sentence[:m.start()].rstrip().rstrip("0123456789.,")) if kind == "unit or magnitude" else m.start()
            yield kind, new, sentence[:m.start()] + new + sentence[m.end():], (start, m.start() + len(new))


def stated(value: str, article: str) -> bool:
    """Whether the article writes the new token as a whole token (then it may be true of something)."""
    return re.search(rf"(?<![\w.,]){re.escape(value.strip())}(?![\w]|[.,]\d)", article, re.I) is not None


def flags(summary: str, article: str) -> list:
    return [i for i in check_figures(summary, [article]).items if not i.figure.vague and i.status != SUPPORTED]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, nargs="*",
                        help="article .txt files, folders of them or a ground-truth.json of bodies (default: "
                             "seeds/, tests/data's and bench/articles_fr's French articles and the extraction "
                             "benchmark's pages)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="write every miss and false alarm to this JSONL file")
    args = parser.parse_args()
    paths = args.articles or [ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("fr_*.txt")),
                              ROOT / "tests" / "data" / "lemonde_fr.txt", FRENCH,
                              *([EXTRACTION] if EXTRACTION.exists() else [])]
    rng = random.Random(args.seed)
    caught, planted, alarms, copied = Counter(), Counter(), Counter(), Counter()
    dump = []
    started = time.perf_counter()
    corpus = articles(paths)
    for name, article in corpus:
        lang = guess_lang(article)
        for sentence in (s for p in paragraphs(article) for s in sentences(p, lang) if 30 <= len(s) <= 400):
            changes = [c for c in plants(sentence, lang, rng) if c[0] not in ("digits", "year", "number word")
                       or not stated(c[1], article)]
            if not changes:
                continue
            copied[lang] += 1
            if flags(sentence, article):
                alarms[lang] += 1
                dump.append({"article": name, "false_alarm": sentence})
            kind, _, summary, (start, end) = rng.choice(changes)
            hit = any(i.figure.start < end and start < i.figure.end for i in flags(summary, article))
            planted[(lang, kind)] += 1
            caught[(lang, kind)] += hit
            if not hit:
                dump.append({"article": name, "kind": kind, "missed": summary})
    seconds = time.perf_counter() - started
    print(f"{len(corpus)} articles ({sum(copied.values())} sentences with a figure token), {seconds:.1f} s\n")
    print(f"{'language':<9} {'planted change':<18} {'caught':>13}")
    for lang, kind in sorted(planted):
        n, k = planted[(lang, kind)], caught[(lang, kind)]
        print(f"{lang:<9} {kind:<18} {k:>5}/{n:<5} {100 * k / n:5.1f} %")
    for lang in sorted(copied):
        n, k = sum(v for (l, _), v in planted.items() if l == lang), sum(v for (l, _), v in caught.items() if l == lang)
        print(f"{lang:<9} {'all':<18} {k:>5}/{n:<5} {100 * k / n:5.1f} %   copied sentences flagged: "
              f"{alarms[lang]}/{copied[lang]} ({100 * alarms[lang] / copied[lang]:.1f} %)")
    if args.dump:
        args.dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dump), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
