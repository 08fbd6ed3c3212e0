"""Street vocabularies for the address recogniser: street types, foreign street words and address cues."""

from __future__ import annotations

import re

# USPS street suffixes (Publication 28) plus common UK/AU ones. "Strong" types are rarely anything but a street;
# "weak" ones (Center, Park, Station, ...) name other things too and need a unit, a city or a cue to count.
EN_STRONG = frozenset(
    "Street St Road Rd Avenue Ave Av Boulevard Blvd Lane Ln Drive Dr Court Ct Way Place Pl Terrace Ter Parkway Pkwy "
    "Highway Hwy Circle Cir Square Sq Trail Trl Crescent Cres Close Alley Loop Plaza Pike Route Rte Expressway Expy "
    "Freeway Fwy Causeway Esplanade Mews Turnpike Tpke Throughway Trafficway Stravenue Skyway Overpass Underpass "
    "Viaduct Motorway Parade Circuit Quad Crossroad Gateway Passage Row Walk Path Ramp Mall Oval Marg Ganj Nagar "
    "Chowk Gali".split()
)
EN_WEAK = frozenset(
    "Annex Arcade Bayou Bayoo Beach Bend Bluff Bottom Branch Bridge Brook Burg Bypass Camp Canyon Cape Center Centre "
    "Cliff Club Common Corner Course Cove Creek Crest Crossing Curve Dale Dam Divide Estate Extension Fall Ferry Field "
    "Flat Ford Forest Forge Fork Fort Garden Gardens Glen Green Grove Harbor Harbour Haven Heights Hill Hollow Inlet "
    "Island Isle Junction Key Knoll Lake Land Landing Light Loaf Lock Lodge Manor Meadow Mill Mission Mount Mountain "
    "Neck Orchard Park Pass Pine Plain Point Port Prairie Radial Ranch Rapid Rest Ridge River Run Shoal Shore Spring "
    "Spur Station Stream Summit Trace Track Tunnel Union Valley Via Village Ville View Vista Well Wharf Quay Rise "
    "Chase Vale Reserve Retreat Grange Promenade Boardwalk Glade Heath Link Wynd Access Approach Brace Break "
    "Concourse Dip Elbow End Entrance Frontage Lower Outlook Reach Steps Strip Upper Zila Sector Colony".split()
)
_TYPES = "|".join(sorted(EN_STRONG | EN_WEAK, key=len, reverse=True))
# Capitalised or upper case, singular or plural ("Aguilar Parkways"), optional abbreviation dot.
EN_TYPE_WORD = r"(?P<type>(?:" + _TYPES + r"|" + _TYPES.upper() + r")(?:e?s)?)\b\.?"

# Street words glued to the end of a compound name (Pohlstrasse, Magasinsgatan, Ringvej, Kimmontie, Elisebaan);
# distinctive enough to match at a word's end. Short or English-looking ones only count as whole words.
GLUED = (
    r"(?:stra(?:ss|ß)e|str\.|straeti|stræti|gasse|weg|vej|gade|gatan|gata|vägen|väg|veien|vegen|laan|baan|straat|"
    r"singel|dreef|plein|kuja|katu|tie|kaari|rinne|ranta|puisto|tori|väylä|mäki|aukio|kierros|polku|vegur|allee|"
    r"platz|dijk|gracht|steeg|utca|ulica|caddesi|sokak|sokağı|damm|chaussee|ufer|pfad|steig|stræde|vænge|plads|torv|"
    r"gränd|stigen|backen|torget|leden|gången|slingan|toppen|bakken|haugen|stien|svingen|kroken|åsen|tunet|plassen|"
    r"grenda|sletta|berget|jordet|løkka|myra|bråten|dalen|engen|marka|kollen|boulevard|bulevardi|plantsoen|kanaal|hof|moen|lunden|"
    r"stubben|skogen|tangen|-ring)"
)
STANDALONE = r"(?:gate|vei|ring|kade|út|tér|körút|ulice|náměstí|třída|bulvarı|allé|alle)"

# Street words that come before the name (Rue de Rivoli, Calle Mayor, ul. Długa, улица Ленина). The ambiguous
# ones are also English words and count only when capitalised or right after "12, ".
PREFIX_AMBIGUOUS = frozenset(
    "via place route plaza avenue boulevard square cours parque vale pod nad na za av av. c. pl. al. os. pr. "
    "str.".split()
)
PREFIX_WORDS = PREFIX_AMBIGUOUS | frozenset(
    "rue rua rúa calle carrer viale piazza piazzale vicolo strada corso largo incrocio borgo contrada rotonda "
    "piazzetta lungomare travessa alameda praça rodovia estrada ladeira passarela viela vila beco quadra setor avenida "
    "avda avda. paseo camino carretera ronda rambla pasaje travesía glorieta callejón urbanización vial cañada calzada "
    "cerrada circuito diagonal privada prolongación retorno andador periférico chemin allée impasse quai voie ulica "
    "ul. aleja plac osiedle rondo skwer bulwar ulice náměstí nábřeží třída улица ул. проспект пр-т переулок пер. "
    "аллея алл. шоссе ш. набережная наб. бульвар б-р площадь мкр. οδός λεωφόρος πλατεία bulevardul calea aleea "
    "piața cad. sok. cuesta acceso pasadizo plazuela polígono senda subida bajada corredor eje continuación "
    "peatonal viaducto stretto vicoletto canale бул. просп. пр-кт trecho vereda favela conjunto lote residencial "
    "sítio chácara colônia condomínio distrito esplanada estação jardim lagoa morro núcleo pátio recanto fazenda "
    "área".split()
)
INTL_PREFIX = "(?:" + "|".join(re.escape(w) for w in sorted(PREFIX_WORDS, key=len, reverse=True)) + ")"
# Words that mark the house number itself: "д. 218", "Nr. 5", "n° 12".
NUMBER_MARKERS = frozenset("д. д no. nr. nr n. n° nº № č. num.".split())

ADDRESS_CUE = re.compile(
    r"(?:address(?:\s+is)?|lives?\s+at|living\s+at|located\s+at|resid\w*|reside\s+at|moved\s+to|ship\s+(?:it\s+)?to|"
    r"send\s+(?:it\s+|them\s+)?to|deliver(?:ed)?\s+to|mail\s+(?:it\s+)?to|(?:reach|find|visit|write\s+to)\s+"
    r"(?:me|us)\s+at|anschrift|adres\w*|dirección|direccion|"
    r"domicil\w*|indirizzo|endereço|адрес)",
    re.IGNORECASE,
)
# Substrings one of which every cue contains; a cheap test before the regex.
CUE_STEMS = (
    "address", "lives at", "live at", "living at", "located at", "resid", "moved to", "ship it", "ship to", "send ",
    "deliver to", "delivered to", "mail to", "mail it", "me at", "us at", "anschrift", "adres", "direcc", "dirección",
    "domicil", "indirizzo", "endereço", "адрес",
)  # fmt: skip
