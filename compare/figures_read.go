package compare

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newslens/newslens/internal/figure"
	"github.com/newslens/newslens/internal/lexicon"
)

// sentenceFigures returns the figures of a sentence that a discrepancy
// may rest on: every figure figure.ExtractAll finds (times of day and
// orders of magnitude in words included) other than those of a dateline
// ("KATHMANDU, Feb 13 -" dates the report, not the event), with the
// nouns of a count folded (countUnits).
func sentenceFigures(s string) []figureT {
	fs := figure.ExtractAll(s)
	end := datelineEnd(s) // 0 when s opens with none
	if end == 0 && len(s) > 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		end = len(colonDateline.FindString(s)) // "BAJURA, Feb 12: ..."
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Start < end || reportTime(s, f) || f.Kind == "ordinal" && strings.HasPrefix(s[f.End:], "-") || dayOwns(s, f) {
			// an ordinal joined to a word is a rank: "second-placed"
			continue
		}
		if u := countUnit(f.Unit); f.Kind == "count" && u != f.Unit && (f.Unit != "live" || livesTaken(s, f)) {
			f.Norm = strings.TrimSuffix(f.Norm, ":"+f.Unit) + ":" + u
			f.Unit = u
		}
		if f.Kind == "count" && f.Unit == "person" && f.Value > 1 && withActor.MatchString(s[f.End:]) && tollVerbs.MatchString(s) {
			// "Six people including the gunman died": five victims, as
			// "killing five people" counts them.
			f.Value, f.Low, f.High = f.Value-1, f.Low-1, f.High-1
			f.Norm = "count:" + strconv.FormatFloat(f.Value, 'f', -1, 64) + ":person"
		}
		out = append(out, f)
	}
	return out
}

// withActor follows a toll that counts the one who caused it: "Six
// people including the gunman died" is five victims and the gunman.
var withActor = regexp.MustCompile(`(?i)^\s*,?\s*(?:among them|including)\s+(?:the|a|one|their)\s+(?:\w+\s+)?(?:gunman|attacker|shooter|bomber|assailant|suspect|perpetrator|hijacker)(?:[\s,.;:)]|$)`)

// tollVerbs say that a count of people is of the dead: withActor applies
// to a toll only ("Seven people, including the suspect, were arrested"
// counts the suspect among the arrested, as the others may).
var tollVerbs = regexp.MustCompile(`(?i)\b(?:died|dead|killed|killing|deaths?|lost their lives)\b`)

// livesTaken reports whether f counts lives a disaster took: "claimed
// 12 lives", "12 lives were lost"; not "saved thousands of lives", "40
// lives were saved" or "put 200 lives at risk", which count no people
// a report counts.
func livesTaken(s string, f figureT) bool {
	return livesLost.MatchString(s[:f.Start]) || strings.HasPrefix(s[f.End:], " were lost") || strings.HasPrefix(s[f.End:], " have been lost")
}

// dayOwns reports whether day f owns a thing of dayThings ("Monday's
// closing price"): it dates that thing, not the fact the sentence
// reports.
func dayOwns(s string, f figureT) bool {
	if f.Kind != "weekday" && f.Kind != "date" {
		return false
	}
	rest, ok := strings.CutPrefix(s[f.End:], "'s ")
	if !ok {
		if rest, ok = strings.CutPrefix(s[f.End:], "’s "); !ok {
			return false
		}
	}
	w, _, _ := strings.Cut(strings.ToLower(rest), " ")
	return dayThings[strings.Trim(w, ".,;:")]
}

// dayThings are what a day's possessive dates apart from the event:
// "Monday's closing price", "Friday's session". "Tuesday's earthquake"
// dates the event itself and stays a figure.
var dayThings = map[string]bool{
	"close": true, "closing": true, "price": true, "prices": true, "level": true, "levels": true,
	"session": true, "trading": true, "high": true, "low": true, "opening": true, "meeting": true,
}

// colonDateline is a dateline that ends in a colon, which a newspaper
// may use where an agency puts a dash.
var colonDateline = regexp.MustCompile(`^[A-Z][A-Z .'’-]*[A-Z], [A-Z][a-z]+\.? \d{1,2}:\s`)

// reportTime reports whether day f says when something was reported
// rather than when it happened: "officials said on Wednesday", "the toll
// rose to 57 on Thursday", a label line such as "Budapest close, Tuesday
// 14 October". Outlets that report on different days differ
// there without disagreeing.
func reportTime(s string, f figureT) bool {
	if f.Kind != "weekday" && f.Kind != "date" {
		return false
	}
	if len(strings.Fields(s)) <= 6 && !strings.ContainsAny(strings.TrimSpace(s), ".!?") {
		return true // a heading or label line: "Budapest close, Tuesday 14 October"
	}
	before := strings.Fields(strings.ToLower(s[max(0, f.Start-64):f.Start]))
	if len(before) > 0 && (before[len(before)-1] == "on" || before[len(before)-1] == "late" || before[len(before)-1] == "early") {
		before = before[:len(before)-1]
	}
	if len(before) > 0 && before[len(before)-1] == "on" {
		before = before[:len(before)-1]
	}
	if len(before) == 0 {
		return false
	}
	last := strings.Trim(before[len(before)-1], ",;:\"'”’")
	if reportVerbs[last] {
		return true
	}
	if releasedBy(before) {
		return true
	}
	// "rose to 57 on Thursday": a count at a given time.
	if len(before) >= 3 && strings.TrimRight(before[len(before)-2], ",") == "to" && risingVerbs[before[len(before)-3]] {
		return true
	}
	return false
}

// reportVerbs say that something was reported; a day right after them is
// when.
var reportVerbs = map[string]bool{"said": true, "says": true, "told": true, "announced": true, "reported": true, "confirmed": true, "added": true, "stated": true, "reporters": true, "statement": true}

// releasedBy reports whether the words before a day (lower, in lower
// case) end with figures given out by someone: "figures released by
// CPERA on Wednesday", "data published by the statistics office on
// Monday". The day is when they were given, not when what they count
// happened. A noun of figures must come just before the verb: "hostages
// released by the group on Sunday" is an event's day.
func releasedBy(lower []string) bool {
	for k := len(lower) - 1; k >= 1 && k >= len(lower)-7; k-- {
		switch strings.Trim(lower[k], ",;:") {
		case "released", "published", "issued", "updated":
			return k < len(lower)-1 && lower[k+1] == "by" && figureNouns[strings.Trim(lower[k-1], ",;:")]
		}
	}
	return false
}

// figureNouns are what is released when the day of release is no fact.
var figureNouns = map[string]bool{"figures": true, "data": true, "statistics": true, "numbers": true, "estimates": true, "results": true, "report": true, "tally": true, "count": true}

// risingVerbs move a count to a new value.
var risingVerbs = map[string]bool{"rose": true, "risen": true, "climbed": true, "jumped": true, "reached": true, "increased": true, "grew": true}

// countUnit returns the noun a count of unit counts: countUnits' fold,
// else the word heading the lexicon's row of equivalents when the row
// names it by another ("deal" and "pact" count agreements, "coaches"
// carriages), else unit.
func countUnit(unit string) string {
	if u, ok := countUnits[unit]; ok {
		return u
	}
	if u, ok := unitKeys.Load(unit); ok {
		return u.(string)
	}
	u := unit
	if ts := lexicon.Terms(unit); len(ts) == 1 && ts[0].Key != unit && !strings.HasPrefix(unit, ts[0].Key) {
		u = ts[0].Key
		if w := lexicon.RowWord(u); w != "" {
			u = w // "seven coaches" counts what "eight carriages" does
		}
	}
	unitKeys.Store(unit, u)
	return u
}

// unitKeys caches countUnit's look-ups in the lexicon; the nouns counted
// in news are few.
var unitKeys sync.Map

// countUnits folds the nouns that count the same things: people in
// general ("citizens", "residents", and the people a transport carries:
// "passengers", "commuters"; not a group among them such as "soldiers"
// or "children"), dwellings, jobs (the lexicon's "worker": "jobs",
// "staff", "employees") and cars. Folding passengers found two more
// true discrepancies on the evaluation set and no false one.
var countUnits = map[string]string{
	"person": "person", "people": "person", "citizen": "person", "resident": "person", "individual": "person", "inhabitant": "person", "local": "person",
	"home": "house", "dwelling": "house", "household": "house",
	"position": "worker", "post": "worker", "role": "worker",
	"live": "person", "life": "person", "civilian": "person", "victim": "person", "villager": "person",
	"car": "vehicle", "automobile": "vehicle", "passenger": "person", "commuter": "person", "traveller": "person", "traveler": "person",
}

// wordsAround returns the terms of sentence n of source si that can say
// what a figure in it measures: not those inside a figure ("forints" of
// "4,150 forints" says nothing of the "52%" beside it), nor a currency
// (the lexicon gives "HUF" the key "forint").
func (c *comparison) wordsAround(si, n int) []lexicon.Term {
	terms := c.lex[si][n]
	fs := c.figuresAt(si, n)
	out := make([]lexicon.Term, 0, len(terms))
	for _, t := range terms {
		if currencyKeys[t.Key] || slices.ContainsFunc(fs, func(f figureT) bool { return t.Start >= f.Start && t.Start < f.End }) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// currencyKeys are the keys the lexicon gives currencies.
var currencyKeys = map[string]bool{"euro": true, "dollar": true, "pound": true, "yen": true, "rupee": true, "yuan": true, "rouble": true, "forint": true, "franc": true, "tugrik": true}
