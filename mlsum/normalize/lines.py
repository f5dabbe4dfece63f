"""Line-level boilerplate removal: a chain of small named steps, each deciding by general signals.

A text is cut into lines (paragraphs, with hard-wrapped lines rejoined). Each step looks at the lines
still kept and names the ones it takes out; the runner marks them with the step's name, so every
removal can be audited. Later steps see what earlier ones removed — a caption is known by the credit
line under it, the footer starts at a "Post a Comment" prompt — which is why steps mark lines
instead of returning a shorter list.

The signals are the ones boilerplate has on any news site, in English and French: where a line
stands (before the first sentence of the article, after its last), whether it is a sentence at all
(terminal punctuation, length), fixed prompts (subscribe, share, comment, read also), credit
patterns, contact lines and exact repeats. Every pattern is written so that a real article sentence
cannot match it: most are anchored on the whole line, and the few that search inside a line require
phrases no article sentence uses ("Article réservé à nos abonnés").

No library covers this: trafilatura and jusText classify HTML elements, and once a page has been
copied as plain text (or machine-translated) there are no elements left, only these lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .metadata import byline, content_words, date_line


@dataclass(eq=False)
class Line:
    """One paragraph of the text; `removed_by` names the step that took it out (None: kept).

    `original` is the paragraph as it was read, before typography repair, for the audit trail.
    """

    text: str
    block: int
    removed_by: str | None = None
    original: str | None = None

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
    paragraph. Page debris copied as a block has lines of every length, so it is never taken as
    wrapped; and a link line ("Lire aussi | …") is never joined, so that the step removing it cannot
    take a sentence along.
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
        elif one_paragraph or (not ends_sentence(previous) and (
                line[:1].islower() or (wrapped and len(previous) >= _WRAP_FILL * width))):
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

_TERMINAL = re.compile(r"(?:[.!?…][\"”»’')\]]*|[\"”»])$")
# A full stop, maybe inside quotes, maybe before a wire credit: "… the agency said. (Reuters)"
_STOP = re.compile(r"[.!?…][\"”»’')\]]*(?:\s*\([^()]{1,40}\))?$")


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: terminal punctuation, possibly inside quotes or brackets, or a quote."""
    return _TERMINAL.search(text) is not None


def words(text: str) -> int:
    return len(text.split())


def is_body(text: str) -> bool:
    """A paragraph that opens the article: six words or more closed by a stop (a headline may end
    with a quote, an article's first paragraph ends with a full stop)."""
    return _STOP.search(text) is not None and words(text) >= 6


_PROSE_MARK = re.compile(r"[,\"“”«»]")


def is_body_end(text: str) -> bool:
    """A paragraph that can close the article: a sentence ("He denied it."), or prose that lost its stop
    in the copy (`"We will fight until the end," he said`): ten words or more, or five with a comma
    or quote and mostly lowercase words — unlike a trailing tag list or site name."""
    count = words(text)
    if ends_sentence(text) or _STOP.search(text):
        return count >= 2
    return count >= 10 or is_prose(text)


def is_prose(text: str) -> bool:
    """Five words or more with a comma or quote, mostly lowercase: a sentence without its stop."""
    count = words(text)
    lowercase = sum(1 for word in text.split() if word[:1].islower())
    return count >= 5 and _PROSE_MARK.search(text) is not None and 2 * lowercase >= count


# Above this many words a line without a stop is taken for prose that lost it, and left alone.
_HEADER_MAX_WORDS = 12


def _kept(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kept]


def _full_line(pattern: str) -> re.Pattern:
    """A case-insensitive pattern for a whole line, trailing punctuation allowed."""
    return re.compile(rf"^(?:{pattern})\s*[.:!]?$", re.IGNORECASE)


# --- steps -----------------------------------------------------------------------------------------

_STRAY = re.compile(r"^(?:[a-zà-ÿ]{1,15}|[^a-zA-ZÀ-ÿ]{1,20})$")


def stray_words(lines: list[Line]) -> Iterable[Line]:
    """A lone lowercase word, or a line without a letter: the label of a button ("clear", "close"),
    separators ("•", "***", "___"), counters and player times ("1/12", "00:00/05:12")."""
    return (line for line in _kept(lines) if _STRAY.match(line.text))


# Link prefixes that no sentence starts with; a separator may follow or not, and copies often glue
# the link to them ("Lire aussiEn Syrie, …").
_LINK_PREFIX = re.compile(
    r"^(?:read\s+also|also\s+read|see\s+also|lire\s+aussi|à\s+lire\s+aussi|a\s+lire\s+aussi|"
    r"lire\s+également|à\s+lire\s+également|voir\s+aussi|à\s+voir\s+aussi|la\s+rédaction\s+vous\s+conseille|"
    r"(?:click|tap)\s+here|cliquez\s+ici)(?:\b|(?=[A-ZÀ-Ý]))"
    # prefixes that sentences can start with ("Read more than 300 testimonies …") count only alone on
    # their line or before a separator; "Related articles" alone heads a box after the article, and
    # is left to the navigation step, which ends the article there
    r"|^(?:read\s+more|further\s+reading|more\s+on\s+this(?:\s+story|\s+topic)?|sur\s+le\s+même\s+sujet|"
    r"read|see|more|watch|listen|video|vidéo|lire|voir|regarder|écouter|à\s+lire|à\s+voir|podcast)"
    r"\s*(?:[:|>»…]|$)"
    r"|^related(?:\s+(?:article|story|stories|coverage|content|reading)s?)?\s*[:|>»…]\s*\S"
    # or a pipe a few words on, which no sentence has ("Lire le récit | …", "Read the analysis | …")
    r"|^(?:read|see|watch|listen|lire|voir|regarder|écouter)\b[^|.!?]{0,40}\|",
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


_SUBSCRIPTION = re.compile(
    r"article\s+réservé\s+(?:aux|à\s+nos)\s+abonnés|réservée?s?\s+aux\s+abonnés|"
    r"(?:article|content|story)\s+(?:is\s+)?(?:reserved|available)\s+(?:for|to)\s+(?:our\s+)?subscribers|"
    r"\b(?:for|to)\s+subscribers\s+only\b|\bsubscribers?[- ]only\b|\bsubscriber\s+exclusive\b|"
    r"\babonnez-vous\b|\bje\s+m['’]abonne\b|\bdéjà\s+abonnée?\b|\bdevenez\s+abonnée?\b|"
    r"^s['’]abonner\b|^subscribe\b|\bsubscribe\s+(?:now|today|here)\b|"
    r"\balready\s+(?:a\s+)?(?:subscriber|member)\b|\bbecome\s+a\s+(?:subscriber|member)\b|"
    r"\b(?:sign\s+up|subscribe|register|inscrivez-vous|abonnez-vous)\b[^.]{0,40}\bnewsletters?\b|"
    r"\bsupport\s+(?:our|independent|quality)\s+journalism\b|"
    r"\b(?:log|sign)\s+in\s+to\s+(?:continue|read|keep\s+reading)|\bconnectez-vous\s+pour\b|"
    # Le Monde's one-reader-at-a-time notice and offers, in French and machine-translated
    r"\bseul\s+appareil\s+à\s+la\s+fois\b|\bsur\s+(?:un|l['’])\s*autre\s+appareil\b|"
    r"\bdécouvrir\s+les\s+offres\b|\bne\s+plus\s+voir\s+ce\s+message\b|\bcontinuer\s+à\s+lire\s+ici\b|"
    r"\bone\s+device\s+at\s+a\s+time\b|\bon\s+(?:another|the\s+other)\s+device\b|"
    r"\bdiscover\s+(?:our|the)\b.{0,30}\boffers?\b|\bno\s+longer\s+see\s+this\s+message\b|"
    r"\bil\s+vous\s+reste\s+\d+(?:[.,]\d+)?\s*%|\byou\s+have\s+\d+(?:[.,]\d+)?\s*%\s+of\s+this\s+article\b|"
    r"\bcontinue\s+reading\s+(?:your|this|the\s+full)\s+article\b|"
    r"^(?:(?:la|our|notre|nos)\s+)?newsletters?$",
    re.IGNORECASE,
)
_PROMPT_MAX_WORDS = 40


# Every prompt above contains one of these: a cheap test that spares most lines the long pattern.
_SUBSCRIPTION_HINTS = ("abonn", "subscri", "newsletter", "journalism", "log in", "sign in", "connect",
                       "appareil", "offre", "offer", "reste", "you have", "continue reading", "member",
                       "device", "message", "continuer")


def subscription_prompts(lines: list[Line]) -> Iterable[Line]:
    """Paywall and subscription prompts: "Article réservé à nos abonnés", "Subscribe now"."""
    for line in _kept(lines):
        lower = line.text.casefold()
        if (words(line.text) <= _PROMPT_MAX_WORDS and any(hint in lower for hint in _SUBSCRIPTION_HINTS)
                and _SUBSCRIPTION.search(line.text)):
            yield line


_SHARE_WORD = (
    r"share(?:\s+(?:this|on|via)(?:\s+(?:article|story|page|post|\w+))?)?|tweet|retweet|e-?mail|print|"
    r"imprimer|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|flipboard|"
    r"bluesky|threads|instagram|copy(?:\s+link)?|link\s+copied|copier(?:\s+le\s+lien)?|lien\s+copié|"
    r"save(?:d|\s+article)?|sauvegarder|enregistrer|bookmark|favoris|ajouter\s+à\s+mes\s+favoris|"
    r"add\s+to\s+(?:favou?rites|reading\s+list)|read\s+later|(?:à\s+)?lire\s+plus\s+tard|"
    r"offrir(?:\s+cet\s+article)?|(?:gift|offer|give)(?:\s+this)?\s+article|"
    r"ajouter\s+à\s+(?:vos|mes)\s+sélections|add\s+to\s+(?:your|my)\s+selections|"
    r"lire\s+dans\s+l['’]application|(?:read|open)\s+in\s+(?:the\s+)?app|"
    r"partager(?:\s+(?:sur|via)\s+\w+|\s+cet\s+article)?|envoyer(?:\s+par\s+e-?mail)?|send|"
    r"listen(?:\s+to\s+(?:this\s+)?article)?|[ée]couter(?:\s+cet\s+article)?|like(?:\s+this)?|loading|"
    r"video|vidéo|photos?|diaporama|slideshow|podcast|live|direct|en\s+direct|play|watch(?:\s+now)?|"
    r"follow(?:\s+us)?(?:\s+on\s+\w+)?|suivez-nous(?:\s+sur\s+\w+)?|réutiliser\s+ce\s+contenu|"
    r"reuse\s+this\s+content|contribuer|contribute|font\s+size|taille\s+du\s+texte|a\+|a-|"
    r"(?:temps\s+de\s+lecture|durée\s+de\s+lecture|reading\s+time|lecture)\s*:?\s*"
    r"\d+\s*(?:min(?:utes?)?|mn)|"
    r"\d+\s*(?:min(?:ute)?s?|mn)(?:\s+(?:read|de\s+lecture))?"
)
_SHARE_LINE = re.compile(rf"^(?:(?:{_SHARE_WORD})[\s|·•/,:.…-]*)+$", re.IGNORECASE)
# The same widgets written as a sentence: "Save articles to read later and create your own reading list."
_SAVE_PROMPT = re.compile(
    r"^(?:save|add|create|sauvegardez|ajoutez|retrouvez|enregistrez)\b.{0,80}"
    r"\b(?:read\s+later|reading\s+list|lire\s+plus\s+tard|ma\s+liste|mes\s+favoris)\b",
    re.IGNORECASE,
)
_WIDGET_MAX_WORDS = 20


def share_prompts(lines: list[Line]) -> Iterable[Line]:
    """Sharing, saving, media and reading-time widgets: "Share", "Read later", "Partager", "Vidéo",
    "2 min read"."""
    return (line for line in _kept(lines) if _SHARE_LINE.match(line.text) or (
        words(line.text) <= _WIDGET_MAX_WORDS and _SAVE_PROMPT.match(line.text)))


_COMMENT_LINE = _full_line(
    r"post\s+a\s+comment|leave\s+a\s+(?:comment|reply)|add\s+a\s+comment|write\s+a\s+comment|"
    r"\d+\s+comments?|comments?(?:\s*\(\d+\))?|no\s+comments?(?:\s+yet)?|view\s+(?:all\s+)?comments|"
    r"show\s+comments|see\s+(?:all\s+)?comments|be\s+the\s+first\s+to\s+comment|"
    r"join\s+the\s+(?:conversation|discussion)|comments\s+are\s+closed|"
    r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked\s+\*?|"
    r"commentaires?(?:\s*\(\d+\))?|\d+\s+commentaires?|réagir|réagissez|"
    r"(?:laisser|ajouter|écrire)\s+un\s+commentaire|voir\s+les(?:\s+\d+)?\s+commentaires|"
    r"soyez\s+le\s+premier\s+à\s+(?:commenter|réagir)|les\s+commentaires\s+sont\s+fermés"
)


def comment_prompts(lines: list[Line]) -> Iterable[Line]:
    """Comment-section prompts: "Post a Comment", "Leave a reply", "Réagir", "12 commentaires"."""
    return (line for line in _kept(lines) if _COMMENT_LINE.match(line.text))


_NAVIGATION_LINE = _full_line(
    r"(?:(?:previous|prev|next|older|newer)(?:\s+(?:post|article|story|page))?\s*[|»«<>›‹]*\s*){1,2}|"
    r"(?:article\s+(?:précédent|suivant)\s*){1,2}|"
    r"back\s+to\s+top|retour\s+en\s+haut(?:\s+de\s+(?:la\s+)?page)?|haut\s+de\s+page|"
    r"skip\s+to\s+(?:main\s+)?content|(?:aller|passer)\s+au\s+contenu(?:\s+principal)?|"
    r"home|accueil|menu|search|rechercher|recherche|close|fermer|sections?|"
    r"se\s+connecter|connexion|log\s+in|login|sign\s+in|s['’]identifier|mon\s+compte|my\s+account|"
    r"related(?:\s+(?:articles?|posts?|stories|story|content|news|topics|coverage|reading))?|"
    r"more\s+(?:stories|news|articles)(?:\s+(?:from|on)\s+.{1,40})?|"
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|"
    r"latest\s+(?:news|stories|articles)|editor['’]s\s+picks?|"
    r"les\s+plus\s+(?:lus|partagés|commentés)|les\s+articles\s+les\s+plus\s+lus|"
    r"dans\s+la\s+même\s+rubrique|à\s+la\s+une|à\s+découvrir|vous\s+aimerez\s+aussi|"
    r"ces\s+articles\s+peuvent\s+vous\s+intéresser|nos\s+dernières\s+actualités|"
    r"(?:tags?|topics?|mots[- ]clés|catégories?|categories|filed\s+under)\s*:.*"
)
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


def _is_menu(text: str) -> bool:
    return _MENU_LINE.match(text) is not None and all(
        words(item) <= _MENU_ITEM_WORDS for item in _MENU_SEPARATOR.split(text))


_LEGAL_LINE = re.compile(
    # case matters for the first: "Copyright 2017 MEMO", "© Le Monde", never "Copyright disputes …"
    r"^(?:©|\(c\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}|[A-ZÀ-Ý])|"
    r"(?i:\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|"
    # cookie notices, in the site's own voice only: an article about cookies does not say "we use"
    r"\b(?:we|nous)\s+(?:use|utilisons)\s+(?:des\s+)?cookies\b|"
    r"\b(?:accept|agree\s+to|consent\s+to)\s+(?:our|the)\s+use\s+of\s+cookies\b|"
    r"\bvous\s+acceptez\s+l['’]utilisation\s+(?:de|des)\s+cookies\b|"
    r"^(?:accept|reject|manage|refuse)\s+(?:all\s+)?cookies\s*$|^tout\s+(?:accepter|refuser)\s*$|"
    r"^(?:paramétrer|gérer)\s+(?:les\s+)?cookies\s*$|"
    r"^(?:privacy\s+policy|terms\s+of\s+(?:use|service)|cookie\s+(?:policy|settings)|"
    r"politique\s+de\s+confidentialité|mentions\s+légales|conditions\s+générales.*|"
    r"gestion\s+des\s+cookies)\s*[.:]?$)"
)


def legal_notices(lines: list[Line]) -> Iterable[Line]:
    """Copyright and legal links: "© 2024 Example News. All rights reserved.", "Privacy policy"."""
    return (line for line in _kept(lines)
            if words(line.text) <= 25 and _LEGAL_LINE.search(line.text))


_AD_LINE = _full_line(
    r"ads?|advert(?:isement)?s?|advertising|sponsored(?:\s+(?:content|links?|post))?|"
    r"paid\s+(?:content|post|partnership)|promoted(?:\s+content)?|publicité|pub|"
    r"contenu\s+(?:sponsorisé|partenaire)|annonce|"
    r"(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?"
    r"(?:\s+advert(?:isement)?)?|"
    r"continue\s+reading\s+(?:below|the\s+main\s+story)|"
    r"l['’]article\s+continue\s+(?:après|sous)\s+(?:la|cette)\s+publicité|"
    r"la\s+suite\s+après\s+(?:la|cette)\s+publicité|"
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?"
)


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
    """Lines that are only an e-mail address, a URL or a social handle ("syria.suv@gmail.com")."""
    return (line for line in _kept(lines) if _CONTACT_LINE.match(line.text))


_AGENCY = (
    r"(?i:AFP|AP|Reuters|Anadolu(?:\s+Agency)?|Associated\s+Press|Agence\s+France[- ]Presse|dpa|EFE|ANSA|"
    r"Xinhua|TASS|RIA\s+Novosti|Bloomberg|UPI|PA(?:\s+Media)?|Belga|Kyodo|Yonhap|SANA|IRNA|WAFA|"
    r"Interfax|(?:news\s+)?agencies|agences|wires?|wire\s+services|agency\s+reports|"
    r"EPA(?:-EFE)?|Getty\s+Images|Shutterstock|(?:AFP|AP|Anadolu|Reuters)\s+via\s+Getty\s+Images)"
)
_AGENCIES = rf"{_AGENCY}(?:\s*(?:,|/|(?i:and|et)|&)\s*{_AGENCY})*"
_OUTLET = r"(?:[A-ZÀ-Ý0-9][\w'’.-]*\s+){0,3}[A-ZÀ-Ý0-9][\w'’.-]*"
_CREDIT_LINE = re.compile(
    rf"^[(\[]?\s*(?:(?i:with|avec|source|sources|via|d['’]après)\s*:?\s*)?{_AGENCIES}\s*[)\]]?\.?$"
    rf"|^(?:(?i:source|sources)\s*:\s*)?{_OUTLET}\s+(?i:and|with|avec|&|et)\s+{_AGENCIES}\.?$"
)
_STAFF_CREDIT = re.compile(
    r"^[(\[]?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|translated|rédaction|"
    r"édition|traduction)(?:\s+(?:and|et)\s+\w+)?\s+(?:by|par)\s+[A-ZÀ-Ý][^.]{1,200}[)\]]?\.?$"
    # "Associated Press writer Jane Doe in Beirut contributed to this report."
    r"|^[^.]{3,150}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?$",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    return _CREDIT_LINE.match(text) is not None or is_staff_credit(text)


def is_staff_credit(text: str) -> bool:
    """A credit naming the reporters and editors ("Reporting by …; Editing by …"), not the source."""
    return _STAFF_CREDIT.match(text) is not None


def credits(lines: list[Line]) -> Iterable[Line]:
    """Agency and staff credits: "TRT World and Agencies", "Le Monde avec AFP", "(Reuters)",
    "Reporting by …; Editing by …"."""
    return (line for line in _kept(lines) if words(line.text) <= 40 and is_credit(line.text))


_PHOTO_WORD = re.compile(
    r"\b(?:photos?|photograph(?:y|ie)?|pictures?|images?|file|archives?|getty|agency|agence|courtesy|"
    r"handout|credits?|crédits?|screen\s*grab|screenshot|capture\s+d['’]écran|wikimedia|shutterstock|"
    r"istock|maxppp|abaca|sipa|hans\s+lucas|social\s+media|réseaux\s+sociaux)\b",
    re.IGNORECASE,
)
_SLASH_AGENCY = re.compile(rf"\S\s*[/–|-]\s*{_AGENCY}\b")
_BRACKET_CREDIT = re.compile(r"\s*[\[(]\s*(?P<inner>[^\[\]()]{2,80}?)\s*[\])]\.?\s*$")
# Unbracketed credits closing a caption: "… Photo: Reuters", "… OMAR HAJ KADOUR / AFP".
_LABEL_CREDIT = re.compile(
    r"(?:^|[.\s])(?:(?i:photo|photograph|picture|image|crédit\s+photo|photo\s+credit|credit)\s*:|©)"
    r"\s*[^.]{2,60}$")
# Caption openings: a gallery counter ("[1/5] Rebel fighters …"), or the labels screen readers get
# ("Image source, Getty Images", "Image caption, Rebels celebrate in Hama").
_CAPTION_START = re.compile(
    r"^\[\d+\s*/\s*\d+\]|^(?i:image|photo|media|video)\s+(?i:source|caption|credit)\s*[,:]")
_SLASH_CREDIT = re.compile(
    r"/\s?(?:AFP|AP|REUTERS|Reuters|EPA|SIPA|Getty\s+Images|Anadolu(?:\s+Agency)?|MAXPPP|ABACA|"
    r"Hans\s+Lucas|Xinhua|dpa|Shutterstock|ANSA|EFE)(?:\s+via\s+[\w .'’-]+)?\.?$"
)
# A credit line naming only a photo source, as image credits are shown above or below a caption.
_PHOTO_CREDIT_LINE = re.compile(rf"^{_AGENCIES}$")
_CAPTION_MAX_WORDS = 60
_CAPTION_BEFORE_CREDIT_MAX_WORDS = 25


def photo_credit(text: str) -> re.Match | None:
    """The photo credit closing a caption ("[Hüseyin Nasır/Anadolu Agency]", "( … – Anadolu Agency )",
    "[File photo]", "Photo: Reuters", "OMAR HAJ KADOUR / AFP"), or None. A bare "(Reuters)" is not
    one: news paragraphs end with it too."""
    end = text.rstrip(" .")[-1:]
    if end and end in ")]":
        match = _BRACKET_CREDIT.search(text)
        inner = match.group("inner") if match else ""
        if match and (_PHOTO_WORD.search(inner) or _SLASH_AGENCY.search(inner)):
            return match
    if (":" in text or "©" in text) and (match := _LABEL_CREDIT.search(text)):
        return match
    return _SLASH_CREDIT.search(text) if "/" in text else None


def captions(lines: list[Line]) -> Iterable[Line]:
    """Photo captions: a line closed by a photo credit or opened by a caption label; a short line
    whose block holds only it and an agency credit line under it (a caption with its credit, as
    copied from the page); a short line without a stop right under a bare photo credit line
    ("Getty Images", then its caption)."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    for index, line in enumerate(lines):
        if not line.kept:
            continue
        if words(line.text) <= _CAPTION_MAX_WORDS and (
                photo_credit(line.text) or _CAPTION_START.match(line.text)):
            yield line
            continue
        block = blocks[line.block]
        if (len(block) == 2 and block[0] is line and block[1].removed_by == "credit"
                and words(line.text) <= _CAPTION_BEFORE_CREDIT_MAX_WORDS):
            yield line
            continue
        above = lines[index - 1] if index else None
        if (above is not None and above.removed_by == "credit" and _PHOTO_CREDIT_LINE.match(above.text)
                and not ends_sentence(line.text) and words(line.text) <= _CAPTION_BEFORE_CREDIT_MAX_WORDS):
            yield line


_WHO = r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*"
_TEASER = re.compile(
    rf"^(?P<who>{_WHO})\s+(?:has\s+more|has\s+the\s+latest|has\s+this\s+report|sent\s+this\s+report|"
    r"reports|brings\s+us\s+more)"
    r"(?:\s+(?:on|about)\s+[^.!?]{1,60}?)?"
    r"(?P<place>\s+from\s+(?!.*\b(?:that|said|says|which|who|where|when|is|are|was|were|has|have|had|"
    r"will|would|could|can|be|been)\b)[^.!?]{1,60}?)?\s*[.:]?$"
)
_TEASER_MAX_WORDS = 20


def video_teasers(lines: list[Line]) -> Iterable[Line]:
    """Lines introducing an embedded video: "TRT World's Shamim Chowdhury has more from Gaziantep."

    Only the broadcast formula counts: a named reporter, "has more / reports", then "from <place>" or
    nothing after a possessive outlet ("Al Jazeera's Zeina Khodr has more."), in twenty words or less.
    """
    for line in _kept(lines):
        if words(line.text) > _TEASER_MAX_WORDS:
            continue
        match = _TEASER.match(line.text)
        if match and (match.group("place") or re.search(r"['’]s\b", match.group("who"))):
            yield line


_KEY_JUNK = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    if text.rstrip(" .")[-1:] in (")", "]"):
        text = _BRACKET_CREDIT.sub("", text)
    return _KEY_JUNK.sub(" ", text.casefold()).strip()


def duplicates(lines: list[Line]) -> Iterable[Line]:
    """Repeated lines: a caption shown twice, a pull quote, the alt text above a caption.

    Lines are compared without case, punctuation or a closing photo credit. The first of a set of
    equal lines stays, unless an earlier step removed one of them: then the set is debris and goes.
    A short fragment next to a caption that starts with it is that caption's alt text.
    """
    groups: dict[str, list[Line]] = {}
    for line in lines:
        key = _key(line.text)
        if key:
            groups.setdefault(key, []).append(line)
    for group in groups.values():
        if len(group) < 2:
            continue
        debris = any(not line.kept for line in group)
        yield from (line for line in group[0 if debris else 1:] if line.kept)
    for index, line in enumerate(lines):
        if not line.kept or ends_sentence(line.text) or words(line.text) > _HEADER_MAX_WORDS:
            continue
        key = _key(line.text)
        neighbours = lines[max(index - 1, 0):index] + lines[index + 1:index + 2]
        if key and any(other.removed_by == "caption" and _key(other.text).startswith(key + " ")
                       for other in neighbours):
            yield line


def dates(lines: list[Line]) -> Iterable[Line]:
    """Date lines: "March 22, 2017 at 4:44 pm", "Publié le 3 décembre 2024 à 11h02, modifié le …"."""
    return (line for line in _kept(lines) if date_line(line.text) is not None)


def bylines(lines: list[Line]) -> Iterable[Line]:
    """Bylines: "By Jane Doe", "Par Jean Dupont, à Beyrouth", "By Jane Doe | March 3, 2020"."""
    return (line for line in _kept(lines) if byline(line.text) is not None)


_SLOGAN = re.compile(
    r"\b(?:since|depuis|est\.?|established|founded|fondée?\s+en)\s+(?:in\s+)?(?:1[6-9]|20)\d{2}\b",
    re.IGNORECASE,
)
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS, _TITLE_MAX_CHARS = 3, 30, 250
_TITLE_END = re.compile(r"[.,;:…][\"”»’')\]]*$")
_INNER_STOP = re.compile(r"[^\W\d_]{2}[.!?] [A-ZÀ-Ý(\"“«]")
_ATTRIBUTION = re.compile(r"[,!?][\"”»]\s+(?:\w+\s+){0,4}\w+$")


def header_zone(lines: list[Line]) -> list[Line] | None:
    """Kept lines before the article's first sentence; None when the text has no sentence at all."""
    zone: list[Line] = []
    for line in _kept(lines):
        if is_body(line.text):
            return zone
        zone.append(line)
    return None


def is_title_candidate(text: str) -> bool:
    """Shaped like a headline: 3–30 words, capitalised, no closing stop, comma or colon (a question
    mark or a closing quote is fine), no sentence ending inside it, no quote attribution
    (`"…," he said`), not a slogan."""
    return (_TITLE_MIN_WORDS <= words(text) <= _TITLE_MAX_WORDS and len(text) <= _TITLE_MAX_CHARS
            and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«‘'")
            and _TITLE_END.search(text) is None and _INNER_STOP.search(text) is None
            and _ATTRIBUTION.search(text) is None and _SLOGAN.search(text) is None)


def titles(lines: list[Line]) -> Iterable[Line]:
    """The headline, among the headline-like lines before the first sentence.

    The one right above the date or byline when there is one (site slogans and section names come
    first, captions after); otherwise the one sharing most words with the body — a headline is about
    its article, a slogan is not.
    """
    if any(line.removed_by == "title" for line in lines):
        return []
    zone = header_zone(lines)
    if not zone:
        return []
    first_body = _kept(lines)[len(zone)]
    start = lines.index(first_body)
    candidates = [line for line in zone if is_title_candidate(line.text)]
    if not candidates:
        return []
    anchors = [i for i, line in enumerate(lines[:start]) if line.removed_by in ("date", "byline")]
    if anchors:
        above = [line for line in candidates if lines.index(line) < anchors[0]]
        if above:
            return [above[-1]]
    body = content_words(" ".join(line.text for line in _kept(lines)[len(zone):len(zone) + 8]))

    def overlap(line: Line) -> float:
        mine = content_words(line.text)
        return len(mine & body) / len(mine) if mine else 0.0

    return [max(candidates, key=lambda line: (overlap(line), -lines.index(line)))]


def headers(lines: list[Line]) -> Iterable[Line]:
    """Short lines without sentence punctuation before the article's first sentence: site names,
    slogans ("Creating new perspectives since 2009"), section names, tags. Longer ones stay, and so
    does prose that lost its stop (`"We will fight," he said`)."""
    zone = header_zone(lines) or []
    return (line for line in zone if words(line.text) < _HEADER_MAX_WORDS
            and not ends_sentence(line.text) and not is_prose(line.text))


# A prompt that closes the article and starts the page's footer: comments, next/previous, legal.
_END_MARKERS = ("comment_prompt", "navigation", "legal")
_LONG_PARAGRAPH_WORDS = 12


def footers(lines: list[Line]) -> Iterable[Line]:
    """What follows the article: fragments after its last sentence ("Route 6"), and everything after
    an end-of-article prompt ("Post a Comment") when no real paragraph follows it (a publisher blurb)."""
    kept = _kept(lines)
    ends = [index for index, line in enumerate(kept) if is_body_end(line.text)]
    if not ends:
        return []
    cut = ends[-1] + 1
    starts = [index for index, line in enumerate(lines) if line.kept and is_body(line.text)]
    for position in range(starts[0] + 1 if starts else len(lines), len(lines)):
        if lines[position].removed_by not in _END_MARKERS:
            continue
        after = [line for line in lines[position + 1:] if line.kept]
        if not any(ends_sentence(line.text) and words(line.text) >= _LONG_PARAGRAPH_WORDS
                   for line in after):
            cut = min(cut, len(kept) - len(after))
            break
    return kept[cut:]


STEPS: tuple[Step, ...] = (
    Step("stray_word", stray_words),
    Step("link_list", link_lists),
    Step("subscription", subscription_prompts),
    Step("share_prompt", share_prompts),
    Step("comment_prompt", comment_prompts),
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
    Step("title", titles),
    Step("header", headers),
    Step("footer", footers),
)
