// Package figure finds the figures in news text (numbers, years, dates,
// weekdays, months, durations, percentages, sums of money and ordinals) and
// decides whether two of them state the same fact or contradict each other.
//
// A summary that says "23 years" where the article says "24 years", or
// "Tuesday" where it says "Wednesday", has a wrong figure; one that writes
// "twenty-four years" for "24 years" does not. Every figure therefore gets a
// canonical Norm in which digits and words are already folded, and the
// comparison functions work on Norm, Kind and Unit.
//
// Extraction is rule-based and deterministic. Digits glued to letters
// ("G7", "COVID-19", "4G", "10:30") are not figures. A bare four-digit
// number from 1900 to 2099 is a year unless a unit, a currency or a
// percent sign makes it something else. Changes of a rate are read in
// percentage points whatever their wording: "25 basis points", "25bp",
// "a quarter of a percentage point", "a quarter-point" and "0.25 points"
// are all "percent:0.25:point", never a level such as "4.5%" nor a share
// ("cut by a quarter-point" is no quarter of anything). The British
// papers' "3.1pc" is "3.1%"; "20 PC makers" is no percent. A share,
// or a measure of 10 or more, rounded to a whole number ("41%" for
// "41.3%", "46C" for "46.2C"; not "1 metre" for "1.4 metres") does not
// conflict with the exact one, nor does a count or sum written with a
// scale word and rounded ("1.2 million" for "1.24 million"). Numbers as much of
// Europe writes them are read too: a decimal comma before a percent
// ("3,5 percent") and a dot between thousands in a count of whole things
// ("1.200 workers"); a sum keeps its decimals ("1.5 million euros").
// A bare number of millions after a sum of millions in the same sentence
// is a sum in its currency ("rose to 12 million euros from 9 million").
// ExtractAll also reads a grade on a scale ("a Category 3 storm", "a
// category-three hurricane", "a level 4 alert"; not "level 2 of a car
// park"), which Extract leaves out as a label.
package figure

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Figure is one figure found in a text.
type Figure struct {
	// Text is the figure as written: "24 years", "Wednesday", "1991",
	// "twenty-four", "$1.2 billion", "40%".
	Text string
	// Kind is one of "number", "year", "date", "weekday", "month",
	// "duration", "percent", "money", "ordinal" or "count", and, from
	// ExtractAll, "tally" for a vote or a score ("7-2", Norm "tally:7-2")
	// and "rating" for a grade on a scale ("Category 3", Unit "category").
	Kind string
	// Value is the numeric value: 24 for "24 years", 40 for "40%",
	// 1.2e9 for "$1.2 billion", 20 for "two decades" (in years), 6 for
	// "June", time.Weekday for a weekday, and YYYYMMDD for a date with
	// unknown parts left zero ("June 19" is 619, "June 2024" is 20240600).
	Value float64
	// Unit qualifies Value: "year", "month", "day", "hour", "minute",
	// "second" for durations, "%" or "point" for percents, an ISO 4217 code
	// in lower case ("usd") for money, the singular counted noun for a count
	// ("nation", "year-old"), "decade" for "1990s", and "" otherwise.
	Unit string
	// Norm is the canonical key used for equality: "duration:24:year",
	// "weekday:wednesday", "year:1991", "date:2024-06-19", "date:06-19",
	// "date:2024-06", "month:june", "number:24", "percent:40",
	// "money:1200000000:usd", "ordinal:1", "count:2:nation".
	Norm string
	// Prep is the lower-case preposition written just before the figure
	// ("since", "for", "in", "on", ...), or "".
	Prep string
	// Start and End are the byte offsets of Text in the input.
	Start, End int
	// Bound is the word written before a figure that makes it a bound or
	// an estimate ("more than", "about", "shortly after"), "vague" for an
	// order of magnitude in words ("tens of thousands"), or "".
	Bound string
	// Low and High are the values the figure allows: Value itself unless
	// Bound widens it ("more than 50" allows 50 to +Inf).
	Low, High float64
}

// Extract returns the figures in s in order of appearance. A bare number
// written as a part of the count after it counts that count's noun:
// "1,500 of the works' 6,800 jobs" is 1,500 jobs (partsOf).
func Extract(s string) []Figure {
	figs, _ := extract(s, false)
	return figs
}

// ExtractAll is Extract that also finds times of day ("shortly after 3
// a.m.", "14:30 GMT"), orders of magnitude written in words ("dozens",
// "tens of thousands of people"), counts with a glued scale ("1.5m
// people") and measures with their units ("10 km", "93 mph", "two
// kilometres", kind "measure"; a unit spelt out after a number in words,
// lower case), which say how a report differs from another
// but which a summary may well paraphrase or convert.
func ExtractAll(s string) []Figure {
	figs, _ := extract(s, true)
	return figs
}

// extract also returns, for each figure, the number as written before any
// unit conversion (2 for "two decades"), which Occurs needs to find a bare
// number inside a larger figure.
func extract(orig string, all bool) ([]Figure, []float64) {
	s := spacedThousands(orig)
	p := parser{s: s, toks: lex(s)}
	var figs []Figure
	var raws []float64
	for i := 0; i < len(p.toks); {
		f, raw, next, ok := p.extraAt(i, all)
		if !ok {
			f, raw, next, ok = p.at(i)
		}
		if !ok {
			i++
			continue
		}
		f.Text = s[f.Start:f.End]
		f.Prep = p.prepBefore(i)
		setRange(s, &f)
		figs = append(figs, f)
		raws = append(raws, raw)
		i = next
	}
	dottedThousands(figs, raws)
	figs, raws = dropAges(s, figs, raws)
	figs, raws = compoundDurations(s, figs, raws)
	figs, raws = fractions(s, figs, raws)
	figs, raws = shares(s, figs, raws)
	partsOf(s, figs)
	if all {
		figs, raws = tallies(s, figs, raws)
	}
	elidedCurrency(s, figs)
	linkRanges(s, figs)
	convertedTimes(s, figs)
	if s != orig {
		for i := range figs {
			figs[i].Text = orig[figs[i].Start:figs[i].End] // as written: "380 000 patients"
		}
	}
	return figs, raws
}

// thousandsBySpace finds a number whose groups of three digits are set
// apart by spaces, as much of Europe writes them: "380 000", "1 250 000".
var thousandsBySpace = regexp.MustCompile(`(?:^|[^\d.,:/-])\d{1,3}(?: \d{3})+(?:[^\d]|$)`)

// spacedThousands returns s with the spaces inside such numbers written
// as commas, so that "380 000 patients" is read as one count and not as
// 380 and 0 patients. The byte offsets do not change.
func spacedThousands(s string) string {
	spaced := false
	for i := 1; i+1 < len(s) && !spaced; i++ {
		spaced = s[i] == ' ' && isDigit(s[i-1]) && isDigit(s[i+1])
	}
	if !spaced {
		return s // most sentences: no regular expression to run
	}
	locs := thousandsBySpace.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	b := []byte(s)
	for _, l := range locs {
		for i := l[0] + 1; i < l[1]-1; i++ {
			if b[i] == ' ' && i > 0 && isDigit(b[i-1]) && isDigit(b[i+1]) {
				b[i] = ','
			}
		}
	}
	return string(b)
}

// durationParts gives, for a span written in two units, how many of the
// smaller the larger holds.
var durationParts = map[[2]string]float64{
	{"hour", "minute"}: 60, {"minute", "second"}: 60, {"year", "month"}: 12, {"day", "hour"}: 24, {"week", "day"}: 7,
}

// compoundDurations joins a span written in two units into one figure in
// the smaller: "two hours and 41 minutes" is 161 minutes, "2 hours 38
// minutes" 158, "three years and six months" 42 months.
func compoundDurations(s string, figs []Figure, raws []float64) ([]Figure, []float64) {
	out, outRaw := figs[:0], raws[:0]
	for k := 0; k < len(figs); k++ {
		f := figs[k]
		if k+1 < len(figs) && f.Kind == "duration" && figs[k+1].Kind == "duration" && figs[k+1].Start >= f.End {
			g := figs[k+1]
			between := strings.TrimSpace(s[f.End:g.Start])
			if per, ok := durationParts[[2]string{f.Unit, g.Unit}]; ok && (between == "" || between == "and") {
				f.Value, f.Low, f.High = f.Value*per+g.Value, f.Low*per+g.Low, f.High*per+g.High
				f.Unit, f.End = g.Unit, g.End
				f.Text = s[f.Start:f.End]
				f.Norm = "duration:" + formatNum(f.Value) + ":" + g.Unit
				out, outRaw = append(out, f), append(outRaw, f.Value)
				k++
				continue
			}
		}
		out, outRaw = append(out, f), append(outRaw, raws[k])
	}
	return out, outRaw
}

// fractions fixes the figures a fraction misreads: "half a million" is
// 500000, not a million, and "a third of homes" or "two thirds" is a
// share, not an ordinal, so it is left out ("a third term" stays).
func fractions(s string, figs []Figure, raws []float64) ([]Figure, []float64) {
	out, outRaw := figs[:0], raws[:0]
	for k, f := range figs {
		before := strings.Fields(strings.ToLower(s[max(0, f.Start-8):f.Start]))
		last := ""
		if len(before) > 0 {
			last = before[len(before)-1]
		}
		text := strings.ToLower(f.Text)
		switch {
		case f.Kind == "ordinal" && (last == "a" || last == "an" || unitWords[last] != 0 || tensWords[last] != 0) &&
			(strings.HasSuffix(text, "s") || strings.HasPrefix(strings.TrimSpace(s[f.End:]), "of ")):
			continue
		case f.Kind == "count" && fractionNouns[f.Unit]:
			continue // "two thirds"
		case last == "half" && (strings.HasPrefix(text, "a ") || strings.HasPrefix(text, "an ")) && f.Value > 1:
			old := formatNum(f.Value)
			f.Value /= 2
			f.Norm = strings.Replace(f.Norm, old, formatNum(f.Value), 1)
			f.Start = lastIndexFold(s[:f.Start], "half")
			f.Text = s[f.Start:f.End]
			f.Low, f.High = 0, 0
			setRange(s, &f)
		}
		out, outRaw = append(out, f), append(outRaw, raws[k])
	}
	return out, outRaw
}

// fractionNouns are the parts a count of them is a share in.
var fractionNouns = map[string]bool{"half": true, "halve": true, "third": true, "quarter": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true}

// extraAt tries, when all is set, the patterns only ExtractAll finds.
func (p *parser) extraAt(i int, all bool) (Figure, float64, int, bool) {
	if !all {
		return Figure{}, 0, 0, false
	}
	if t := p.toks[i]; t.kind == tokWord && len(t.text) <= 3 && (p.word(i) == "a" && p.word(i+1) == "few" || p.word(i) == "few") {
		if f, next, ok := p.vague(i); ok {
			return f, f.Value, next, true
		}
	}
	if f, next, ok := p.rating(i); ok {
		return f, f.Value, next, true
	}
	if t := p.toks[i]; t.kind == tokWord && (len(t.text) < 4 || len(t.text) > 9 || !extraWords[strings.ToLower(t.text)]) || t.kind == tokPunct {
		return Figure{}, 0, 0, false
	}
	if f, next, ok := p.timeOfDay(i); ok {
		return f, f.Value, next, true
	}
	if f, next, ok := p.vague(i); ok {
		return f, f.Value, next, true
	}
	if f, next, ok := p.measure(i); ok {
		return f, f.Value, next, true
	}
	if f, next, ok := p.scaledCount(i); ok {
		return f, f.Value, next, true
	}
	return Figure{}, 0, 0, false
}

// extraWords are the words an ExtractAll figure may start with.
var extraWords = map[string]bool{"several": true, "noon": true, "midday": true, "midnight": true, "tens": true, "hundreds": true, "dozens": true, "thousands": true, "millions": true, "billions": true}

// prepBefore returns the preposition written before token i, looking
// past a word that only places the figure within its span ("since last
// August", "in early 2023"), or "".
func (p *parser) prepBefore(i int) string {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if p.toks[k].kind != tokWord {
			return ""
		}
		w := strings.ToLower(p.toks[k].text)
		if preps[w] {
			return w
		}
		if !spanWords[w] {
			return ""
		}
	}
	return ""
}

// spanWords may stand between a preposition and its figure.
var spanWords = map[string]bool{"last": true, "early": true, "late": true, "mid": true, "this": true, "next": true}

// Equal reports whether a and b state the same figure: their Norms match,
// so "24 years" equals "twenty-four years" and "two decades" equals
// "20 years".
func Equal(a, b Figure) bool {
	return a.Norm != "" && a.Norm == b.Norm
}

// Conflict reports whether a and b measure the same kind of thing in the
// same unit but disagree: "24 years" and "23 years", "Wednesday" and
// "Tuesday", "40%" and "45%". Dates conflict only on the parts both give,
// so "June 19" does not conflict with "2024-06-19" but does with
// "June 20, 2024". A bound or an estimate conflicts only with values it
// does not allow: "more than 50" agrees with "53", "about two hours"
// conflicts with "nearly three hours". Two sums tenfold or more apart
// are two amounts, not one in dispute, and two counts twenty times
// apart are counts of different things (a station's trains and the
// country's; crowds tenfold apart and tolls of people are still
// disputed), and so are two counts of people or two bare numbers a
// thousand times apart ("three fans hurt", "25,000 fans travelled").
// Two floors of one quantity more than a tenth apart disagree on what
// is known ("at least 60 homes", "at least 90 homes"), though both may
// hold.
// Lengths of time in different
// units are compared in days (spansApart).
func Conflict(a, b Figure) bool {
	if a.Kind == "duration" && b.Kind == "duration" && a.Unit != b.Unit {
		return spansApart(a, b)
	}
	if a.Norm == "" || b.Norm == "" || a.Kind != b.Kind || a.Unit != b.Unit || Equal(a, b) || Compatible(a, b) && a.Bound+b.Bound != "" && !floorsApart(a, b) && !ceilingsApart(a, b) && !estimatesApart(a, b) {
		return false
	}
	if a.Kind == "money" && a.Value > 0 && b.Value > 0 && max(a.Value, b.Value) >= 10*min(a.Value, b.Value) {
		return false // a price per share and the value of the company
	}
	if a.Kind == "ordinal" && hasDigit(a.Text) != hasDigit(b.Text) && (a.Value <= 10) != (b.Value <= 10) {
		return false // "his first goal" and "the 87th minute"
	}
	if a.Kind == "count" && a.Unit != "person" && a.Value > 0 && b.Value > 0 && max(a.Value, b.Value) >= 20*min(a.Value, b.Value) {
		// the trains of one station and of the country; a toll may
		// rise twentyfold as a disaster is counted
		return false
	}
	if (a.Kind == "count" || a.Kind == "number") && a.Value > 0 && b.Value > 0 && max(a.Value, b.Value) >= 1000*min(a.Value, b.Value) {
		// people and bare numbers too: "three fans were treated in
		// hospital" and "25,000 fans made the journey" count two things.
		// Over compare's sixteen evaluation events this removed three
		// false discrepancies and, changing how the rest group, made one.
		return false
	}
	if (a.Kind == "percent" || a.Kind == "measure" && min(a.Value, b.Value) >= 10) && (roundedTo(a.Value, b.Value) || roundedTo(b.Value, a.Value)) {
		return false // "41%" is "41.3%" rounded, "46C" is "46.2C"; "1 metre" is no rounding of "1.4 metres"
	}
	if (a.Kind == "count" || a.Kind == "number" || a.Kind == "money") && (scaledRounding(a, b) || scaledRounding(b, a)) {
		return false // "1.2 million" is "1.24 million" rounded
	}
	if (a.Kind == "count" || a.Kind == "number") && (roundedToHundreds(a.Value, b.Value) || roundedToHundreds(b.Value, a.Value)) {
		return false // "14,200 patients" is "14,213 patients" rounded
	}
	if a.Kind == "date" {
		ay, am, ad := dateParts(a.Value)
		by, bm, bd := dateParts(b.Value)
		for _, p := range [][2]int{{ay, by}, {am, bm}, {ad, bd}} {
			if p[0] == 0 || p[1] == 0 {
				continue
			}
			if p[0] != p[1] {
				return true
			}
		}
		return false
	}
	return true
}

// roundedTo reports whether y is x, written with one decimal, rounded
// to a whole number: 41 is 41.3 rounded, 99 is 99.1; 97 is not 99, and
// 4 is not 4.25 nor 3 2.5 (a quarter or a half is a value of its own,
// as rates move by them).
func roundedTo(x, y float64) bool {
	if decimals(x) != 1 || decimals(y) != 0 || math.Abs(x-math.Trunc(x)-0.5) < 1e-9 {
		return false
	}
	return math.Round(x) == y
}

// Rounding reports whether one of two figures of one kind and unit is
// the other rounded: given with fewer decimals ("4%" and "4.1%"; "4.3%"
// and "4.25%", but not "4%" and "3.5%": a half or a quarter is a value
// of its own beside a whole number), to
// hundreds ("14,200" and "14,213") or with the same scale word and fewer
// decimals ("1.2 million" and "1.24 million").
func Rounding(a, b Figure) bool {
	if a.Kind != b.Kind || a.Unit != b.Unit || a.Value == b.Value {
		return false
	}
	if da, db := decimals(a.Value), decimals(b.Value); da != db {
		fine, coarse := a.Value, b.Value
		if da < db {
			fine, coarse = b.Value, a.Value
		}
		p := math.Pow(10, float64(min(da, db)))
		frac := fine*p - math.Trunc(fine*p)
		whole := min(da, db) == 0 && (math.Abs(frac-0.5) < 1e-9 || math.Abs(frac-0.25) < 1e-9 || math.Abs(frac-0.75) < 1e-9)
		if !whole && math.Round(fine*p)/p == coarse {
			return true // not 4 for 3.5: a half or a quarter is a value of its own
		}
	}
	return roundedToHundreds(a.Value, b.Value) || roundedToHundreds(b.Value, a.Value) || scaledRounding(a, b) || scaledRounding(b, a)
}

// roundedToHundreds reports whether y, a whole number of a thousand or
// more ending in two zeros or more, is x rounded to its last non-zero
// digit and within a hundredth of it: 14,200 is 14,213 rounded; 14,300
// is not, nor is 3,000 a rounding of 3,400 (a loose figure against a
// count, which outlets set apart).
func roundedToHundreds(x, y float64) bool {
	if y < 1000 || y != math.Trunc(y) || x == y || x != math.Trunc(x) {
		return false
	}
	unit := 1.0
	for math.Mod(y, unit*10) == 0 {
		unit *= 10
	}
	return unit >= 100 && math.Round(x/unit)*unit == y && math.Abs(x-y) <= y/100
}

// scaledRounding reports whether b, written with a scale word ("1.2
// million", "$4.5bn"), is a written with the same scale word and rounded
// to fewer decimals, one at least: "1.2 million" is "1.24 million"
// rounded, "1 billion" no rounding of "1.4 billion".
func scaledRounding(a, b Figure) bool {
	sa, sb := scaleIn(a.Text), scaleIn(b.Text)
	if sa == 0 || sa != sb {
		return false
	}
	x, y := a.Value/sa, b.Value/sb
	d := decimals(y)
	if d == 0 || d >= decimals(x) {
		return false // "1 billion" is no rounding of "1.4 billion"
	}
	p := math.Pow(10, float64(d))
	return math.Abs(math.Round(x*p)/p-y) < 1e-9
}

// scaleIn returns the scale a figure's text writes ("million", "bn"),
// or 0.
func scaleIn(text string) float64 {
	lower := strings.ToLower(text)
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == '-' }) {
		if v := scaleWords[w]; v >= 1e6 {
			return v
		}
		w = strings.TrimLeft(w, "$€£¥0123456789.,")
		if v := moneyScaleSuffixes[w]; v >= 1e6 {
			return v
		}
	}
	return 0
}

// decimals counts the decimal places of v as formatNum writes it.
func decimals(v float64) int {
	s := formatNum(v)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// unitDays are the lengths of the duration units in days, a month and a
// year on average.
var unitDays = map[string]float64{
	"second": 1.0 / 86400, "minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1, "month": 30.44, "year": 365.25,
}

// spansApart reports whether two lengths of time in different units
// allow no common value: "14 months" and "nearly two years" do not,
// "24 months" and "two years" do. A month's and a year's length differ
// from the average by up to a tenth, so that much is allowed. Spans four
// times apart or more measure different things and never conflict.
func spansApart(a, b Figure) bool {
	alo, ahi, blo, bhi, ok := commonSpans(a, b, unitDays)
	if !ok {
		return false
	}
	const slack = 1.1
	if max(ahi, bhi) >= 4*min(alo, blo) {
		return false // "30 days" to appeal and a "six-year" sentence measure two things
	}
	return ahi*slack < blo || bhi*slack < alo
}

// Index holds the figures of one text, extracted once, for checking many
// figures against it.
type Index struct {
	figs []Figure
	raws []float64
}

// NewIndex extracts the figures of text.
func NewIndex(text string) *Index {
	figs, raws := extract(text, false)
	return &Index{figs: figs, raws: raws}
}

// Figures returns the figures of the indexed text, in order.
func (x *Index) Figures() []Figure { return x.figs }

// Occurs reports whether the indexed text contains f in any form: "24
// years" is found in "twenty-four years" and in "a 24-year absence", a bare
// number "24" in any figure written with 24 or "twenty-four", and a partial
// date such as "June 19" in "19 June 2024".
func (x *Index) Occurs(f Figure) bool {
	for i, g := range x.figs {
		if Equal(f, g) {
			return true
		}
		switch f.Kind {
		case "number":
			if x.raws[i] == f.Value && g.Kind != "date" && g.Kind != "weekday" && g.Kind != "month" {
				return true
			}
		case "date":
			if g.Kind == "date" && covers(g.Value, f.Value) {
				return true
			}
		case "month":
			if g.Kind == "date" {
				if _, m, _ := dateParts(g.Value); float64(m) == f.Value {
					return true
				}
			}
		}
	}
	return false
}

// covers reports whether date value g gives every part that f gives, with
// the same values.
func covers(g, f float64) bool {
	gy, gm, gd := dateParts(g)
	fy, fm, fd := dateParts(f)
	return (fy == 0 || fy == gy) && (fm == 0 || fm == gm) && (fd == 0 || fd == gd)
}

// SinceEquivalent reports whether "since" followed by the year or date
// since describes the same span as duration, counting from ref (normally the
// article's date): "since 2000" and "24 years" agree for a 2024 article.
// The two may differ by up to one year, since a year alone does not say
// which month the span began.
func SinceEquivalent(since, duration Figure, ref time.Time) bool {
	gap, ok := SinceGap(since, duration, ref)
	return ok && gap <= 1
}

// SinceGap is how many years apart the span from since to ref and
// duration are, and false when they cannot be compared. Of several
// durations equivalent to one "since" figure, the one with the smallest
// gap matches it best.
func SinceGap(since, duration Figure, ref time.Time) (float64, bool) {
	if duration.Kind != "duration" {
		return 0, false
	}
	var elapsed float64
	switch since.Kind {
	case "year":
		if since.Unit != "" {
			return 0, false
		}
		elapsed = float64(ref.Year()) - since.Value
	case "date":
		y, m, d := dateParts(since.Value)
		if y == 0 {
			return 0, false
		}
		if m == 0 {
			m = 1
		}
		if d == 0 {
			d = 1
		}
		start := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		elapsed = ref.Sub(start).Hours() / 24 / 365.2425
	default:
		return 0, false
	}
	var years float64
	switch duration.Unit {
	case "year":
		years = duration.Value
	case "month":
		years = duration.Value / 12
	case "day":
		years = duration.Value / 365.2425
	case "hour":
		years = duration.Value / 24 / 365.2425
	default:
		return 0, false
	}
	return math.Abs(elapsed - years), true
}

func dateParts(v float64) (y, m, d int) {
	n := int(v)
	return n / 10000, n / 100 % 100, n % 100
}

// formatNum writes v without exponent or float noise: 1200000000, 3.5.
func formatNum(v float64) string {
	v = math.Round(v*1e6) / 1e6
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// lastIndexFold returns the byte offset in s of the last occurrence of
// the lower-case ASCII word w in any case, or -1; unlike an index into
// strings.ToLower(s), it is an offset into s itself.
func lastIndexFold(s, w string) int {
	for at := len(s) - len(w); at >= 0; at-- {
		if strings.EqualFold(s[at:at+len(w)], w) {
			return at
		}
	}
	return -1
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// floorsApart reports whether a and b are both open lower bounds ("more
// than", "at least") whose values are more than a tenth apart. Over
// compare's sixteen evaluation events this found two more disputed
// figures (discrepancy recall 66 to 68 of 96, one on the dev events and
// one held out) and made discrepancy precision 0.79 (74/94) 0.81
// (79/98).
func floorsApart(a, b Figure) bool {
	if !math.IsInf(a.High, 1) || !math.IsInf(b.High, 1) || a.Value <= 0 || b.Value <= 0 {
		return false
	}
	lo, hi := min(a.Value, b.Value), max(a.Value, b.Value)
	low := a
	if b.Value < a.Value {
		low = b
	}
	if (roundFigure(lo) || dozens(low)) && !roundFigure(hi) {
		return false // "more than 2,000" rounds down "at least 2,317", "more than a dozen" "at least 14"
	}
	return hi > 1.1*lo
}

// dozens reports whether f is written in dozens ("a dozen", "two dozen"),
// a round figure as "2,000" is.
func dozens(f Figure) bool {
	return strings.Contains(strings.ToLower(f.Text), "dozen")
}

// ceilingsApart reports whether a and b are both ceilings ("within 120
// days", "within 150 days") more than a tenth apart: two reports of one
// deadline, as two floors are of one count.
func ceilingsApart(a, b Figure) bool {
	ceiling := func(f Figure) bool { return f.Low == 0 && f.High == f.Value && f.Value > 0 && f.Bound != "" }
	return ceiling(a) && ceiling(b) && max(a.Value, b.Value) > 1.1*min(a.Value, b.Value)
}

// estimatesApart reports whether a and b are both estimates either side
// of a value ("about 38,000", "around 45,000") and neither value lies in
// the other's span: their spans may touch, but a report that writes
// "about 38,000" does not allow 45,000.
func estimatesApart(a, b Figure) bool {
	around := func(f Figure) bool {
		return f.Kind != "time" && f.Low < f.Value && f.High > f.Value && !math.IsInf(f.High, 1)
	}
	if !around(a) || !around(b) {
		return false
	}
	return (a.Value < b.Low || a.Value > b.High) && (b.Value < a.Low || b.Value > a.High)
}

// roundFigure reports whether v has one significant digit (60, 2,000).
func roundFigure(v float64) bool {
	m := v / math.Pow(10, math.Floor(math.Log10(v)))
	return math.Abs(m-math.Round(m)) < 1e-9
}

// dottedCount matches a count written with a dot between thousands, as
// much of Europe writes it: "1.200 workers".
var dottedCount = regexp.MustCompile(`^(?:[^0-9]*\s)?(\d{1,3})\.(\d{3})\s+[^0-9]*$`)

// dottedThousands reads a count of whole things with three digits after
// a dot as thousands: "1.200 workers" is 1,200, since 1.2 workers is no
// count. Money and measures keep their decimals ("€1.250 billion").
func dottedThousands(figs []Figure, raws []float64) {
	for k := range figs {
		f := &figs[k]
		if f.Kind != "count" || f.Value >= 1000 || !dottedCount.MatchString(f.Text) {
			continue // decided by the text: "10.000 people" reads as 10 first
		}
		v := math.Round(f.Value * 1000)
		f.Value, f.Low, f.High = v, f.Low*1000, f.High*1000
		f.Norm = "count:" + formatNum(v) + ":" + f.Unit
		raws[k] = v
	}
}

// elidedCurrency gives a bare number of millions or more written with a
// scale word the currency of the sum of millions before it in the
// sentence: "rose to 12 million euros from 9 million", "3.1 billion
// euros, below the 3.2 billion expected" state two sums in euros.
func elidedCurrency(s string, figs []Figure) {
	cur := ""
	for i := range figs {
		f := &figs[i]
		switch {
		case f.Kind == "money" && f.Value >= 1e6:
			cur = f.Unit
		case cur != "" && f.Kind == "number" && f.Value >= 1e6 && scaleIn(f.Text) > 0 && comparedBefore.MatchString(strings.ToLower(s[:f.Start])):
			f.Kind, f.Unit = "money", cur
			f.Norm = "money:" + formatNum(f.Value) + ":" + cur
		}
	}
}

// comparedBefore ends the words before a bare number that set it against
// a sum before it: "from 9 million", "below the 3.2 billion", "than 2
// billion"; not "an audience of 9 million", "a city of 9 million", "lifted
// the audience to 4 million".
var comparedBefore = regexp.MustCompile(`\b(?:from|than|against|versus|vs\.?|below|above)(?: the| a| an| about| around| some| nearly| almost)?\s+$`)

// dropAges leaves out a bare number that is an age setting a group of
// people apart: "children under five", "people over 65", "under the
// age of five": it counts nothing, and set against a toll it makes a
// false conflict. One person's age ("died aged 87") stays a figure.
func dropAges(s string, figs []Figure, raws []float64) ([]Figure, []float64) {
	out, outRaw := figs[:0], raws[:0]
	for i, f := range figs {
		if w := s[max(0, f.Start-40):f.Start]; (f.Kind == "number" || f.Kind == "count" || f.Kind == "duration") && mayBeAge(w) && ageBefore.MatchString(w) {
			continue
		}
		out, outRaw = append(out, f), append(outRaw, raws[i])
	}
	return out, outRaw
}

// mayBeAge reports whether words w hold what ageBefore needs, a cheap
// test before the pattern.
func mayBeAge(w string) bool {
	for _, k := range []string{"nder ", "ver ", "elow ", "bove ", "ged ", "ge of "} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// ageBefore ends the words before a number that is an age.
var ageBefore = regexp.MustCompile(`(?i)(?:\b(?:children|people|adults|kids|those|anyone|men|women|persons|patients|residents|pupils|students|girls|boys|babies|infants|voters) (?:under|over|below|above|aged)|\b(?:under|over|below|above) the age of) $`)
