package compare

import (
	"github.com/newslens/newslens/internal/entity"
	"github.com/newslens/newslens/internal/lexicon"
	"sort"
	"strings"
	"unicode"

	"github.com/newslens/newslens/internal/words"
)

// ntok is one token of a sentence read for names.
type ntok struct {
	text, lower string
	start, end  int
}

func ntokens(s string) []ntok {
	out := make([]ntok, 0, len(s)/5)
	words.Each(s, func(tok string, start int) {
		out = append(out, ntok{text: tok, lower: strings.ToLower(tok), start: start, end: start + len(tok)})
	})
	return out
}

// nameRun is a capitalised name in a sentence, tokens [i, j).
type nameRun struct {
	i, j int
	form string
}

// officeOfThe reports whether the run at toks[i] opens with the body a
// title names after "of the" ("President of the Republic", "Chairman of
// the Board") and the words after that body are a person's name.
func officeOfThe(toks []ntok, i int) bool {
	return i >= 3 && toks[i-1].lower == "the" && toks[i-2].lower == "of" && personTitles[toks[i-3].lower] && officeBodies[toks[i].lower]
}

var officeBodies = map[string]bool{"republic": true, "board": true, "government": true, "council": true, "federation": true, "senate": true, "assembly": true}

// nameJoiners may join the capitalised words of one name ("Ministry of
// Home Affairs", "Centre for Disease Control").
var nameJoiners = map[string]bool{"of": true, "for": true, "on": true, "de": true}

// institutionHeads are the words that make a name an institution's:
// its other content words, in any order, say which one ("Home Ministry",
// "Ministry of Home Affairs"), and "the ministry" names it when the
// coverage names one institution of that kind.
var institutionHeads = map[string]bool{
	"ministry": true, "department": true, "agency": true, "force": true, "centre": true, "center": true,
	"council": true, "commission": true, "committee": true, "bank": true, "court": true, "office": true,
	"authority": true, "bureau": true, "board": true, "service": true, "survey": true, "institute": true,
	"fund": true, "party": true, "parliament": true, "assembly": true, "corporation": true, "company": true,
	"administration": true, "organisation": true, "organization": true, "association": true, "union": true,
	"university": true, "group": true, "federation": true, "network": true, "directorate": true, "cabinet": true,
}

// personTitles open a name without being part of it ("Prime Minister
// Oli"): they are cut off so that the holder's name is what is matched.
var personTitles = map[string]bool{
	"president": true, "prime": true, "minister": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"chairman": true, "chairwoman": true, "chancellor": true, "king": true, "queen": true, "governor": true,
	"secretary": true, "general": true, "chief": true, "director": true, "senator": true, "mayor": true,
	"ambassador": true, "deputy": true, "vice": true, "premier": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "ceo": true, "leader": true, "foreign": true, "finance": true, "defence": true,
	"defense": true, "home": true, "interior": true, "sir": true, "comrade": true, "executive": true,
	"boss": true,
}

// capitalsElsewhere returns the lowercased words the coverage writes
// capitalised away from the start of a sentence and never in lowercase:
// a capitalised first word opens a name only when it is one of them
// ("Police said" does not, where the coverage also writes "police").
func capitalsElsewhere[S any](sents map[string]S, toks func(S) []ntok) map[string]bool {
	out := make(map[string]bool)
	lowered := make(map[string]bool)
	for _, st := range sents {
		first := true
		for _, t := range toks(st) {
			if !words.IsWord(t.text) {
				continue
			}
			switch {
			case !words.IsCapitalized(t.text):
				lowered[t.text] = true
			case !first:
				out[t.lower] = true
			}
			first = false
		}
	}
	for w := range lowered {
		delete(out, w)
	}
	return out
}

// nameRuns returns the capitalised names of a sentence: runs of
// capitalised words, joined by "of", "for" and "on" (and by "and" inside
// an institution's name), an initial with its full stop kept ("K.P."),
// a possessive "'s" cut off the last word, a leading "The" dropped.
func nameRuns(s string, toks []ntok, known map[string]bool) []nameRun {
	var out []nameRun
	for i := 0; i < len(toks); {
		if !startsName(toks, i, known) {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			if k := initialEnd(s, toks, j); k > j {
				j = k
				continue
			}
			if j > i && j+1 < len(toks) && pluralPossessive(toks[j-1], toks[j], toks[j+1]) {
				j++
				continue
			}
			if isNameWord(toks[j]) && (j == i || adjacent(s, toks[j-1], toks[j]) || toks[j-1].text == "'" || toks[j-1].text == "\u2019") {
				j++
				if j-1 == i && (strings.HasSuffix(toks[i].lower, "'s") || strings.HasSuffix(toks[i].lower, "\u2019s")) {
					break // "Nepal's Home Ministry" names Nepal, then the ministry
				}
				continue
			}
			if j > i && j+1 < len(toks) && isNameWord(toks[j+1]) && !calendarWords[toks[j+1].lower] &&
				(joinsName(toks, i, j) || toks[j].text == "&" || toks[j].lower == "and" && joinsInstitution(toks, i, j)) {
				j++
				continue
			}
			if j > i && j+2 < len(toks) && entity.Particles(toks[j].lower, toks[j+1].lower) && isNameWord(toks[j+2]) {
				j += 2 // "Ursula von der Leyen", "Jean de la Fontaine"
				continue
			}
			break
		}
		if j == i {
			i++
			continue
		}
		if k := portfolioEnd(s, toks, i, j); k > j {
			// "Minister of Mines and Energy Petar Anvel": the
			// portfolio, then the person
			out = append(out, nameRun{i: i, j: k, form: s[toks[i].start:toks[k-1].end]})
			i = k
			continue
		}
		if j-i >= 3 && officeOfThe(toks, i) {
			i++ // "President of the Republic Marcos Ibarra": the office ends at "Republic"
		}
		next := j
		if j-i >= 2 && len(toks[j-1].text) == 1 && strings.HasPrefix(s[toks[j-1].end:], "/") {
			// "Halvern Pharma A/S": a legal form, not a word of the name
			j--
			for next < len(toks) && len(toks[next].text) <= 2 && toks[next].start > 0 && (toks[next].text == "/" || s[toks[next].start-1] == '/') {
				next++
			}
		}
		if k := bodyBeforeTitle(s, toks, i, j); k > 0 {
			// "Civic Union MP Gerald Fane": the party, then the person
			out = append(out, nameRun{i: i, j: k, form: s[toks[i].start:toks[k-1].end]})
			i = k
		}
		form := strings.TrimSuffix(strings.TrimSuffix(s[toks[i].start:toks[j-1].end], "'s"), "\u2019s")
		out = append(out, nameRun{i: i, j: j, form: form})
		i = next
	}
	return out
}

// bodyBeforeTitle returns the index of the title word in the run from
// toks[i] to toks[j-1] that follows a body's name and opens a person's
// name of two or three words ("Civic Union MP Gerald Fane", "Bank of
// Arden Governor Ilse Marr"), or 0.
func bodyBeforeTitle(s string, toks []ntok, i, j int) int {
	for k := i + 1; k+2 <= j; k++ {
		if !personTitles[toks[k].lower] && !personRoles[toks[k].lower] || institutionKey(s[toks[i].start:toks[k-1].end]) == "" {
			continue
		}
		if n := j - k - 1; n < 2 || n > 3 {
			return 0
		}
		for _, t := range toks[k+1 : j] {
			if personTitles[t.lower] || personRoles[t.lower] || institutionHeads[t.lower] {
				return 0
			}
		}
		return k
	}
	return 0
}

func startsName(toks []ntok, i int, known map[string]bool) bool {
	t := toks[i]
	if courtesyTitles[t.lower] && i+1 < len(toks) && isNameWord(toks[i+1]) {
		return true // "Ms Varga", "Mr Zhou"
	}
	if !isNameWord(t) || words.IsStopword(t.lower) && !(len(t.text) >= 3 && isAcronymTok(t.text)) || determiners[t.lower] {
		return false
	}
	if strings.Contains(t.lower, "-") && lexicon.IsNumberWord(t.lower) {
		return false // "Ninety-five Ostmarkian soldiers": a count opens no name ("Five Star Movement" is one)
	}
	atStart := i == 0 || toks[i-1].text == "\"" || toks[i-1].text == "\u201c"
	return !atStart || known[t.lower] || isAcronymTok(t.text)
}

func isNameWord(t ntok) bool {
	return words.IsWord(t.text) && words.IsCapitalized(t.text) && !words.IsNumber(t.text) &&
		!(calendarWords[t.lower] && t.lower != "may") && !timeAbbreviations[t.text]
}

// timeAbbreviations are time zones and clock marks, not names.
var timeAbbreviations = map[string]bool{
	"GMT": true, "UTC": true, "IST": true, "EST": true, "EDT": true, "PST": true, "PDT": true, "CET": true,
	"CEST": true, "BST": true, "JST": true, "KST": true, "MSK": true, "AM": true, "PM": true, "NPT": true,
}

// pluralPossessive reports whether the apostrophe b joins a and c
// inside one name ("Workers' Party").
func pluralPossessive(a, b, c ntok) bool {
	return (b.text == "'" || b.text == "\u2019") && b.start == a.end && strings.HasSuffix(a.lower, "s") && isNameWord(c)
}

func adjacent(s string, a, b ntok) bool {
	return b.start-a.end <= 1 && strings.TrimSpace(s[a.end:b.start]) == ""
}

// initialEnd returns the end of an initial ("K." in "K.P. Sharma Oli")
// starting at toks[j], or j.
func initialEnd(s string, toks []ntok, j int) int {
	if j+2 < len(toks) && len(toks[j].text) == 1 && words.IsCapitalized(toks[j].text) &&
		toks[j+1].text == "." && toks[j+1].start == toks[j].end && words.IsCapitalized(toks[j+2].text) {
		return j + 2
	}
	return j
}

// calendarWords never continue a name across a joiner ("Oyu Tolgoi on
// Monday"), nor place a figure ("3.1% in October" says when, not
// where).
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// joinsName reports whether the joiner at toks[j] continues the name
// that starts at toks[i]: "of" and "for" do, "on" only after a treaty's
// or an institution's head ("Treaty on Comprehensive Strategic
// Partnership", "Committee on Foreign Affairs").
func joinsName(toks []ntok, i, j int) bool {
	switch toks[j].lower {
	case "of", "for":
		return true
	case "on":
		h := toks[j-1].lower
		return institutionHeads[h] || h == "treaty" || h == "agreement" || h == "convention" || h == "pact"
	}
	return entity.Particle(toks[j].lower) // "Ramon dela Paz", "Ludwig van Beethoven"
}

// joinsInstitution reports whether "and" at toks[j] continues the name
// that starts at toks[i]: the name has "of" or "for" before it ("Ministry
// of Mining and Heavy Industry") or ends in an institution's head after
// it ("Earthquake Monitoring and Research Centre").
func joinsInstitution(toks []ntok, i, j int) bool {
	if institutionHeads[toks[j-1].lower] || forceWords[toks[j-1].lower] {
		return false // "Nepal Police and Armed Police Force" are two
	}
	for k := j + 1; k < len(toks) && isNameWord(toks[k]); k++ {
		if personTitles[toks[k].lower] {
			return false // "Party of Korea and President Kim"
		}
	}
	for k := i; k < j; k++ {
		if toks[k].lower == "of" || toks[k].lower == "for" {
			return true
		}
	}
	for k := j + 1; k < len(toks) && isNameWord(toks[k]); k++ {
		if institutionHeads[toks[k].lower] {
			return true
		}
	}
	return false
}

// portfolioEnd returns the end of a minister's portfolio of two parts
// that run [i, j) opens right after a title and "of", "and" and one
// capitalised word after it ("Minister of Mines and Energy", "Minister
// of Culture and Heritage"), when a name follows or the sentence ends;
// else j. The run alone would stop at "and" and take the second part
// into the holder's name ("Energy Petar Anvel").
func portfolioEnd(s string, toks []ntok, i, j int) int {
	if i < 2 || toks[i-1].lower != "of" || !isTitleWord(toks[i-2].lower) || !words.IsCapitalized(toks[i-2].text) ||
		j-i > 2 || j+1 >= len(toks) || toks[j].lower != "and" || !isNameWord(toks[j+1]) {
		return j
	}
	if j+2 < len(toks) && !isNameWord(toks[j+2]) && words.IsWord(toks[j+2].text) {
		return j // "Minister of Culture and Sport said": no holder named
	}
	return j + 2
}

// forceWords end the name of a body that "and" does not continue.
var forceWords = map[string]bool{"police": true, "army": true, "navy": true, "guard": true, "forces": true}

// isAcronymTok reports whether tok is an acronym: two to six capital
// letters.
func isAcronymTok(tok string) bool {
	if len(tok) < 2 || len(tok) > 6 {
		return false
	}
	for _, r := range tok {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// untitled cuts the titles off the front of a name ("Prime Minister
// Oli" is "Oli") when a name is left.
func untitled(form string) string {
	name, _ := cutTitles(form)
	return name
}

// cutTitles returns the name left after the titles in front of it and
// the courtesy title ("Ms", "Mr") among them, if the last one is one:
// outlets that write "Ms Varga" name her differently from those that
// write "Varga".
func cutTitles(form string) (name, courtesy string) {
	fs := strings.Fields(form)
	k := 0
	for k < len(fs)-1 && (personTitles[strings.ToLower(strings.TrimSuffix(fs[k], "."))] || isDemonymBeforeTitle(fs, k)) {
		k++
	}
	if k == 0 || !personTitles[strings.ToLower(strings.TrimSuffix(fs[k-1], "."))] {
		return form, ""
	}
	if k+3 < len(fs) && fs[k] == "of" && fs[k+1] == "the" && officeBodies[strings.ToLower(fs[k+2])] {
		k += 3 // "President of the Republic Marcos Ibarra"
	}
	if courtesyTitles[strings.ToLower(strings.TrimSuffix(fs[k-1], "."))] {
		courtesy = fs[k-1]
	}
	return strings.Join(fs[k:], " "), courtesy
}

var courtesyTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true}

// isDemonymBeforeTitle reports whether fs[k] is a word such as
// "Russian" in "Russian President Vladimir Putin".
func isDemonymBeforeTitle(fs []string, k int) bool {
	return k == 0 && len(fs) > 2 && personTitles[strings.ToLower(fs[1])]
}

// initials returns the first letters of a name's words, upper case,
// without the joiners ("NDRF" for "National Disaster Response Force")
// and with them.
func initials(form string) (bare, full string) {
	var b, f strings.Builder
	for _, w := range strings.Fields(form) {
		r := w[0]
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		f.WriteByte(r)
		if !nameJoiners[w] && w != "and" && w != "the" {
			b.WriteByte(r)
		}
	}
	return b.String(), f.String()
}

// institutionKey returns the content words of an institution's name in
// order, without "affairs" ("home ministry" for both "Home Ministry" and
// "Ministry of Home Affairs"), or "" when it is not an institution's.
func institutionKey(form string) string {
	var ws []string
	head := ""
	for _, w := range strings.Fields(strings.ToLower(form)) {
		switch {
		case institutionHeads[w] && head == "":
			head = w
		case w == "affairs" || w == "and" || w == "&" || nameJoiners[w] || w == "the":
		default:
			ws = append(ws, w)
		}
	}
	if head == "" || len(ws) == 0 {
		return ""
	}
	sort.Strings(ws)
	return head + ":" + strings.Join(ws, " ")
}

// foldLetters returns the lowercase letters of a name, accents dropped
// ("Khürelsükh" is "khurelsukh", "Oyun-Erdene" is "oyunerdene").
func foldLetters(form string) string {
	var b strings.Builder
	for _, r := range words.FoldAccents(strings.ToLower(form)) {
		if unicode.IsLetter(r) {
			b.WriteRune(r) // any script: "Путин" must not fold to ""
		}
	}
	return b.String()
}

// spellingFolds are the letters transliterations write for one sound:
// "x" and "ks" ("Alexander", "Aleksandr"), "ph" and "f" ("Stephan",
// "Stefan"), and British spellings for American ones ("World Health
// Organisation", "Organization"; "centre", "defence", "labour",
// "programme"). Not "ck" and "k": "Becker" is no "Baker".
var spellingFolds = strings.NewReplacer("x", "ks", "ph", "f",
	"isation", "ization", "ise", "ize", "tre", "ter", "ence", "ense", "our", "or", "amme", "am")

// skeleton returns a name's consonants with doubles collapsed and its
// first letter kept: transliterations of one name share it ("Ulaanbaatar"
// and "Ulan Bator" are "ulnbtr"; "Kolti" and "Koltee" are "klt").
func skeleton(letters string) string {
	if letters == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte(letters[0])
	last := letters[0]
	for i := 1; i < len(letters); i++ {
		ch := letters[i]
		if strings.IndexByte("aeiouyhw", ch) >= 0 || ch == last {
			continue
		}
		b.WriteByte(ch)
		last = ch
	}
	return b.String()
}
