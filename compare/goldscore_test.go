package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newslens/newslens/internal/figure"
)

// ratio is a count of hits out of a total.
type ratio struct{ hit, of int }

func (r ratio) value() float64 {
	if r.of == 0 {
		return 1
	}
	return float64(r.hit) / float64(r.of)
}

func (r ratio) add(o ratio) ratio { return ratio{r.hit + o.hit, r.of + o.of} }

func (r ratio) String() string { return fmt.Sprintf("%.2f (%d/%d)", r.value(), r.hit, r.of) }

// goldScore is a Report measured against one event's gold. Precision
// ratios count correct findings out of reported ones; recall ratios count
// gold items found out of gold items.
type goldScore struct {
	uniqueP, omissionP, discP, termP, quoteP, quotedP ratio
	uniqueR, omissionR, discR, termR, quoteR          ratio
	rowP, cellAcc, factCov                            ratio
	// details lists each false positive and missed item, one line each.
	details []string
}

// combinedP is the precision of unique and omission claims together.
func (s *goldScore) combinedP() ratio { return s.uniqueP.add(s.omissionP) }

func (s *goldScore) addAll(o *goldScore) {
	for _, p := range []struct{ a, b *ratio }{
		{&s.uniqueP, &o.uniqueP}, {&s.omissionP, &o.omissionP}, {&s.discP, &o.discP},
		{&s.termP, &o.termP}, {&s.quoteP, &o.quoteP}, {&s.quotedP, &o.quotedP},
		{&s.uniqueR, &o.uniqueR}, {&s.omissionR, &o.omissionR}, {&s.discR, &o.discR},
		{&s.termR, &o.termR}, {&s.quoteR, &o.quoteR},
		{&s.rowP, &o.rowP}, {&s.cellAcc, &o.cellAcc}, {&s.factCov, &o.factCov},
	} {
		*p.a = p.a.add(*p.b)
	}
}

func (s *goldScore) note(format string, args ...any) {
	s.details = append(s.details, fmt.Sprintf(format, args...))
}

// score measures r against the gold; see testdata/README.md for the rules.
func (ev *goldEvent) score(r *Report) *goldScore {
	s := &goldScore{}
	ev.scoreUniques(r, s)
	ev.scoreOmissions(r, s)
	ev.scoreDiscrepancies(r, s)
	ev.scoreTerms(r, s)
	ev.scoreQuotes(r, s)
	ev.scoreMatrix(r, s)
	return s
}

func (ev *goldEvent) label(si int) string { return ev.arts[si].Label }

// majority reports whether a fact is carried by more than half the
// sources, the README's rule for an omission.
func (ev *goldEvent) majority(f goldFact) bool { return 2*len(f.at) > len(ev.arts) }

// uniqueFactAt returns the gold facts unique to source si that sentence
// n (0-based) states. When the claim's text is a part of the sentence
// (a clause cut out of it, as written), the facts must lie in that part.
func (ev *goldEvent) uniqueFactAt(si, n int, text string) []string {
	cs, ce, cut := ev.loc.clause(si, n, text)
	var ids []string
	for _, f := range ev.facts {
		if len(f.at) != 1 || !f.at[si][n] {
			continue
		}
		if !cut || overlaps(f.ranges[si], cs, ce) {
			ids = append(ids, f.id)
		}
	}
	return ids
}

func overlaps(ranges [][2]int, start, end int) bool {
	for _, r := range ranges {
		if r[0] < end && start < r[1] {
			return true
		}
	}
	return false
}

func (ev *goldEvent) scoreUniques(r *Report, s *goldScore) {
	found := map[string]bool{} // fact id
	for si := range ev.arts {
		l := ev.label(si)
		for _, u := range r.Unique[l] {
			ids := ev.uniqueFactAt(si, u.Sentence-1, u.Text)
			s.uniqueP.of++
			if len(ids) == 0 {
				s.note("unique FP   %s %d: %q", l, u.Sentence, u.Text)
				continue
			}
			s.uniqueP.hit++
			for _, id := range ids {
				found[id] = true
			}
		}
	}
	for _, f := range ev.facts {
		if len(f.at) != 1 {
			continue
		}
		s.uniqueR.of++
		if found[f.id] {
			s.uniqueR.hit++
			continue
		}
		for si, sp := range f.at {
			s.note("unique MISS %s [%s] %s: %s", ev.label(si), f.id, f.desc, sentList(sp))
		}
	}
}

// omissionFacts returns the gold facts that omission o, reported for
// source si, is about: facts si lacks, carried by more than half the
// sources, and stated in the cited sentences of more than half the
// sources o cites.
func (ev *goldEvent) omissionFacts(si int, o Omission) []string {
	var ids []string
	for _, f := range ev.facts {
		if _, has := f.at[si]; has || !ev.majority(f) {
			continue
		}
		in := 0
		for l, ns := range o.Evidence {
			sj, ok := ev.src[l]
			if ok && anyIn(f.at[sj], ns) {
				in++
			}
		}
		if 2*in > len(o.Evidence) {
			ids = append(ids, f.id)
		}
	}
	return ids
}

func (ev *goldEvent) scoreOmissions(r *Report, s *goldScore) {
	found := map[string]bool{} // fact id + "\x00" + label
	for si := range ev.arts {
		l := ev.label(si)
		for _, o := range r.Omissions[l] {
			ids := ev.omissionFacts(si, o)
			s.omissionP.of++
			if len(ids) == 0 {
				s.note("omission FP   %s leaves out %q (cited %s)", l, o.Text, evidenceList(o.Evidence))
				continue
			}
			s.omissionP.hit++
			for _, id := range ids {
				found[id+"\x00"+l] = true
			}
		}
	}
	for _, f := range ev.facts {
		if !ev.majority(f) {
			continue
		}
		for si := range ev.arts {
			if _, has := f.at[si]; has {
				continue
			}
			s.omissionR.of++
			if found[f.id+"\x00"+ev.label(si)] {
				s.omissionR.hit++
			} else {
				s.note("omission MISS %s leaves out [%s] %s", ev.label(si), f.id, f.desc)
			}
		}
	}
}

// discMatch returns the gold discrepancy d matches: two or more of its
// values fall in the annotated sentences of one gold quantity, with
// different gold classes and different reported classes.
func (ev *goldEvent) discMatch(d Discrepancy) (int, bool) {
	for gi, g := range ev.discs {
		classOf := map[string]int{} // gold class to reported class
		distinct := 0
		for _, v := range d.Values {
			si, ok := ev.src[v.Source]
			if !ok || !g.at[si][v.Sentence-1] || !sameValueText(v.Text, g.value[si]) {
				continue
			}
			gc := g.class[si]
			if _, seen := classOf[gc]; !seen {
				classOf[gc] = v.Class
				distinct++
			}
		}
		if distinct < 2 {
			continue
		}
		rep := map[int]bool{}
		for _, rc := range classOf {
			rep[rc] = true
		}
		if len(rep) >= 2 {
			return gi, true
		}
	}
	return 0, false
}

// sameValueText reports whether a reported value and a gold one are the
// same figure as written, one holding the other ("139 seats", "139"):
// a sentence may hold the figures of two gold quantities.
func sameValueText(reported, gold string) bool {
	r, g := strings.ToLower(reported), strings.ToLower(gold)
	if strings.Contains(r, g) || strings.Contains(g, r) {
		return true
	}
	for _, a := range figure.ExtractAll(reported) {
		for _, b := range figure.ExtractAll(gold) {
			if a.Value == b.Value {
				return true // "200 people", "more than 200"; "3.5 years", "three and a half years"
			}
		}
	}
	return false
}

func (ev *goldEvent) scoreDiscrepancies(r *Report, s *goldScore) {
	found := map[int]bool{}
	for _, d := range r.Discrepancies {
		s.discP.of++
		gi, ok := ev.discMatch(d)
		if !ok {
			var vs []string
			for _, v := range d.Values {
				vs = append(vs, fmt.Sprintf("%s %d %q", v.Source, v.Sentence, v.Text))
			}
			s.note("discrepancy FP   %q: %s", d.Topic, strings.Join(vs, ", "))
			continue
		}
		s.discP.hit++
		found[gi] = true
	}
	for gi, g := range ev.discs {
		s.discR.of++
		if found[gi] {
			s.discR.hit++
			continue
		}
		var vs []string
		for si := range ev.arts {
			if v, ok := g.value[si]; ok {
				vs = append(vs, fmt.Sprintf("%s %q", ev.label(si), v))
			}
		}
		s.note("discrepancy MISS [%s] %s: %s", g.id, g.desc, strings.Join(vs, ", "))
	}
}

// termVariants returns the gold term t matches and the gold variants it
// names: at least two sources' reported terms must each name one of
// their gold terms for t, and the named variants must differ. Of two gold
// terms t names, the one it names more variants of is the match:
// "drones" beside "clashes involving artillery and drones" names the
// drones, not the clash.
func (ev *goldEvent) termVariants(t Term) (int, map[string]bool, bool) {
	best, bestNamed := -1, map[string]bool(nil)
	for gi, g := range ev.terms {
		named := map[string]bool{}
		for l, term := range t.BySource {
			si, ok := ev.src[l]
			if !ok {
				continue
			}
			for _, v := range g.bySource[si] {
				if termMatch(term, v) {
					named[v] = true
				}
			}
		}
		if len(named) >= 2 && len(named) > len(bestNamed) {
			best, bestNamed = gi, named
		}
	}
	return best, bestNamed, best >= 0
}

func (ev *goldEvent) scoreTerms(r *Report, s *goldScore) {
	found := map[string]bool{} // term id + "\x00" + variant
	for _, t := range r.Terms {
		s.termP.of++
		gi, named, ok := ev.termVariants(t)
		if !ok {
			s.note("term FP   %q: %s", t.Concept, termList(t.BySource))
			continue
		}
		s.termP.hit++
		for v := range named {
			found[ev.terms[gi].id+"\x00"+v] = true
		}
	}
	for _, g := range ev.terms {
		for _, v := range g.variants {
			s.termR.of++
			if found[g.id+"\x00"+v] {
				s.termR.hit++
			} else {
				s.note("term MISS [%s] %q", g.id, v)
			}
		}
	}
}

// speakerMatch reports whether a reported speaker is one of the gold
// names for the speaker.
func speakerMatch(reported string, gold []string) bool {
	r := normSpeaker(reported)
	for _, g := range gold {
		if r == g {
			return true
		}
	}
	return false
}

// quoteMatch reports whether a reported rendering is the gold one: one
// holds the other once quotation marks, case and end punctuation are
// set aside. The sentence alone is not enough, since one sentence can
// quote two things.
func quoteMatch(reported, gold string) bool {
	clean := func(s string) string {
		return strings.ToLower(strings.Trim(s, "\"'“”‘’ ,.;:!?"))
	}
	g := clean(gold)
	// a rendering joined from the parts of a split quotation ("We will
	// rebuild, … and quickly.") matches by any of its parts
	for _, part := range append([]string{reported}, strings.Split(reported, " … ")...) {
		if r := clean(part); r != "" && (strings.Contains(g, r) || strings.Contains(r, g)) {
			return true
		}
	}
	return false
}

// quoteSources returns, for a reported quote, the gold quotes its
// variants fall on: gold quote index to the labels placed on it.
func (ev *goldEvent) quoteSources(q Quote) map[int][]string {
	on := map[int][]string{}
	for _, v := range q.Variants {
		for l, ns := range v.Evidence {
			si, ok := ev.src[l]
			if !ok {
				continue
			}
			for gi, g := range ev.quots {
				if anyIn(g.at[si], ns) && quoteMatch(v.Text, g.text[si]) {
					on[gi] = append(on[gi], l)
				}
			}
		}
	}
	return on
}

func (ev *goldEvent) scoreQuotes(r *Report, s *goldScore) {
	found := map[string]bool{} // quote id + "\x00" + label
	for _, q := range r.Quotes {
		s.quoteP.of++
		on := ev.quoteSources(q)
		best, bestN := -1, 0
		for gi, ls := range on {
			if len(ls) > bestN || (len(ls) == bestN && gi < best) {
				best, bestN = gi, len(ls)
			}
		}
		switch {
		case bestN < 2:
			s.note("quote FP   %s: %q matches no quote of the gold in two sources", q.Speaker, quoteText(q))
		case len(on) > 1:
			s.note("quote FP   %s: %q mixes quotes of the gold", q.Speaker, quoteText(q))
		case !speakerMatch(q.Speaker, ev.quots[best].speakers):
			s.note("quote FP   speaker %q for [%s], want one of %q", q.Speaker, ev.quots[best].id, ev.quots[best].speakers)
		default:
			s.quoteP.hit++
			for _, l := range on[best] {
				found[ev.quots[best].id+"\x00"+l] = true
			}
		}
	}
	for _, g := range ev.quots {
		if len(g.at) < 2 {
			continue
		}
		for si := range ev.arts {
			if _, ok := g.at[si]; !ok {
				continue
			}
			s.quoteR.of++
			if found[g.id+"\x00"+ev.label(si)] {
				s.quoteR.hit++
			} else {
				s.note("quote MISS [%s] %s %q", g.id, ev.label(si), g.text[si])
			}
		}
	}
	for _, qd := range r.Quoted {
		s.quotedP.of++
		ok := false
		for _, g := range ev.quots {
			if speakerMatch(qd.Speaker, g.speakers) {
				ok = true
			}
		}
		if ok {
			s.quotedP.hit++
		} else {
			s.note("quoted FP   %q is not a speaker of the gold", qd.Speaker)
		}
	}
}

// scoreMatrix maps each claim row to the gold fact stated in the cells of
// more than half of its stating sources (the most such cells wins), then
// checks every cell of a mapped row against the gold.
func (ev *goldEvent) scoreMatrix(r *Report, s *goldScore) {
	covered := map[int]bool{}
	for _, c := range r.Matrix {
		s.rowP.of++
		best, bestN := -1, 0
		for fi, f := range ev.facts {
			n := 0
			for l, cell := range c.Cells {
				si, ok := ev.src[l]
				if ok && cell.State != Absent && anyIn(f.at[si], cell.Sentences) {
					n++
				}
			}
			if n > bestN {
				best, bestN = fi, n
			}
		}
		if best < 0 || 2*bestN <= c.Stated {
			s.note("matrix FP   row %q matches no single fact of the gold", c.Text)
			continue
		}
		s.rowP.hit++
		covered[best] = true
		f := ev.facts[best]
		for l, cell := range c.Cells {
			si, ok := ev.src[l]
			if !ok {
				continue
			}
			_, want := f.at[si]
			s.cellAcc.of++
			if (cell.State != Absent) == want {
				s.cellAcc.hit++
			} else {
				s.note("matrix cell %s for [%s] is %s, gold says stated=%v", l, f.id, cell.State, want)
			}
		}
	}
	for fi, f := range ev.facts {
		if len(f.at) < 2 {
			continue
		}
		s.factCov.of++
		if covered[fi] {
			s.factCov.hit++
		}
	}
}

// anyIn reports whether any of the 1-based sentence numbers ns is in sp.
func anyIn(sp span, ns []int) bool {
	for _, n := range ns {
		if sp[n-1] {
			return true
		}
	}
	return false
}

func sentList(sp span) string {
	var ns []int
	for n := range sp {
		ns = append(ns, n+1)
	}
	sort.Ints(ns)
	return fmt.Sprint(ns)
}

func evidenceList(ev map[string][]int) string {
	var ls []string
	for l, ns := range ev {
		ls = append(ls, fmt.Sprintf("%s %v", l, ns))
	}
	sort.Strings(ls)
	return strings.Join(ls, ", ")
}

func termList(by map[string]string) string {
	var ls []string
	for l, t := range by {
		ls = append(ls, l+"="+t)
	}
	sort.Strings(ls)
	return strings.Join(ls, ", ")
}

func quoteText(q Quote) string {
	var ts []string
	for _, v := range q.Variants {
		ts = append(ts, v.Text)
	}
	return strings.Join(ts, " / ")
}
