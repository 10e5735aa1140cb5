package figure

import (
	"regexp"
	"strings"
)

// partOfLink is what stands between a bare number and the count it is a
// part of: "1,500 of the works' 6,800 jobs", "180 of its 300 seats",
// "12 of the 40 people on board". At most three words, the first a
// determiner or a possessive, so "1,500 of them said 6,800 jobs" is not
// read as one.
var partOfLink = regexp.MustCompile(`^\s+of\s+(?:the|its|their|his|her|our|these|those|all|[\p{L}.-]+(?:'s|’s|s'|s’))(?:\s+[\p{L}.'’-]+){0,2}?\s+$`)

// partsOf gives a bare number written as a part of the count after it
// that count's unit: "up to 1,500 of the works' 6,800 jobs" counts 1,500
// jobs, as another report's "as many as 1,200 jobs" does. "One of the
// 12 miners" picks out a person and stays a number.
func partsOf(s string, figs []Figure) {
	for k := 0; k+1 < len(figs); k++ {
		f, next := &figs[k], figs[k+1]
		if f.Kind != "number" || f.Unit != "" || f.Value < 2 || next.Kind != "count" || next.Unit == "" || next.Start < f.End {
			continue
		}
		between := s[f.End:next.Start]
		if !partOfLink.MatchString(between) || strings.ContainsAny(between, ",;:()") {
			continue
		}
		f.Kind, f.Unit = "count", next.Unit
		f.Norm = "count:" + formatNum(f.Value) + ":" + next.Unit
	}
}
