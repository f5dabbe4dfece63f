"""Line-level boilerplate removal: a chain of small named steps, each deciding by general signals.

A text is cut into lines (paragraphs, with hard-wrapped lines rejoined). Each step looks at the lines
still kept and names the ones it takes out; the runner marks them with the step's name, so every
removal can be audited. Later steps see what earlier ones removed (a caption is known by the photo
credit above it, the article's edges by the debris around them), which is why steps mark lines
instead of returning a shorter list.

Two kinds of steps. The first recognise page furniture by its words, kept per language in
`lexicon.py`: share and comment prompts, menus, legal and cookie notices, ads, credits, captions,
dates and bylines. Every such pattern is written so that a real article sentence cannot match it:
most are anchored on the whole line, and the few that search inside a line require phrases no
article sentence uses ("Article réservé à nos abonnés"). The last steps find the article itself
(`zones.py`): a model of line signals (length, punctuation, stopword density, repetition, position,
debris around) fitted on real pages scores every line, the article is the stretch of the page where
article lines outweigh the rest, and what lies before it (site name, menus), after it (comments,
related links, footer) and the debris inside it goes.

No library covers this: trafilatura and jusText classify HTML elements, and once a page has been
copied as plain text (or machine-translated) there are no elements left, only these lines; jusText's
stoplists are what `signals.py` uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import lexicon as lex
from .metadata import (ROLE, byline, content_words, date_label, date_line, find_date, headline, named_byline,
                       placed_byline)
from .signals import page_language, stopwords


@dataclass(eq=False)
class Line:
    """One paragraph of the text; `removed_by` names the step that took it out (None: kept).

    `original` is the paragraph as it was read, before typography repair, for the audit trail;
    `zone` is where the article model placed it ("before", "article", "after"), once it has run.
    """

    text: str
    block: int
    removed_by: str | None = None
    original: str | None = None
    zone: str | None = None
    probability: float | None = None

    @property
    def kept(self) -> bool:
        return self.removed_by is None


@dataclass(frozen=True)
class Step:
    """A named detector: it yields the kept lines it judges to be debris."""

    name: str
    find: Callable[[list[Line]], Iterable[Line]]


def run_steps(lines: list[Line], steps: Iterable[Step] | None = None) -> list[Line]:
    """Apply the steps in order, marking what each removes; returns the same list."""
    for step in STEPS if steps is None else steps:
        for line in list(step.find(lines)):
            line.removed_by = step.name
    return lines


# --- splitting -------------------------------------------------------------------------------------

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_WRAP_MIN, _WRAP_MAX, _WRAP_FULL, _WRAP_FILL = 50, 100, 0.75, 0.6


def split_lines(text: str) -> list[Line]:
    """The text's paragraphs as Lines: blank-line blocks, each line of a block its own paragraph,
    except where a line was hard-wrapped — then it is joined back (and de-hyphenated)."""
    lines: list[Line] = []
    for number, block in enumerate(_BLOCK_BREAK.split(text)):
        raw = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        for joined in _unwrap([line for line in raw if line], text):
            lines.append(Line(joined, number))
    return lines


def _unwrap(raw: list[str], text: str) -> list[str]:
    """Lines of one block, with hard-wrapped lines joined back.

    A line goes on in the next one when it ends mid-word with a hyphen, or mid-sentence before a
    lowercase word. In a hard-wrapped block (three lines or more within a 50–100 column width, three
    in four of them filling it and half ending mid-sentence: copies of e-mails and PDFs) a long line
    ending mid-sentence goes on too, and a block whose lines are all long but its last is one
    paragraph. A line that ends with a semicolon is an item of a list ("la fermeture des écoles ;"),
    one that ends with a colon announces one, and a wrapped line seldom ends so: neither is joined.
    Page debris copied as a block has lines of every length, so it is never taken as wrapped; and a
    link line ("Lire aussi | …") is never joined, so that the step removing it cannot take a
    sentence along.
    """
    width = max((len(line) for line in raw), default=0)
    inner = raw[:-1]
    full = sum(1 for line in inner if len(line) >= _WRAP_FULL * width)
    open_ends = sum(1 for line in inner if not ends_sentence(line))
    wrapped = (len(raw) >= 3 and _WRAP_MIN <= width <= _WRAP_MAX
               and 4 * full >= 3 * len(inner) and 2 * open_ends >= len(inner))
    one_paragraph = wrapped and all(len(line) >= _WRAP_FILL * width for line in inner)
    out: list[str] = []
    for line in raw:
        previous = out[-1] if out else None
        if previous is None or _LINK_PREFIX.match(line) or _LINK_PREFIX.match(previous):
            out.append(line)
            continue
        hyphen = _HYPHEN_END.search(previous)
        if hyphen and line[:1].islower():
            out[-1] = _dehyphenate(previous, hyphen.group(1), line, text)
        elif not previous.endswith((";", ":")) and (one_paragraph or (not ends_sentence(previous) and (
                line[:1].islower() or (wrapped and len(previous) >= _WRAP_FILL * width)))):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return out


def _dehyphenate(previous: str, head: str, line: str, text: str) -> str:
    """Join a word split at a line end: keep the hyphen only if the text spells the word with one
    elsewhere ("anti-regime"), since a line-end hyphen is usually the typesetter's."""
    tail = _FIRST_WORD.match(line)
    hyphenated = tail is not None and re.search(
        rf"\b{re.escape(head)}-{re.escape(tail.group(1))}\b", text) is not None
    return previous + line if hyphenated else previous[:-1] + line


# --- shape of a line -------------------------------------------------------------------------------

_TERMINAL = re.compile(r"(?:[.!?…。！？][\"”»’')\]」』]*|[\"”»])$")
# A full stop, maybe inside quotes, maybe before a wire credit: "… the agency said. (Reuters)"
_STOP = re.compile(r"[.!?…。！？][\"”»’')\]」』]*(?:\s*\([^()]{1,40}\))?$")


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: terminal punctuation, possibly inside quotes or brackets, or a quote."""
    return _TERMINAL.search(text) is not None


def words(text: str) -> int:
    return len(text.split())


def is_body(text: str) -> bool:
    """A paragraph that reads as article prose: six words or more closed by a stop (a headline may
    end with a quote, an article's paragraph ends with a full stop)."""
    return _STOP.search(text) is not None and (words(text) >= 6 or len(text) >= 40)


_SENTENCE_MIN_WORDS = 3


def is_sentence(text: str) -> bool:
    """Three words or more closed by a stop: "He denied it.", never a menu item or a site name."""
    return _STOP.search(text) is not None and words(text) >= _SENTENCE_MIN_WORDS


def _kept(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kept]


def _whole_line(pattern: str) -> re.Pattern:
    """A case-insensitive pattern for a whole line, trailing punctuation allowed."""
    return re.compile(rf"^(?:{pattern})\s*[.:!]?$", re.IGNORECASE)


# --- furniture, by its words -----------------------------------------------------------------------

# No letter at all ("•", "***", "1/12", "00:00/05:12"), or one lowercase word ("clear", "close"): in
# any script; a word of a script without case (kanji, hangul) is not a stray word.
_NO_LETTER = re.compile(r"^[\W\d_]{1,20}$")
_LONE_WORD = re.compile(r"^[^\W\d_]{1,15}$")
# The initials of the desks that handled a wire story, closing it: "bur-ant/cf/sbh", "jmt/abl".
_WIRE_SLUG = re.compile(r"^[a-z]{2,4}(?:[-/][a-z]{2,4}){1,6}$")


def stray_words(lines: list[Line]) -> Iterable[Line]:
    """A lone lowercase word, or a short line without a letter: the label of a button ("clear",
    "close"), separators ("•", "***", "___"), counters and player times ("1/12", "00:00/05:12"),
    and the wire desks' initials that close an agency story ("bur-ant/cf/sbh")."""
    return (line for line in _kept(lines) if _NO_LETTER.match(line.text) or _WIRE_SLUG.match(line.text) or (
        _LONE_WORD.match(line.text) and line.text.islower()))


# A link prefix, then its headline; copies often glue the two ("Lire aussiEn Syrie, …").
_LINK_PREFIX = re.compile(
    rf"^(?:{lex.alternation(lex.LINK_PREFIXES)})(?:\b|(?=[A-ZÀ-Ý]))"
    # labels that sentences can start with count only alone on their line or before a separator;
    # "Related articles" alone heads a box after the article, and is left to the navigation step
    rf"|^(?:{lex.alternation(lex.LINK_LABELS)})\s*(?:[:|>»…]|$)"
    r"|^related(?:\s+(?:article|story|stories|coverage|content|reading)s?)?\s*[:|>»…]\s*\S"
    # or a pipe a few words on, which no sentence has ("Lire le récit | …", "Read the analysis | …")
    rf"|^(?:{lex.alternation(lex.LINK_VERBS)})\b[^|.!?]{{0,40}}\|"
    # or a media label in capitals before a teaser: "VIDÉO. Nous avons testé la ligne", "PHOTOS - …"
    rf"|^(?-i:{lex.alternation(lex.MEDIA_LABELS)})\s*[.:|>»–-]\s*\S",
    re.IGNORECASE,
)
_LINK_TITLE_MAX_WORDS = 20


def link_lists(lines: list[Line]) -> Iterable[Line]:
    """Related-article links: "Read: …", "Read also | …", "Lire aussi | …", "Voir aussi".

    A bare prefix line ("Lire aussi") takes the line under it along when it reads like a headline
    (short, no full stop; a question mark is common in headlines): that is the link.
    """
    kept = _kept(lines)
    links: list[Line] = []
    for index, line in enumerate(kept):
        if not _LINK_PREFIX.match(line.text) or line in links:
            continue
        links.append(line)
        bare = words(_LINK_PREFIX.sub("", line.text).strip(" :|-")) == 0
        if bare and index + 1 < len(kept):
            following = kept[index + 1]
            if not following.text.endswith(".") and words(following.text) <= _LINK_TITLE_MAX_WORDS:
                links.append(following)
    return links


_SUBSCRIPTION = re.compile(lex.alternation(lex.SUBSCRIPTION), re.IGNORECASE)
_PROMPT_MAX_WORDS = 40


def subscription_prompts(lines: list[Line]) -> Iterable[Line]:
    """Paywall, subscription, newsletter and donation prompts: "Article réservé à nos abonnés",
    "Subscribe now", "Sign up for our newsletter"."""
    for line in _kept(lines):
        lower = line.text.casefold()
        if (words(line.text) <= _PROMPT_MAX_WORDS and any(hint in lower for hint in lex.SUBSCRIPTION_HINTS)
                and _SUBSCRIPTION.search(line.text)):
            yield line


_SHARE_LINE = re.compile(rf"^(?:(?:{lex.alternation(lex.SHARE_WIDGETS)})[\s|·•/,:.…!-]*)+$", re.IGNORECASE)
# The same widgets written as a sentence: "Save articles to read later and create your own reading list."
_SAVE_PROMPT = re.compile(
    r"^(?:save|add|create|sauvegardez|ajoutez|retrouvez|enregistrez)\b.{0,80}"
    r"\b(?:read\s+later|reading\s+list|lire\s+plus\s+tard|ma\s+liste|mes\s+favoris)\b",
    re.IGNORECASE,
)
_WIDGET_MAX_WORDS = 20


def share_prompts(lines: list[Line]) -> Iterable[Line]:
    """Sharing, saving, media and reading-time widgets: "Share", "Read later", "Partager", "Vidéo",
    "2 min read", and toolbars of them ("Copier le lien Lien copié Commentaires (234)"). A comment
    counter alone on its line heads the comments: it is left to the comment step."""
    return (line for line in _kept(lines) if (_SHARE_LINE.match(line.text) and not _COMMENT_LINE.match(line.text))
            or (words(line.text) <= _WIDGET_MAX_WORDS and _SAVE_PROMPT.match(line.text)))


_COMMENT_LINE = _whole_line(lex.alternation(lex.COMMENT_PROMPTS))
# A comment's header: "thelastchargersfan says:", "Jane Doe dit :", "Jean a écrit :".
_COMMENT_HEADER = re.compile(r"^\S.{0,60}?\s(?:says|said|wrote|dit|écrit|a\s+écrit)\s*:$", re.IGNORECASE)


def comment_prompts(lines: list[Line]) -> Iterable[Line]:
    """Comment-section prompts and comment headers: "Post a Comment", "Leave a reply", "Réagir",
    "12 commentaires", "Was this article helpful?", "jdoe says:"."""
    return (line for line in _kept(lines)
            if _COMMENT_LINE.match(line.text) or _COMMENT_HEADER.match(line.text))


_THREAD_MIN_COMMENTS = 3


def comment_threads(lines: list[Line]) -> Iterable[Line]:
    """A comment thread: three or more comment headers ("jdoe says:", "Jane on May 3, 2019 at 4:47
    pm said:"), and everything from the first to the end of the last comment (the next debris line)."""
    heads = [index for index, line in enumerate(lines)
             if line.removed_by == "comment_prompt" and _COMMENT_HEADER.match(line.text)]
    if len(heads) < _THREAD_MIN_COMMENTS:
        return []
    end = heads[-1]
    while end + 1 < len(lines) and lines[end + 1].kept:
        end += 1
    return [line for line in lines[heads[0]:end + 1] if line.kept]


_NAVIGATION_LINE = _whole_line(lex.alternation(lex.NAVIGATION))
# Breadcrumbs and menus: three or more short items joined by separators ("Home > World > Middle East").
_MENU_LINE = re.compile(r"^[^.!?]{1,40}(?:\s[>›»|/·•]\s[^.!?|>›»·•]{1,40}){2,}$")
_MENU_SEPARATOR = re.compile(r"\s[>›»|/·•]\s")
_MENU_ITEM_WORDS = 4
# Screen-reader labels of links, copied with the link text ("… Trust Principles., opens new tab").
_LINK_LABEL = re.compile(
    r"(?:,\s*|\()(?:opens\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)|"
    r"s['’]ouvre\s+dans\s+(?:un\s+)?(?:nouvel\s+onglet|nouvelle\s+fenêtre))\)?\s*$",
    re.IGNORECASE,
)


def navigation(lines: list[Line]) -> Iterable[Line]:
    """Site navigation: "Previous Post Next Post", "Back to top", "Related articles", breadcrumbs,
    links labelled "opens new tab"."""
    return (line for line in _kept(lines) if _NAVIGATION_LINE.match(line.text) or _is_menu(line.text) or (
        words(line.text) <= _WIDGET_MAX_WORDS and _LINK_LABEL.search(line.text)))


_LINK_BOX = _whole_line(lex.alternation(lex.LINK_BOXES))
_FULL_STOP = re.compile(r"[.…][\"”»’')\]]*$")
_BOX_MAX_LINKS = 12


def link_boxes(lines: list[Line]) -> Iterable[Line]:
    """The headlines under a link box's heading ("Related articles", "Most read", "Les plus lus"):
    the lines that read as headlines (no full stop at the end — a question is a headline too —,
    twenty words or less) right under it, up to a date or byline (where an article starts)."""
    for index, line in enumerate(lines):
        if line.removed_by != "navigation" or not _LINK_BOX.match(line.text):
            continue
        taken = 0
        for following in lines[index + 1:]:
            if following.removed_by in ("date", "byline"):
                break  # the article's own header: the box is over
            if not following.kept:
                continue
            if taken == _BOX_MAX_LINKS or _FULL_STOP.search(following.text) or \
                    words(following.text) > _LINK_TITLE_MAX_WORDS:
                break
            taken += 1
            yield following


def _is_menu(text: str) -> bool:
    return _MENU_LINE.match(text) is not None and all(
        words(item) <= _MENU_ITEM_WORDS for item in _MENU_SEPARATOR.split(text))


_LEGAL_LINE = re.compile(
    # case matters for the first: "Copyright 2017 MEMO", "© Le Monde", never "Copyright disputes …"
    r"^(?:©|\(c\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}|[A-ZÀ-Ý])"
    rf"|(?i:\b(?:{lex.alternation(lex.RIGHTS_RESERVED)})\b|{lex.alternation(lex.COOKIE_NOTICES)}"
    rf"|^(?:(?:{lex.alternation(lex.LEGAL_LINKS)})[\s|·•/,.:-]*)+$)"
)
_LEGAL_MAX_WORDS = 40


def legal_notices(lines: list[Line]) -> Iterable[Line]:
    """Copyright, legal links and cookie notices: "© 2024 Example News. All rights reserved.",
    "Privacy policy", "We value your privacy"."""
    return (line for line in _kept(lines)
            if words(line.text) <= _LEGAL_MAX_WORDS and _LEGAL_LINE.search(line.text))


_AD_LINE = _whole_line(lex.alternation(lex.ADS))


def ad_markers(lines: list[Line]) -> Iterable[Line]:
    """Advertising slots: "ADS", "Advertisement", "Publicité", "Story continues below advertisement"."""
    return (line for line in _kept(lines) if _AD_LINE.match(line.text))


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)\S+"
_HANDLE = r"@\w{2,30}"
_CONTACT = rf"(?:{_EMAIL}|{_URL}|{_HANDLE})"
_CONTACT_LINE = re.compile(
    rf"^(?:(?:e-?mail|mail|contact|courriel|website|site|web|twitter|x)\s*:?\s*)?"
    rf"{_CONTACT}(?:\s*[|,;/·]?\s*{_CONTACT})*\s*\.?$",
    re.IGNORECASE,
)


def contact_lines(lines: list[Line]) -> Iterable[Line]:
    """Lines that are only an e-mail address, a social handle ("syria.suv@gmail.com") or a URL; a URL
    only before the first paragraph or after the text's last other line: in between, it is a link
    the article gives (a source, the products of a buying guide)."""
    kept = _kept(lines)
    prose = [index for index, line in enumerate(kept) if is_body(line.text)]
    content = [index for index, line in enumerate(kept) if not _CONTACT_LINE.match(line.text)]
    for index, line in enumerate(kept):
        if not _CONTACT_LINE.match(line.text):
            continue
        inside = bool(prose) and prose[0] < index < content[-1]
        if not inside or not re.fullmatch(rf"(?:{_URL}\s*)+", line.text.strip(" .")):
            yield line


_AGENCY = rf"(?i:{'|'.join(lex.AGENCIES)})"
_AGENCY_OR_GROUP = rf"(?i:{'|'.join(lex.AGENCIES + lex.AGENCY_GROUPS)})"
_AGENCIES = rf"{_AGENCY_OR_GROUP}(?:\s*(?:,|/|(?i:and|et)|&)\s*{_AGENCY_OR_GROUP})*"
_OUTLET = r"(?:(?:[A-ZÀ-Ý0-9][\w'’.-]*\s+){0,3}[A-ZÀ-Ý0-9][\w'’.-]*|[a-zà-ÿ][\w'’.-]*)"
_CREDIT_LINE = re.compile(
    rf"^[(\[]?\s*(?:(?i:with|avec|source|sources|via|d['’]après)\s*:?\s*)?{_AGENCIES}\s*[)\]]?\.?$"
    # an outlet and the agencies it used: "TRT World and Agencies", "Le Monde avec AFP"
    rf"|^(?:(?i:source|sources)\s*:\s*|(?i:{lex.alternation(lex.BYLINE_PREFIXES)})\s*:?\s+)?"
    rf"{_OUTLET}\s+(?i:and|with|avec|&|et)\s+{_AGENCY_OR_GROUP}"
    rf"(?:\s*(?:,|/|(?i:and|et)|&)\s*{_AGENCY_OR_GROUP})*\.?$"
)
_STAFF_CREDIT = re.compile(
    rf"^[(\[]?(?:additional\s+)?(?:{lex.alternation(lex.STAFF_CREDIT_ROLES)})(?:\s+(?:and|et)\s+\w+)?"
    r"\s+(?:by|par)\s+[A-ZÀ-Ý][^.]{1,200}[)\]]?\.?$"
    # "Associated Press writer Jane Doe in Beirut contributed to this report."
    r"|^[^.]{3,150}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?$",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 40


def is_credit(text: str) -> bool:
    return _CREDIT_LINE.match(text) is not None or is_staff_credit(text)


def is_staff_credit(text: str) -> bool:
    """A credit naming the reporters and editors ("Reporting by …; Editing by …"), not the source."""
    return _STAFF_CREDIT.match(text) is not None


def credits(lines: list[Line]) -> Iterable[Line]:
    """Agency and staff credits: "TRT World and Agencies", "Le Monde avec AFP", "(Reuters)",
    "Reporting by …; Editing by …"."""
    return (line for line in _kept(lines) if words(line.text) <= _CREDIT_MAX_WORDS and is_credit(line.text))


_PHOTO_WORD = re.compile(rf"\b(?:{lex.alternation(lex.PHOTO_WORDS)})\b", re.IGNORECASE)
_SLASH_AGENCY = re.compile(rf"\S\s*[/–|-]\s*{_AGENCY}\b")
# A photographer and the outlet, as captions credit them: "(Patrick Gherdoussi/Libération)".
_NAME_SLASH_OUTLET = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3}\s*/\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){0,3}$")
_BRACKET_CREDIT = re.compile(r"\s*[\[(]\s*(?P<inner>[^\[\]()]{2,80}?)\s*[\])]\.?\s*$")
# Unbracketed credits closing a caption: "… Photo: Reuters", "… OMAR HAJ KADOUR / AFP".
_LABEL_CREDIT = re.compile(
    r"(?:(?:^|[.\s])(?:(?i:photo|photograph|picture|image|crédits?\s+photo|photo\s+credit|credits?|crédits?|foto)\s*:|©)"
    # or glued to the caption's last word, as copies of "caption<span>Credit: …</span>" come out
    r"|(?<=[a-z])(?:Photo|Picture|Image|Credit|Crédit|Foto)\s*:)"
    # the credit: a name, initials allowed ("Gene J. Puskar"), no sentence
    r"\s*(?:[^.]|(?<=\b[A-Z])\.){2,60}$")
# A credit after the caption's last stop and a dash or a bar, naming a photographer and an outlet or
# written in capitals: "… de police. — V. Wartner / 20 Minutes", "… en janvier. | OUEST-FRANCE".
_TAIL_CREDIT = re.compile(r"[.!?…]\s+[—–|]\s+(?P<credit>[^!?]{2,60})$")
# Caption openings: a gallery counter ("[1/5] Rebel fighters …"), or the labels screen readers get
# ("Image source, Getty Images", "Image caption, Rebels celebrate in Hama").
_CAPTION_START = re.compile(
    r"^\[\d+\s*/\s*\d+\]|^(?i:image|photo|media|video)\s+(?i:source|caption|credit|copyright)\s*[,:]?\s")
_SLASH_CREDIT = re.compile(rf"/\s?(?:{'|'.join(lex.AGENCIES + lex.PHOTO_BANKS)})(?:\s+via\s+[\w .'’-]+)?\.?$",
                           re.IGNORECASE)
# The agency (or the paper's initials), then the photographer: "… March 8, 2025. REUTERS/Annegret
# Hilse/File Photo", "… en janvier. LP/Olivier Arandel".
_AGENCY_SLASH = re.compile(rf"[.!?]\s+(?:(?i:{'|'.join(lex.AGENCIES)})|[A-Z]{{2,10}})/[A-ZÀ-Ý][^.!?]{{1,60}}$")
# A line naming only a photo source, as image credits are shown above or below a caption.
_PHOTO_CREDIT_LINE = re.compile(rf"^(?:{'|'.join(lex.AGENCIES + lex.PHOTO_BANKS)})$", re.IGNORECASE)
# A button copied at the end of a caption: "… REUTERS/Annegret Hilse Purchase Licensing Rights".
_CAPTION_WIDGET = re.compile(rf"\s+(?:{lex.alternation(lex.CAPTION_WIDGETS)})(?=\s*(?:,|\(|$))", re.IGNORECASE)
_CAPTION_MAX_WORDS = 60
_CAPTION_UNDER_CREDIT_MAX_WORDS = 25


def photo_credit(text: str) -> re.Match | None:
    """The photo credit closing a caption ("[Hüseyin Nasır/Anadolu Agency]", "( … – Anadolu Agency )",
    "[File photo]", "Photo: Reuters", "OMAR HAJ KADOUR / AFP", "… de police. — V. Wartner / 20 Minutes",
    "… en janvier. | OUEST-FRANCE"), or None. A bare "(Reuters)" is not
    one: news paragraphs end with it too."""
    end = text.rstrip(" .")[-1:]
    if end and end in ")]":
        match = _BRACKET_CREDIT.search(text)
        inner = match.group("inner") if match else ""
        if match and (_PHOTO_WORD.search(inner) or _SLASH_AGENCY.search(inner) or _NAME_SLASH_OUTLET.match(inner)):
            return match
    if (":" in text or "©" in text) and (match := _LABEL_CREDIT.search(text)):
        return match
    if (match := _TAIL_CREDIT.search(text)) and ("/" in match.group("credit") or match.group("credit").isupper()):
        return match
    return (_SLASH_CREDIT.search(text) or _AGENCY_SLASH.search(text)) if "/" in text else None


def captions(lines: list[Line]) -> Iterable[Line]:
    """Photo captions: a line closed by a photo credit or opened by a caption label, and a short line
    without a stop right under a line naming only a photo source ("Getty Images", then its caption)."""
    for index, line in enumerate(lines):
        if not line.kept:
            continue
        text = _LINK_LABEL.sub("", _CAPTION_WIDGET.sub("", line.text))
        if words(text) <= _CAPTION_MAX_WORDS and (photo_credit(text) or _CAPTION_START.match(text)):
            yield line
            continue
        above = lines[index - 1] if index else None
        if (above is not None and not above.kept and _PHOTO_CREDIT_LINE.match(above.text)
                and not ends_sentence(line.text) and words(line.text) <= _CAPTION_UNDER_CREDIT_MAX_WORDS):
            yield line


_WHO = r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*"
_TEASER = re.compile(
    rf"^(?P<who>{_WHO})\s+(?:{lex.alternation(lex.TEASER_VERBS)})"
    r"(?:\s+(?:on|about|sur)\s+[^.!?]{1,60}?)?"
    r"(?P<place>\s+(?:from|depuis|de)\s+(?!.*\b(?:that|said|says|which|who|where|when|is|are|was|were|has|"
    r"have|had|will|would|could|can|be|been|que|qui)\b)[^.!?]{1,60}?)?\s*[.:]?$"
)
_TEASER_MAX_WORDS = 20
_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")


def video_teasers(lines: list[Line]) -> Iterable[Line]:
    """Lines introducing an embedded video: "TRT World's Shamim Chowdhury has more from Gaziantep.",
    and a video's title next to its duration ("Des rafales jusqu'à 140 km/h en Bretagne", "02:15").

    Only the broadcast formula counts: a named reporter, what the report does, then "from <place>" or
    nothing after a possessive outlet ("Al Jazeera's Zeina Khodr has more."), in twenty words or less.
    """
    for index, line in enumerate(lines):
        if not line.kept or words(line.text) > _TEASER_MAX_WORDS:
            continue
        match = _TEASER.match(line.text)
        if match and (match.group("place") or re.search(r"['’]s\b", match.group("who"))):
            yield line
        elif not ends_sentence(line.text) and any(
                not lines[other].kept and _DURATION.match(lines[other].text) for other in _neighbours(lines, index)):
            yield line


_KEY_JUNK = re.compile(r"[^\w]+")
# A repeat this close is the same caption or image label shown twice, not the text's own repetition.
_STUTTER_LINES = 2


def _key(text: str) -> str:
    if text.rstrip(" .")[-1:] in (")", "]"):
        text = _BRACKET_CREDIT.sub("", text)
    return _KEY_JUNK.sub(" ", text.casefold()).strip()


def _beside_credit(lines: list[Line], group: list[int]) -> bool:
    """Two copies within two lines with a credit line between or next to them: an image's label and
    its caption."""
    for a, b in zip(group, group[1:]):
        if b - a <= _STUTTER_LINES and any(
                line.removed_by == "credit" for line in lines[max(a - 1, 0):b + 2]):
            return True
    return False


def duplicates(lines: list[Line]) -> Iterable[Line]:
    """Repeated lines that are debris: every copy when another step removed one of them, or when the
    copies stand within two lines around a credit (a caption shown twice); the later copies when
    they stand within two lines (an image label and its caption). Lines are compared without case,
    punctuation or a closing photo credit. Other repeats are the text's own (list items, a meal
    plan's days, an interview's questions) or a menu shown twice, and are left to the article
    model. A short fragment next to a caption that starts with it is that caption's alt text."""
    groups: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        key = _key(line.text)
        if key:
            groups.setdefault(key, []).append(index)
    for group in groups.values():
        if len(group) < 2:
            continue
        copies = [lines[i] for i in group]
        if any(not line.kept for line in copies) or _beside_credit(lines, group):
            yield from (line for line in copies if line.kept)
        elif any(b - a <= _STUTTER_LINES for a, b in zip(group, group[1:])):
            yield from (line for line in copies[1:] if line.kept)
    for index, line in enumerate(lines):
        if not line.kept or ends_sentence(line.text) or words(line.text) > _TITLE_MAX_WORDS:
            continue
        key = _key(line.text)
        neighbours = lines[max(index - 1, 0):index] + lines[index + 1:index + 2]
        if key and any(other.removed_by == "caption" and _key(other.text).startswith(key + " ")
                       for other in neighbours):
            yield line


def dates(lines: list[Line]) -> Iterable[Line]:
    """Date lines: "March 22, 2017 at 4:44 pm", "Publié le 3 décembre 2024 à 11h02, modifié le …",
    and their labels left without the date ("Publié le :")."""
    return (line for line in _kept(lines) if date_line(line.text) is not None or date_label(line.text))


_BLOCK_LINE_MAX_WORDS = 4
_METADATA_STEPS = ("date", "byline", "credit")


def bylines(lines: list[Line]) -> Iterable[Line]:
    """Bylines: "By Jane Doe", "Par Jean Dupont, à Beyrouth", "By Jane Doe | March 3, 2020"; "Jane
    Doe in Milan" and a line of names only ("Ouest-France Camille Le Gall.") right above or under a
    date line; and a short line standing between two lines of the byline block, the outlet's or
    the author's ("France Télévisions" between "Article rédigé par franceinfo avec AFP" and the date)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not line.kept:
            continue
        near_date = any(lines[other].removed_by == "date" for other in _neighbours(lines, index))
        if byline(line.text) is not None or (near_date and (placed_byline(line.text) or named_byline(line.text))):
            found.add(index)
    for index, line in enumerate(lines):
        block = [lines[other].removed_by in _METADATA_STEPS or other in found for other in _neighbours(lines, index)]
        if index in found or (line.kept and len(block) == 2 and all(block) and not ends_sentence(line.text)
                              and words(line.text) <= _BLOCK_LINE_MAX_WORDS):
            yield line


def _neighbours(lines: list[Line], index: int) -> list[int]:
    return [other for other in (index - 1, index + 1) if 0 <= other < len(lines)]


# --- the article, by the signals of its lines ------------------------------------------------------

def _zoned(lines: list[Line]) -> list[Line]:
    from .zones import place_article

    if any(line.zone is None for line in lines):
        place_article(lines)
    return lines


def headers(lines: list[Line]) -> Iterable[Line]:
    """What comes before the article: site name, menus, section names, headline lists, the headline
    (which the title step then takes)."""
    return (line for line in _zoned(lines) if line.kept and line.zone == "before")


_TAIL_MAX_WORDS = 2


def footers(lines: list[Line]) -> Iterable[Line]:
    """What comes after the article: comments, related links, newsletter and donation boxes, footer;
    and a lone fragment of a word or two after its last sentence ("Route 6", a tag)."""
    after = [line for line in _zoned(lines) if line.kept and line.zone == "after"]
    article = [line for line in lines if line.kept and line.zone in ("article", "debris")]
    if (len(article) >= 2 and is_sentence(article[-2].text) and not ends_sentence(article[-1].text)
            and words(article[-1].text) <= _TAIL_MAX_WORDS):
        after.insert(0, article[-1])
    return after


def inner_debris(lines: list[Line]) -> Iterable[Line]:
    """Debris inside the article: lines the model finds very unlikely article text, that are neither
    sentences nor the items of a list the article announces (a related-links block, a headline list)."""
    return (line for line in _zoned(lines) if line.kept and line.zone == "debris")


_TITLE_MIN_WORDS, _TITLE_MAX_WORDS, _TITLE_MAX_CHARS = 3, 30, 250
_TITLE_END = re.compile(r"[.,;:…][\"”»’')\]]*$")
_INNER_STOP = re.compile(r"[a-zà-ÿ]{2}[.!?] [A-ZÀ-Ý(\"“«]")
# Regional papers open a headline with its town: "Quimper. La halle rouvrira en septembre".
_PLACE_FIRST = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*){0,2}\.\s+(?=[A-ZÀ-Ý])")
_ATTRIBUTION = re.compile(r"[,!?][\"”»]\s+(?:\w+\s+){0,4}\w+$")
# A headline is right above its article: only the last few lines before it are candidates.
_TITLE_SEARCH_LINES = 12


# Author lines shaped like headlines: "Tom Davies Associated Press", "Steve Peoples, AP Political Writer".
_AGENCY_WORD = re.compile(rf"\b(?:{'|'.join(lex.AGENCIES)})\b")
_BREADCRUMB = re.compile(r"\s[»›>/]\s|[»›>/]\s*$")
_CONNECTORS = {"and", "et", "&", "of", "de", "du", "des", "the"}


def is_title_candidate(text: str) -> bool:
    """Shaped like a headline: 3–30 words, capitalised, no closing stop, comma or colon (a question
    mark or a closing quote is fine), no sentence ending inside it, no quote attribution
    (`"…," he said`); and not a date line, a byline, an author's name and role, or a breadcrumb. A
    byline and date at the end of the line are not part of the headline."""
    text = headline(text).title
    if not (_TITLE_MIN_WORDS <= words(text) <= _TITLE_MAX_WORDS and len(text) <= _TITLE_MAX_CHARS
            and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«‘'")
            and _TITLE_END.search(text) is None and _INNER_STOP.search(_PLACE_FIRST.sub("", text)) is None
            and _ATTRIBUTION.search(text) is None):
        return False
    all_capitalised = all(word[:1].isupper() or not word[:1].isalpha() or word in _CONNECTORS
                          for word in text.split())
    return not (find_date(text) or byline(text) or _BREADCRUMB.search(text) or ROLE.search(text)
                or (all_capitalised and _AGENCY_WORD.search(text)))


def titles(lines: list[Line]) -> Iterable[Line]:
    """The headline, among the headline-like lines just before the article: the one sharing most
    words with the article (a headline is about its article, a site name or a sidebar headline is
    not) and that the article model left out of it (a standfirst is about the article too, but part
    of it), among those above the date or byline when there is one (captions come after it), the
    nearest on a tie. A line the page repeats (a site name in its header and footer) is no headline.
    """
    if any(line.removed_by == "title" for line in lines):
        return []
    _zoned(lines)
    article = [line for line in lines if line.zone == "article" and line.kept]
    if not article:
        return []
    # the article's first lines may still be its headline and standfirst, above its first sentence
    first_body = next((line for line in article if is_body(line.text)), article[0])
    zone = [line for line in lines[:lines.index(first_body)] if line.kept or line.removed_by in ("header", "inner_debris")]
    counts: dict[str, int] = {}
    for line in lines:
        counts[_key(line.text)] = counts.get(_key(line.text), 0) + 1
    candidates = [line for line in zone[-_TITLE_SEARCH_LINES:]
                  if is_title_candidate(line.text) and counts[_key(line.text)] == 1]
    if not candidates:
        return []
    body_start = article.index(first_body)
    body_text = " ".join(line.text for line in article[body_start:body_start + 8])
    # function words say nothing of what a line is about; jusText's lists beyond English and French
    # are frequency lists that hold content words too ("скорость"), so only those two are used here
    lang = page_language([body_text])
    stop = stopwords(lang) if lang in ("en", "fr") else frozenset()
    body = content_words(body_text, stop)

    def overlap(line: Line) -> float:
        mine = content_words(line.text, stop)
        return len(mine & body) / len(mine) if mine else 0.0

    anchors = [i for i, line in enumerate(lines[:lines.index(first_body)]) if line.removed_by in ("date", "byline")]
    above = [line for line in candidates if anchors and lines.index(line) < anchors[0]]
    # a standfirst is about the article too, but the article model grew over it: the headline is above
    best = max(above or candidates,
               key=lambda line: (overlap(line) > 0, line.zone != "article", overlap(line), lines.index(line)))
    return [best] if overlap(best) > 0 or best.kept else []


STEPS: tuple[Step, ...] = (
    Step("stray_word", stray_words),
    Step("link_list", link_lists),
    Step("subscription", subscription_prompts),
    Step("share_prompt", share_prompts),
    Step("comment_prompt", comment_prompts),
    Step("comment_thread", comment_threads),
    Step("navigation", navigation),
    Step("legal", legal_notices),
    Step("ad_marker", ad_markers),
    Step("contact_line", contact_lines),
    Step("credit", credits),
    Step("caption", captions),
    Step("video_teaser", video_teasers),
    Step("duplicate", duplicates),
    Step("date", dates),
    Step("byline", bylines),
    Step("link_box", link_boxes),
    Step("header", headers),
    Step("footer", footers),
    Step("inner_debris", inner_debris),
    Step("title", titles),
)
"""The chain. The article model (header, footer, inner_debris) sees what the furniture steps found;
the title step picks the headline among what the model put before the article."""
ARTICLE_MODEL_STEPS = ("header", "footer", "inner_debris")
