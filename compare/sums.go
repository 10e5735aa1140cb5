package compare

import "github.com/newslens/newslens/internal/figure"

// bigSum is the least a sum must be worth, in rough US dollars, for
// another source giving it to count as that source stating the fact the
// sum is in: large sums rarely come up twice by chance.
const bigSum = 1e6

// givesSum reports whether source si gives, in any sentence, a large sum
// of money that a clause of claim g gives, in the same currency or in
// another one (figure.SameAmount: "1.9 billion euros", "£1.65bn",
// "760 billion forints"): it may state the claim in words the matcher
// missed, and is not said to leave it out.
func (c *comparison) givesSum(g *group, si int) bool {
	var sums []figureT
	var at []sumAt // each of sums with where it is
	for _, m := range g.members {
		lo, hi := 0, len(c.arts[m.src].Sentences[m.n])
		if m.unit >= 0 {
			lo, hi = c.units[m.unit].start, c.units[m.unit].end
		}
		for _, f := range c.figuresAt(m.src, m.n) {
			if v, ok := figure.Dollars(f); ok && v >= bigSum && f.Start >= lo && f.Start < hi {
				sums = append(sums, f)
				at = append(at, sumAt{f, m.src, m.n})
			}
		}
	}
	about := func() map[string]bool {
		words := make(map[string]bool)
		for _, sa := range at {
			ctx, _ := figContext(c.wordsAround(sa.src, sa.n), sa.f)
			for _, k := range ctx {
				words[k] = true
			}
		}
		return words
	}
	return c.givesAnySum(sums, about, si)
}

// givesAnySum reports whether source si gives, in any sentence, one of
// the large sums sums, in its currency or in another, or a large sum in
// a currency with no rate here beside one of the words the sums are
// given beside (aboutOf, read only then).
func (c *comparison) givesAnySum(sums []figureT, aboutOf func() map[string]bool, si int) bool {
	if len(sums) == 0 {
		return false
	}
	var about map[string]bool // read only for a sum in a currency with no rate
	for _, sa := range c.sumsOf(si) {
		f := sa.f
		if _, ok := figure.Dollars(f); !ok && f.Value >= bigSum {
			// "accepted bribes totalling 19.2 million crowns": a
			// currency with no rate here may be worth the same, when
			// it pays for the same thing.
			if about == nil {
				about = aboutOf()
			}
			ctx, _ := figContext(c.wordsAround(si, sa.n), f)
			for _, k := range ctx {
				if about[k] {
					return true
				}
			}
			continue
		}
		for _, s := range sums {
			if figure.SameAmount(s, f) || figEqual(s, f) {
				return true
			}
		}
	}
	return false
}

// sumAt is a sum of money and the source and sentence that give it.
type sumAt struct {
	f      figureT
	src, n int
}

// sumsOf returns the sums of money source si gives, read on first use.
func (c *comparison) sumsOf(si int) []sumAt {
	if c.sums == nil {
		c.sums = make([][]sumAt, len(c.arts))
	}
	if c.sums[si] == nil {
		out := []sumAt{}
		for n := range c.arts[si].Sentences {
			for _, f := range c.figuresAt(si, n) {
				if f.Kind == "money" {
					out = append(out, sumAt{f, si, n})
				}
			}
		}
		c.sums[si] = out
	}
	return c.sums[si]
}

// bigSums returns the figures idx of figs that are large sums of money.
func bigSums(figs []looseFig, idx []int) []figureT {
	var out []figureT
	for _, i := range idx {
		if v, ok := figure.Dollars(figs[i].f); ok && v >= bigSum {
			out = append(out, figs[i].f)
		}
	}
	return out
}
