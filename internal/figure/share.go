package figure

import (
	"regexp"
	"slices"
	"strings"
)

// Shares written as fractions or as "so many in ten" are percentages:
// "a third of the vote", "two-thirds of voters", "cut by almost a
// third", "nine in ten drivers", "four out of ten votes", "fewer than
// half of drivers", "half of the homes". The value is
// the fraction's ("a third" is 33.33%), allowing a tenth of it either
// way, since outlets write "a third" for 30% to 36%, unless a word before
// it bounds it ("almost a third" allows 30% to 33.33%). A fraction counts
// as a share only before "of" or after "by" (a cut or a rise), so "a
// third term" stays an ordinal, and never of a unit ("a quarter of a
// percentage point").
var (
	fractionShare = regexp.MustCompile(`(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine)[ -](half|halves|third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|tenth|tenths)\b`)
	inTenShare    = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|[1-9])\s+(?:in|out of)\s+(?:every\s+)?(ten|five|four|three|10)\b`)
	halfShare     = regexp.MustCompile(`(?i)\bhalf\b`)
	thanBefore    = regexp.MustCompile(`(?i)\b(?:more|fewer|less)\s+than\s+$`)
	byBefore      = regexp.MustCompile(`(?i)\bby\s+(?:(?:almost|nearly|about|around|roughly|more than|less than|over|under|just over|just under|some)\s+)?$`)
)

var fractionDenominators = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
	"ten": 10, "10": 10, "five": 5, "four": 4, "three": 3,
}

// shares returns figs with the shares of s read as percentages, each in
// place of the figures the parser read inside it ("two thirds" as a
// count of thirds, "nine" and "ten drivers").
func shares(s string, figs []Figure, raws []float64) ([]Figure, []float64) {
	lower := strings.ToLower(s)
	fraction := strings.Contains(lower, "half") || strings.Contains(lower, "halves") || strings.Contains(lower, "third") ||
		strings.Contains(lower, "quarter") || strings.Contains(lower, "fifth") || strings.Contains(lower, "sixth") || strings.Contains(lower, "tenth")
	inTen := false
	for _, w := range []string{" in ten", " in five", " in four", " in three", " in 10", " in every ", " out of "} {
		inTen = inTen || strings.Contains(lower, w)
	}
	if !fraction && !inTen {
		return figs, raws // most sentences: the patterns below are slow to try
	}
	var found []Figure
	for _, m := range matchesIf(fraction, fractionShare, s) {
		after := strings.ToLower(strings.TrimLeft(s[m[1]:], " "))
		if strings.HasPrefix(after, "of a ") || strings.HasPrefix(after, "of an ") || strings.HasPrefix(after, "-point") || strings.HasPrefix(after, "point") {
			continue // "a quarter of a percentage point", "half of an hour", "a quarter-point": a part of a unit
		}
		if !strings.HasPrefix(after, "of ") && !byBefore.MatchString(s[:m[0]]) {
			continue
		}
		num := shareNumber(strings.ToLower(s[m[2]:m[3]]))
		den := fractionDenominators[strings.ToLower(s[m[4]:m[5]])]
		if num <= 0 || den == 0 || num >= den {
			continue
		}
		found = append(found, shareFigure(s, m[0], m[1], num/den*100))
	}
	for _, m := range matchesIf(strings.Contains(lower, "half"), halfShare, s) {
		after := strings.ToLower(strings.TrimLeft(s[m[1]:], " "))
		before := strings.ToLower(s[:m[0]])
		if strings.HasPrefix(after, "of a ") || strings.HasPrefix(after, "of an ") || halfOfSomething(before, after) {
			continue
		}
		if strings.HasPrefix(after, "of ") || thanBefore.MatchString(s[:m[0]]) {
			found = append(found, shareFigure(s, m[0], m[1], 50))
		}
	}
	for _, m := range matchesIf(inTen, inTenShare, s) {
		num := shareNumber(strings.ToLower(s[m[2]:m[3]]))
		den := fractionDenominators[strings.ToLower(s[m[4]:m[5]])]
		if num <= 0 || den == 0 || num > den || countsAfter(strings.ToLower(s[m[1]:])) {
			continue
		}
		found = append(found, shareFigure(s, m[0], m[1], num/den*100))
	}
	found = firstOfOverlapping(found)
	if len(found) == 0 {
		return figs, raws
	}
	var out []Figure
	var outRaw []float64
	for k, f := range figs {
		inside := false
		for _, sh := range found {
			if f.Start < sh.End && sh.Start < f.End {
				inside = true
				break
			}
		}
		if !inside {
			out, outRaw = append(out, f), append(outRaw, raws[k])
		}
	}
	for _, sh := range found {
		at := len(out)
		for k, f := range out {
			if f.Start > sh.Start {
				at = k
				break
			}
		}
		out = append(out[:at], append([]Figure{sh}, out[at:]...)...)
		outRaw = append(outRaw[:at], append([]float64{sh.Value}, outRaw[at:]...)...)
	}
	return out, outRaw
}

// shareNumber is the numerator of a share as written, or 0.
func shareNumber(w string) float64 {
	if w == "a" || w == "an" {
		return 1
	}
	if v, ok := unitWords[w]; ok {
		return v
	}
	if len(w) == 1 && w[0] >= '1' && w[0] <= '9' {
		return float64(w[0] - '0')
	}
	return 0
}

// shareFigure is the percentage of share s[start:end] of value v.
func shareFigure(s string, start, end int, v float64) Figure {
	f := Figure{Kind: "percent", Unit: "%", Value: v, Norm: "percent:" + formatNum(v), Start: start, End: end, Text: s[start:end]}
	setRange(s, &f)
	if f.Bound == "" {
		f.Bound, f.Low, f.High = "share", v*0.9, v*1.1
	}
	return f
}

// matchesIf returns re's submatch indexes in s, or none when try is
// false: the cheap word test before it found nothing the pattern needs.
func matchesIf(try bool, re *regexp.Regexp, s string) [][]int {
	if !try {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// halfOfSomething reports whether "half", between before and after (in
// lower case), is no share of a group: "half a million", "half an hour",
// "the first half of the year", "a year and a half of talks", or the
// "one half" of a fraction already read.
func halfOfSomething(before, after string) bool {
	for _, w := range []string{"a ", "an ", "million", "billion", "thousand", "hundred", "dozen"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	fs := strings.Fields(before)
	if len(fs) == 0 {
		return false
	}
	last := fs[len(fs)-1]
	if _, ok := ordinalWords[last]; ok || last == "one" || last == "second-" {
		return true
	}
	return len(fs) >= 2 && last == "a" && fs[len(fs)-2] == "and"
}

// countsAfter reports whether the words after "one in ten" make the ten a
// count of something else ("three in ten minutes", "one in 10,000
// children" is no share of ten).
func countsAfter(after string) bool {
	if strings.HasPrefix(after, ",") && len(after) > 1 && after[1] >= '0' && after[1] <= '9' {
		return true
	}
	fs := strings.Fields(after)
	if len(fs) == 0 {
		return false
	}
	switch strings.Trim(fs[0], ".,;:") {
	case "seconds", "minutes", "hours", "days", "weeks", "months", "years", "thousand", "million", "billion", "hundred":
		return true
	}
	return false
}

// firstOfOverlapping keeps, of shares whose spans overlap, the first
// found: "one half of" is read once.
func firstOfOverlapping(found []Figure) []Figure {
	var out []Figure
	for _, f := range found {
		if !slices.ContainsFunc(out, func(g Figure) bool { return f.Start < g.End && g.Start < f.End }) {
			out = append(out, f)
		}
	}
	return out
}
