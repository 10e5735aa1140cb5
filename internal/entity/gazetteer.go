package entity

import "sync"

// The gazetteer is deliberately small: the places, organisations and titles
// that news about international politics mentions most. Anything it lacks
// is still found as a capitalised sequence; it only loses its type.

// places maps a lower-case place name or alias to its canonical name.
var places = map[string]string{}

// demonyms maps a lower-case adjective of nationality to the place it
// refers to, so "Russian President" counts as a mention of Russia.
var demonyms = map[string]string{}

// loadGazetteer fills places and demonyms on first use, not at start-up:
// commands such as diff never need them. Extract and Occurs call it.
var loadGazetteer = sync.OnceFunc(func() {
	for _, group := range [][]string{
		{"Afghanistan"}, {"Albania"}, {"Algeria"}, {"Argentina"}, {"Armenia"},
		{"Australia"}, {"Austria"}, {"Azerbaijan"}, {"Bahrain"}, {"Bangladesh"},
		{"Belarus"}, {"Belgium"}, {"Bolivia"}, {"Bosnia"}, {"Brazil"}, {"Bulgaria"},
		{"Cambodia"}, {"Canada"}, {"Chile"}, {"China", "People's Republic of China", "PRC", "Mainland China"},
		{"Colombia"}, {"Croatia"}, {"Cuba"}, {"Cyprus"}, {"Czech Republic", "Czechia"},
		{"Denmark"}, {"Egypt"}, {"Estonia"}, {"Ethiopia"}, {"Finland"}, {"France"},
		{"Georgia"}, {"Germany"}, {"Greece"}, {"Hungary"}, {"Iceland"}, {"India"},
		{"Indonesia"}, {"Iran"}, {"Iraq"}, {"Ireland"}, {"Israel"}, {"Italy"},
		{"Japan"}, {"Jordan"}, {"Kazakhstan"}, {"Kenya"}, {"Kosovo"}, {"Kuwait"},
		{"Kyrgyzstan"}, {"Laos"}, {"Latvia"}, {"Lebanon"}, {"Libya"}, {"Lithuania"},
		{"Malaysia"}, {"Mali"}, {"Mexico"}, {"Moldova"}, {"Mongolia"}, {"Morocco"},
		{"Myanmar", "Burma"}, {"Nepal"}, {"Netherlands", "Holland"}, {"New Zealand"},
		{"Niger"}, {"Nigeria"}, {"North Korea", "DPRK", "Democratic People's Republic of Korea"},
		{"Norway"}, {"Oman"}, {"Pakistan"}, {"Palestine"}, {"Peru"}, {"Philippines"},
		{"Poland"}, {"Portugal"}, {"Qatar"}, {"Romania"}, {"Russia", "Russian Federation"},
		{"Saudi Arabia"}, {"Serbia"}, {"Singapore"}, {"Slovakia"}, {"Slovenia"},
		{"Somalia"}, {"South Africa"}, {"South Korea", "Republic of Korea", "ROK"},
		{"Spain"}, {"Sri Lanka"}, {"Sudan"}, {"Sweden"}, {"Switzerland"}, {"Syria"},
		{"Taiwan"}, {"Tajikistan"}, {"Thailand"}, {"Tunisia"}, {"Turkey", "Türkiye"},
		{"Turkmenistan"}, {"Uganda"}, {"Ukraine"}, {"United Arab Emirates", "UAE"},
		{"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"},
		{"United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"},
		{"Uzbekistan"}, {"Venezuela"}, {"Vietnam"}, {"Yemen"},
		{"Soviet Union", "USSR"}, {"Korea"}, {"Korean Peninsula"},
		{"Europe"}, {"Asia"}, {"Africa"}, {"Middle East"}, {"Latin America"},
		{"Arctic"}, {"Antarctica"}, {"Balkans"}, {"Caucasus"}, {"Siberia"},
		{"Crimea"}, {"Donbas", "Donbass"}, {"Gaza", "Gaza Strip"}, {"West Bank"},
		{"Hong Kong"}, {"Kashmir"}, {"Tibet"}, {"Xinjiang"}, {"Kaliningrad"},
		{"West"}, {"East"},
		{"Moscow"}, {"Pyongyang"}, {"Seoul"}, {"Beijing"}, {"Tokyo"}, {"Kyiv", "Kiev"},
		{"Washington"}, {"London"}, {"Paris"}, {"Berlin"}, {"Brussels"}, {"Rome"},
		{"Madrid"}, {"Warsaw"}, {"Vienna"}, {"Geneva"}, {"Ankara"}, {"Istanbul"},
		{"Tehran"}, {"Baghdad"}, {"Damascus"}, {"Beirut"}, {"Jerusalem"}, {"Tel Aviv"},
		{"Cairo"}, {"Riyadh"}, {"Doha"}, {"Dubai"}, {"Abu Dhabi"}, {"New Delhi", "Delhi"},
		{"Islamabad"}, {"Kabul"}, {"Hanoi"}, {"Bangkok"}, {"Manila"}, {"Jakarta"},
		{"Taipei"}, {"Shanghai"}, {"Minsk"}, {"Tbilisi"}, {"Yerevan"}, {"Baku"},
		{"Astana"}, {"Tashkent"}, {"Ottawa"}, {"New York"}, {"Canberra"},
		{"Vladivostok"}, {"St Petersburg", "St. Petersburg", "Saint Petersburg"},
		{"Kharkiv"}, {"Odesa", "Odessa"}, {"Mariupol"}, {"Bakhmut"}, {"Sevastopol"},
		{"Yakutsk"}, {"Hanoi"}, {"Ulaanbaatar"}, {"Havana"}, {"Caracas"}, {"Brasilia"},
	} {
		for _, name := range group {
			places[lower(name)] = group[0]
		}
	}
	for adj, place := range map[string]string{
		"Afghan": "Afghanistan", "American": "United States", "Armenian": "Armenia",
		"Australian": "Australia", "Azerbaijani": "Azerbaijan", "Belarusian": "Belarus",
		"Brazilian": "Brazil", "British": "United Kingdom", "Canadian": "Canada",
		"Chinese": "China", "Cuban": "Cuba", "Egyptian": "Egypt", "Estonian": "Estonia",
		"European": "Europe", "Finnish": "Finland", "French": "France",
		"Georgian": "Georgia", "German": "Germany", "Greek": "Greece",
		"Hungarian": "Hungary", "Indian": "India", "Iranian": "Iran", "Iraqi": "Iraq",
		"Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
		"Kazakh": "Kazakhstan", "Korean": "Korea", "Latvian": "Latvia",
		"Lebanese": "Lebanon", "Lithuanian": "Lithuania", "Mexican": "Mexico",
		"Mongolian": "Mongolia", "North Korean": "North Korea", "Pakistani": "Pakistan",
		"Palestinian": "Palestine", "Polish": "Poland", "Russian": "Russia",
		"Saudi": "Saudi Arabia", "Serbian": "Serbia", "South Korean": "South Korea",
		"Soviet": "Soviet Union", "Spanish": "Spain", "Swedish": "Sweden",
		"Syrian": "Syria", "Taiwanese": "Taiwan", "Turkish": "Turkey",
		"Ukrainian": "Ukraine", "Vietnamese": "Vietnam", "Western": "West",
		"Eastern": "East", "Asian": "Asia", "African": "Africa", "Crimean": "Crimea",
		"Venezuelan": "Venezuela", "Yemeni": "Yemen", "Emirati": "United Arab Emirates",
		"Qatari": "Qatar", "Dutch": "Netherlands", "Norwegian": "Norway",
		"Danish": "Denmark", "Romanian": "Romania", "Bulgarian": "Bulgaria",
	} {
		demonyms[lower(adj)] = place
	}
})

// orgWords make a capitalised sequence an organisation.
var orgWords = map[string]bool{
	"ministry": true, "agency": true, "authority": true, "center": true, "centre": true, "kremlin": true, "council": true, "affairs": true,
	"party": true, "news": true, "bank": true, "committee": true,
	"commission": true, "organisation": true, "organization": true,
	"association": true, "corporation": true, "corp": true, "inc": true,
	"ltd": true, "group": true, "company": true, "times": true, "post": true,
	"press": true, "service": true, "office": true, "department": true,
	"army": true, "navy": true, "forces": true, "assembly": true,
	"parliament": true, "congress": true, "senate": true, "duma": true,
	"court": true, "university": true, "institute": true, "foundation": true,
	"front": true, "movement": true, "network": true, "television": true,
	"tv": true, "radio": true, "broadcasting": true, "union": true,
	"pentagon": true, "government": true, "administration": true,
	"league": true, "alliance": true, "fund": true, "federation": true,
	"guard": true, "command": true, "house": true, "cabinet": true,
	"politburo": true, "secretariat": true, "tribunal": true, "journal": true,
	"herald": true, "telegraph": true, "guardian": true, "tribune": true,
}

// orgNames are organisations known by a single name or acronym.
var orgNames = map[string]string{
	"nato": "NATO", "un": "UN", "united nations": "United Nations", "eu": "EU",
	"european union": "European Union", "kcna": "KCNA", "tass": "TASS",
	"ria novosti": "RIA Novosti", "interfax": "Interfax", "reuters": "Reuters",
	"yonhap": "Yonhap", "xinhua": "Xinhua", "bbc": "BBC", "cnn": "CNN",
	"ap": "AP", "afp": "AFP", "kremlin": "Kremlin", "white house": "White House",
	"pentagon": "Pentagon", "imf": "IMF", "who": "WHO", "iaea": "IAEA",
	"opec": "OPEC", "brics": "BRICS", "g7": "G7", "g20": "G20", "asean": "ASEAN",
	"sco": "SCO", "csto": "CSTO", "fsb": "FSB", "cia": "CIA", "fbi": "FBI",
	"kgb": "KGB", "rt": "RT", "wagner": "Wagner", "hamas": "Hamas",
	"hezbollah": "Hezbollah", "taliban": "Taliban", "gazprom": "Gazprom",
	"rosatom": "Rosatom", "roscosmos": "Roscosmos", "bloomberg": "Bloomberg",
}

// placeWords make a capitalised sequence a place.
var placeWords = map[string]bool{
	"sea": true, "ocean": true, "river": true, "island": true, "islands": true,
	"peninsula": true, "mountains": true, "province": true, "region": true,
	"strait": true, "gulf": true, "bay": true, "airport": true, "square": true,
	"street": true, "city": true, "oblast": true, "county": true, "state": true,
	"republic": true, "kingdom": true, "mount": true, "lake": true, "cape": true,
	"valley": true, "desert": true, "palace": true, "station": true,
}

// headWords may be followed by "of" inside one name: "Ministry of
// Defence", "Republic of Korea", "Secretary of State".
var headWords = map[string]bool{
	"ministry": true, "republic": true, "bank": true, "university": true,
	"council": true, "department": true, "institute": true, "office": true,
	"kingdom": true, "sea": true, "gulf": true, "bay": true, "strait": true,
	"states": true, "federation": true, "court": true, "house": true,
	"chamber": true, "commission": true, "committee": true, "league": true,
	"organisation": true, "organization": true, "association": true,
	"party": true, "union": true, "secretary": true, "minister": true,
	"cape": true, "isle": true, "people's": true, "bureau": true,
	"center": true, "centre": true, "foundation": true, "fund": true,
	"school": true, "college": true, "agency": true, "society": true,
}

// titles mark the capitalised words after them as a person's name.
var titles = map[string]bool{
	"president": true, "leader": true, "minister": true, "premier": true,
	"chancellor": true, "secretary": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "general": true, "gen": true, "king": true, "queen": true,
	"pope": true, "senator": true, "sen": true, "rep": true, "governor": true,
	"mayor": true, "ambassador": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "chairman": true, "chairwoman": true, "prince": true,
	"princess": true, "sir": true, "envoy": true, "commander": true,
	"marshal": true, "admiral": true, "colonel": true, "captain": true,
	"emperor": true, "dictator": true, "director": true, "chief": true,
	"sheikh": true, "ayatollah": true, "judge": true, "lieutenant": true,
	"comrade": true, "representative": true, "official": true, "adviser": true,
	"advisor": true, "aide": true, "deputy": true, "ceo": true, "head": true,
	"executive": true, "officer": true, "professor": true, "prof": true,
	// police ranks, written out and as forces abbreviate them: "Det Ch
	// Insp Mara Dellen", "Chief Inspector Mara Dellen"
	"inspector": true, "insp": true, "detective": true, "det": true, "ch": true, "superintendent": true,
	"supt": true, "sergeant": true, "sgt": true, "constable": true, "commissioner": true,
	// written with a hyphen: "UN Secretary-General Antonio Guterres"
	"secretary-general": true, "director-general": true, "attorney-general": true,
	"inspector-general": true, "solicitor-general": true, "surgeon-general": true,
	"governor-general": true, "vice-president": true, "vice-chairman": true, "vice-premier": true,
	"lieutenant-general": true, "major-general": true, "lieutenant-colonel": true,
	"commander-in-chief": true, "editor-in-chief": true, "president-elect": true,
}

// portfolios are the words of a minister's or a secretary's portfolio.
var portfolios = map[string]bool{
	"affairs": true, "state": true, "transport": true, "infrastructure": true, "defence": true,
	"defense": true, "finance": true, "trade": true, "health": true, "home": true, "foreign": true,
	"interior": true, "justice": true, "education": true, "energy": true, "environment": true,
	"agriculture": true, "labour": true, "labor": true, "economy": true, "commerce": true,
	"industry": true, "culture": true, "sport": true, "sports": true, "tourism": true,
	"communications": true, "development": true, "security": true, "treasury": true, "works": true,
	"housing": true, "water": true, "mines": true, "fisheries": true, "planning": true,
	"welfare": true, "science": true, "technology": true, "transportation": true, "public": true,
	"emergency": true, "emergencies": true, "internal": true, "external": true, "relations": true,
	"cooperation": true, "digital": true, "social": true, "resources": true, "natural": true,
	"department": true, "ministry": true, "office": true, "human": true, "services": true,
	"homeland": true, "veterans": true, "heritage": true, "arts": true, "media": true, "youth": true,
	"family": true, "families": true, "women": true, "migration": true, "climate": true, "regional": true,
}

// genericWords are organisation and office words that name nothing in
// particular when they stand alone: "the House", "the Union".
var genericWords = map[string]bool{
	"house": true, "council": true, "union": true, "authority": true,
	"center": true, "centre": true, "party": true, "ministry": true,
	"committee": true, "commission": true, "department": true, "agency": true,
	"court": true, "office": true, "bureau": true, "institute": true,
	"university": true, "school": true, "college": true, "foundation": true,
	"association": true, "league": true, "organisation": true,
	"organization": true, "government": true, "academy": true,
}

// notNames are short words in capitals that are not organisations:
// times, degrees, media and the like.
var notNames = map[string]bool{
	"am": true, "pm": true, "tv": true, "id": true, "md": true, "phd": true,
	"ceo": true, "ok": true, "pt": true, "et": true, "gmt": true, "utc": true,
	"pst": true, "est": true, "dna": true, "faq": true,
}

// roles are lower-case descriptions written right before a person's name:
// "chief inspector Jennifer Mattinson", "Seoul resident Margie Kim".
var roles = map[string]bool{
	"inspector": true, "resident": true, "ranger": true, "writer": true,
	"editor": true, "reporter": true, "correspondent": true, "analyst": true,
	"expert": true, "professor": true, "lawyer": true, "photographer": true,
	"veteran": true, "mother": true, "father": true, "wife": true,
	"husband": true, "son": true, "daughter": true, "brother": true,
	"sister": true, "activist": true, "officer": true, "economist": true,
	"researcher": true, "scientist": true, "doctor": true, "founder": true,
	"executive": true, "manager": true, "coach": true, "player": true,
	"singer": true, "actor": true, "actress": true, "student": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"checker": true, "fellow": true, "member": true, "survivor": true,
}

// titleModifiers may stand before a title: "Foreign Minister", "Vice
// President", "Supreme Leader".
var titleModifiers = map[string]bool{
	"foreign": true, "defence": true, "defense": true, "deputy": true,
	"vice": true, "prime": true, "interior": true, "finance": true,
	"supreme": true, "first": true, "former": true, "acting": true,
	"economy": true, "trade": true, "health": true, "justice": true,
	"state": true, "senior": true, "top": true, "lieutenant": true,
	"attorney": true, "press": true, "chief": true, "executive": true,
	"national": true, "security": true, "presidential": true, "military": true,
}

// stopwords never start a name: sentence-initial function words and
// pronouns, which are capitalised only by position.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "this": true, "that": true,
	"these": true, "those": true, "in": true, "on": true, "at": true, "as": true,
	"but": true, "and": true, "or": true, "if": true, "when": true,
	"while": true, "after": true, "before": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "there": true,
	"here": true, "what": true, "which": true, "who": true, "why": true,
	"how": true, "for": true, "with": true, "from": true, "by": true,
	"to": true, "of": true, "during": true, "since": true, "although": true,
	"though": true, "yet": true, "so": true, "both": true, "all": true,
	"some": true, "many": true, "most": true, "such": true, "no": true,
	"not": true, "also": true, "however": true, "meanwhile": true,
	"according": true, "despite": true, "amid": true, "under": true,
	"over": true, "about": true, "apart": true, "instead": true, "then": true,
	"now": true, "earlier": true, "later": true, "last": true, "next": true,
	"is": true, "was": true, "are": true, "were": true, "be": true,
}

// calendarWords are capitalised but are not entities; package figure
// handles them.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
}

// speechVerbs after a capitalised name mark it as a person.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "warned": true,
	"noted": true, "stressed": true, "hailed": true, "lauded": true,
	"described": true, "called": true, "termed": true, "declared": true,
	"insisted": true, "argued": true, "wrote": true, "claimed": true,
	"announced": true, "urged": true, "vowed": true, "praised": true,
	"emphasised": true, "emphasized": true, "stated": true, "explained": true,
	"remarked": true, "replied": true, "asked": true, "expressed": true,
	"thanked": true, "greeted": true, "met": true, "visited": true,
	"pledged": true, "promised": true, "signed": true,
}

// asianSurnames come first in the full name, so "Kim" is the short form of
// "Kim Jong Un" where a western name would be shortened to its last word.
var asianSurnames = map[string]bool{
	"kim": true, "xi": true, "li": true, "lee": true, "park": true,
	"moon": true, "yoon": true, "wang": true, "zhang": true, "choe": true,
	"choi": true, "ri": true, "hu": true, "mao": true, "deng": true,
	"wen": true, "han": true, "jiang": true, "liu": true, "chen": true,
}

// commonSubjects are plural nouns that often open a sentence before a
// speech verb ("Officials said") without naming anyone.
var commonSubjects = map[string]bool{
	"officials": true, "analysts": true, "experts": true, "critics": true,
	"observers": true, "diplomats": true, "sources": true, "residents": true,
	"witnesses": true, "reports": true, "authorities": true, "leaders": true,
	"lawmakers": true, "police": true, "protesters": true, "others": true,
	"both": true, "many": true, "some": true, "one": true, "reporters": true,
}
