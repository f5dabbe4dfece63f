"""The words of page furniture, per language: what the line steps of `lines.py` recognise.

Kept as data so that a missed widget label is a one-line fix, and so that a new language is a new key.
Each entry is a regular-expression fragment (case-insensitive, `\\s+` between words) for one phrase;
the steps decide how a phrase may stand on a line (alone, as a prefix, inside a short prompt).
English and French are the languages mlsum reads; the others are those of the pages mlsum was measured
on (see `bench/fit_boilerplate.py`), because a page copied in another language is still cleaned before
detection refuses it, and because their widgets turn up on English pages of international sites.
"""

from __future__ import annotations

import re


def alternation(table: dict[str, list[str]]) -> str:
    """One regex alternation of every language's fragments, longest first."""
    fragments = {fragment for entries in table.values() for fragment in entries}
    return "|".join(sorted(fragments, key=len, reverse=True))


# Link prefixes no sentence starts with: "Read also: …", "Lire aussi | …", "Leia também".
LINK_PREFIXES = {
    "en": [r"read\s+also", r"also\s+read", r"see\s+also", r"(?:click|tap)\s+here",
           r"(?:this\s+(?:article|story)\s+)?(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\s+(?:on|in)\b"],
    "fr": [r"(?:à\s+|a\s+)?lire\s+aussi", r"(?:à\s+)?lire\s+également", r"(?:à\s+)?voir\s+aussi",
           r"la\s+rédaction\s+vous\s+conseille", r"cliquez\s+ici", r"pour\s+aller\s+plus\s+loin",
           r"(?:à\s+)?(?:re)?découvrir\s+aussi", r"lire\s+notre\s+(?:dossier|enquête|décryptage|analyse)",
           r"(?:cet\s+)?article\s+(?:original\s+)?(?:publié|paru)\s+(?:initialement\s+|d['’]abord\s+)?(?:sur|dans)\b"],
    "de": [r"lesen\s+sie\s+auch", r"siehe\s+auch", r"mehr\s+zum\s+thema"],
    "it": [r"leggi\s+anche", r"vedi\s+anche"],
    "pt": [r"leia\s+também", r"veja\s+também", r"saiba\s+mais"],
    "es": [r"lea\s+también", r"ver\s+también"],
    "ru": [r"читайте\s+также", r"смотрите\s+также"],
    "id": [r"baca\s+juga", r"lihat\s+juga"],
    "ko": [r"관련\s*기사"],
    "ja": [r"関連記事", r"あわせて読みたい"],
}
# Media labels in capitals that head a teaser link: "VIDÉO. Nous avons testé la ligne 14".
MEDIA_LABELS = {
    "en": [r"VIDEO", r"PHOTOS?", r"WATCH", r"LISTEN", r"PODCAST", r"LIVE", r"GALLERY"],
    "fr": [r"VIDÉO", r"VIDEO", r"PHOTOS?", r"DIAPORAMA", r"INFOGRAPHIE", r"PODCAST", r"DIRECT", r"EN\s+DIRECT",
           r"TÉMOIGNAGE", r"ENTRETIEN", r"REPORTAGE", r"INFO\s+[A-ZÉ ]{2,20}"],
}

# Link labels a sentence may also start with ("Read more than 300 testimonies …"): links only when
# alone on their line or before a separator.
LINK_LABELS = {
    "en": [r"read\s+more", r"further\s+reading", r"more\s+on\s+this(?:\s+story|\s+topic)?", r"read", r"see",
           r"more", r"watch", r"listen", r"video", r"podcast"],
    "fr": [r"sur\s+le\s+même\s+sujet", r"lire", r"voir", r"regarder", r"écouter", r"à\s+lire", r"à\s+voir",
           r"vidéo", r"lire\s+la\s+suite"],
    "de": [r"weiterlesen", r"mehr"],
    "it": [r"leggi", r"continua\s+a\s+leggere"],
    "pt": [r"leia\s+mais", r"leia", r"veja", r"continue\s+lendo"],
    "ru": [r"читать\s+далее", r"подробнее"],
    "id": [r"selengkapnya", r"baca\s+selengkapnya"],
    "ko": [r"더\s*보기"],
    "ja": [r"続きを読む", r"もっと見る"],
}
# Verbs of a link label followed a few words on by a pipe: "Lire le récit | …", "Read the analysis | …".
LINK_VERBS = {
    "en": [r"read", r"see", r"watch", r"listen"],
    "fr": [r"lire", r"voir", r"regarder", r"écouter"],
}

# Sharing, saving, media and reading-time widgets, alone on a line or in a row of them.
SHARE_WIDGETS = {
    "en": [r"share(?:\s+(?:this|on|via)(?:\s+(?:article|story|page|post|\w+))?)?", r"tweet", r"retweet",
           r"e-?mail", r"print", r"copy(?:\s+link)?", r"link\s+copied", r"save(?:d|\s+article)?", r"bookmark",
           r"add\s+to\s+(?:favou?rites|reading\s+list)", r"read\s+later", r"(?:gift|offer|give)(?:\s+this)?\s+article",
           r"add\s+to\s+(?:your|my)\s+selections", r"(?:read|open)\s+in\s+(?:the\s+)?app", r"send",
           r"listen(?:\s+to\s+(?:this\s+)?article)?", r"like(?:\s+this)?", r"loading", r"video", r"photos?",
           r"slideshow", r"podcast", r"(?:image|photo|slide|picture)\s+\d+\s+(?:of|/)\s*/?\s*\d*", r"caption", r"live", r"play", r"watch(?:\s+now)?", r"follow(?:\s+us)?(?:\s+on\s+\w+)?",
           r"reuse\s+this\s+content", r"contribute", r"sharing\s+is\s+caring!?", r"learn\s+more",
           r"copy\s+link\s*(?:url)?\s*(?:copied!?)?", r"this\s+(?:story|article)\s+has\s+been\s+shared\s+[\d,.]+\s+times", r"font\s+size", r"a\+", r"a-", r"reading\s+time\s*:?\s*\d+\s*min\w*",
           r"\d+\s*(?:min(?:ute)?s?|mn)(?:\s+read)?"],
    "fr": [r"imprimer", r"copier(?:\s+le\s+lien)?", r"lien\s+copié", r"sauvegarder", r"enregistrer", r"favoris",
           r"ajouter\s+à\s+mes\s+favoris", r"(?:à\s+)?lire\s+plus\s+tard",
           r"offrir(?:\s+(?:cet\s+|l['’]\s*)article)?",
           r"ajouter\s+à\s+(?:vos|mes)\s+sélections", r"lire\s+dans\s+l['’]application",
           r"partager(?:\s+(?:cet\s+|l['’]\s*)article)?(?:\s+(?:sur|via)\s+\w+)?", r"envoyer(?:\s+par\s+(?:e-?)?mail)?",
           r"[ée]couter(?:\s+cet\s+article)?", r"vidéo", r"diaporama", r"direct", r"en\s+direct",
           r"suivez-nous(?:\s+sur\s+\w+)?", r"réutiliser\s+ce\s+contenu", r"contribuer", r"taille\s+du\s+texte",
           r"(?:temps\s+de\s+lecture|durée\s+de\s+lecture|lecture)\s*:?\s*\d+\s*(?:min(?:utes?)?|mn)",
           r"\d+\s*(?:min(?:utes?)?|mn)\s+de\s+lecture", r"tweeter", r"retrouvez-nous(?:\s+sur\s+\w+)?",
           r"partager\s+par\s+(?:e-?)?mail", r"s['’]abonner\s+aux\s+alertes", r"recevoir\s+les\s+alertes"],
    # counters and players that sit in the same toolbars: "Commentaires (234)", "00:00/04:38"
    "counters": [r"comments?\s*\(\d+\)", r"\d+\s+comments?", r"commentaires?\s*\(\d+\)", r"\d+\s+commentaires?",
                 r"(?:view|show|see)\s+(?:all\s+)?comments", r"voir\s+les(?:\s+\d+)?\s+commentaires",
                 r"comment", r"commenter", r"(?:suivre\s+sur\s+)?google\s+(?:actualités|news)",
                 r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?"],
    "social": [r"facebook", r"twitter", r"x", r"linkedin", r"whatsapp", r"telegram", r"reddit", r"pinterest",
               r"messenger", r"flipboard", r"bluesky", r"threads", r"instagram", r"tumblr", r"pocket",
               r"vk", r"line"],
    "de": [r"teilen", r"drucken", r"merken", r"vorlesen"],
    "it": [r"condividi", r"stampa", r"salva"],
    "pt": [r"compartilhe", r"compartilhar", r"imprimir", r"salvar",
           r"tempo\s+de\s+leitura\s*:?\s*\d+\s*min(?:utos?)?"],
    "es": [r"compartir", r"imprimir", r"guardar"],
    "ru": [r"поделиться", r"печать", r"сохранить"],
    "id": [r"bagikan", r"cetak", r"simpan"],
    "ko": [r"공유(?:하기)?", r"인쇄(?:하기)?", r"스크랩", r"뒤로\s*가기", r"목록"],
    "ja": [r"シェア", r"ツイート", r"印刷", r"保存"],
}

# Comment-section prompts, whole lines.
COMMENT_PROMPTS = {
    "en": [r"post\s+a\s+comment", r"leave\s+a\s+(?:comment|reply)", r"add\s+a\s+comment", r"write\s+a\s+comment",
           r"\d+\s+(?:comments?|responses?|replies)", r"comments?(?:\s*\(\d+\))?", r"no\s+comments?(?:\s+yet)?",
           r"view\s+(?:all\s+)?comments", r"show\s+comments", r"see\s+(?:all\s+)?comments", r"reply",
           r"be\s+the\s+first\s+to\s+comment", r"join\s+the\s+(?:conversation|discussion)", r"comments\s+are\s+closed",
           r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment",
           r"your\s+email\s+address\s+will\s+not\s+be\s+published", r"required\s+fields\s+are\s+marked\s+\*?",
           r"\d+\s+(?:responses?|thoughts|replies)\s+(?:to|on)\s+.{1,150}",
           r"was\s+this\s+(?:article|page|answer)\s+helpful\??(?:\s+yes\s+no)?", r"yes\s+no",
           r"view\s+the\s+discussion\s+thread", r"rating\s*:\s*\d+\s*votes?",
           r"\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]m)?)?",
           r"report\s+(?:abuse|this\s+comment)", r"cancel\s+reply", r"load\s+more\s+comments"],
    "fr": [r"commentaires?(?:\s*\(\d+\))?", r"\d+\s+commentaires?", r"réagir", r"réagissez", r"répondre",
           r"(?:laisser|ajouter|écrire)\s+un\s+commentaire", r"voir\s+les(?:\s+\d+)?\s+commentaires",
           r"soyez\s+le\s+premier\s+à\s+(?:commenter|réagir)", r"les\s+commentaires\s+sont\s+fermés",
           r"cet\s+article\s+vous\s+a-t-il\s+été\s+utile\s*\??(?:\s+oui\s+non)?", r"oui\s+non", r"commenter",
           r"(?:cet\s+article\s+vous\s+a\s+plu|vous\s+avez\s+aimé\s+cet\s+article)\s*\??", r"donnez\s+votre\s+avis",
           r"signaler\s+(?:un\s+)?(?:abus|contenu|commentaire)", r"annuler\s+la\s+réponse",
           r"les\s+champs\s+obligatoires\s+sont\s+(?:indiqués|marqués)\s+(?:avec|par)\s+\*?",
           r"il\s+y\s+a\s+\d+\s+(?:commentaires?|réactions?)"],
    "de": [r"kommentare?(?:\s*\(\d+\))?", r"\d+\s+kommentare?", r"antworten"],
    "it": [r"commenti(?:\s*\(\d+\))?", r"\d+\s+commenti", r"rispondi", r"lascia\s+un\s+commento"],
    "pt": [r"comentários?(?:\s*\(\d+\))?", r"\d+\s+comentários?", r"responder", r"deixe\s+(?:um|seu)\s+comentário"],
    "es": [r"comentarios?(?:\s*\(\d+\))?", r"\d+\s+comentarios?", r"deja\s+un\s+comentario"],
    "ru": [r"комментарии(?:\s*\(\d+\))?", r"\d+\s+комментари\w*", r"ответить", r"оставить\s+комментарий"],
    "id": [r"komentar(?:\s*\(\d+\))?", r"\d+\s+komentar", r"balas", r"tinggalkan\s+(?:komentar|balasan)"],
    "ko": [r"댓글(?:\s*\d+)?", r"답글"],
    "ja": [r"コメント(?:\s*\(\d+\))?", r"返信"],
}

# Navigation, whole lines: previous/next, skip links, menu buttons, account links, box headings.
# Headings of boxes of links to other articles: the headlines under them are links, not the article.
LINK_BOXES = {
    "en": [r"related(?:\s+(?:articles?|posts?|stories|story|content|news|topics|coverage|reading))?",
           r"more\s+(?:stories|news|articles)(?:\s+(?:from|on)\s+.{1,40})?", r"more\s+on\s+this\s+story",
           r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)", r"recommended(?:\s+for\s+you)?",
           r"most\s+(?:read|popular|viewed|shared|commented)", r"trending(?:\s+now)?", r"top\s+stories",
           r"latest\s+(?:news|stories|articles|headlines)", r"editor['’]s\s+picks?",
           r"(?:recent|popular)\s+(?:posts|stories|articles|blog\s+posts)",
           r"explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?", r"more\s+on\s+(?:these|this)\s+topics?", r"read\s+next"],
    "fr": [r"les\s+plus\s+(?:lus|partagés|commentés)", r"les\s+articles\s+les\s+plus\s+lus", r"dans\s+la\s+même\s+rubrique",
           r"à\s+la\s+une", r"à\s+découvrir", r"vous\s+aimerez\s+aussi", r"ces\s+articles\s+peuvent\s+vous\s+intéresser",
           r"nos\s+dernières\s+actualités", r"dernières\s+actualités", r"à\s+suivre", r"articles\s+(?:liés|similaires)",
           r"sur\s+le\s+même\s+thème"],
    "de": [r"meistgelesen", r"ähnliche\s+artikel", r"das\s+könnte\s+sie\s+auch\s+interessieren"],
    "it": [r"articoli\s+correlati", r"più\s+letti", r"potrebbe\s+interessarti"],
    "pt": [r"notícias\s+relacionadas", r"mais\s+lidas", r"posts?\s+relacionados", r"veja\s+também"],
    "es": [r"noticias\s+relacionadas", r"lo\s+más\s+leído"],
    "ru": [r"похожие\s+статьи", r"популярное", r"читайте\s+также"],
    "id": [r"artikel\s+terkait", r"berita\s+terkait", r"terpopuler"],
    "ko": [r"많이\s*본\s*\S+", r"관련\s*기사"],
    "ja": [r"人気記事", r"関連記事"],
}

# Navigation, whole lines: previous/next, skip links, menu buttons, account links, tags; and the
# headings of link boxes.
NAVIGATION = {
    "en": [r"(?:(?:previous|prev|next|older|newer)(?:\s+(?:post|article|story|page))?\s*[|»«<>›‹]*\s*){1,2}",
           r"back\s+to\s+(?:top|gallery|home|article)", r"skip\s+to\s+(?:main\s+)?content", r"home", r"menu", r"search",
           r"close", r"sections?", r"log\s+in", r"login", r"sign\s+in", r"log\s*in\s*/\s*register", r"register",
           r"my\s+account", r"story\s+timeline", r"up\s+next", r"(?:tags?|topics?|categories|filed\s+under)\s*:.*",
           r"key\s+events", r"(?:show|hide)\s+key\s+events(?:\s+only)?",
           r"(?:please\s+)?(?:turn\s+on|enable)\s+javascript\b.{0,40}"],
    "fr": [r"(?:article\s+(?:précédent|suivant)\s*){1,2}", r"retour\s+en\s+haut(?:\s+de\s+(?:la\s+)?page)?",
           r"haut\s+de\s+page", r"(?:aller|passer)\s+au\s+contenu(?:\s+principal)?", r"accueil", r"rechercher",
           r"recherche", r"fermer", r"rubriques?", r"se\s+connecter", r"connexion", r"s['’]identifier", r"mon\s+compte",
           r"(?:mots[- ]clés|catégories?|thèmes?)\s*:.*", r"(?:les\s+)?moments\s+clés",
           r"(?:veuillez\s+)?activer\s+(?:le\s+)?javascript\b.{0,40}", r"menu", r"retour\s+à\s+l['’]accueil",
           r"page\s+(?:précédente|suivante)", r"(?:voir|afficher|charger)\s+plus", r"tous\s+les\s+articles",
           r"sujets?\s+liés", r"sujets"],
    "de": [r"zum\s+inhalt\s+springen", r"startseite", r"suche", r"anmelden", r"zurück", r"weiter", r"nach\s+oben", r"schlagworte\s*:.*"],
    "it": [r"vai\s+al\s+contenuto", r"cerca", r"accedi", r"torna\s+su", r"articolo\s+(?:precedente|successivo)"],
    "pt": [r"pular\s+para\s+o\s+conteúdo", r"ir\s+para\s+o\s+conteúdo", r"início", r"buscar", r"pesquisar", r"entrar", r"voltar\s+ao\s+topo", r"(?:post|artigo)\s+(?:anterior|seguinte)"],
    "es": [r"saltar\s+al\s+contenido", r"inicio", r"buscar"],
    "ru": [r"главная", r"поиск", r"войти", r"регистрация", r"наверх", r"предыдущая\s+статья", r"следующая\s+статья",
           r"теги\s*:.*"],
    "id": [r"beranda", r"cari", r"masuk", r"kembali\s+ke\s+atas", r"(?:pos|artikel)\s+(?:sebelumnya|berikutnya)"],
    "ko": [r"홈", r"검색", r"로그인", r"회원가입", r"이전\s*글", r"다음\s*글", r"목록"],
    "ja": [r"ホーム", r"検索", r"ログイン", r"前の記事", r"次の記事", r"トップへ戻る", r"ページトップへ"],
    **{f"box_{lang}": entries for lang, entries in LINK_BOXES.items()},
}

# Advertising slots, whole lines.
ADS = {
    "en": [r"ads?", r"advert(?:isement)?s?", r"advertising", r"sponsored(?:\s+(?:content|links?|post|stories))?",
           r"paid\s+(?:content|post|partnership)", r"promoted(?:\s+(?:content|stories))?",
           r"(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?(?:\s+advert(?:isement)?)?",
           r"continue\s+reading\s+(?:below|the\s+main\s+story)", r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?",
           r"(?:more\s+)?from\s+(?:around\s+)?the\s+web", r"(?:paid\s+)?partner\s+content", r"ad\s+feedback"],
    "fr": [r"publicité", r"pub", r"contenus?\s+(?:sponsorisés?|partenaires?)", r"annonce", r"sponsorisé",
           r"ailleurs\s+sur\s+le\s+web", r"publi-?(?:rédactionnel|reportage)",
           r"l['’]article\s+continue\s+(?:après|sous)\s+(?:la|cette)\s+publicité",
           r"la\s+suite\s+après\s+(?:la|cette)\s+publicité"],
    "de": [r"anzeige", r"werbung"],
    "it": [r"pubblicità"],
    "pt": [r"publicidade", r"anúncio"],
    "es": [r"publicidad"],
    "ru": [r"реклама"],
    "id": [r"iklan"],
    "ko": [r"광고"],
    "ja": [r"広告", r"スポンサーリンク"],
}

# Legal links, whole lines; cookie notices, found inside a line, in the site's own voice.
LEGAL_LINKS = {
    "en": [r"privacy\s+(?:policy|notice)", r"terms?\s+of\s+(?:use|service)", r"cookie\s+(?:policy|settings)", r"about\s+us",
           r"(?:accept|reject|refuse)\s+all", r"manage\s+(?:preferences|options|settings|cookies)",
           r"contact\s+us", r"advertise(?:\s+with\s+us)?", r"terms\s+(?:and|&)\s+conditions", r"(?:accept|reject|manage|refuse)\s+(?:all\s+)?cookies",
           r"do\s+not\s+sell\s+my\s+(?:personal\s+)?information"],
    "fr": [r"politique\s+de\s+confidentialité", r"mentions\s+légales", r"conditions\s+générales.*",
           r"gestion\s+des\s+cookies", r"tout\s+(?:accepter|refuser)",
           r"(?:paramétrer|gérer|personnaliser)\s+(?:les\s+|mes\s+)?(?:cookies|choix)",
           r"nous\s+contacter", r"qui\s+sommes-nous\s*\??", r"cgu", r"cgv", r"plan\s+du\s+site",
           r"(?:accepter|refuser)(?:\s+(?:tout|les\s+cookies))?", r"refuser\s+et\s+s['’]abonner",
           r"paramètres\s+(?:des\s+)?cookies", r"données\s+personnelles", r"vie\s+privée", r"en\s+savoir\s+plus",
           r"paramétrer", r"personnaliser"],
    "de": [r"datenschutz(?:erklärung)?", r"impressum", r"nutzungsbedingungen"],
    "it": [r"privacy", r"note\s+legali"],
    "pt": [r"política\s+de\s+privacidade", r"termos\s+de\s+uso", r"fale\s+conosco", r"quem\s+somos"],
    "es": [r"política\s+de\s+privacidad", r"aviso\s+legal"],
    "ru": [r"политика\s+конфиденциальности", r"пользовательское\s+соглашение", r"контакты"],
    "id": [r"kebijakan\s+privasi", r"tentang\s+kami", r"hubungi\s+kami"],
    "ko": [r"개인정보\s*처리방침", r"이용약관"],
    "ja": [r"プライバシーポリシー", r"利用規約", r"お問い合わせ"],
}
RIGHTS_RESERVED = {
    "en": [r"all\s+rights\s+reserved"], "fr": [r"tous\s+droits\s+réservés"], "de": [r"alle\s+rechte\s+vorbehalten"],
    "it": [r"tutti\s+i\s+diritti\s+riservati"], "pt": [r"todos\s+os\s+direitos\s+reservados"],
    "es": [r"todos\s+los\s+derechos\s+reservados"], "ru": [r"все\s+права\s+защищены"],
    "id": [r"hak\s+cipta\s+dilindungi"], "ko": [r"무단\s*전재\s*및\s*재배포\s*금지"],
}
COOKIE_NOTICES = {
    "en": [r"\bwe\s+use\s+cookies\b", r"\b(?:accept|agree\s+to|consent\s+to)\s+(?:our|the)\s+use\s+of\s+cookies\b",
           r"\bwe\s+value\s+your\s+privacy\b", r"\bthis\s+(?:web)?site\s+uses\s+cookies\b",
           r"\bby\s+(?:continuing\s+to\s+(?:browse|use)|using)\s+(?:this|our)\s+(?:web)?site\b",
           r"\byou\s+(?:have\s+not|haven['’]t)\s+(?:accepted|consented\s+to)\s+(?:the\s+use\s+of\s+)?cookies\b",
           r"\bthis\s+content\s+is\s+blocked\b", r"\bpartners\s+use\s+cookies\b", r"\bwe\s+respect\s+your\s+privacy\b",
           r"\bcontinue\s+without\s+accepting\b", r"\baccept\s+and\s+(?:close|continue)\b",
           r"\blet\s+us\s+know\s+(?:if\s+)?you\s+agree\s+to\s+(?:all\s+of\s+these\s+)?cookies\b"],
    "fr": [r"\bnous\s+utilisons\s+des\s+cookies\b", r"\bvous\s+acceptez\s+l['’]utilisation\s+(?:de|des)\s+cookies\b",
           r"\bce\s+site\s+utilise\s+des\s+cookies\b", r"\bvotre\s+vie\s+privée\s+nous\s+importe\b",
           r"\ben\s+poursuivant\s+votre\s+navigation\b", r"\bnous\s+respectons\s+votre\s+vie\s+privée\b",
           r"\bet\s+(?:ses|nos)\s+partenaires\s+utilisent\s+des\s+cookies\b",
           r"\bnos\s+partenaires\s+utilisons\s+des\s+cookies\b",
           r"\ben\s+cliquant\s+sur\s+«?\s*(?:accepter|tout\s+accepter|j['’]accepte)",
           r"\bvos\s+choix\s+en\s+matière\s+de\s+cookies\b", r"\bgérer\s+vos\s+préférences\s+(?:de\s+)?cookies\b",
           r"\bcontinuer\s+sans\s+accepter\b", r"\baccepter\s+et\s+(?:fermer|continuer)\b",
           # an embed the reader's cookie choices blocked: "Ce contenu n’est pas disponible car vous n’avez pas accepté …"
           r"\bvous\s+n['’]avez\s+pas\s+accepté\s+les\s+cookies\b", r"\bce\s+contenu\s+est\s+bloqué\b"],
    "de": [r"\bwir\s+verwenden\s+cookies\b", r"\bdiese\s+website\s+verwendet\s+cookies\b"],
    "pt": [r"\b(?:usamos|utilizamos)\s+cookies\b", r"\beste\s+site\s+(?:usa|utiliza)\s+cookies\b"],
    "it": [r"\bquesto\s+sito\s+(?:usa|utilizza)\s+(?:i\s+)?cookie\b"],
    "es": [r"\butilizamos\s+cookies\b"],
    "ru": [r"\bмы\s+используем\s+(?:файлы\s+)?cookie\b", r"\bэтот\s+сайт\s+использует\s+(?:файлы\s+)?cookie\b"],
    "id": [r"\bsitus\s+ini\s+menggunakan\s+cookie\b"],
}

# Paywall, subscription and newsletter prompts, found inside a line of at most a few dozen words.
SUBSCRIPTION = {
    "en": [r"(?:article|content|story)\s+(?:is\s+)?(?:reserved|available)\s+(?:for|to)\s+(?:our\s+)?subscribers",
           r"\b(?:for|to)\s+subscribers\s+only\b", r"\bsubscribers?[- ]only\b", r"\bsubscriber\s+exclusive\b",
           r"^subscribe\b", r"\bsubscribe\s+(?:now|today|here)\b", r"\balready\s+(?:a\s+)?(?:subscriber|member)\b",
           r"\bbecome\s+a\s+(?:subscriber|member)\b", r"\b(?:sign\s+up|subscribe|register)\b[^.]{0,40}\bnewsletters?\b",
           r"\bnewsletters?\b[^.]{0,40}\b(?:sign\s+up|subscribe|inbox)\b",
           r"\bsupport\s+(?:our|independent|quality)\s+journalism\b", r"\b(?:log|sign)\s+in\s+to\s+(?:continue|read|keep\s+reading)",
           r"\bone\s+device\s+at\s+a\s+time\b", r"\bon\s+(?:another|the\s+other)\s+device\b",
           r"\bdiscover\s+(?:our|the)\b.{0,30}\boffers?\b", r"\bno\s+longer\s+see\s+this\s+message\b",
           r"\byou\s+have\s+\d+(?:[.,]\d+)?\s*%\s+of\s+this\s+article\b",
           r"\bcontinue\s+reading\s+(?:your|this|the\s+full)\s+article\b", r"^(?:(?:our)\s+)?newsletters?$",
           r"\b(?:make\s+a\s+)?donat(?:e|ion)\s+(?:now|today)\b", r"\bplease\s+(?:consider\s+)?(?:donat|support)",
           r"\benter\s+your\s+e-?mail(?:\s+address)?\b", r"\bunsubscribe\s+at\s+any\s+time\b",
           r"^to\s+read\s+the\s+full\s+(?:story|article)", r"\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b",
           r"\byour\s+subscription\s+(?:lets|allows)\s+you\b", r"\bgift\s+(?:up\s+to\s+)?\d+\s+articles\b",
           r"^(?:(?:our|the)\s+)?newsletters?\b[^.!?]{0,60}$", r"^sign\s+up(?:\s+(?:now|here|today))?$",
           r"\b(?:log|sign)\s+in\b[^.]{0,40}\bto\s+(?:comment|join\s+the\s+(?:conversation|discussion)|reply)\b"],
    "fr": [r"article\s+réservé\s+(?:aux|à\s+nos)\s+abonnés", r"réservée?s?\s+aux\s+abonnés", r"\babonnez-vous\b",
           r"\bje\s+m['’]abonne\b", r"\bdéjà\s+abonnée?\b", r"\bdevenez\s+abonnée?\b", r"^s['’]abonner\b",
           r"\b(?:inscrivez-vous|abonnez-vous)\b[^.]{0,40}\bnewsletters?\b", r"\bconnectez-vous\s+pour\b",
           r"\bseul\s+appareil\s+à\s+la\s+fois\b", r"\bsur\s+(?:un|l['’])\s*autre\s+appareil\b",
           r"\bdécouvrir\s+les\s+offres\b", r"\bne\s+plus\s+voir\s+ce\s+message\b", r"\bcontinuer\s+à\s+lire\s+ici\b",
           r"\bil\s+vous\s+reste\s+\d+(?:[.,]\d+)?\s*%", r"^(?:(?:la|notre|nos)\s+)?newsletters?$",
           r"\bfaire\s+un\s+don\b", r"\bsoutenez\s+(?:notre|le)\s+journalisme\b", r"\bvotre\s+adresse\s+e-?mail\b",
           r"\bconnectez-vous\b[^.]{0,50}\bpour\b", r"^je\s+m['’](?:inscris|abonne)\b",
           r"^(?:s['’]inscrire|inscrivez-vous)(?:\s+à\s+(?:la|notre|nos)\s+newsletters?)?$",
           r"\bvotre\s+abonnement\s+vous\s+permet\b",
           r"^(?:(?:la|notre|nos)\s+)?newsletters?\b[^.!?]{0,60}$",
           r"\brecevez\b[^.]{0,50}\b(?:l['’]essentiel|toute\s+l['’]actualité|le\s+meilleur|nos\s+(?:articles|alertes))\b",
           r"\bvous\s+devez\s+être\s+abonnée?\s+pour\b", r"\bsans\s+engagement\b", r"\b1\s?€\s+le\s+premier\s+mois\b",
           r"\bprofitez\s+de\s+(?:notre|l['’])\s*offre\b", r"\boffre\s+spéciale\b",
           r"\b(?:le\s+meilleur|l['’]essentiel)\s+de\s+l['’]actualité\b[^.]{0,60}\b(?:sélectionné|choisi|envoyé|chaque)"],
    "de": [r"\bnewsletter\s+abonnieren\b", r"\bjetzt\s+abonnieren\b"],
    "pt": [r"\bassine\s+(?:já|agora)\b", r"\bassine\s+(?:a|nossa)\s+newsletter\b", r"\bcadastre-se\b"],
    "it": [r"\biscriviti\s+alla\s+newsletter\b", r"\babbonati\b"],
    "ru": [r"\bподпишитесь\b", r"\bподписаться\s+на\s+рассылку\b"],
    "id": [r"\bberlangganan\b"],
}
# Every subscription prompt contains one of these: a cheap test that spares most lines the long pattern.
SUBSCRIPTION_HINTS = ("abonn", "subscri", "newsletter", "journalism", "log in", "sign in", "connect", "appareil",
                      "offre", "offer", "reste", "you have", "continue reading", "member", "device", "message",
                      "continuer", "donat", "don", "support", "soutenez", "e-mail", "email", "assine", "cadastre",
                      "iscriviti", "подпи", "berlangganan", "adresse", "unsubscribe", "full story",
                      "full article", "recevez", "inscri", "inbox", "sign up", "devez",
                      "actualit", "engagement", "€", "profitez")

# Photo, agency and image-bank names in credits.
AGENCIES = [r"AFP", r"AP", r"Reuters", r"Anadolu(?:\s+Agency)?", r"Associated\s+Press", r"Agence\s+France[- ]Presse",
            r"dpa", r"EFE", r"ANSA", r"Xinhua", r"TASS", r"RIA\s+Novosti", r"Bloomberg", r"UPI", r"PA(?:\s+Media)?",
            r"Belga", r"Kyodo", r"Yonhap", r"SANA", r"IRNA", r"WAFA", r"Interfax", r"EPA(?:-EFE)?", r"Getty\s+Images",
            r"Shutterstock", r"(?:AFP|AP|Anadolu|Reuters)\s+via\s+Getty\s+Images"]
# A group credit naming no agency in particular: "TRT World and Agencies", "Al Jazeera and news agencies".
AGENCY_GROUPS = [r"(?:news\s+)?agencies", r"agences", r"wires?", r"wire\s+services", r"agency\s+reports"]
# Image banks: they credit photos, never the article.
PHOTO_BANKS = [r"Getty(?:\s+Images)?", r"Shutterstock", r"EPA(?:-EFE)?", r"AP\s+Photo", r"iStock", r"Alamy",
               r"MAXPPP", r"ABACA", r"SIPA", r"Hans\s+Lucas"]
PHOTO_WORDS = {
    "en": [r"photos?", r"photograph(?:y)?", r"pictures?", r"images?", r"file", r"archives?", r"getty", r"agency",
           r"courtesy", r"handout", r"credits?", r"screen\s*grab", r"screenshot", r"wikimedia", r"shutterstock",
           r"istock", r"social\s+media"],
    "fr": [r"photographie", r"agence", r"crédits?", r"capture\s+d['’]écran", r"maxppp", r"abaca", r"sipa",
           r"hans\s+lucas", r"réseaux\s+sociaux"],
}

# Buttons that image viewers put after a caption and its credit.
CAPTION_WIDGETS = {
    "en": [r"purchase\s+licensing\s+rights", r"enlarge(?:\s+this\s+image)?", r"expand", r"view\s+(?:full\s+)?image"],
    "fr": [r"agrandir(?:\s+l['’]image)?", r"voir\s+en\s+plein\s+écran"],
}

# Words a staff credit starts with: "Reporting by …", "Édition par …".
STAFF_CREDIT_ROLES = {
    "en": [r"reporting", r"writing", r"editing", r"compiled", r"edited", r"translated"],
    "fr": [r"rédaction", r"édition", r"traduction"],
}

# What a "<Outlet>'s <Name> …" line says when it introduces an embedded video report.
TEASER_VERBS = {
    "en": [r"has\s+more", r"has\s+the\s+latest", r"has\s+(?:this|the)\s+(?:report|story)", r"sent\s+this\s+report",
           r"reports", r"brings\s+us\s+more", r"explains", r"takes\s+a\s+look"],
    "fr": [r"fait\s+le\s+point", r"nous\s+en\s+dit\s+plus", r"explique"],
}

# What a byline says its author is: "Jane Doe, Middle East correspondent", "Jean Dupont (Beyrouth,
# envoyé spécial)". No headline or article sentence is a name and one of these alone.
BYLINE_ROLES = {
    "en": [r"(?:foreign\s+|special\s+)?correspondent", r"reporter", r"(?:\w+\s+)?editor", r"(?:staff\s+)?writer",
           r"staff", r"columnist", r"contributor"],
    "fr": [r"correspondante?", r"envoyée?\s+spéciale?", r"journaliste", r"rédact(?:eur|rice)(?:\s+en\s+chef)?",
           r"reporter", r"chroniqueu(?:r|se)", r"notre\s+correspondante?"],
}

# Byline openings: "By Jane Doe", "Par Jean Dupont".
BYLINE_PREFIXES = {
    "en": [r"by", r"written\s+by", r"words\s+by", r"author"],
    "fr": [r"par", r"écrit\s+par", r"texte\s+de", r"(?:article\s+)?rédigé\s+par", r"propos\s+recueillis\s+par",
           r"auteur"],
}


def compile_line(table: dict[str, list[str]], tail: str = r"\s*[.:!]?") -> re.Pattern:
    """A case-insensitive pattern matching a whole line that is one of the table's phrases."""
    return re.compile(rf"^(?:{alternation(table)}){tail}$", re.IGNORECASE)
