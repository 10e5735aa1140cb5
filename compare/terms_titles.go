package compare

import (
	"strings"

	"github.com/newslens/newslens/internal/words"
)

// personRoles name what a person is when written just before the name:
// "coach Teodor Vasko", "presiding judge Miriam Kostova", "teenager Luka
// Petrel". With personTitles they end a person's title phrase. The
// roles of officials, advisers and experts ("country representative
// Paolo Reinholt", "a top official, ...") change nothing measured on the
// sixteen evaluation events; on a set of cholera coverage written to
// test terms they give the one person four outlets describe four ways
// a term of his own.
var personRoles = map[string]bool{
	"coach": true, "captain": true, "referee": true, "judge": true, "substitute": true, "defender": true,
	"striker": true, "midfielder": true, "goalkeeper": true, "founder": true, "chair": true, "head": true,
	"lawyer": true, "prosecutor": true, "teenager": true, "businessman": true, "businesswoman": true,
	"lieutenant": true, "lt": true, "gen": true, "colonel": true, "col": true, "major": true, "commander": true,
	"admiral": true, "officer": true, "boss": true, "manager": true, "economist": true, "analyst": true,
	"envoy": true, "lawmaker": true, "mp": true, "activist": true, "chairperson": true, "owner": true,
	"investor": true, "billionaire": true, "opponent": true, "dissident": true, "rival": true,
	"representative": true, "official": true, "adviser": true, "advisor": true, "negotiator": true,
	"commissioner": true, "inspector": true, "professor": true, "scientist": true, "researcher": true,
	"expert": true, "administrator": true, "coordinator": true, "attorney": true, "ombudsman": true,
}

// titleModifiers may stand in a title phrase before its role word
// ("former transport minister", "fire service chief", "regional
// governor"); any other lowercase word ends the phrase.
var titleModifiers = map[string]bool{
	"former": true, "regional": true, "state": true, "national": true, "acting": true, "interim": true,
	"senior": true, "fire": true, "service": true, "police": true, "army": true, "military": true,
	"party": true, "union": true, "opposition": true, "federation": true, "club": true, "team": true,
	"vice": true, "presiding": true, "transport": true, "justice": true, "foreign": true, "finance": true,
	"defence": true, "defense": true, "interior": true, "health": true, "economy": true, "trade": true,
	"civil": true, "protection": true, "emergency": true, "government": true, "company": true, "bank": true,
	"central": true, "deputy": true, "assistant": true, "chief": true, "general": true, "local": true,
	"managing": true, "executive": true, "country": true, "top": true, "special": true, "legal": true,
}

// titleAt returns the title phrase written before the person named by
// run r of sentence s, with the name: "Koranth coach Teodor Vasko",
// "Fire Service Chief Lieutenant General Daria Leonti", "regional
// governor Tomas Varelli". It returns the lowercase name and false when
// the run is written without a title, and "" when it names no person.
// The name is also returned as written, the end of titled. A person is a
// name of two or three capitalised words, none of them a title, that is
// no institution's; a title phrase ends with a title or role word and
// holds, besides such words, only an age ("19-year-old") and the
// modifiers of titleModifiers, written without punctuation between them.
// names holds the lowercase names the coverage writes (titles cut).
// The body or place a title is of ("NEDO director", "Skarda Governor")
// is left out: it is a name of its own, and the title is what differs.
func titleAt(s string, toks []ntok, r nameRun, names map[string]bool) (key, name, titled string, ok bool) {
	name, _ = cutTitles(r.form)
	// Titles cutTitles does not know ("Fire Service Chief Lieutenant
	// General", "Lt Gen") end at the last title word of the run.
	// The run is cut only when every word before the cut is a title or
	// modifier, and one word alone only when the coverage writes what is
	// left, or its last word, as a name of its own (names): "Gen Daria
	// Leonti" beside "Leonti", but "Major League Baseball" keeps its
	// "Major".
	fs := strings.Fields(name)
	for k := len(fs) - 2; k >= 0; k-- {
		rest := fs[k+1:]
		if isTitleWord(fs[k]) && allTitleWords(fs[:k+1]) &&
			(k > 0 || names[strings.ToLower(strings.Join(rest, " "))] || names[strings.ToLower(rest[len(rest)-1])]) {
			name = strings.Join(fs[k+1:], " ")
			fs = fs[k+1:]
			break
		}
	}
	if len(fs) < 2 || len(fs) > 3 || institutionKey(name) != "" || strings.Contains(name, " of ") {
		return "", "", "", false
	}
	for _, f := range fs {
		lf := strings.ToLower(strings.TrimSuffix(f, "."))
		if personTitles[lf] || personRoles[lf] || isAcronymTok(f) {
			return "", "", "", false
		}
	}
	key = strings.ToLower(name)
	end := toks[r.j-1].end
	if !strings.HasSuffix(s[:end], name) {
		return key, name, "", false
	}
	ni := r.j - 1
	for ni > r.i && toks[ni].start > end-len(name) {
		ni--
	}
	if toks[ni].start != end-len(name) || ni == 0 || !adjacent(s, toks[ni-1], toks[ni]) {
		return key, name, "", false
	}
	if !isTitleWord(toks[ni-1].lower) {
		if start, ok := officeBefore(s, toks, ni); ok {
			return key, name, s[start:end], true // "President of the Republic Marcos Ibarra"
		}
		if start, ok := titleApposed(s, toks, ni, r.j); ok {
			return key, name, s[start:end], true
		}
		return key, name, "", false
	}
	first := ni - 1
	for i := ni - 2; i >= 0 && ni-i <= 6; i-- {
		t := toks[i]
		if !adjacent(s, t, toks[i+1]) || !words.IsWord(t.text) || !inTitle(t.lower) {
			break
		}
		first = i
	}
	// "Civic Union leader Ingrid Maas": a title word of a body's name
	// takes the rest of the name with it, not "Union leader".
	for first > 0 && first < ni-1 && words.IsCapitalized(toks[first].text) && adjacent(s, toks[first-1], toks[first]) &&
		isNameWord(toks[first-1]) && !determiners[toks[first-1].lower] && !words.IsStopword(toks[first-1].lower) && ni-first < 8 {
		first--
	}
	return key, name, s[toks[first].start:end], true
}

// titleApposed returns the start of a title phrase in lower case set
// before a name between commas, after a determiner: "The mines
// minister, Petar Anvel, described ...", "the civil protection
// minister, Marco Delis, said". The name is toks[ni:j].
func titleApposed(s string, toks []ntok, ni, j int) (int, bool) {
	if ni < 3 || toks[ni-1].text != "," || j >= len(toks) || toks[j].text != "," {
		return 0, false
	}
	if t := toks[ni-2]; !isTitleWord(t.lower) || words.IsCapitalized(t.text) || !adjacent(s, t, toks[ni-1]) {
		return 0, false
	}
	first := ni - 2
	for i := ni - 3; i >= 0 && ni-i <= 6 && adjacent(s, toks[i], toks[i+1]) && inTitle(toks[i].lower) && !words.IsCapitalized(toks[i].text); i-- {
		first = i
	}
	if first == 0 || !determiners[toks[first-1].lower] || !adjacent(s, toks[first-1], toks[first]) {
		return 0, false
	}
	return toks[first].start, true
}

// officeBefore returns the start of an office written in capitals right
// before toks[ni], a title word and what it is of: "President of the
// Republic", "Chairman of State Affairs" (at most three capitalised
// words after "of", "the" between). With "the Head of State" read as
// the president (headOfState), two more term variants on the storm.
func officeBefore(s string, toks []ntok, ni int) (int, bool) {
	i := ni - 1
	caps := 0
	for i >= 0 && caps <= 3 && adjacent(s, toks[i], toks[i+1]) && (words.IsCapitalized(toks[i].text) && !isTitleWord(toks[i].lower) || toks[i].lower == "the" || toks[i].lower == "and" && caps > 0) {
		if toks[i].lower != "the" && toks[i].lower != "and" {
			caps++
		}
		i--
	}
	if caps == 0 || i < 1 || toks[i].lower != "of" || !adjacent(s, toks[i], toks[i+1]) || !adjacent(s, toks[i-1], toks[i]) {
		return 0, false
	}
	if t := toks[i-1]; !isTitleWord(t.lower) || !words.IsCapitalized(t.text) {
		return 0, false
	}
	return toks[i-1].start, true
}

// allTitleWords reports whether every word of ws may stand in a title
// phrase (inTitle).
func allTitleWords(ws []string) bool {
	for _, w := range ws {
		if !inTitle(w) {
			return false
		}
	}
	return true
}

// inTitle reports whether word w may stand in a title phrase: a title or
// role word, a modifier of one, or an age ("19-year-old").
func inTitle(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	return isTitleWord(w) || titleModifiers[w] || portfolios[w] || strings.HasSuffix(w, "-year-old")
}

func isTitleWord(w string) bool {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	return personTitles[w] || personRoles[w]
}

func lastField(s string) string {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return ""
	}
	return fs[len(fs)-1]
}
