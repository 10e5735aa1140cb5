package figure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matters reports whether f, found in sentence s by Extract, is a figure a
// reader wants listed: a count with what it counts, an amount, a
// percentage, a date, a weekday, a year or a duration. It is false for
//
//   - ordinals ("first", "second", "21st"): a rank, not a quantity;
//   - "one" as a bare number ("with just one hand", "the middle one");
//   - a number word inside a name ("Air Force One", "Ninety Mile Beach");
//   - a number word that counts nothing named within a few words ("a
//     thing or two about"), while "nine African-American churchgoers" and
//     "seven other military officers" count;
//   - a small count that points back at things already named ("the two
//     countries", "both sides", "these three leaders").
//
// Extract keeps them all, since comparing outlets needs ordinals ("first
// visit") and every number; Matters is for lists of key figures.
func Matters(s string, f Figure) bool {
	switch f.Kind {
	case "ordinal":
		return false
	case "count":
		return !pointsBack(s, f)
	case "number":
		return numberMatters(s, f)
	}
	return true
}

// anaphors are the words before a count that make it refer back: "the two
// countries", "both sides", "these three".
var anaphors = map[string]bool{"the": true, "both": true, "these": true, "those": true, "their": true}

// pointsBack reports whether a count of two or three follows an anaphor.
func pointsBack(s string, f Figure) bool {
	if f.Value > 3 {
		return false
	}
	prev := lastWord(s[:f.Start])
	return anaphors[prev]
}

// lastWord returns the last word of s in lower case.
func lastWord(s string) string {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(fs[len(fs)-1], ",;:()\"“”‘’'"))
}

// countWindow is how many words after a number word its counted noun may
// come: "seven other active-duty military officers".
const countWindow = 5

// numberMatters decides for a bare number. Digits count ("less than 100",
// "aged 54"); a number word must count something named after it.
func numberMatters(s string, f Figure) bool {
	r, _ := utf8.DecodeRuneInString(f.Text)
	if unicode.IsDigit(r) {
		return true
	}
	if strings.EqualFold(f.Text, "one") {
		return false
	}
	if unicode.IsUpper(r) && (capitalisedAfter(s[f.End:]) || f.Start > 0 && capitalisedBefore(s[:f.Start])) {
		return false // part of a name
	}
	p := parser{s: s, toks: lex(s)}
	j := 0
	for j < len(p.toks) && p.toks[j].start < f.End {
		j++
	}
	for n := 0; j < len(p.toks) && n < countWindow; j++ {
		t := p.toks[j]
		if t.kind == tokPunct {
			if isHyphen(t.text) {
				continue
			}
			return false
		}
		if t.kind != tokWord || stopsCount[strings.ToLower(t.text)] {
			return false
		}
		if _, ok := pluralNoun(&p, j); ok || strings.HasSuffix(t.text, "men") || t.text == "people" || t.text == "children" {
			return true
		}
		n++
	}
	return false
}

// stopsCount are the words that end the phrase a number word may count:
// in "a thing or two about boats" nothing is counted.
var stopsCount = map[string]bool{
	"about": true, "of": true, "for": true, "to": true, "in": true, "on": true,
	"at": true, "with": true, "from": true, "by": true, "and": true, "or": true,
	"was": true, "were": true, "is": true, "are": true, "had": true, "have": true,
}

// capitalisedAfter reports whether the next word of s starts with a
// capital: "Ninety Mile".
func capitalisedAfter(s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(fs[0])
	return unicode.IsUpper(r)
}

// capitalisedBefore reports whether the word right before the figure is
// capitalised and not the end of a sentence: "Force One".
func capitalisedBefore(s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return false
	}
	w := fs[len(fs)-1]
	if strings.ContainsAny(w[len(w)-1:], ".,;:!?\"”’") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
