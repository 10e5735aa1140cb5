package compare

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Products, drugs and weapons often carry a code beside their names:
// "its experimental drug AV-417, or ostrelinib", "Pulmavex (AV-417)",
// "the Hwasong-18 missile". An outlet that writes the code beside a name
// says the two are one thing, and the coverage then names that thing in
// as many ways as outlets choose: the code, the generic name, the brand.
// codeNameTerms reads these pairs from every source, joins the names
// they tie (the code ties "ostrelinib" in one outlet to "Pulmavex" in
// another) and reports how each source names the thing, as aliasTerms
// does for the referents the lexicon knows.

// codeName matches a product code: capitals, an optional hyphen, digits
// and an optional letter ("AV-417", "LY3298176", "T-14", "Su-57").
var codeName = regexp.MustCompile(`^[A-Z][A-Za-z]{0,4}-?\d{2,7}[A-Za-z]?$`)

// codePairs match a code and a name written as one thing: "NAME (CODE)",
// "CODE (NAME)", "CODE, or NAME," and "NAME, or CODE,". A name is one
// word of four or more letters.
var codePairs = []*regexp.Regexp{
	regexp.MustCompile(`\b([A-Za-z][\w-]{3,}) \(([A-Za-z][\w-]{1,15})\)`),
	regexp.MustCompile(`\b([A-Za-z][\w-]{1,15}), (?:or|also known as|known as|sold as|branded) ([A-Za-z][\w-]{3,})\b`),
}

// codeNameTerms returns the terms of the things a code ties names to,
// when two or more sources name one of them and they name it
// differently.
func (c *comparison) codeNameTerms() []Term {
	uf := newTermCollector()
	for _, a := range c.arts {
		for _, s := range a.Sentences {
			if !mayHoldCode(s) {
				continue
			}
			for _, re := range codePairs {
				for _, m := range re.FindAllStringSubmatch(s, -1) {
					x, y := m[1], m[2]
					if codeName.MatchString(x) == codeName.MatchString(y) || !nameWordOK(x) || !nameWordOK(y) {
						continue // a code and a name, not two names nor two codes
					}
					uf.union(strings.ToLower(x), strings.ToLower(y))
				}
			}
		}
	}
	var out []Term
	sets := make(map[string][]string)
	var roots []string
	for k := range uf.parent {
		r := uf.find(k)
		if sets[r] == nil {
			roots = append(roots, r)
		}
		sets[r] = append(sets[r], k)
	}
	sort.Strings(roots)
	for _, r := range roots {
		forms := sets[r]
		sort.Strings(forms)
		if len(forms) < 2 {
			continue
		}
		bySrc := make(map[int][]aliasUse)
		for si, a := range c.arts {
			for n, s := range a.Sentences {
				for _, u := range formsIn(s, forms) {
					bySrc[si] = append(bySrc[si], aliasUse{form: u, n: n})
				}
			}
		}
		if t, ok := c.aliasTerm(bySrc); ok {
			out = append(out, t)
		}
	}
	return out
}

// mayHoldCode reports whether s has a word that opens with a capital and
// reaches a digit within six more letters or a hyphen, as a code does:
// a cheap test before the patterns are run.
func mayHoldCode(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' || i > 0 && (s[i-1] == '-' || unicode.IsLetter(rune(s[i-1])) || unicode.IsDigit(rune(s[i-1]))) {
			continue
		}
		for j := i + 1; j < len(s) && j <= i+7; j++ {
			b := s[j]
			if b >= '0' && b <= '9' {
				return true
			}
			if b != '-' && (b < 'a' || b > 'z') && (b < 'A' || b > 'Z') {
				break
			}
		}
	}
	return false
}

// nameWordOK reports whether w may be a name or a code: not a common
// word written in lower case at the start of a list ("and", "with").
func nameWordOK(w string) bool {
	return !codeStop[strings.ToLower(w)]
}

// codeStop are words the pairs' patterns may catch that name nothing.
var codeStop = map[string]bool{
	"and": true, "with": true, "from": true, "that": true, "this": true, "which": true, "where": true,
	"when": true, "about": true, "more": true, "than": true, "they": true, "their": true, "were": true,
	"said": true, "also": true, "into": true, "over": true, "after": true, "before": true,
}

// formsIn returns the forms (lower case) written in s as whole words,
// as s writes them, in order.
func formsIn(s string, forms []string) []string {
	lower := strings.ToLower(s)
	type hit struct {
		at   int
		form string
	}
	var hits []hit
	for _, f := range forms {
		for i := wholeWordAt(lower, f, 0); i >= 0; i = wholeWordAt(lower, f, i+len(f)) {
			hits = append(hits, hit{i, s[i : i+len(f)]})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.form
	}
	return out
}
