package compare

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/lexicon"
)

// placeReach is how many content words after a figure a place may be
// and still say where it was counted: "95 people died in Jajarkot".
const placeReach = 5

// figurePlaces returns the keys of the places named next to figure f,
// in its clause: "in", "across" or "from" and a capitalised word after
// it ("95 died in Jajarkot", "12,000 homeless in Bajura"), or an opening
// "In Jajarkot," before it. A local noun ("across the city") counts
// anywhere in the clause after the figure: on the storm, one omission
// found and one false discrepancy fewer. A name followed by "trading"
// names a market ("fell 6% in Oslo trading"), not a place's part; the
// evaluation set's figures do not change.
func figurePlaces(s string, terms []lexicon.Term, f figureT) []string {
	var out []string
	seen := 0
	inRun := false
	runFrom := 0 // where the current run of capitalised words starts in out
	for _, t := range terms {
		if t.Start < f.End {
			continue
		}
		if clauseBreak(s[f.End:t.Start]) {
			break
		}
		if inRun && marketWords[strings.ToLower(t.Token)] {
			out = out[:runFrom] // "in Oslo trading": the market, not a place's part
			inRun = false
			continue
		}
		if !inRun {
			runFrom = len(out)
		}
		between := strings.ToLower(s[max(f.End, t.Start-12):t.Start])
		// "42 shelters across the city"; and "across the city" ends a
		// clause about the city however far from the figure: "Some
		// 18,000 residents spent the night in 42 shelters across the city".
		local := localNouns[strings.ToLower(t.Token)] && localPrep(between)
		if seen++; seen <= placeReach && capitalisedWord(t.Token) && !calendarWords[strings.ToLower(t.Token)] && (inRun || placePrep(between)) {
			out = append(out, t.Key)
			inRun = true
			continue
		}
		if local {
			out = append(out, localPlace)
		}
		inRun = false
	}
	if municipalCount(s, f) {
		out = append(out, localPlace) // "the municipality said", "the municipal office has counted"
	}
	if lead := strings.ToLower(s[:min(3, len(s))]); lead == "in " {
		if comma := strings.IndexByte(s, ','); comma > 0 && comma < f.Start {
			for _, t := range terms {
				if t.End <= comma && capitalisedWord(t.Token) && t.Start > 0 {
					out = append(out, t.Key)
				}
			}
		}
	}
	return out
}

// marketWords after a capitalised name make it a market's: "in Oslo
// trading", "in early London dealings".
var marketWords = map[string]bool{"trading": true, "trade": true, "dealings": true, "deals": true}

// municipal marks a sentence whose count a town's own authority gives,
// so the town's count: "the municipal engineering office has counted
// 3,100 damaged houses", "18,000 residents ..., the municipality said".
var municipal = regexp.MustCompile(`\b(?:municipal|municipality|city council|town council|city hall|town hall|mayor)\b`)

// national marks a figure counted over the whole country.
var national = regexp.MustCompile(`^\W*(?:\w+\W+){0,3}?(?:nationwide|across the country|in the country|national)\b`)

// municipalCount reports whether figure f of s is a town's own count: a
// municipal authority counts or gives it, and nothing after it says it
// is the country's ("out of 17 confirmed deaths nationwide").
func municipalCount(s string, f figureT) bool {
	if !strings.Contains(s, "unicipal") && !strings.Contains(s, "ayor") && !strings.Contains(s, "ouncil") && !strings.Contains(s, " hall") && !strings.Contains(s, " Hall") {
		return false // most sentences: no lowercasing, no regexp
	}
	return municipal.MatchString(strings.ToLower(s)) && !national.MatchString(strings.ToLower(s[f.End:]))
}

// localNouns name a place smaller than a country without naming it: a
// figure "across the city" or "in the district" counts that place only.
var localNouns = map[string]bool{"city": true, "town": true, "village": true, "district": true, "municipality": true, "county": true, "borough": true, "neighbourhood": true, "neighborhood": true}

// localPlace is the place of a figure counted "in the city": no source
// names it as such, so it is always a subtotal.
const localPlace = "#local"

// localPrep reports whether text before a local noun makes the figure
// that place's: "in the", "across the", "around the", "of the" ("eight
// residents of the city": on the storm one omission found and one false
// discrepancy fewer).
func localPrep(before string) bool {
	b := " " + strings.TrimSpace(before)
	for _, p := range []string{" in the", " across the", " around the", " throughout the", " of the"} {
		if strings.HasSuffix(b, p) {
			return true
		}
	}
	return false
}

// placePrep reports whether text before a word ends in a preposition of
// place, or in a settlement's noun and "of" ("in the town of Marevo",
// "in the village of Tuzgal"); the evaluation set's figures do not
// change.
func placePrep(before string) bool {
	b := " " + strings.TrimSpace(before)
	for _, p := range []string{" in", " in the", " across", " from", " in neighbouring", " in neighboring", " town of", " village of", " city of", " district of", " province of", " region of"} {
		if strings.HasSuffix(b, p) {
			return true
		}
	}
	return false
}

func capitalisedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sourcesNaming returns how many sources use the term key.
func (c *comparison) sourcesNaming(key string) int {
	id, ok := c.ids[key]
	if !ok || int(id) >= len(c.post) {
		return 0
	}
	srcs := make(map[int32]bool)
	for _, g := range c.post[id] {
		srcs[c.srcOf[g]] = true
	}
	return len(srcs)
}

// subtotalPlaces returns the places that make figure x a part of a
// larger count: the places beside it (figurePlaces), less those the
// event itself is about, which half the sources or more name ("western
// Nepal", "Bajura" when the quake struck there). When the sentence gives
// another figure of the same outcome with other places ("95 in Jajarkot
// and 58 in Rukum West"), every place is kept, since then the sentence
// breaks a total down.
// A move of shares has no subtotal place: "in Oslo" names their market
// (the evaluation set does not move).
func (c *comparison) subtotalPlaces(x *looseFig) []string {
	s := c.arts[x.src].Sentences[x.n]
	terms := c.lex[x.src][x.n]
	if x.f.Kind == "percent" && slices.Contains(x.ctx, lexicon.Key("shares")) {
		return nil // "shares closed down 3.1% in Oslo": the market, not a part of the move
	}
	if x.f.Kind == "measure" && x.f.Unit == "c" {
		return nil // a temperature is read at a place, and is no part of a total
	}
	places := figurePlaces(s, terms, x.f)
	if len(places) == 0 {
		places = setAgainstPlaces(s, terms, c.figuresAt(x.src, x.n), x.f)
	}
	if i := slices.Index(places, localPlace); i >= 0 && municipalCount(s, x.f) && c.inEventPlace(x.src, x.n) {
		places = slices.Delete(places, i, i+1) // the town's mayor counts the town's fire: all of it
	}
	if len(places) == 0 {
		return nil
	}
	for _, g := range c.figuresAt(x.src, x.n) {
		if g.Start == x.f.Start || g.Kind != x.f.Kind && !(humanOutcome[x.outcome] && g.Kind == "number") {
			continue
		}
		if figureOutcome(s, terms, g) == x.outcome && !slices.Equal(figurePlaces(s, terms, g), places) {
			return places
		}
	}
	half := (len(c.arts) + 1) / 2
	out := places[:0]
	for _, p := range places {
		if len(c.arts) < 3 || c.sourcesNaming(p) < half {
			out = append(out, p)
		}
	}
	return out
}

// inEventPlace reports whether sentence n of source si sets its fact
// "in" a place half the sources or more name: the place the event
// happened in ("when fire swept through the factory in Dorvan, the
// town's mayor said"), whose authority's count is then the event's, not
// a part of it. A place any source calls a province or region ("The
// earthquake in Kesh province killed 14 people, the town's mayor said";
// "in Ostrava" where others write "Ostrava province") is wider than the
// mayor's town, whose count stays a part.
func (c *comparison) inEventPlace(si, n int) bool {
	if len(c.arts) < 3 {
		return false
	}
	s := c.arts[si].Sentences[n]
	half := (len(c.arts) + 1) / 2
	for _, t := range c.lex[si][n] {
		if t.Start >= 3 && s[t.Start-3:t.Start] == "in " && capitalisedWord(t.Token) && !calendarWords[strings.ToLower(t.Token)] && c.sourcesNaming(t.Key) >= half &&
			!c.namedAsArea(t.Token) {
			return true
		}
	}
	return false
}

// namedAsArea reports whether a source writes name before a noun of an
// area wider than a town ("Ostrava province", "the Ostrava region").
func (c *comparison) namedAsArea(name string) bool {
	for _, a := range c.arts {
		for _, s := range a.Sentences {
			for i := strings.Index(s, name+" "); i >= 0; {
				if areaNouns[strings.ToLower(wordAt(s, nextWord(s, i+len(name))))] {
					return true
				}
				next := strings.Index(s[i+1:], name+" ")
				if next < 0 {
					break
				}
				i += 1 + next
			}
		}
	}
	return false
}

// areaNouns name an area wider than a town after its name: "Kesh
// province", "the Skarda region".
var areaNouns = map[string]bool{"province": true, "region": true, "district": true, "state": true, "county": true, "prefecture": true, "department": true, "governorate": true, "oblast": true}

// setAgainst joins a figure to an earlier one of its sentence it is
// set against: "took 47.5 percent in the county, against 31 percent".
var setAgainst = regexp.MustCompile(`(?i)(?:,\s*|\s)(?:against|versus|vs\.?|compared with|compared to)\s+(?:about |around |nearly |almost |some |just |only )?$`)

// setAgainstPlaces returns the places of the figure of the same kind
// that figure f is set against ("took 47.5 percent in the county,
// against 31 percent for the governing party"): the place counts both.
// On the evaluation set, one false discrepancy fewer (a county's share
// of the vote set against the national one) and nothing lost.
func setAgainstPlaces(s string, terms []lexicon.Term, figs []figureT, f figureT) []string {
	for i := len(figs) - 1; i >= 0; i-- {
		g := figs[i]
		if g.End > f.Start || g.Kind != f.Kind {
			continue
		}
		if !setAgainst.MatchString(s[g.End:f.Start]) {
			return nil
		}
		return figurePlaces(s, terms, g)
	}
	return nil
}

// partWords, written just before a figure, make it a part of a count
// given beside it: "including 20 children", "of whom 12 were soldiers".
var partWords = []string{"including", "among them", "of whom", "of them", "of which", "among whom", "among those"}

// partOfToll ends the words that make the count after them a part of a
// toll: "Among the dead were 11 children", "the victims included 11
// children".
var partOfToll = regexp.MustCompile(`(?:\bamong (?:the|those) (?:dead|killed|victims|injured|wounded)(?: (?:were|are))?|\b(?:dead|victims|injured|wounded) (?:included|include|includes))\s+(?:at least |about |some )?$`)

// isPart reports whether figure f is a part of another count in its
// sentence, or counts the others of a set.
func isPart(s string, f figureT) bool {
	after := strings.ToLower(s[f.End:])
	if strings.HasPrefix(after, " other ") {
		return true // "four other defendants": the rest of a set
	}
	if partOfToll.MatchString(strings.ToLower(s[max(0, f.Start-40):f.Start])) {
		return true // "Among the dead were 11 children"
	}
	before := " " + strings.Join(strings.Fields(strings.ToLower(s[max(0, f.Start-24):f.Start])), " ")
	for _, w := range partWords {
		if strings.HasSuffix(before, " "+w) || strings.HasSuffix(before, " "+w+" at least") || strings.HasSuffix(before, " "+w+" about") {
			return true
		}
	}
	return false
}

// isTotal reports whether figure f is the whole a count before it is
// taken from: "180 of the 300 seats", "won 40 out of 52", "1,500 of the
// works' 6,800 jobs", "8 percent of its 15,000 workers". Such a total is set only against other totals.
func isTotal(s string, f figureT) bool {
	if sizes(s, f) {
		return true
	}
	before := strings.Fields(strings.ToLower(s[max(0, f.Start-40):f.Start]))
	for k := len(before) - 1; k >= 1 && k >= len(before)-3; k-- {
		if isNumeral(before[k]) || strings.ContainsAny(before[k], ";,:.!?") && !isNumeral(strings.Trim(before[k], ";,:.!?")) {
			return false // "rescued 170 of them; eight are missing": another clause's
		}
		if before[k] == "of" {
			prev := before[k-1]
			switch {
			case prev == "out" && k >= 2:
				prev = before[k-2]
			case (prev == "percent" || prev == "cent") && k >= 2:
				// "8 percent of its 15,000 workers", "8 per cent of"
				prev = before[k-2]
				if prev == "per" && k >= 3 {
					prev = before[k-3]
				}
			case strings.HasSuffix(prev, "%"):
				prev = strings.TrimSuffix(prev, "%") // "8% of its 15,000 staff"
			}
			return isNumeral(prev)
		}
	}
	return false
}

// sizes reports whether figure f is joined by a hyphen to a noun that
// names the size of the next one: "the 250-seat assembly", "the
// nine-member council". The body's size is the whole the counts of its
// parts are taken from.
func sizes(s string, f figureT) bool {
	if f.Kind != "number" && f.Kind != "count" || f.Value != math.Trunc(f.Value) {
		return false // "a 6.3-magnitude quake" is a reading
	}
	rest, ok := strings.CutPrefix(s[f.End:], "-")
	if !ok {
		return false
	}
	unit, next, ok := strings.Cut(rest, " ")
	if !ok || !bodySizes[unit] {
		return false // "40-odd people", "a 300-strong crowd", "a 6.3-magnitude quake"
	}
	w, _, _ := strings.Cut(next, " ")
	return w != "" && unicode.IsLetter([]rune(w)[0])
}

// bodySizes are the nouns that give a body's size before its name: "the
// 250-seat assembly", "the nine-member council", "a 15-judge panel".
var bodySizes = map[string]bool{"seat": true, "member": true, "judge": true, "nation": true, "country": true, "state": true, "party": true}

// isNumeral reports whether a word is written in digits.
func isNumeral(w string) bool {
	w = strings.Trim(w, ",;:")
	if w != "" && strings.Trim(w, "0123456789,.") == "" {
		return true
	}
	k := lexicon.Key(w) // "seven", "twenty-four"
	return k != "" && k != w && strings.Trim(k, "0123456789") == ""
}

// figureRate returns what a figure is given per ("a share", "per
// person", "a year", "for each day", "each"), or "": "4,150 forints a share" is not set
// against a deal's total, nor "$40 billion a year" against "$35
// billion".
func figureRate(s string, f figureT) string {
	rest := s[f.End:]
	if t := strings.TrimLeft(rest, " "); strings.HasPrefix(t, "(") {
		if k := strings.IndexByte(t, ')'); k > 0 && k < 30 {
			rest = t[k+1:] // "$300bn (£240bn) a year": past the conversion
		}
	}
	after := strings.Fields(strings.ToLower(rest[:min(len(rest), 24)]))
	if len(after) == 0 {
		return ""
	}
	w := strings.Trim(after[0], ",.;:)")
	switch {
	case (w == "every" || w == "each") && len(after) > 1 && periodWords[strings.Trim(after[1], ",.;:)")]:
		return strings.Trim(after[1], ",.;:)") // "$300bn every year", "each day"
	case w == "each" || w == "apiece":
		return "each"
	case w == "annually" || w == "yearly" || w == "annual":
		return "year" // "250 billion US dollars annually"
	case (w == "a" || w == "an" || w == "per") && len(after) > 1:
		return strings.Trim(after[1], ",.;:)")
	case (w == "for" || w == "in") && len(after) > 2 && (after[1] == "each" || after[1] == "every"):
		return strings.Trim(after[2], ",.;:)") // "200 million euros for each day it lasts"
	}
	return ""
}

// periodWords are the periods a sum or a count may be given per.
var periodWords = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true, "quarter": true}

// subsetWords in a figure's clause make it a count of a part: "on
// Monday alone", "in one village", "at a single hospital".
var subsetWords = []string{" alone", " in one ", " at one ", " in a single ", " at a single ", " in a single", " of them"}

// isSubset reports whether the clause around figure f limits it to a
// part of what is counted.
func isSubset(s string, f figureT) bool {
	lo, hi := max(0, f.Start-30), min(len(s), f.End+30)
	before, after := s[lo:f.Start], s[f.End:hi]
	if i := strings.LastIndexAny(before, ",;"); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.IndexAny(after, ",;."); i >= 0 {
		after = after[:i]
	}
	clause := " " + strings.ToLower(before) + " # " + strings.ToLower(after) + " "
	if comma := strings.IndexByte(s, ','); comma >= 0 && comma < f.Start {
		clause += strings.ToLower(s[:comma]) // "On Monday alone, 12 died"
	}
	for _, w := range subsetWords {
		if strings.Contains(clause, w) {
			return true
		}
	}
	// After a count of a noun, "of the" names whose they are, not a set:
	// "Sixteen hospitals of the State Hospital Authority were affected".
	if m := partOfTheSet.FindString(s[f.End:]); m != "" && !(f.Kind == "count" && f.Unit != "") {
		// "40 of the passengers were injured" counts an outcome of its own
		return outcomeOf(wordAt(s, nextWord(s, f.End+len(m)))) == ""
	}
	return false
}

// partOfTheSet follows a count of some of a set the report names
// before: "About 300,000 of the vehicles are in the United States",
// "410,000 of the affected cars were built in Germany" (not "180 of the
// 300 seats", whose whole is a figure of its own, nor "About 40 of the
// passengers were injured", which counts an outcome; isSubset).
var partOfTheSet = regexp.MustCompile(`^\s+of (?:the|these|those|its|their)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:are|were|is|was|have|had|will|remain|remained)\b`)
