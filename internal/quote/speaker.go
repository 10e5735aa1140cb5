package quote

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/entity"
	textwords "github.com/newslens/newslens/internal/words"
)

// SpeechVerb reports whether w, in lower case, is a verb that credits
// words to a speaker ("said", "declared", "told").
func SpeechVerb(w string) bool { return speechVerbs[w] }

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true,
	"added": true, "adds": true, "warned": true, "warns": true, "noted": true,
	"notes": true, "stressed": true, "stresses": true, "hailed": true,
	"hails": true, "lauded": true, "lauds": true, "described": true,
	"describes": true, "called": true, "calls": true, "termed": true,
	"terms": true, "declared": true, "declares": true, "insisted": true,
	"insists": true, "argued": true, "argues": true, "wrote": true,
	"writes": true, "tweeted": true, "posted": true, "claimed": true,
	"claims": true, "announced": true, "urged": true, "vowed": true,
	"praised": true, "dubbed": true, "branded": true, "labelled": true,
	"labeled": true, "emphasised": true, "emphasized": true,
	"explained": true, "asked": true, "replied": true, "remarked": true,
	"stated": true, "observed": true, "suggested": true, "pledged": true,
	"acknowledged": true, "admitted": true, "recalled": true,
	"continued": true, "denounced": true, "condemned": true,
	"reported": true, "quoted": true, "cited": true, "hinted": true,
	"promised": true, "confirmed": true, "denied": true, "boasted": true,
	"states": true, "explains": true, "recalls": true, "admits": true,
	"instructed": true, "directed": true, "ordered": true, "demanded": true,
	"assured": true, "cautioned": true, "reiterated": true, "conceded": true,
	"complained": true, "predicted": true, "affirmed": true, "responded": true,
	"commented": true, "countered": true, "thanked": true, "welcomed": true,
	"criticised": true, "criticized": true, "accused": true,
	"expressed": true, "voiced": true,
	// the manner of speaking: "\"...!\" he shouted as he left"
	"shouted": true, "shouts": true, "yelled": true, "screamed": true, "cried": true,
	"whispered": true, "joked": true, "quipped": true, "exclaimed": true, "muttered": true,
	"retorted": true, "answered": true, "repeated": true, "pleaded": true,
}

// participles are speech verbs whose subject is the clause's subject,
// often far before them: "Yoon apologized in an address, saying ...".
var participles = map[string]bool{
	"saying": true, "adding": true, "telling": true, "writing": true,
	"noting": true, "declaring": true, "insisting": true, "describing": true,
	"calling": true, "warning": true, "arguing": true, "stressing": true,
}

// speakerNouns may form a speaker without a capital letter: "state
// media", "officials", "the ministry".
// personDescriptors are the everyday nouns written before a person's
// name to say who they are ("farmer Teo Brandis", "witness Anna Berg").
var personDescriptors = map[string]bool{
	"farmer": true, "witness": true, "eyewitness": true, "resident": true, "villager": true, "teacher": true,
	"student": true, "nurse": true, "doctor": true, "driver": true, "pilot": true, "passenger": true,
	"survivor": true, "shopkeeper": true, "fisherman": true, "worker": true, "engineer": true, "lawyer": true,
	"activist": true, "analyst": true, "economist": true, "volunteer": true, "firefighter": true,
	"pensioner": true, "retiree": true, "trader": true, "owner": true, "vendor": true, "neighbour": true,
	"neighbor": true, "businessman": true, "businesswoman": true, "journalist": true, "photographer": true,
	"protester": true, "demonstrator": true, "voter": true, "mother": true, "father": true,
}

var speakerNouns = map[string]bool{
	"media": true, "state": true, "news": true, "agency": true,
	"ministry": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official": true, "officials": true,
	"government": true, "television": true, "tv": true, "broadcaster": true,
	"statement": true, "source": true, "sources": true, "diplomats": true,
	"analysts": true, "aides": true, "aide": true, "embassy": true,
	"foreign": true, "defence": true, "defense": true, "leader": true,
	"president": true, "minister": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "premier": true, "chancellor": true, "secretary": true,
	"union": true, "company": true, "police": true, "army": true,
	"military": true, "court": true, "commission": true, "committee": true,
	"council": true, "party": true, "authorities": true, "regulator": true,
	"board": true, "opposition": true, "prosecutors": true,
	"operator": true, "airline": true, "railway": true, "firm": true,
	"bank": true, "hospital": true, "university": true, "investigators": true,
	"observers": true, "rescuers": true, "witnesses": true, "survivors": true,
	"residents": true, "passengers": true,
}

// institutions are the speaker nouns that name a body able to speak as
// one, so that "the union said" or "state media said" has a speaker
// although it is written in lower case; "the spokesman said" names
// nobody in particular.
var institutions = map[string]bool{
	"media": true, "union": true, "company": true, "government": true,
	"ministry": true, "police": true, "army": true, "military": true,
	"court": true, "commission": true, "committee": true, "council": true,
	"party": true, "embassy": true, "agency": true, "broadcaster": true,
	"regulator": true, "board": true, "opposition": true, "operator": true,
	"airline": true, "railway": true, "firm": true, "bank": true,
	"hospital": true, "university": true,
}

// adverbs may stand between a speaker and the verb: "Putin later said".
var adverbs = map[string]bool{
	"also": true, "later": true, "then": true, "again": true, "once": true,
	"previously": true, "reportedly": true, "repeatedly": true,
	"publicly": true, "separately": true, "has": true, "had": true,
	"have": true, "was": true, "is": true, "would": true, "will": true,
	"earlier": true, "himself": true, "herself": true,
}

type word struct {
	text        string
	lower       string
	start       int
	capital     bool
	breakBefore bool // punctuation between this word and the previous
}

func words(s string) []word {
	var ws []word
	brk := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '&' && i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' && len(ws) > 0 && ws[len(ws)-1].capital {
			// "Draven & Holt said": the ampersand is a word of the name
			ws = append(ws, word{text: "&", lower: "&", start: i, capital: true, breakBefore: brk})
			brk = false
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			// An apostrophe ending a word ("the steelworkers' union")
			// is part of the phrase, not punctuation.
			if !unicode.IsSpace(r) && r != '\'' && r != '’' {
				brk = true
			}
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		t := s[i:j]
		lw := strings.ToLower(t)
		if j < len(s) && s[j] == '.' && nameAbbrev(t) {
			// "Mr. Reeves", "Robert M. Danin": the dot ends an
			// abbreviation, not the phrase.
			j++
			t = s[i:j]
		}
		ws = append(ws, word{text: t, lower: lw, start: i, capital: unicode.IsUpper(r), breakBefore: brk})
		brk = false
		i = j
	}
	return ws
}

// nameAbbrevs are the abbreviations that stand inside a name or before
// one, so that their full stop does not end the name.
var nameAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "rev": true, "st": true, "jr": true, "sr": true, "pres": true,
}

// nameAbbrev reports whether w, followed by a full stop, abbreviates a
// title or is an initial ("M." in "Robert M. Danin").
func nameAbbrev(w string) bool {
	if nameAbbrevs[strings.ToLower(w)] {
		return true
	}
	// "M", or initials written together: "K.P" in "K.P. Sharma Oli".
	for i, part := range strings.Split(w, ".") {
		r, n := utf8.DecodeRuneInString(part)
		if n != len(part) || !unicode.IsUpper(r) || i > 3 {
			return false
		}
	}
	return true
}

// attributor resolves speakers; it remembers the people named in the
// article and the last named speaker, for pronouns.
type attributor struct {
	sentences []string
	people    []string   // the persons the article names
	names     []string   // untyped names that read as persons' (plainName)
	bodies    []string   // organisations and other names of several words
	peopleW   [][]string // SpeakerWords of people
	namesW    [][]string // SpeakerWords of names
	last      string     // last named speaker
	lastAt    int        // the sentence where last was heard
	subject   string     // last person named as a sentence's subject
	subjectAt int
	org       string // last speaker that is not a person, for "it"
}

func newAttributor(sentences []string) *attributor {
	a := &attributor{sentences: sentences, lastAt: -1, subjectAt: -1}
	for _, e := range entity.Extract(sentences) {
		switch {
		case e.Type == "person":
			a.people = append(a.people, e.Name)
		case e.Type == "other" && plainName(e.Name):
			a.names = append(a.names, e.Name)
		}
		if e.Type == "organisation" || e.Type == "other" && len(strings.Fields(e.Name)) > 1 {
			a.bodies = append(a.bodies, e.Name)
		}
	}
	for _, p := range a.people {
		a.peopleW = append(a.peopleW, speakerWords(p))
	}
	for _, p := range a.names {
		a.namesW = append(a.namesW, speakerWords(p))
	}
	return a
}

// heard records a quote's speaker for later pronouns.
func (a *attributor) heard(name string, si int) {
	if isPronoun(strings.ToLower(name)) {
		return
	}
	a.last, a.lastAt = name, si
	if !a.isPerson(name) {
		a.org = name
	}
}

// plainName reports whether an untyped name reads as a person's: two or
// three capitalised words, none in capitals throughout ("Fiona Parry").
func plainName(name string) bool {
	var fs []string
	for k, f := range strings.Fields(name) {
		if k == 0 || !entity.InName(f) {
			fs = append(fs, f) // "Ramon dela Paz" is a plain name of two
		}
	}
	if len(fs) < 2 || len(fs) > 3 {
		return false
	}
	for _, f := range fs {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) || strings.ToUpper(f) == f {
			return false
		}
	}
	return true
}

// subjectWords is how far into a sentence its subject may start: "Earlier
// Saturday, Yoon apologized".
const subjectWords = 4

// isPerson reports whether name is, or is part of, a person the article
// names.
func (a *attributor) isPerson(name string) bool {
	w := speakerWords(name)
	for _, p := range a.peopleW {
		if SameSpeakerWords(w, p) {
			return true
		}
	}
	return false
}

// maybePerson is isPerson that also accepts an untyped name that reads as
// a person's; it serves where a wrong guess costs little, such as the
// subject of a sentence without a quotation.
func (a *attributor) maybePerson(name string) bool {
	if a.isPerson(name) {
		return true
	}
	w := speakerWords(name)
	for _, p := range a.namesW {
		if SameSpeakerWords(w, p) {
			return true
		}
	}
	return false
}

// observe records the last named subject of a speech verb in sentence i,
// quoted or not: "Kim emphasised ... . He said ..." resolves to Kim.
func (a *attributor) observe(i int) {
	ws := words(a.sentences[i])
	// Words inside a quotation are not the sentence's subject.
	quoted := strings.IndexAny(a.sentences[i], "\"“”«") == 0
	if p, at := a.firstPersonAt(ws, len(ws), a.maybePerson); p != "" && at < subjectWords && !quoted {
		a.subject, a.subjectAt = p, i
	}
	for v := len(ws) - 1; v >= 0; v-- {
		if !isVerb(ws[v]) {
			continue
		}
		if name := subjectBefore(ws, v); name != "" && !isPronoun(strings.ToLower(name)) {
			a.heard(name, i)
			return
		}
	}
}

// firstPerson returns the first person the article names among ws[:end],
// as written there ("Yoon", "Lee Jae-myung"), or "".
func (a *attributor) firstPerson(ws []word, end int) string {
	p, _ := a.firstPersonAt(ws, end, a.isPerson)
	return p
}

// firstPersonAt is firstPerson with the index of the name's first word
// and a choice of test for a person.
func (a *attributor) firstPersonAt(ws []word, end int, person func(string) bool) (string, int) {
	for i := 0; i < end; i++ {
		if !ws[i].capital {
			continue
		}
		j := i
		for j < end && ws[j].capital && (j == i || !ws[j].breakBefore) {
			j++
		}
		if roleThenName(ws, j, end) {
			i = j - 1 // "Tarsa Securities analyst Ines Vold": the firm, then the person
			continue
		}
		parts := make([]string, 0, j-i)
		for _, w := range ws[i:j] {
			parts = append(parts, w.text)
		}
		if cand := entity.BareName(strings.Join(parts, " ")); person(cand) {
			return cand, i
		}
		i = j - 1
	}
	return "", -1
}

// roleThenName reports whether lower-case role nouns start at ws[j] and
// a capitalised word follows them in the same phrase, before end: the
// capitalised words before them name whom the person works for.
func roleThenName(ws []word, j, end int) bool {
	k := j
	for k < end && k-j < 3 && roleNouns[ws[k].lower] && !ws[k].capital && !ws[k].breakBefore {
		k++
	}
	return k > j && k < end && ws[k].capital && !ws[k].breakBefore
}

func isPronoun(w string) bool { return w == "he" || w == "she" }

// pronounLike reports whether name is a pronoun the attributor resolves
// or deliberately leaves unresolved.
func pronounLike(name string) bool {
	switch strings.ToLower(name) {
	case "he", "she", "it", "they", "we", "i":
		return true
	}
	return false
}

// speaker attributes the quote at offset open of sentence si, given the
// text before it (back to any earlier quote) and after it (up to the
// next). A medium the words are credited through ("Russian news agencies
// said") is returned as the source, and the speaker is then looked for
// before the quote alone. long is set for a quotation of callWords
// words or more, which "called for" may credit.
// headOf lists, for a description of a leader's office, the title words
// of its holder ("Prime Minister Anton Keller" is the head of
// government, and the premier).
var headOf = map[string][]string{
	"head of government": {"prime", "premier", "chancellor"},
	"premier":            {"premier", "prime"},
	"prime minister":     {"prime", "premier"},
	"head of state":      {"president", "king", "queen", "monarch"},
}

// officeHolder returns the one person the article up to sentence si
// gives the first of the titles ws that it gives anyone ("premier",
// then "prime" for "the premier"), or "" when it gives that title to
// two people or to no one. A title written before a name counts though
// the holders do not read the name as the title's ("met Prime Minister
// Lena Varga"): two names after it make the office ambiguous, and a
// word that names no person ("Premier League") names no holder.
func (a *attributor) officeHolder(ws []string, si int) string {
	people := append(append([]string(nil), a.people...), a.names...)
	for _, w := range ws {
		hs := a.holders(w, si)
		// who the words written right after the title name: a person
		// named in full elsewhere ("Prime Minister Keller" is Anton
		// Keller), or a word that names no one ("Premier League")
		named := make(map[string]bool)
		for word := range a.titledNames(w, si) {
			who := word
			for _, p := range people {
				if fs := strings.Fields(p); len(fs) >= 2 && slices.Contains(fs, word) {
					who = p
					break
				}
			}
			named[who] = true
		}
		switch {
		case len(hs) == 0 && len(named) == 0:
			continue
		case len(hs) > 1 || len(named) > 1:
			return "" // two holders
		case len(named) == 1:
			for who := range named {
				if slices.Contains(people, who) {
					return who
				}
			}
			return ""
		}
		return hs[0]
	}
	return ""
}

// titleWords spell the title words of headOf as news writes them before
// a name.
var titleWords = map[string]string{
	"prime": "Prime Minister", "premier": "Premier", "chancellor": "Chancellor",
	"president": "President", "king": "King", "queen": "Queen", "monarch": "Monarch",
}

// titledNames returns the different capitalised words written right
// after title word w ("Prime Minister Anton", "Prime Minister Lena") in
// the sentences up to si.
func (a *attributor) titledNames(w string, si int) map[string]bool {
	phrase := titleWords[w]
	if phrase == "" {
		return nil
	}
	seen := make(map[string]bool)
	for _, s := range a.sentences[:si+1] {
		for rest := s; ; {
			i := strings.Index(rest, phrase+" ")
			if i < 0 {
				break
			}
			rest = rest[i+len(phrase)+1:]
			if f := strings.Fields(rest); len(f) > 0 && unicode.IsUpper([]rune(f[0])[0]) {
				seen[strings.Trim(f[0], ".,;:'’\"")] = true
			}
		}
	}
	return seen
}

func (a *attributor) speaker(si int, before, after string, open int, long bool) (speaker, source string) {
	if src, title := quotedTitle(before); title != "" {
		// "Xinhua quoted the ambassador as saying": the words are the
		// ambassador's, passed on by Xinhua.
		return a.titled(title, si), src
	}
	if m := passiveQuoted.FindStringSubmatch(before); m != nil {
		// "Putin was quoted by TASS as saying": the subject speaks,
		// the agency passes the words on.
		before, source = m[1]+" said", m[2]
		after = ""
	}
	name := a.attribution(before, after, long)
	if isMedium(name) {
		source = name
		if name = a.attribution(before, "", long); isMedium(name) {
			name = ""
		}
	}
	switch {
	case isPronoun(strings.ToLower(name)):
		return a.resolve(si, open), source
	case strings.EqualFold(name, "it"):
		return a.org, source
	case strings.EqualFold(name, "they") || strings.EqualFold(name, "we") || name == "I":
		return "", source
	}
	if w := strings.ToLower(name); !strings.Contains(w, " ") && (roleNouns[w] || officeTitles[w]) && !institutions[w] && !strings.Contains(after+" "+before, name+" of ") {
		// `"...," the Minister said`, as state media write a title
		// alone: the person the article gave it, when only one holds
		// it ("the President of the Chamber of Commerce" is another).
		if p := a.titled(w, si); p != "" && a.soleHolder(w, si) {
			name = p
		}
	}
	if m := nationalTitle.FindStringSubmatch(name); m != nil {
		// "the Russian leader said": the one person the article gives a
		// Russian title ("Russian President Vladimir Putin").
		if p := a.nationalHolder(strings.ToLower(m[1]), strings.ToLower(m[2]), si); p != "" {
			name = p
		}
	}
	if ws := headOf[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))]; ws != nil {
		// "the head of government said": the one person the article
		// titles prime minister, premier or chancellor
		name = a.officeHolder(ws, si) // a leader's office the article gives no one names nobody
	}
	if lowerTitle(name) {
		// `"...!" the former senator shouted`: the person the article
		// gave that title; "a local resident" stays one when it gave
		// no one that title.
		fs := strings.Fields(name)
		if p := a.titled(fs[len(fs)-1], si); p != "" {
			name = p
		}
	}
	if name == "" {
		name = a.participleSubject(words(before))
	}
	if name == "" {
		// "The minister promised ...": the person the article gave
		// that title.
		if t := titleSubject(before, after); headOf[t] != nil {
			name = a.officeHolder(headOf[t], si)
		} else if t != "" {
			name = a.titled(t, si)
		}
	}
	if !plausibleName(name) || isMedium(name) {
		return "", source
	}
	return a.body(name), source
}

// nationalTitle matches a title given by a country's adjective alone:
// "Russian leader", "North Korean leader", "Lestovian president".
var nationalTitle = regexp.MustCompile(`^((?:\p{Lu}\p{Ll}+ ){0,1}\p{Lu}\p{Ll}+(?:an|ese|ish|i)) (leader|president|premier|prime minister|chancellor|king|queen|monarch)$`)

// officeTitles name an office a person holds, besides roleNouns.
var officeTitles = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "secretary": true,
	"leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
}

// colonName matches a sentence that opens with a name and a colon
// before its quotation, as captions and live reports write.
var colonName = regexp.MustCompile(`^\W*((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’.-]+)\s*:\s*$`)

// pageLabels open a line with a colon and are no speakers.
var pageLabels = map[string]bool{
	"breaking": true, "update": true, "updated": true, "exclusive": true, "analysis": true, "opinion": true,
	"comment": true, "live": true, "watch": true, "read": true, "video": true, "photo": true, "photos": true,
	"editorial": true, "correction": true, "note": true, "explainer": true, "factbox": true, "timeline": true,
	"statement": true, "translation": true, "headline": true, "source": true, "sources": true, "in brief": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"quote": true, "quotes": true, "caption": true, "listen": true, "related": true, "more": true,
}

// passiveQuoted matches "SPEAKER was quoted by SOURCE as saying" at the
// end of the text before a quote: the speaker's words, and the source.
var passiveQuoted = regexp.MustCompile(`^(.*?)\s+(?:was|were|is|has been|had been) (?:quoted|cited) by ((?:[\w'’.-]+ ){0,4}?[\w'’.-]+) as (?:saying|telling [\w ]+)(?: that [^"“”]*)?\W*$`)

// quotedAs matches "SOURCE quoted the TITLE as saying" (or "cited") at
// the end of the text before a quote, with the title in lower case.
var quotedAs = regexp.MustCompile(`(?:^|[.;,] |^\W*)((?:[A-Z][\w'’.-]*|news|state|media|agencies|agency|the|[a-z]+ media) (?:[\w'’.-]+ ){0,4}?)(?:quoted|cited) (?:the|a|an) ((?:[a-z-]+ ){0,3}[a-z-]+) as (?:saying|telling [\w ]+)\W*$`)

// quotedTitle returns the source and the title of "Xinhua quoted the
// ambassador as saying", or "" when before does not end so.
func quotedTitle(before string) (source, title string) {
	m := quotedAs.FindStringSubmatch(before)
	if m == nil {
		return "", ""
	}
	ws := strings.Fields(m[2])
	return strings.TrimSpace(m[1]), ws[len(ws)-1]
}

// body names a lower-case institution ("the union said") by the
// organisation of the article it refers to, the first one whose name
// holds the noun ("Danubia Steelworkers' Union"); other names are
// returned as they are.
func (a *attributor) body(name string) string {
	fs := strings.Fields(name)
	if len(fs) == 2 && institutions[fs[1]] && !strings.ContainsAny(fs[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		// "the interior ministry said": the Ministry of the Interior
		// the article names, when one holds both words.
		for _, b := range a.bodies {
			lb := strings.ToLower(b)
			if strings.Contains(lb, fs[1]) && strings.Contains(lb, fs[0]) {
				return b
			}
		}
		return name
	}
	if len(fs) != 1 || !institutions[fs[0]] {
		return name
	}
	for _, b := range a.bodies {
		for _, w := range strings.Fields(strings.ToLower(b)) {
			if w == fs[0] {
				return b
			}
		}
	}
	if b := a.describedBody(fs[0]); b != "" {
		return b
	}
	return name
}

// describedBody returns the one body the article describes with noun
// ("construction firm Vantek Construct", "Electrobel, the state power
// company,"), "company" and "firm" standing for each other, or "" when
// it describes none or several so.
func (a *attributor) describedBody(noun string) string {
	alike := func(w string) bool { return w == noun || companyNouns[w] && companyNouns[noun] }
	found := ""
	for _, b := range a.bodies {
		for _, s := range a.sentences {
			i := strings.Index(s, b)
			if i < 0 {
				continue
			}
			before := strings.Fields(strings.ToLower(s[:i]))
			after := strings.TrimPrefix(s[i+len(b):], ",")
			described := len(before) > 0 && alike(before[len(before)-1])
			if f := strings.Fields(strings.ToLower(after)); !described && len(f) >= 2 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
				for _, w := range f[1:min(len(f), 6)] {
					if w = strings.TrimRight(w, ",."); alike(w) {
						described = true
					}
					if strings.HasSuffix(w, ",") {
						break
					}
				}
			}
			if described {
				if found != "" && found != b {
					return ""
				}
				found = b
			}
		}
	}
	return found
}

// companyNouns name one kind of body in either word.
var companyNouns = map[string]bool{"company": true, "firm": true}

// mediaWords mark a phrase as a medium that passes words on rather than
// a speaker: "Russian news agencies", "local media", "state television".
var mediaWords = []string{"news agenc", "media", "newspaper", "reports", "reported", "broadcaster", "television", "reporters"}

// isMedium reports whether an attribution names a medium.
func isMedium(name string) bool {
	if name == "" {
		return false
	}
	l := strings.ToLower(name)
	for _, w := range mediaWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// IsInstitution reports whether a speaker written in lower case names a
// body that speaks as one ("union", "the ministry", "state media")
// rather than a misread stretch of the sentence.
func IsInstitution(name string) bool {
	fs := strings.Fields(strings.ToLower(name))
	return len(fs) > 0 && institutions[fs[len(fs)-1]]
}

// notInNames are lower-case words that a speaker's name or title never
// holds: a phrase with one of them is a stretch of the sentence that the
// rules misread as a subject ("the strongest treaty" between the two
// countries and stressed ...), and naming nobody beats naming it.
var notInNames = map[string]bool{
	"and": true, "between": true, "that": true, "with": true, "to": true,
	"in": true, "on": true, "at": true, "by": true, "from": true, "than": true,
	"as": true, "who": true, "which": true, "was": true, "were": true,
	"is": true, "are": true, "has": true, "have": true, "had": true,
	"it": true, "this": true, "these": true, "those": true, "what": true,
}

// plausibleName reports whether a speaker phrase can be a name, a title
// with a name, a pronoun or an institution.
func plausibleName(name string) bool {
	for _, w := range strings.Fields(name) {
		if notInNames[w] {
			return false
		}
	}
	return true
}

// appositiveName reads a description in lower case from ws[i] and the
// name set beside it after a comma: "the president of the conference,
// Anar Veli", "the head of the union, Vesna Holmar". The name must end
// the clause.
func appositiveName(ws []word, i int) string {
	for k := i; k < len(ws) && k-i < 8; k++ {
		if ws[k].breakBefore {
			if k == i || !ws[k].capital || placeNouns[ws[k-1].lower] ||
				!slices.ContainsFunc(ws[i:k], func(w word) bool { return roleNouns[w.lower] || speakerNouns[w.lower] }) {
				return "" // "a farmer in the worst-hit district, Kessel": a place
			}
			e := k + 1
			for e < len(ws) && ws[e].capital && !ws[e].breakBefore {
				e++
			}
			if e < len(ws) && !ws[e].breakBefore || e-k > 4 {
				return "" // the name runs on into a clause
			}
			return cleanName(ws[k:e])
		}
		if ws[k].capital && k > i || isVerb(ws[k]) {
			return ""
		}
	}
	return ""
}

// placeNouns, before a comma and a name, make the name a place's.
var placeNouns = map[string]bool{
	"district": true, "capital": true, "city": true, "town": true, "region": true, "province": true,
	"country": true, "village": true, "area": true, "county": true, "state": true, "port": true,
}

// lowerTitle reports whether name is a title in lower case and no name
// ("former senator", "transport minister").
func lowerTitle(name string) bool {
	fs := strings.Fields(name)
	if len(fs) == 0 || !roleNouns[fs[len(fs)-1]] || institutions[fs[len(fs)-1]] {
		return false
	}
	for _, f := range fs {
		if r, _ := utf8.DecodeRuneInString(f); !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// relatives open a relative clause, whose verb belongs to the noun before
// them.
var relatives = map[string]bool{"that": true, "which": true, "who": true, "whose": true, "where": true, "when": true}

// participleSubject reads `Yoon apologized in an address, saying "..."`:
// the speaker of a participle is the first person named in the clause.
func (a *attributor) participleSubject(bw []word) string {
	for v := len(bw) - 1; v >= 0; v-- {
		if !participles[bw[v].lower] && !isVerb(bw[v]) {
			continue
		}
		// "an article that claimed ...": the verb's subject is the
		// relative pronoun's noun, not the sentence's subject.
		if v > 0 && relatives[bw[v-1].lower] {
			return ""
		}
		return a.firstPerson(bw, v)
	}
	return ""
}

// attribution returns the name the words around a quotation credit it
// to; long as for speaker.
func (a *attributor) attribution(before, after string, long bool) string {
	aw := words(after)
	// Tight attribution right after the quote.
	// A phrase that cannot be a name ("between the two nations and
	// said") is no attribution: look for one before the quote.
	if name := tightAfter(aw); name != "" && (plausibleName(name) || pronounLike(name)) {
		return name
	}
	if m := colonName.FindStringSubmatch(before); m != nil && plausibleName(m[1]) && !pageLabels[strings.ToLower(m[1])] &&
		strings.ToUpper(m[1]) != m[1] && !slices.ContainsFunc(aw[:min(len(aw), 4)], isVerb) {
		return m[1] // `Holmar: "We will strike again."`, not `NEW DELHI: "...," the minister said`
	}
	bw := words(before)
	for v := len(bw) - 1; v >= 0; v-- {
		if bw[v].lower == "according" && v+1 < len(bw) && bw[v+1].lower == "to" {
			if name := phraseAfter(bw, v+2); name != "" {
				return name
			}
		}
		if isVerb(bw[v]) && (!callFor(bw, v) || long) {
			if bw[v].lower == "reported" || bw[v].lower == "quoted" || bw[v].lower == "cited" {
				if v+1 < len(bw) && bw[v+1].lower == "by" {
					if name := phraseAfter(bw, v+2); name != "" {
						return name
					}
				}
				// "Russian news agencies quoted Putin as saying": the
				// speaker is the object; the subject passes the words on.
				if v+1 < len(bw) && bw[v+1].capital && bw[v].lower != "reported" {
					if name := phraseAfter(bw, v+1); name != "" {
						return name
					}
				}
			}
			if name := subjectBefore(bw, v); name != "" {
				return name
			}
			// `said Putin: "..."`: the name must run up to the quote,
			// or it is the object of the verb ("claimed Trump relied on
			// lies ... a "post-truth" society").
			if name := phraseAfter(bw, v+1); name != "" && bw[v+1].capital && len(bw)-v-1-len(strings.Fields(name)) <= 2 {
				return name
			}
		}
	}
	for v := range aw {
		if aw[v].lower == "according" && v+1 < len(aw) && aw[v+1].lower == "to" {
			return phraseAfter(aw, v+2)
		}
		if isVerb(aw[v]) {
			if v+1 < len(aw) && aw[v+1].lower == "by" {
				return phraseAfter(aw, v+2)
			}
			if name := subjectBefore(aw, v); name != "" {
				return name
			}
		}
	}
	return ""
}

// tightAfter reads `, Putin said`, `, said Putin`, `, he added` and
// `, according to TASS` at the start of the text after a quote.
func tightAfter(ws []word) string {
	limit := min(len(ws), 8)
	for v := 0; v < limit; v++ {
		if v > 0 && ws[v].breakBefore {
			break
		}
		w := ws[v].lower
		if w == "according" && v+1 < len(ws) && ws[v+1].lower == "to" {
			return phraseAfter(ws, v+2)
		}
		if !isVerb(ws[v]) {
			continue
		}
		if v == 0 {
			if name := phraseAfter(ws, 1); name != "" {
				return name
			}
			return appositiveName(ws, 1) // `"...," said the head of the union, Vesna Holmar`
		}
		if v == 1 && (ws[0].lower == "it" || ws[0].lower == "they" || ws[0].lower == "we") {
			return ws[0].text
		}
		return cleanName(ws[:v])
	}
	// `, her mother, Fiona, said`: the name between the commas.
	for v := 1; v < limit; v++ {
		if isVerb(ws[v]) && ws[v].breakBefore {
			for k := v - 1; k >= 0 && ws[k].capital; k-- {
				if ws[k].breakBefore || k == 0 {
					return cleanName(ws[k:v])
				}
			}
			return ""
		}
	}
	return ""
}

// subjectBefore returns the speaker written before the verb at v: the run
// of capitalised words, titles and speaker nouns ending there, skipping
// adverbs and a parenthetical between commas ("Kim, the leader, said").
func subjectBefore(ws []word, v int) string {
	end := v
	for end > 0 && adverbs[ws[end-1].lower] && !ws[end].breakBefore {
		end--
	}
	// "Costa on Monday declared": the day says when, not who.
	if end > 1 && weekdays[ws[end-1].lower] && !ws[end].breakBefore && (ws[end-2].lower == "on" || ws[end-2].lower == "late" || ws[end-2].lower == "early") {
		end -= 2
		if end > 0 && ws[end].lower == "on" && (ws[end-1].lower == "late" || ws[end-1].lower == "early") {
			end--
		}
	} else if end > 0 && (weekdays[ws[end-1].lower] || ws[end-1].lower == "yesterday" || ws[end-1].lower == "today") && !ws[end].breakBefore {
		end--
	}
	if end == 0 {
		return ""
	}
	if end == 0 {
		return ""
	}
	if ws[end].breakBefore {
		// Skip back over ", the North Korean leader," to the name; or
		// take the name set off by the commas: "The leader of the
		// party, Rachid Ghannouchi, condemned".
		// "Dorj, 52, a former minister, said": past every
		// parenthetical that names nobody.
		seg := end
		for k := end - 1; k > 0 && k > end-12; k-- {
			if !ws[k].breakBefore {
				continue
			}
			if allCapital(ws[k:seg]) && seg-k <= 4 {
				return cleanName(ws[k:seg])
			}
			name := nameEndingAt(ws, k)
			if name != "" && fromSegment(ws, k) {
				seg = k // "Lena Sorvik, of the University of Tarsa, who led": where she is from
				continue
			}
			if name != "" || !parenthetical(ws[k:seg]) {
				return name
			}
			seg = k
		}
		return ""
	}
	return nameEndingAt(ws, end)
}

// weekdays name the day a thing was said, never who said it.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// fromSegment reports whether the words between commas that end before
// ws[k] open with "of", "from" or "at": they say where the person
// before them is from.
func fromSegment(ws []word, k int) bool {
	j := k - 1
	for j > 0 && !ws[j].breakBefore {
		j--
	}
	if j == 0 {
		return false
	}
	switch ws[j].lower {
	case "of", "from", "at":
		return true
	}
	return false
}

// parenthetical reports whether ws, set off by commas, describes rather
// than names: an age, or lower-case words opening with an article.
func parenthetical(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	if c := ws[0].lower[0]; c >= '0' && c <= '9' {
		return len(ws) == 1
	}
	return isArticle(ws[0]) && !ws[0].capital
}

// allCapital reports whether every word of ws is capitalised.
func allCapital(ws []word) bool {
	for _, w := range ws {
		if !w.capital {
			return false
		}
	}
	return len(ws) > 0
}

// nameEndingAt returns the speaker phrase that ends just before word end.
func nameEndingAt(ws []word, end int) string {
	last := ws[end-1]
	if isPronoun(last.lower) {
		return last.text
	}
	if !last.capital && !speakerNouns[last.lower] {
		return ""
	}
	start := end - 1
	for start > 0 && !ws[start].breakBefore {
		p := ws[start-1]
		ofThe := p.lower == "the" && start > 1 && ws[start-2].lower == "of" && !ws[start-1].breakBefore // "Liv Sandgren of the Marren Disease Association"
		if p.capital && !isPronoun(p.lower) || speakerNouns[p.lower] || p.lower == "of" || ofThe || portfolioAnd(ws, start-1) {
			start--
			continue
		}
		break
	}
	if start == end-1 && start > 0 && !ws[start].breakBefore && (last.lower == "ministry" || last.lower == "department") {
		// "the interior ministry said": the portfolio names the ministry.
		if p := ws[start-1]; !p.capital && !textwords.IsStopword(p.lower) && !isVerb(p) && !strings.HasSuffix(p.lower, "ly") {
			start--
		}
	}
	return cleanName(ws[start:end])
}

// portfolioAnd reports whether word i joins two portfolios of a title:
// the "and" of "Minister of Transport and Infrastructure Tomas Brenner",
// not of "the Ministry of Health and UNICEF".
func portfolioAnd(ws []word, i int) bool {
	return (ws[i].lower == "and" || ws[i].lower == "&") && i > 0 && i+1 < len(ws) &&
		ws[i-1].capital && entity.Portfolio(ws[i-1].lower) && ws[i+1].capital && entity.Portfolio(ws[i+1].lower) && !ws[i].breakBefore
}

// phraseAfter returns the name starting at word i, up to punctuation or a
// lower-case word that cannot be part of it.
func phraseAfter(ws []word, i int) string {
	if i >= len(ws) {
		return ""
	}
	if isPronoun(ws[i].lower) {
		return ws[i].text
	}
	if body := bodyOfRole(ws, i); body != "" {
		return body
	}
	// "said chief inspector Jennifer Mattinson": lower-case descriptors
	// before the name.
	for k := i; k < len(ws) && k < i+3 && !ws[k].capital && !notInNames[ws[k].lower] && (k == i || !ws[k].breakBefore); k++ {
		if k+1 < len(ws) && ws[k+1].capital && !ws[k+1].breakBefore && ws[k].lower != "the" {
			i = k + 1
			break
		}
	}
	end := i
	for end < len(ws) && (end == i || !ws[end].breakBefore) {
		w := ws[end]
		if w.capital || speakerNouns[w.lower] || w.lower == "the" && end == i || w.lower == "of" || portfolioAnd(ws, end) {
			end++
			continue
		}
		// "local media", "foreign diplomats": a modifier of a speaker
		// noun.
		if end+1 < len(ws) && speakerNouns[ws[end+1].lower] && !ws[end+1].breakBefore && !notInNames[w.lower] && !isVerb(w) {
			end++
			continue
		}
		break
	}
	if end > i && end < len(ws) && !ws[end].breakBefore {
		// "said EU foreign policy chief Karin Vos": more descriptors, then
		// the name in two capitalised words or more.
		k := end
		for k < len(ws) && k < end+3 && !ws[k].capital && !ws[k].breakBefore && !notInNames[ws[k].lower] && !isVerb(ws[k]) && !textwords.IsStopword(ws[k].lower) {
			k++
		}
		j := k
		for j < len(ws) && ws[j].capital && (j == k || !ws[j].breakBefore) {
			j++
		}
		if k > end && j-k >= 2 {
			end = j
		}
	}
	return cleanName(ws[i:end])
}

// cleanName joins the words of a speaker phrase and removes articles and
// titles.
// personBeforeOf reports whether ws, the words before "of" in a
// speaker's phrase, name a person: two or three capitalised words, none
// a body's ("Central Bank of Ireland"), a state's ("Democratic Republic
// of Congo") nor a title.
func personBeforeOf(ws []word) bool {
	for _, w := range ws {
		if !w.capital || institutions[w.lower] || statesBeforeOf[w.lower] || roleNouns[w.lower] || officeTitles[w.lower] || speakerNouns[w.lower] {
			return false
		}
	}
	return true
}

// statesBeforeOf are words of a state's name written before "of".
var statesBeforeOf = map[string]bool{"republic": true, "kingdom": true, "federation": true, "state": true, "states": true, "islands": true, "emirates": true, "city": true}

// postNominals are the letters written after a name for an office, an
// honour or a degree: "Callum Reeve KC", "Ines Marr MP".
var postNominals = map[string]bool{
	"KC": true, "QC": true, "SC": true, "MP": true, "MEP": true, "MSP": true, "OBE": true, "MBE": true, "CBE": true,
	"KBE": true, "DBE": true, "Jr": true, "Sr": true, "PhD": true, "MD": true, "Esq": true,
}

func cleanName(ws []word) string {
	for len(ws) > 0 && (ws[0].lower == "the" || ws[0].lower == "a" || ws[0].lower == "an") {
		ws = ws[1:]
	}
	for len(ws) > 0 && ws[len(ws)-1].lower == "of" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	if len(ws) == 1 && isPronoun(ws[0].lower) {
		return ws[0].text
	}
	for len(ws) >= 3 && postNominals[strings.TrimSuffix(ws[len(ws)-1].text, ".")] && ws[len(ws)-2].capital {
		ws = ws[:len(ws)-1] // "Callum Reeve KC": the letters after a name are no part of it
	}
	// "Farmer Teo Brandis said", the descriptor capitalised as the
	// sentence's first word: the name is the two or more words after it.
	if len(ws) >= 3 && personDescriptors[ws[0].lower] && ws[1].capital && ws[2].capital {
		ws = ws[1:]
	}
	// "Seoul resident Margie Kim": the name is the capitalised run that
	// ends the phrase.
	if ws[len(ws)-1].capital {
		for k := len(ws) - 2; k >= 0; k-- {
			if !ws[k].capital && ws[k].lower != "of" && !(ws[k].lower == "the" && k > 0 && ws[k-1].lower == "of") && !speakerNouns[ws[k].lower] && !portfolioAnd(ws, k) {
				ws = ws[k+1:]
				break
			}
		}
	}
	capital := false
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
		capital = capital || w.capital
	}
	if i := slices.IndexFunc(ws, func(w word) bool { return w.lower == "of" }); i >= 2 && i <= 3 && personBeforeOf(ws[:i]) {
		parts = parts[:i] // "Tomas Bellweather of the National Renewal Union said": the person, not the body
	}
	name := entity.BareName(strings.Join(parts, " "))
	if len(strings.Fields(name)) > 6 {
		return "" // a title's holder is named in fewer words
	}
	// A lone title or generic noun ("the spokesman") names nobody in
	// particular unless it is an institution such as "state media".
	if !capital && len(ws) == 1 && !strings.HasSuffix(ws[0].lower, "s") && !institutions[ws[0].lower] && headOf[ws[0].lower] == nil {
		return ""
	}
	return name
}

// resolve finds who "he" or "she" at offset off of sentence si refers to:
// the first person named earlier in the sentence, else the person named
// most recently as a speaker or as a sentence's subject (the speaker when
// both are of one sentence).
func (a *attributor) resolve(si, off int) string {
	ws := words(a.sentences[si][:off])
	if p := a.firstPerson(ws, len(ws)); p != "" {
		return p
	}
	if a.subject != "" && a.subjectAt > a.lastAt {
		return a.subject
	}
	if a.last == "" || !a.maybePerson(a.last) && a.subject != "" {
		return a.subject
	}
	return a.last
}

// continuation is how many body sentences may stand between a quotation
// and an unattributed one that goes on from it.
const continuation = 2

// near reports whether sentence s follows sentence prev with at most
// continuation non-empty sentences between them (an empty sentence is
// furniture the caller blanked out).
func (a *attributor) near(prev, s int) bool {
	if prev < 0 || prev >= s {
		return prev == s
	}
	n := 0
	for i := prev + 1; i < s; i++ {
		if strings.TrimSpace(a.sentences[i]) != "" {
			n++
		}
	}
	return n <= continuation
}

// callWords is the fewest words a quotation after "called for" or
// "called on" needs to be the caller's own words ("called for "an
// immediate and unconditional ceasefire""), not a label the writer
// quotes ("called for a "reset" of the rules").
const callWords = 3

// callFor reports whether the verb at v is "called for" or "called on",
// which ask for something rather than say it.
func callFor(ws []word, v int) bool {
	if !strings.HasPrefix(ws[v].lower, "call") || v+1 >= len(ws) {
		return false
	}
	n := ws[v+1].lower
	return n == "for" || n == "on" || n == "off"
}

// isVerb reports whether w is a speech verb as written: in lower case, so
// that "States" in "United States" is not "states".
func isVerb(w word) bool { return speechVerbs[w.lower] && !w.capital }

// bodyOfRole reads "a spokesman for the Home Ministry" from word i: a
// speaker named only by a role in a body speaks for that body.
func bodyOfRole(ws []word, i int) string {
	k := i
	if k < len(ws) && (ws[k].lower == "a" || ws[k].lower == "an" || ws[k].lower == "the") {
		k++
	}
	start := k
	for k < len(ws) && k-start < 3 && !ws[k].capital && !notInNames[ws[k].lower] && !prepositions[ws[k].lower] && (k == i || !ws[k].breakBefore) {
		k++
	}
	if k == start || k+1 >= len(ws) || !roleNouns[ws[k-1].lower] && !speakerNouns[ws[k-1].lower] || ws[k].breakBefore {
		return ""
	}
	if p := ws[k].lower; p != "for" && p != "of" && p != "at" {
		return ""
	}
	k++
	if k < len(ws) && ws[k].lower == "the" {
		k++
	}
	if k >= len(ws) || !ws[k].capital {
		return ""
	}
	return phraseAfter(ws, k)
}
