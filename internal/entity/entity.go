// Package entity finds the people, organisations and places named in an
// article, so that coverage of one event by several outlets can be compared
// by who and what each of them mentions.
//
// It is a heuristic recogniser, not a statistical model: a trained tagger
// (github.com/jdkato/prose/v2) took about 120 ms per 1,000-word article and
// still tagged "North Korea" as a person, while this package needs a few
// hundred microseconds. The rules:
//
//   - A name is a run of capitalised words. "of" (and "of the") joins words
//     inside a name when the word before it is a head such as Ministry,
//     Republic or Secretary, or a title; "on" joins them after Treaty,
//     Agreement and the like; "bin", "al", "de", "van" and "von" join
//     personal names. A plural possessive stays inside a name ("Workers'
//     Party of Korea"); a compound such as "Russian-made" before a name is
//     not part of it.
//   - The first word of a sentence (or of a quotation) is capitalised by
//     position, so it starts a name only when it is known: in the gazetteer,
//     or seen capitalised elsewhere in the article.
//   - A small embedded gazetteer gives countries, capitals and regions with
//     their aliases ("DPRK" is North Korea), adjectives of nationality
//     ("Russian" is a mention of Russia), organisation words (Ministry,
//     Agency, Kremlin, Council, Party, News ...) and place words (Sea,
//     Peninsula, Airport ...).
//   - Titles make a person: "President Vladimir Putin" and "leader Kim Jong
//     Un" are persons named "Vladimir Putin" and "Kim Jong Un"; so does a
//     speech verb after the name ("Peskov said"). After "Title of", the
//     holder's name follows the office: "Chairman of State Affairs Kim Jong
//     Un", "Secretary of State Antony Blinken"; with no name after it,
//     the office is not a person ("General Secretary of the Workers' Party
//     of Korea"). A place before a title is a mention of it ("DPRK
//     Chairman").
//   - A person seen in full absorbs the later (or earlier) short mentions by
//     last name, or by first name for East Asian surnames ("Kim"); a
//     surname's prefix does not count ("Bashir" shortens "Omar Hassan
//     al-Bashir"). Initials and abbreviated titles keep their full stop
//     inside the name ("Donald J. Trump", "Mr. Reeves").
//
// What is typed how:
//
//   - place: a gazetteer country, capital or region, or its alias or
//     adjective ("DPRK", "Russian"); a name with a place word ("Sea",
//     "Peninsula", "Airport").
//   - organisation: a gazetteer organisation; a name holding an
//     organisation word ("Ministry", "Agency", "Authority", "Center",
//     "Party", "News"), with "of", "for" and, inside a field, "and" kept in
//     it ("Center for Health and Human Rights"); a short all-capitals
//     word ("NATO"), except times, degrees and the like ("AM", "PhD").
//   - person: a name after a title ("President", "CEO"; "Facebook CEO Mark
//     Zuckerberg" is "Mark Zuckerberg") or a role word ("resident",
//     "inspector", "mother"); a name before a speech verb; a short form of
//     a full name seen elsewhere. A group noun ("Islamists", "Tunisians")
//     is never a person.
//   - other: any other capitalised run, such as a product, an event or a
//     name the rules cannot place.
//   - nothing: an office or organisation word standing alone ("the House",
//     "the Union"), a function or calendar word, a word capitalised only
//     because it opens the sentence (unless it opens a full name: "Fiona
//     Parry issued ..."). Credits and bylines are not entities because the
//     summariser gives Extract body sentences only (article.Kind).
//
// It imports only the standard library, so that the engines and compare
// can all use it.
package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entity is a named person, organisation or place and how often an
// article mentions it.
type Entity struct {
	// Name is the fullest form seen, with titles removed ("Vladimir
	// Putin"), or the gazetteer's canonical name ("North Korea" for
	// "DPRK" and "North Korean").
	Name string
	// Type is "person", "organisation", "place" or "other".
	Type string
	// Count is the number of mentions, short forms and aliases included.
	Count int
	// First is the 1-based number of the sentence that first mentions it.
	First int
}

type mention struct {
	name string
	typ  string
	sent int
	pos  int // global order of the mention
}

// Extract returns the entities named in sentences (sentence n is
// sentences[n-1]), in order of first appearance.
func Extract(sentences []string) []Entity {
	loadGazetteer()
	toks := make([][]token, len(sentences))
	known := map[string]bool{}
	for i, s := range sentences {
		toks[i] = tokenize(s)
		for j, t := range toks[i] {
			if t.capital && !t.initial && !stopwords[t.lower] && j > 0 {
				known[t.lower] = true
			}
		}
	}
	var ms []mention
	for i := range toks {
		ms = appendMentions(ms, toks[i], i+1, known)
	}
	return merge(ms)
}

// Occurs reports whether name, or one of its known aliases, appears in
// sentences. A person's name also matches its short form: the last word
// ("Putin" for "Vladimir Putin"), or the first for East Asian surnames
// ("Kim" for "Kim Jong Un"). Titles are ignored ("President Putin" is
// found as "Putin"), and so are case and hyphens ("Kim Jong-un").
func Occurs(sentences []string, name string) bool {
	loadGazetteer()
	words := strings.Fields(foldName(name))
	words = stripTitles(words)
	if len(words) == 0 {
		return false
	}
	full := strings.Join(words, " ")
	forms := map[string]bool{full: true}
	canon := ""
	if c, ok := places[full]; ok {
		canon = c
	} else if c, ok := demonyms[full]; ok {
		canon = c
	}
	if canon != "" {
		for alias, c := range places {
			if c == canon {
				forms[foldName(alias)] = true
			}
		}
		for adj, c := range demonyms {
			if c == canon {
				forms[adj] = true
			}
		}
	} else if c, ok := orgNames[full]; ok {
		forms[lower(c)] = true
	} else if len(words) >= 2 && looksPersonal(words) {
		forms[words[len(words)-1]] = true
		if asianSurnames[words[0]] {
			forms[words[0]] = true
		}
	}
	for _, s := range sentences {
		fs := foldName(s)
		for f := range forms {
			if containsWord(fs, f) {
				return true
			}
		}
	}
	return false
}

// looksPersonal reports whether a multi-word name could be a person's: no
// word of it marks an organisation or a place.
func looksPersonal(words []string) bool {
	for _, w := range words {
		if orgWords[w] || placeWords[w] || headWords[w] {
			return false
		}
	}
	return true
}

func stripTitles(words []string) []string {
	for len(words) > 1 && (titles[words[0]] || titleModifiers[words[0]]) {
		words = words[1:]
	}
	return words
}

// foldName lower-cases s and turns hyphens and curly apostrophes into the
// forms names are compared in.
func foldName(s string) string {
	s = strings.ToLower(s)
	return nameFolder.Replace(s)
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(w)
		if !isWordRuneBefore(s, k) && !isWordRuneAt(s, end) {
			return true
		}
		i = k + 1
	}
}

func isWordRuneBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func lower(s string) string { return strings.ToLower(s) }

// appendMentions finds the name sequences in one sentence.
func appendMentions(ms []mention, toks []token, sent int, known map[string]bool) []mention {
	for i := 0; i < len(toks); {
		if !toks[i].capital {
			i++
			continue
		}
		j := runEnd(toks, i)
		seq := trimFront(toks, toks[i:j], known)
		ms, seq = compoundMentions(ms, seq, sent)
		for len(seq) > 0 && (calendarWords[seq[len(seq)-1].lower] || seq[len(seq)-1].lower == "of" || seq[len(seq)-1].lower == "on") {
			seq = seq[:len(seq)-1]
		}
		if len(seq) > 0 {
			prev, next := "", ""
			if k := seq[0].index - 1; k >= 0 && !seq[0].breakBefore {
				prev = toks[k].lower
			}
			if k := seq[len(seq)-1].index + 1; k < len(toks) && !toks[k].breakBefore {
				next = toks[k].lower
			}
			ms = classify(ms, seq, prev, next, sent)
		}
		i = j
	}
	return ms
}

// runEnd returns the end of the run of name words starting at the
// capitalised token i: capitalised words, and the joining words a name
// may hold ("of" after a head word or title, "for" after a head word,
// "and" inside an organisation's field, "bin", "al", "de" ..., "on"
// after Treaty and the like).
func runEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && !toks[j].breakBefore && !toks[j-1].possessive {
		t := toks[j]
		if t.capital && !(stopwords[t.lower] && !t.allCaps) {
			j++
			continue
		}
		if j+1 < len(toks) && !toks[j+1].breakBefore && toks[j+1].capital && joins(toks, i, j) {
			j += 2
			continue
		}
		if j+2 < len(toks) && Particles(t.lower, toks[j+1].lower) && !toks[j+1].breakBefore && !toks[j+2].breakBefore && toks[j+2].capital {
			j += 3 // "Ursula von der Leyen", "Jean de la Fontaine"
			continue
		}
		if t.lower == "of" && j+2 < len(toks) && toks[j+1].lower == "the" && (headWords[toks[j-1].lower] || titles[toks[j-1].lower]) &&
			!toks[j+1].breakBefore && !toks[j+2].breakBefore && toks[j+2].capital {
			j += 3
			continue
		}
		break
	}
	return j
}

// joins reports whether the lower-case word at j joins the name words
// toks[i:j] to the capitalised word after it.
func joins(toks []token, i, j int) bool {
	t, prev := toks[j].lower, toks[j-1].lower
	switch {
	case t == "of" && (headWords[prev] || titles[prev]), t == "for" && headWords[prev]:
		return true
	case t == "and":
		// "Center for Health and Human Rights"; "Minister of Culture
		// and Heritage Ivo Stadler", whose portfolio skipPortfolio
		// drops.
		if portfolioOf(toks[i:j]) && portfolios[toks[j+1].lower] {
			return true
		}
		return hasHead(toks[i:j]) && !titles[toks[j+1].lower] && !titleModifiers[toks[j+1].lower]
	case t == "&":
		return true // "Draven & Holt", "Marks & Spencer": an ampersand joins a name
	case Particle(t):
		return true
	case t == "on":
		// "Treaty on Comprehensive Strategic Partnership".
		return documentWords[prev]
	}
	return false
}

// portfolioOf reports whether seq is a title and "of" or "for" with
// the portfolio after it so far: "Minister of Culture".
func portfolioOf(seq []token) bool {
	for k := 1; k+1 < len(seq); k++ {
		if (seq[k].lower == "of" || seq[k].lower == "for") && titles[seq[k-1].lower] {
			for _, t := range seq[k+1:] {
				if !portfolios[t.lower] && t.lower != "and" && t.lower != "the" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// particles are the lower-case words inside family names: "Ramon dela
// Paz", "Ursula von der Leyen", "Osama bin Laden", "Luiz Inácio da
// Silva".
var particles = map[string]bool{
	"bin": true, "al": true, "de": true, "van": true, "von": true, "da": true, "del": true, "du": true,
	"dela": true, "della": true, "di": true, "dos": true,
}

// secondParticles stand in a family name only after a particle ("von
// der Leyen", "de la Fontaine", "van den Berg"): alone they are English
// or French words ("In Gaza ten Palestinians were killed").
var secondParticles = map[string]bool{"der": true, "den": true, "la": true, "le": true}

// Particle reports whether the lower-case word w may stand alone inside
// a family name ("de", "van", "dela").
func Particle(w string) bool { return particles[w] }

// InName reports whether the lower-case word w may stand inside a family
// name, alone or after another particle ("dela", "der" of "von der").
func InName(w string) bool { return particles[w] || secondParticles[w] }

// Particles reports whether the lower-case words a and b stand together
// inside a family name ("von der", "de la").
func Particles(a, b string) bool { return particles[a] && secondParticles[b] }

// trimFront drops function words and calendar words from the front of a
// run ("The Kremlin", "In Moscow", "Wednesday"), and a word capitalised
// only because it opens the sentence, unless it is known, opens a full
// name, or is the subject of a speech verb ("Peskov said").
func trimFront(toks, seq []token, known map[string]bool) []token {
	for len(seq) > 0 && ((stopwords[seq[0].lower] && !seq[0].allCaps) || calendarWords[seq[0].lower]) {
		seq = seq[1:]
	}
	if len(seq) > 0 && seq[0].initial && !isKnown(seq, known) && !firstNameRun(seq) {
		if k := seq[len(seq)-1].index + 1; commonSubjects[seq[0].lower] || !(k < len(toks) && !toks[k].breakBefore && speechVerbs[toks[k].lower]) {
			seq = seq[1:]
		}
	}
	return seq
}

// compoundMentions handles hyphenated compounds: "DPRK-Russia" names each
// place it joins; "Russian-made" or "US-led" before a name describes it,
// and its first part may still name a place. It returns the run left to
// classify.
func compoundMentions(ms []mention, seq []token, sent int) ([]mention, []token) {
	if len(seq) == 1 {
		if cs := placeCompound(seq[0].text); cs != nil {
			for _, c := range cs {
				ms = append(ms, mention{name: c, typ: "place", sent: sent, pos: len(ms)})
			}
			return ms, nil
		}
	}
	if len(seq) > 1 {
		if head, tail, ok := strings.Cut(seq[0].text, "-"); ok && tail != "" && !unicode.IsUpper([]rune(tail)[0]) {
			if c, ok := demonyms[lower(head)]; ok {
				ms = append(ms, mention{name: c, typ: "place", sent: sent, pos: len(ms)})
			} else if c := places[lower(head)]; c != "" {
				ms = append(ms, mention{name: c, typ: "place", sent: sent, pos: len(ms)})
			}
			seq = seq[1:]
		}
	}
	return ms, seq
}

// hasHead reports whether a run of words holds an organisation's head
// word followed by "for" ("Center for", "Institute for"); the field after
// it may be two joined by "and".
func hasHead(seq []token) bool {
	for k := 0; k+1 < len(seq); k++ {
		if headWords[seq[k].lower] && seq[k+1].lower == "for" {
			return true
		}
	}
	return false
}

// firstNameRun reports whether a run that opens a sentence looks like a
// person's full name: two or three capitalised words, none of them a
// function word, a common subject or an organisation or place word
// ("Fiona Parry issued a plea"), with any particles between them
// ("Ramon dela Paz").
func firstNameRun(seq []token) bool {
	var caps []token
	for k, t := range seq {
		if k > 0 && k < len(seq)-1 && InName(t.lower) {
			continue // "Ramon dela Paz, a former senator, was convicted"
		}
		caps = append(caps, t)
	}
	seq = caps
	if len(seq) < 2 || len(seq) > 3 {
		return false
	}
	for _, t := range seq {
		if !t.capital || t.allCaps || stopwords[t.lower] || commonSubjects[t.lower] || orgWords[t.lower] || placeWords[t.lower] || calendarWords[t.lower] || groupNoun(t.lower) {
			return false
		}
	}
	return true
}

// groupNoun reports whether a capitalised word names a group rather than
// one person: "Islamists", "Tunisians", "Shiites".
func groupNoun(w string) bool {
	for _, suf := range []string{"ists", "ians", "ites", "ans", "ese"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// isKnown reports whether a sequence that starts a sentence is a name
// rather than a word capitalised by position: its first word was seen
// capitalised elsewhere, or it begins with a gazetteer entry or a title.
func isKnown(seq []token, known map[string]bool) bool {
	w := seq[0].lower
	if known[w] || orgWords[w] || (titles[w] && len(seq) > 1) {
		return true
	}
	for n := 1; n <= len(seq) && n <= 4; n++ {
		k := lower(joinTokens(seq[:n]))
		_, p := places[k]
		_, d := demonyms[k]
		_, o := orgNames[k]
		if p || d || o {
			return true
		}
	}
	return false
}

func classify(ms []mention, seq []token, prev, next string, sent int) []mention {
	add := func(name, typ string) {
		ms = append(ms, mention{name: name, typ: typ, sent: sent, pos: len(ms)})
	}
	name := joinTokens(seq)
	key := lower(name)
	if c, ok := places[key]; ok {
		add(c, "place")
		return ms
	}
	if c, ok := orgNames[key]; ok && (len(key) > 3 || seq[0].allCaps) {
		add(c, "organisation")
		return ms
	}
	if out, rest, p, ok := classifyDemonym(ms, seq, sent); ok {
		if len(rest) > 0 {
			return classify(out, rest, p, next, sent)
		}
		return out
	}
	if len(seq) == 1 && genericWords[seq[0].lower] && !seq[0].allCaps {
		return ms // "House", "Union", "Council" alone name nothing in particular
	}
	if len(seq) == 1 && seq[0].allCaps && notNames[seq[0].lower] {
		return ms
	}
	seq = afterInnerTitle(seq)
	seq, titled, office := cutTitles(seq)
	if office != nil {
		return classifyOffice(ms, office, next, sent)
	}
	if len(seq) == 0 {
		return ms
	}
	if titled || ((titles[prev] || roles[prev]) && !orgWords[seq[0].lower]) {
		add(joinTokens(seq), "person")
		return ms
	}
	add(joinTokens(seq), typeByWords(seq, next))
	return ms
}

// afterInnerTitle drops what comes before a title inside a run, when a
// name follows the title: "Facebook CEO Mark Zuckerberg", "Zimbabwe
// President Robert Mugabe", "Tunisian Prime Minister Habib Essid".
func afterInnerTitle(seq []token) []token {
	for k := len(seq) - 2; k >= 1; k-- {
		if !titles[seq[k].lower] {
			continue
		}
		start := k
		for start > 0 && titleModifiers[seq[start-1].lower] {
			start--
		}
		if start == 0 {
			return seq
		}
		return seq[start:]
	}
	return seq
}

// classifyDemonym reads a place before the rest of a name: "North Korean
// leader", "Russian President Vladimir Putin", and a place before a
// title: "DPRK Chairman", "US Secretary of State". It returns the mentions
// with the place added, the rest of the run and the word before it.
func classifyDemonym(ms []mention, seq []token, sent int) ([]mention, []token, string, bool) {
	for n := min(2, len(seq)); n >= 1; n-- {
		c, ok := demonyms[lower(joinTokens(seq[:n]))]
		if !ok && n < len(seq) && (titles[seq[n].lower] || titleModifiers[seq[n].lower]) {
			c, ok = places[lower(joinTokens(seq[:n]))]
		}
		if !ok {
			continue
		}
		if n < len(seq) && places[lower(joinTokens(seq[:n+1]))] != "" {
			break
		}
		ms = append(ms, mention{name: c, typ: "place", sent: sent, pos: len(ms)})
		return ms, seq[n:], seq[n-1].lower, true
	}
	return ms, nil, "", false
}

// titleRoles are the roles written capitalised before a name as a
// title is ("Coach Enzo Marl", "Captain Ana Ruiz").
var titleRoles = map[string]bool{"coach": true, "manager": true, "captain": true, "referee": true, "inspector": true, "detective": true}

// cutTitles removes the titles that open a run: "President Vladimir
// Putin", "Foreign Minister Sergei Lavrov", and a role written as one
// before a full name ("Coach Enzo Marl"). titled says whether there
// were any; office is what follows "Title of", for classifyOffice.
func cutTitles(seq []token) (rest []token, titled bool, office []token) {
	for len(seq) > 0 {
		w := seq[0].lower
		if titles[w] {
			titled = true
			seq = seq[1:]
			if len(seq) >= 2 && seq[0].lower == "of" {
				return nil, true, seq[1:]
			}
			continue
		}
		if titleModifiers[w] && len(seq) > 1 && (titles[seq[1].lower] || titleModifiers[seq[1].lower]) {
			seq = seq[1:]
			continue
		}
		if titleRoles[w] && len(seq) == 3 && firstNameRun(seq[1:]) {
			// "Coach Enzo Marl resigned": a role capitalised as a title
			// before a full name (not "Student Loans Company").
			titled = true
			seq = seq[1:]
			continue
		}
		break
	}
	return seq, titled, nil
}

// typeByWords types an untitled name by its words: an organisation word
// ("Agency") or an ampersand ("Draven & Holt"), a place word ("Sea"), a speech verb after it (a person), a
// short all-capitals word (an organisation), else "other".
func typeByWords(seq []token, next string) string {
	for _, t := range seq {
		if orgWords[t.lower] || t.lower == "&" {
			return "organisation"
		}
	}
	for _, t := range seq {
		if placeWords[t.lower] {
			return "place"
		}
	}
	if speechVerbs[next] && !groupNoun(seq[len(seq)-1].lower) {
		return "person"
	}
	if len(seq) == 1 && seq[0].allCaps && len(seq[0].text) >= 2 && len(seq[0].text) <= 6 {
		return "organisation"
	}
	return "other"
}

// classifyOffice reads what follows "Title of": the office and, when a
// name follows it, the holder. "Secretary of State Antony Blinken" and
// "Chairman of State Affairs Kim Jong Un" name persons after the last word
// that ends an office; "President of Russia Vladimir Putin" after a
// place. Without a holder ("General Secretary of the Workers' Party of
// Korea") the office itself is classified, unless it is only words like
// "State".
func classifyOffice(ms []mention, rest []token, next string, sent int) []mention {
	if len(rest) > 0 && rest[0].lower == "the" {
		rest = rest[1:]
	}
	// The holder's name starts after the last word that ends an office
	// or names an organisation ("Chairman of the State Affairs
	// Commission Kim"), or after a place that opens the office.
	holder := -1
	for k, t := range rest {
		if (officeEnds[t.lower] || orgWords[t.lower]) && (k+1 == len(rest) || rest[k+1].lower != "of") {
			holder = k + 1
		}
	}
	// "Culture and Heritage Ivo Stadler": a second portfolio after
	// "and" belongs to the office.
	for holder > 0 && holder+1 < len(rest) && (rest[holder].lower == "and" || rest[holder].lower == "&") && portfolios[rest[holder+1].lower] {
		holder += 2
		if holder == len(rest) {
			return ms // "the Minister of Culture and Sport said", no holder named
		}
	}
	for n := min(4, len(rest)); n >= 1; n-- {
		if c := places[lower(joinTokens(rest[:n]))]; c != "" {
			ms = append(ms, mention{name: c, typ: "place", sent: sent, pos: len(ms)})
			if n == len(rest) {
				return ms // "President of Russia"
			}
			if n > holder {
				holder = n
			}
			break
		}
	}
	if holder > 0 && holder < len(rest) {
		// The office is an organisation when a word of it names one that
		// is not also an office's own word: "State Affairs Commission",
		// but not "State Affairs".
		for _, t := range rest[:holder] {
			if orgWords[t.lower] && !officeEnds[t.lower] {
				ms = append(ms, mention{name: joinTokens(rest[:holder]), typ: "organisation", sent: sent, pos: len(ms)})
				break
			}
		}
		return append(ms, mention{name: joinTokens(rest[holder:]), typ: "person", sent: sent, pos: len(ms)})
	}
	if holder == len(rest) {
		for _, t := range rest {
			if !officeEnds[t.lower] {
				return classify(ms, rest, "of", next, sent)
			}
		}
		return ms
	}
	if len(rest) == 0 {
		return ms
	}
	return classify(ms, rest, "of", next, sent)
}

// documentWords may be followed by "on" inside one name: "Treaty on
// Comprehensive Strategic Partnership".
var documentWords = map[string]bool{
	"treaty": true, "agreement": true, "convention": true, "accord": true, "pact": true,
	"declaration": true, "protocol": true, "memorandum": true, "conference": true,
}

// officeEnds may end the name of an office, before its holder's name.
var officeEnds = map[string]bool{
	"state": true, "affairs": true, "defence": true, "defense": true, "finance": true,
	"justice": true, "health": true, "education": true, "commerce": true, "labour": true,
	"labor": true, "energy": true, "interior": true, "treasury": true, "agriculture": true,
	"transport": true, "culture": true, "trade": true,
	// the body itself: "President of the Republic Marcos Ibarra"
	"republic": true, "board": true,
}

// placeCompound returns the places a hyphenated word joins, each part a
// place or its demonym, or nil if any part is neither.
func placeCompound(word string) []string {
	parts := strings.Split(word, "-")
	if len(parts) < 2 {
		return nil
	}
	var cs []string
	for _, p := range parts {
		c, ok := demonyms[lower(p)]
		if !ok {
			c = places[lower(p)]
		}
		if c == "" {
			return nil
		}
		cs = append(cs, c)
	}
	return cs
}

func joinTokens(seq []token) string {
	parts := make([]string, len(seq))
	for i, t := range seq {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// rank orders types when one name is seen with several: a title or a
// gazetteer hit beats a guess.
var rank = map[string]int{"other": 0, "person": 1, "organisation": 2, "place": 3}

func merge(ms []mention) []Entity {
	type agg struct {
		Entity
		pos    int
		words  []string
		merged bool
	}
	byName := map[string]*agg{}
	var list []*agg
	for _, m := range ms {
		k := lower(m.name)
		a, ok := byName[k]
		if !ok {
			a = &agg{Entity: Entity{Name: m.name, Type: m.typ, First: m.sent}, pos: m.pos, words: strings.Fields(k)}
			byName[k] = a
			list = append(list, a)
		}
		a.Count++
		if a.Type == "other" || (m.typ != "other" && rank[m.typ] > rank[a.Type] && a.Type != "person") {
			a.Type = m.typ
		}
	}
	// Short mentions join the one full name they shorten.
	for _, s := range list {
		if len(s.words) != 1 || (s.Type != "person" && s.Type != "other") || groupNoun(s.words[0]) {
			continue
		}
		var target *agg
		for _, l := range list {
			if len(l.words) < 2 || l.merged || (l.Type != "person" && l.Type != "other") {
				continue
			}
			last := surname(l.words[len(l.words)-1])
			if last == surname(s.words[0]) || (l.words[0] == s.words[0] && asianSurnames[s.words[0]]) {
				if target == nil || l.pos < target.pos {
					target = l
				}
			}
		}
		if target == nil {
			continue
		}
		s.merged = true
		target.Count += s.Count
		if s.pos < target.pos {
			target.pos = s.pos
			target.First = s.First
		}
		if target.Type == "other" {
			target.Type = "person"
		}
	}
	var out []*agg
	for _, a := range list {
		if !a.merged {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	ents := make([]Entity, len(out))
	for i, a := range out {
		ents[i] = a.Entity
	}
	return ents
}

// surname folds a surname's lower-case prefix away, so that "Bashir"
// shortens "Omar Hassan al-Bashir".
func surname(w string) string {
	for _, p := range namePrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return rest
		}
	}
	return w
}

// BareName returns name without leading articles and without the titles
// and descriptions before a person's name, and without a possessive
// ending: "President Vladimir Putin's", "Russian President Vladimir Putin"
// and "Kremlin spokesman Dmitry Peskov" become "Vladimir Putin" and "Dmitry
// Peskov"; "the Kremlin" becomes "Kremlin". Names with no title, such as
// "Russian state media", keep their words.
func BareName(name string) string {
	name = strings.TrimSpace(name)
	for _, suf := range []string{"'s", "’s"} {
		name = strings.TrimSuffix(name, suf)
	}
	words := strings.Fields(name)
	for len(words) > 1 && (lower(words[0]) == "the" || lower(words[0]) == "a") {
		words = words[1:]
	}
	// The name is what follows the last title, if only capitalised words
	// follow it: "Secretary of State Antony Blinken" skips "of State".
	for k := len(words) - 2; k >= 0; k-- {
		if !titleAt(words, k) {
			continue
		}
		rest := skipPortfolio(words[k+1:])
		if allCapitalised(rest) {
			return strings.Join(rest, " ")
		}
		if i := slices.Index(rest, "of"); i >= 2 && i < len(rest)-1 && allCapitalised(rest[:i]) && allCapitalised(rest[i+1:]) {
			return strings.Join(rest[:i], " ") // "President Lucia Morel of Ardenza"
		}
		break
	}
	return strings.Join(words, " ")
}

// titleAt reports whether words[k] is a title before a name. "Executive"
// and "Officer" are one only after "Chief" ("Chief Executive Officer
// Jane Roe", not "Executive Yuan" or "Executive Council"), "Boss" only
// opening the name ("Boss Maja Solberg", not "Hugo Boss AG").
func titleAt(words []string, k int) bool {
	w := lower(strings.TrimSuffix(words[k], "."))
	switch w {
	case "executive", "officer":
		return k > 0 && (lower(words[k-1]) == "chief" || lower(words[k-1]) == "executive")
	case "boss":
		return k == 0
	}
	return titles[w]
}

// skipPortfolio drops the portfolio that follows a title, up to the
// holder's name: "of State" in "Secretary of State Antony Blinken", "of
// Transport and Infrastructure" in "Minister of Transport and
// Infrastructure Tomas Brenner", "for the State Department" in
// "Spokesman for the State Department Matthew Miller". The first word
// after "of" or "for" (and "the") is the portfolio's whatever it is;
// later ones while they are portfolio words or "and", leaving at least
// two words for the name. When a portfolio word would open what is
// left, nothing is dropped.
func skipPortfolio(rest []string) []string {
	if len(rest) <= 2 || lower(rest[0]) != "of" && lower(rest[0]) != "for" {
		return rest
	}
	out := rest[1:]
	if lower(out[0]) == "the" {
		out = out[1:]
	}
	if len(out) > 0 {
		out = out[1:] // "State" in "Secretary of State", whatever it is
	}
	for len(out) > 2 && (lower(out[0]) == "and" || lower(out[0]) == "&" || Portfolio(lower(out[0]))) {
		out = out[1:]
	}
	if len(out) == 0 || Portfolio(lower(out[0])) {
		return rest // "Minister for Foreign Affairs", no name after it
	}
	return out
}

// Portfolio reports whether w, in lower case, is a word of a
// government's portfolios ("transport", "affairs", "infrastructure"),
// which a title carries before its holder's name.
func Portfolio(w string) bool { return portfolios[w] }

func allCapitalised(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || titles[lower(w)] {
			return false
		}
	}
	return len(words) > 0
}

// nameFolder folds hyphens and curly apostrophes in names.
var nameFolder = strings.NewReplacer("-", " ", "‐", " ", "’", "'", "‘", "'")
