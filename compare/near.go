package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/wordvec"
)

// Two sources that report one fact in different words leave a clause in
// each unmatched, and each would be reported as found in its source only
// ("requires approval from the European Commission" / "still needs the
// blessing of the EU's competition watchdog"). A clause stays unique
// unless a sentence of another source that also holds an unmatched
// clause covers nearWorded of its weight, a word there counting as the
// clause's word when it has the same key or, by wordvec, is at least
// nearWord alike (counting for that cosine). Only leftovers that share a
// key with the clause are read: a true unique's nearest wording
// elsewhere is usually a sentence that already states another claim.
//
// On the evaluation set (TestGold), with the five events it then had,
// this takes unique precision from 0.65 to 0.69 on the dev events and
// from 0.67 to 0.73 on the held-out ones,
// for one found unique in each (recall 0.79 to 0.78 and 0.78 to 0.77):
// of the 16 clauses it keeps from being reported, 13 were false. Cosines
// of 0.5 and 0.55 and coverages of 0.4 to 0.55 lose up to half the found
// uniques; 0.65 and 0.7 gain nothing. Reading every sentence, not
// leftovers only, gives the same precision for three more lost. Also
// dropping the leftover's own clauses when they come near the first
// gained one dev claim and lost one held-out claim. Using the vectors to
// match words while building claims made "killed" state "injured":
// omission precision fell from 0.85 to 0.69.
//
// Vectors put words that name different things side by side ("killed"
// and "injured", "Monday" and "Tuesday", "northern" and "southern"):
// such words never stand for each other (contrastGroup). A clause reads
// at most nearReads leftovers, those sharing the most weight with it:
// among a hundred unrelated articles every clause is a leftover, and
// reading them all took ten times as long as the rest of the comparison
// (BenchmarkSourcesDistinct100); on the evaluation set the cap costs one
// false unique.
const (
	nearWord   = 0.6
	nearWorded = 0.6
	nearReads  = 8
)

// nearTerm is one word of a sentence: its key and its wordvec ID.
type nearTerm struct {
	key, vid int32
	// group is set for a word whose near neighbours name other things
	// (contrastGroup); it is not near to a word of another group.
	group string
}

// vecID is the wordvec ID of a word as written, less any possessive.
func vecID(tok string) int32 {
	tok = strings.ToLower(tok)
	for _, p := range []string{"'s", "’s"} {
		tok = strings.TrimSuffix(tok, p)
	}
	return wordvec.ID(tok)
}

// dropNearWorded returns the unique candidates cand less those another
// source's leftover sentence states in near words. With two sources
// every clause of one that the other lacks is a leftover, and the rule
// only loses found uniques (0.95 to 0.91 on the pairs of the evaluation
// set, for a precision of 0.87 to 0.88), so it needs three.
func (c *comparison) dropNearWorded(cand []int) []int {
	if len(cand) == 0 || len(c.arts) < 3 {
		return cand
	}
	// The leftover sentences, their words, and for each key the
	// leftovers that hold it: only those are read for a clause.
	var (
		lsrc  []int
		terms [][]nearTerm
		post  = make([][]int32, len(c.keys))
		index = make(map[[2]int]int32)
	)
	for _, i := range cand {
		u := &c.units[i]
		k := [2]int{u.src, u.n}
		if _, ok := index[k]; ok {
			continue
		}
		li := int32(len(terms))
		index[k] = li
		ts := c.nearTerms(u.src, u.n, 0, len(c.arts[u.src].Sentences[u.n]))
		lsrc = append(lsrc, u.src)
		terms = append(terms, ts)
		for _, t := range ts {
			if l := post[t.key]; len(l) == 0 || l[len(l)-1] != li {
				post[t.key] = append(l, li)
			}
		}
	}
	stamp := make([]int, len(terms))
	shared := make([]float64, len(terms))
	var near []int32
	out := cand[:0]
	for ci, i := range cand {
		u := &c.units[i]
		mine := c.nearTerms(u.src, u.n, u.start, u.end)
		var total float64
		near = near[:0]
		for _, t := range mine {
			total += c.idf[t.key]
			for _, li := range post[t.key] {
				if lsrc[li] == u.src {
					continue
				}
				if stamp[li] != ci+1 {
					stamp[li] = ci + 1
					shared[li] = 0
					near = append(near, li)
				}
				shared[li] += c.idf[t.key]
			}
		}
		if len(near) > nearReads {
			// The leftovers sharing the most weight with the clause
			// first; past nearReads the rest would rarely reach
			// nearWorded, and reading them all is quadratic in the
			// unmatched clauses of many unrelated sources.
			slices.SortFunc(near, func(a, b int32) int { return cmp.Compare(shared[b], shared[a]) })
			near = near[:nearReads]
		}
		if total == 0 || !c.nearAny(mine, total, near, terms) {
			out = append(out, i)
		}
	}
	return out
}

// nearTerms returns the words of sentence n of source src that start
// in the byte span lo..hi.
func (c *comparison) nearTerms(src, n, lo, hi int) []nearTerm {
	var out []nearTerm
	for _, t := range c.lex[src][n] {
		if t.Start >= lo && t.Start < hi {
			out = append(out, nearTerm{key: c.ids[t.Key], vid: vecID(t.Token), group: contrastGroup(t.Token)})
		}
	}
	return out
}

// nearest returns how well theirs holds word t: 1 for the same key,
// else the cosine of the nearest word of the same contrast group that is
// at least nearWord alike, else 0.
func nearest(t nearTerm, theirs []nearTerm) float64 {
	best := 0.0
	for _, o := range theirs {
		if o.key == t.key {
			return 1
		}
		if t.vid >= 0 && o.vid >= 0 && (t.group == o.group || t.group == "" || o.group == "") {
			if s := wordvec.Sim(t.vid, o.vid); s >= nearWord && s > best {
				best = s
			}
		}
	}
	return best
}

// nearAny reports whether one of the leftover sentences near covers the
// words mine, of weight total, in near words.
func (c *comparison) nearAny(mine []nearTerm, total float64, near []int32, terms [][]nearTerm) bool {
	need := nearWorded * total
	for _, li := range near {
		theirs := terms[li]
		got, left := 0.0, total
		for _, t := range mine {
			w := c.idf[t.key]
			left -= w
			got += w * nearest(t, theirs)
			if got >= need {
				return true
			}
			if got+left < need {
				break
			}
		}
	}
	return false
}

// contrastGroup returns what a word names when vectors put it next to
// words that name something else: an outcome ("killed" beside
// "injured"), a day or month ("Monday" beside "Tuesday"), a direction
// ("northern" beside "southern"); "" for any other word.
func contrastGroup(tok string) string {
	w := strings.ToLower(tok)
	if o := outcomeOf(w); o != "" {
		return o
	}
	if calendarWords[w] {
		return w
	}
	for _, d := range []string{"north", "south", "east", "west"} {
		if strings.HasPrefix(w, d) {
			return d
		}
	}
	return ""
}
