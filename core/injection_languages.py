# ruff: noqa: RUF001  (words of other scripts)
"""The four words an override needs, in the languages core/injection_lexicon.py does not spell out itself.

An injected override has the same parts in every language: a verb that drops something ("ignore", "disregard"),
the reader's instructions, this candidate, and the verdict wanted ("the highest score"). The lexicon reads English,
Spanish, German, French, Portuguese, Italian, Dutch, Chinese, Japanese, Hindi, Russian and Arabic phrase by phrase;
this table gives the same four classes for 45 more languages as word stems, so a language is covered as a class
(an override in Finnish scores like one in English) rather than sentence by sentence. Ordinary resume and JD lines
in these languages use none of the verbs, and a noun alone ("instructions", "candidate") weighs almost nothing.

Latin-script stems are written as folding leaves them (accents dropped, lower case: "kivul" for "kívül"); every
stem is folded again at import so the table and the text agree. Stems match at a word start and run on ("ohje"
matches "ohjeet"); stems of other scripts match anywhere, since Thai, Burmese or Khmer put no spaces between words.
"""

from __future__ import annotations

import re
import unicodedata

# verbs that drop what came before: ignore, disregard, forget, skip ("_" stands for a space between words)
IGNORE = """
jata_huomiotta ala_valita ala_huomioi ara_arvesta nəzərə_alma e'tiborsiz_qoldir ne_vedd_figyelembe felejtsd_el
mos_merr_parasysh figyelmen_kivul se_bort_fra ser_bort_fra bortse_fra huwag_pansinin jangan_hiraukan ne_upostevaj
dean_neamhaird ez_ikusi foju_fo yi_watsi iska_indha_tir үл_тоо نادیده_بگیر نظر_انداز ভুলে_যাও ችላ_ይበሉ
ohita ohittakaa unohda unohtakaa sivuuta
balewalain kalimutan lupakan
zanemari zanemarite zaboravi prezri prezrite zanedbaj nevsimej nevsimejte zabudni zapomen zapomnij pomin
nepaisyk nepaisykite pamirsk aizmirsti eira unusta unut etiborsiz
hunsaðu hunsadu gleymdu glem anwybydda anghofia ahaztu baztertu gbagbe khohlwa
занемари занемарите заборави елеме ескерме
αγνοησ αγνόησ ξεχάσ ξεχασ παράβλεψ
ละเว้น เพิกเฉย ไม่ต้องสนใจ
نادیده فراموش نظرانداز
উপেক্ষা অগ্রাহ্য
புறக்கணி
విస్మరించ
दुर्लक्ष बेवास्ता
અવગણો અવગણના
ਅਣਡਿੱਠ ਨਜ਼ਰਅੰਦਾਜ਼
නොසලකා
ችላ
უგულებელყ დაივიწყ
անտեսիր անտեսեք մոռացիր
လျစ်လျူရှု
មិនអើពើ
ບໍ່ສົນໃຈ
התעלם התעלמי
"""

# the reader's instructions, prompt, rules, commands
INSTRUCTIONS = """
ohje ohjeet ohjeita ohjeist kasky
utasitas utasitaso utmutat
instruks instruktion instrukser instrucci instruccio
tagubilin utos panuto
arahan perintah petunjuk
upute uputa uputstv navodil pokyn uputs
nurodym noradijum juhis juhend
telimat təlimat talimat komut
ko'rsatma korsatma buyruq
leiðbeining leidbeining fyrirmæl
treoir treoracha cyfarwyddiad
jarraibide argibide
imiyalelo umarni tilmaam
упутств упатств вказівк настанов нұсқау заавар
οδηγ εντολ
คำสั่ง คําสั่ง คำแนะนำ คําแนะนํา
지시 명령 지침
دستورالعمل دستورات ہدایات ہدایت
নির্দেশ
அறிவுறுத்தல் வழிமுறை
సూచనల సూచనలు
सूचना निर्देशन
સૂચના
ਹਦਾਇਤ
උපදෙස්
መመሪያ
ინსტრუქცი მითითებ
հրահանգ
ညွှန်ကြား
ការណែនាំ
ຄຳແນະນຳ ຄໍາແນະນໍາ
הוראות הנחיות
"""

# this candidate / applicant
CANDIDATE = """
hakija hakijan hakijalle hakijaa ehdokas ehdokkaa
jelolt palyazo
ansøger ansoger søker soker sokande sökande
kandidato aplikante
calon pemohon pelamar
uchadzac uchazec kandidat
hautagai
aday
umsækjand umsaekjand
ymgeisydd iarrthoir
mgombea
υποψήφι υποψηφι
ผู้สมัคร
지원자 후보자
متقاضی داوطلب امیدوار
প্রার্থী আবেদনকারী
விண்ணப்பதாரர் வேட்பாளர்
అభ్యర్థి
उमेदवार
ઉમેદવાર
ਉਮੀਦਵਾਰ
අයදුම්කරු
ዕጩ
კანდიდატ
թեկնածու
ကိုယ်စားလှယ်လောင်း
បេក្ខជន
ຜູ້ສະໝັກ
מועמד
"""

# the verdict wanted: highest / best / maximum score
TOP = """
paras_mahdollinen markah_tertinggi nilai_tertinggi eng_yuqori marc_llawn alama_za_juu sob_se_zyada
سب_سے_زیادہ korkein korkeimman parhaan
legmagasabb legjobb
hoyeste høyeste hojeste højeste toppkarakter topkarakter
pinakamataas
najvyssi najvyssie nejvyssi najvisu najvisa najvisj najvyss nejvyss
aukscia augstako korgeima korgeim
hæsta haesta
uchaf
μέγιστ υψηλότερ άριστ
สูงสุด
최고 만점
بالاترین حداکثر
সর্বোচ্চ
அதிகபட்ச
అత్యధిక
सर्वोच्च
સૌથી વધુ
ਸਭ_ਤੋਂ_ਵੱਧ
ඉහළම
ከፍተኛ
უმაღლეს
ամենաբարձր
အမြင့်ဆုံး
ខ្ពស់បំផុត
ສູງສຸດ
הגבוה_ביותר ציון_מלא
"""


def fold_word(word: str) -> str:
    """The word as the detector's folding leaves it: NFKC, Latin accents dropped, lower case."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", word).lower()):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue  # an accent on a Latin letter: the folding drops it
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz'_øæðþəı")


def _entries(block: str) -> set[str]:
    return {fold_word(entry) for entry in block.split()}


def _pattern(block: str) -> str:
    """One alternation: Latin stems at a word start, other scripts anywhere; "_" matches the space between words."""
    latin = sorted((e for e in _entries(block) if set(e) <= _LATIN), key=len, reverse=True)
    other = sorted((e for e in _entries(block) if not set(e) <= _LATIN), key=len, reverse=True)
    spaced = [r"\s+".join(map(re.escape, e.split("_"))) for e in latin]
    parts = [r"(?<![^\W\d_])(?:" + "|".join(spaced) + ")"] if spaced else []
    parts += ["(?:" + "|".join(r"\s*".join(map(re.escape, e.split("_"))) for e in other) + ")"] if other else []
    return "(?:" + "|".join(parts) + ")"


IGNORE_ANY = _pattern(IGNORE)
INSTRUCTIONS_ANY = _pattern(INSTRUCTIONS)
CANDIDATE_ANY = _pattern(CANDIDATE)
TOP_ANY = _pattern(TOP)

# Substrings a sentence must hold (one of) to be read closely: the ASCII stems of the verbs and nouns.
ANCHOR_STEMS = tuple(
    sorted(
        {
            stem
            for e in _entries(IGNORE) | _entries(INSTRUCTIONS)
            if e.isascii() and len(stem := max(e.split("_"), key=len)) >= 4
        }
    )
)
# Scripts the lexicon's NON_LATIN class does not list (Greek, Armenian, Bengali to Sinhala, Thai, Lao, Myanmar,
# Georgian, Ethiopic, Khmer, Hangul): a sentence in one of them is read closely.
OTHER_SCRIPTS = (
    "\u0370-\u03ff\u0530-\u058f\u0980-\u0dff\u0e00-\u0eff\u1000-\u109f\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff"
    "\u1100-\u11ff\uac00-\ud7af"
)
