package figure

import (
	"math"
	"strings"
)

// A figure in the news is often a bound or an estimate: "more than 50",
// "about two hours", "shortly after 3 a.m.", "tens of thousands". Low and
// High hold the values the words allow, so that "more than 50" and "53"
// agree while "about two hours" and "nearly three hours" do not.

// bounds maps the words written just before a figure to the values they
// allow, as factors of the figure's value (numbers) or minutes either side
// of it (times of day). Longer phrases come first, so "just over" wins
// over "over". An estimate allows 10% either way, enough for the rounding
// of "about 900" and too little to take in "as many as 1,200"; "up to"
// and "as many as" give the most a report fears, so they are read as
// nearly that value, not as any value below it.
var bounds = []struct {
	words          string
	lo, hi         float64 // factors of the value
	minLo, minHi   float64 // minutes around a time of day
	timeOnly, open bool    // open: no upper limit
}{
	{words: "shortly after", lo: 1, hi: 1.1, minLo: 0, minHi: 30},
	{words: "just after", lo: 1, hi: 1.1, minLo: 0, minHi: 30},
	{words: "shortly before", lo: 0.9, hi: 1, minLo: -30, minHi: 0},
	{words: "just before", lo: 0.9, hi: 1, minLo: -30, minHi: 0},
	{words: "just over", lo: 1, hi: 1.1, minLo: 0, minHi: 30},
	{words: "just under", lo: 0.9, hi: 1, minLo: -30, minHi: 0},
	{words: "more than", lo: 1, open: true},
	{words: "upwards of", lo: 1, open: true},
	{words: "in excess of", lo: 1, open: true},
	{words: "at least", lo: 1, open: true},
	{words: "no fewer than", lo: 1, open: true},
	{words: "no less than", lo: 1, open: true},
	{words: "not less than", lo: 1, open: true},
	{words: "as many as", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "as much as", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "up to", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "fewer than", lo: 0, hi: 1},
	{words: "less than", lo: 0, hi: 1},
	{words: "at most", lo: 0, hi: 1},
	{words: "no more than", lo: 0, hi: 1},
	{words: "close to", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "an estimated", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "approximately", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "roughly", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "around", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "about", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "some", lo: 0.9, hi: 1.1, minLo: -15, minHi: 15},
	{words: "nearly", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "almost", lo: 0.9, hi: 1, minLo: -15, minHi: 0},
	{words: "over", lo: 1, open: true},
	{words: "above", lo: 1, open: true},
	{words: "under", lo: 0, hi: 1},
	{words: "within", lo: 0, hi: 1},
	{words: "below", lo: 0, hi: 1},
	{words: "after", timeOnly: true, minLo: 0, minHi: 60},
	{words: "before", timeOnly: true, minLo: -60, minHi: 0},
}

// peakMove reports whether before, ending in bound words w, has a verb
// of a price's move just before them ("rose as much as", "fell as much
// as").
func peakMove(before, w string) bool {
	if w != "as much as" && w != "up to" {
		return false
	}
	fs := strings.Fields(strings.TrimSuffix(before, " "+w))
	return len(fs) > 0 && moveVerbs[fs[len(fs)-1]]
}

var moveVerbs = map[string]bool{
	"rose": true, "rising": true, "gained": true, "jumped": true, "climbed": true, "surged": true, "soared": true, "rallied": true,
	"fell": true, "falling": true, "dropped": true, "slid": true, "slumped": true, "tumbled": true, "sank": true, "lost": true, "plunged": true,
	"up": true, "down": true, "rise": true, "fall": true, "gain": true, "drop": true,
}

// ranged kinds are the kinds whose values a bound word can widen; a year,
// date, weekday, month or ordinal names one thing exactly.
var ranged = map[string]bool{"number": true, "count": true, "duration": true, "percent": true, "money": true, "time": true, "measure": true}

// setRange fills in f.Bound, f.Low and f.High from the words of s before
// the figure. A figure already given a range (a vague amount) keeps it.
func setRange(s string, f *Figure) {
	if f.High != 0 || f.Low != 0 {
		if f.Bound == "converted" {
			lo, hi := f.Low, f.High
			f.Low, f.High = 0, 0
			setRange(s, f)
			f.Low, f.High = min(f.Low, lo), max(f.High, hi)
		}
		return
	}
	f.Low, f.High = f.Value, f.Value
	if !ranged[f.Kind] {
		return
	}
	before := strings.ToLower(s[max(0, f.Start-20):f.Start])
	before = " " + strings.Join(strings.Fields(before), " ")
	for _, b := range bounds {
		if !strings.HasSuffix(before, " "+b.words) {
			continue
		}
		switch {
		case f.Kind == "time":
			f.Low, f.High = f.Value+b.minLo, f.Value+b.minHi
		case b.timeOnly:
			return
		case b.open:
			f.Low, f.High = f.Value*b.lo, math.Inf(1)
		case f.Kind == "percent" && peakMove(before, b.words):
			// "gained as much as 7 percent in early trading": the
			// peak of a move, which any smaller move that day fits
			f.Low, f.High = 0, f.Value
		default:
			f.Low, f.High = f.Value*b.lo, f.Value*b.hi
		}
		f.Bound = b.words
		return
	}
}

// span is the range of values figure f allows: its Low and High, or its
// Value alone for a figure built without them.
func span(f Figure) (float64, float64) {
	if f.Low == 0 && f.High == 0 {
		return f.Value, f.Value
	}
	return f.Low, f.High
}

// Compatible reports whether the values a and b allow overlap: "more than
// 50" and "53", "about 4,500" and "4,200", "dozens" and "48". Figures of
// different kinds or units are never compatible.
func Compatible(a, b Figure) bool {
	if a.Kind != b.Kind || a.Unit != b.Unit {
		return false
	}
	alo, ahi := span(a)
	blo, bhi := span(b)
	return alo <= bhi && blo <= ahi
}

// vagueAmounts are the plural words that give an order of magnitude
// rather than a value, with the values they allow; "tens of" and
// "hundreds of" before "thousands" or "millions" scale them.
var vagueAmounts = map[string][2]float64{
	"dozens":    {24, 99},
	"hundreds":  {200, 999},
	"thousands": {2000, 9999},
	"millions":  {2e6, 9.99e6},
	"billions":  {2e9, 9.99e9},
}

// vague reads an order of magnitude written in words at token i:
// "dozens", "hundreds of thousands of citizens", "tens of millions". It is
// a count when "of" and a plural noun follow, else a number.
func (p *parser) vague(i int) (Figure, int, bool) {
	w := p.word(i)
	j := i
	scale := 1.0
	if (w == "tens" || w == "hundreds") && p.word(i+1) == "of" {
		if r, ok := vagueAmounts[p.word(i+2)]; ok && r[0] >= 2000 {
			scale, j = 10, i+2
			if w == "hundreds" {
				scale = 100
			}
		}
	}
	if w == "several" || w == "few" || w == "a" && p.word(i+1) == "few" {
		if w == "a" {
			j++
		}
		if r, ok := vagueAmounts[p.word(j+1)+"s"]; ok && r[0] >= 200 {
			// "several hundred", "a few thousand": two to nine of them.
			return p.vagueFigure(i, j+1, r[0], (r[1]+1)-1)
		}
		return Figure{}, 0, false
	}
	r, ok := vagueAmounts[p.word(j)]
	if !ok || p.joined(j+1) || p.joined(i) && i > 0 && p.toks[i-1].kind != tokPunct {
		return Figure{}, 0, false
	}
	if j > 0 && p.toks[j-1].kind == tokNum || j == i && i > 0 && p.toks[i-1].kind == tokNum {
		return Figure{}, 0, false // "two hundreds" is not vague
	}
	return p.vagueFigure(i, j, r[0]*scale, (r[1]+1)*scale-1)
}

// vagueFigure builds the figure of an order of magnitude written from
// token i to token j, which allows lo to hi: a count when "of" and a
// plural noun follow, else a number.
func (p *parser) vagueFigure(i, j int, lo, hi float64) (Figure, int, bool) {
	rng := formatNum(lo) + "-" + formatNum(hi)
	f := Figure{Kind: "number", Value: lo, Low: lo, High: hi, Bound: "vague", Norm: "number:~" + rng, Start: p.toks[i].start, End: p.toks[j].end}
	next, n := j+1, j+1
	if p.word(j+1) == "of" {
		n = j + 2
	} else if strings.HasSuffix(p.word(j), "s") {
		return f, next, true // "thousands people" is no count
	}
	if noun, ok := pluralNoun(p, n); ok {
		f.Kind, f.Unit, f.Norm, f.End = "count", noun, "count:~"+rng+":"+noun, p.toks[n].end
		next = n + 1
	}
	return f, next, true
}

// convertedTimes gives a time written in brackets after another, its
// conversion to another zone, the bound of the time it converts:
// "shortly after 4 a.m. (0100 GMT)" allows 0110 GMT as it allows 4:10.
func convertedTimes(s string, figs []Figure) {
	for i := 1; i < len(figs); i++ {
		a, b := &figs[i-1], &figs[i]
		if a.Kind != "time" || b.Kind != "time" || a.Bound == "" || b.Bound != "" || strings.TrimSpace(s[a.End:b.Start]) != "(" {
			continue
		}
		b.Low, b.High, b.Bound = b.Value+(a.Low-a.Value), b.Value+(a.High-a.Value), a.Bound
	}
}

// linkRanges gives both ends of a range written as two figures the whole
// range: "between 40 and 50 people", "40 to 50", "40-50". "From 38 to
// 57" is a change, not a range, and is left alone, as is "by 11% to NOK
// 6.8bn", a change and the level it reached; two figures of different
// kinds or units are no range, though the first end may be bare ("9 to
// 11 percent").
func linkRanges(s string, figs []Figure) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := &figs[i], &figs[i+1]
		if !ranged[a.Kind] || !ranged[b.Kind] || a.Bound != "" || b.Bound != "" || b.Value <= a.Value {
			continue
		}
		if a.Kind != "number" && (a.Kind != b.Kind || a.Unit != b.Unit) {
			continue
		}
		between := strings.TrimSpace(s[a.End:b.Start])
		before := strings.Fields(strings.ToLower(s[max(0, a.Start-12):a.Start]))
		last := ""
		if len(before) > 0 {
			last = before[len(before)-1]
		}
		isRange := between == "and" && last == "between" ||
			(between == "to" || between == "-" || between == "–") && last != "from" && last != "by"
		if !isRange {
			continue
		}
		a.Low, a.High, a.Bound = a.Value, b.Value, "between"
		b.Low, b.High, b.Bound = a.Value, b.Value, "between"
	}
}

// scaledCount reads a count written with a one-letter scale glued to it
// and a plural noun after: "1.5m people", "40k homes". Alone, "5m" may be
// five metres, so the noun decides.
func (p *parser) scaledCount(i int) (Figure, int, bool) {
	t := p.toks[i]
	n, ok := p.tok(i + 1)
	if t.kind != tokNum || !ok || !n.joined || n.kind != tokWord {
		return Figure{}, 0, false
	}
	scale := map[string]float64{"m": 1e6, "k": 1e3}[n.text]
	if scale == 0 || i > 0 && t.joined && p.toks[i-1].kind == tokWord {
		return Figure{}, 0, false
	}
	noun, ok := pluralNoun(p, i+2)
	if !ok {
		return Figure{}, 0, false
	}
	v, ok := parseDigits(t.text)
	if !ok {
		return Figure{}, 0, false
	}
	v *= scale
	f := Figure{Kind: "count", Value: v, Unit: noun, Norm: "count:" + formatNum(v) + ":" + noun, Start: t.start, End: p.toks[i+2].end}
	return f, i + 3, true
}
