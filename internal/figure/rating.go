package figure

import "strings"

// ratingWords are the scales news gives a grade on: "a Category 3
// storm", "a category-three hurricane", "a level 4 alert", "stage 2
// restrictions".
var ratingWords = map[string]bool{"category": true, "level": true, "phase": true, "grade": true, "stage": true, "tier": true}

// rating reads a grade on a scale at token i: its word, an optional
// hyphen and a number from one to ten in digits or words. Kind "rating",
// Unit the scale's word, Norm "rating:3:category". Only ExtractAll reads
// them: a grade is no quantity to Extract, which leaves "Category 3" out
// as a label.
func (p *parser) rating(i int) (Figure, int, bool) {
	w := p.word(i)
	if !ratingWords[w] {
		return Figure{}, 0, false
	}
	j := i + 1
	if p.hyphenAt(j) {
		j++
	}
	t, ok := p.tok(j)
	if !ok || j == i+2 && !t.joined {
		return Figure{}, 0, false
	}
	var v float64
	next := j + 1
	switch t.kind {
	case tokNum:
		if strings.ContainsAny(t.text, ".,") {
			return Figure{}, 0, false
		}
		v, ok = parseDigits(t.text)
	case tokWord:
		v, ok = unitWords[strings.ToLower(t.text)], unitWords[strings.ToLower(t.text)] != 0
	default:
		ok = false
	}
	if !ok || v < 1 || v > 10 {
		return Figure{}, 0, false
	}
	if n, ok := p.tok(next); ok && n.joined && (n.kind == tokWord || n.kind == tokNum) {
		return Figure{}, 0, false // "level 4b", "category 5000"
	}
	if p.word(next) == "of" {
		return Figure{}, 0, false // "on level 2 of a car park": a floor, no grade
	}
	f := Figure{Kind: "rating", Value: v, Unit: w, Start: p.toks[i].start, End: t.end, Low: v, High: v}
	f.Norm = "rating:" + formatNum(v) + ":" + w
	return f, next, true
}
