package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/figure"
	"github.com/newslens/newslens/internal/lexicon"
	"github.com/newslens/newslens/internal/worddiff"
	"github.com/newslens/newslens/internal/words"
)

// report turns the claims and unique clauses into findings.
func (c *comparison) report() *Report {
	r := &Report{
		SchemaVersion: SchemaVersion,
		Sources:       make([]Source, len(c.arts)),
		Shared:        []Shared{},
		Unique:        map[string][]Sentence{},
		Omissions:     map[string][]Omission{},
		Discrepancies: []Discrepancy{},
		Quotes:        []Quote{},
		Terms:         []Term{},
		Warnings:      append([]string{}, c.warnings...),
	}
	nsent := 0
	for i, a := range c.arts {
		r.Sources[i] = Source{Label: c.labels[i], URL: a.URL, Title: a.Title, Date: a.Date, SHA256: a.SHA256, Sentences: len(a.Sentences)}
		nsent += len(a.Sentences)
	}
	r.Headlines = c.headlines()

	clusters := c.clusterQuotes()
	c.mergeByQuotes(clusters)
	order := c.claimOrder()
	r.Provenance = Provenance{Engine: Engine, Threshold: c.threshold, Sentences: nsent, Groups: len(order) + len(c.unique)}
	tc := newTermCollector()
	covering := make(map[string]bool) // values counted from covering sentences
	for _, gi := range order {
		g := c.groups[gi]
		sh := c.shared(gi, tc)
		r.Shared = append(r.Shared, sh)
		c.omissions(r, g, sh)
		r.Discrepancies = append(r.Discrepancies, c.discrepancies(g, covering)...)
	}
	c.dropQuoteTwins(r, clusters)
	c.figureOmissions(r)
	c.uniques(r)
	r.Discrepancies = cleanDiscrepancies(r.Discrepancies)
	c.extendDiscrepancies(r.Discrepancies, covering)
	r.Discrepancies = c.joinSharedValues(append(r.Discrepancies, c.looseDiscrepancies(r.Discrepancies, covering)...))
	dropDisputed(r)
	r.Quotes = c.quotes(clusters)
	r.Terms = c.dropBylines(dropSelfNames(dropBrokenForms(dropSpellingOnly(c.mergeTerms(append(append(c.aliasTerms(), c.nameTerms()...), c.codeNameTerms()...), append(append(tc.terms(c), c.headTerms()...), c.namedKinds()...))))))
	r.Quoted = c.quoted(clusters)
	r.BuildMatrix()
	r.near = c.nearest
	r.Provenance.Embeddings = c.embedProv
	return r
}

// claimOrder lists the non-empty claims in the order their anchors
// appear in the sources.
func (c *comparison) claimOrder() []int {
	var order []int
	for gi, g := range c.groups {
		if len(g.members) > 1 {
			order = append(order, gi)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := c.groups[order[i]].members[c.groups[order[i]].rep], c.groups[order[j]].members[c.groups[order[j]].rep]
		if a.src != b.src {
			return a.src < b.src
		}
		if a.n != b.n {
			return a.n < b.n
		}
		return a.unit < b.unit
	})
	return order
}

// claimText is what a claim says: its anchor clause, or the anchor's
// sentence when the clause is all of it.
func (c *comparison) claimText(g *group) string {
	rep := g.members[g.rep]
	if rep.unit < 0 || c.wholeSentence(rep.unit) {
		return c.bodyText(rep)
	}
	return c.unitText(rep.unit)
}

// bodyText is a member's sentence as a claim shows it: without the
// dateline an agency puts before its first ("HALVIK, May 9 (Wire) - "),
// which says where the story was filed, not what happened, and would
// otherwise stand in every word diff.
func (c *comparison) bodyText(m member) string {
	return c.text(m)[c.bodyStart(m.src, m.n):]
}

// memberText is the sentence, or two adjacent sentences, of a member,
// without a dateline (bodyText).
func (c *comparison) memberText(m member) string {
	if m.n2 < 0 {
		return c.bodyText(m)
	}
	return c.bodyText(m) + " " + c.arts[m.src].Sentences[m.n2]
}

// maxWordings bounds the distinct wordings of one claim that are
// word-diffed and shown: a claim that forty outlets state in thirty
// wordings is read from its first few, and the diffs would otherwise
// grow with the square of the sources.
const maxWordings = 12

// shared turns claim gi into a Shared finding, collecting the terms its
// members substitute for the anchor's.
func (c *comparison) shared(gi int, tc *termCollector) Shared {
	g := c.groups[gi]
	rep := g.members[g.rep]
	sh := Shared{
		Text:       c.claimText(g),
		TextFrom:   c.labels[rep.src],
		Evidence:   map[string][]int{},
		Similarity: round3(g.minSim),
		By:         Engine,
		scores:     map[string]float64{},
		matchers:   map[string]string{},
	}
	diffs := make(map[string][]worddiff.Op) // the same wording is diffed once
	for i, m := range g.members {
		l := c.labels[m.src]
		sh.Sources = append(sh.Sources, l)
		sh.Evidence[l] = []int{m.n + 1}
		if m.n2 >= 0 {
			sh.Evidence[l] = append(sh.Evidence[l], m.n2+1)
		}
		sh.scores[l] = round3(m.sim)
		sh.matchers[l] = c.matcherFor(rep, m)
		if i == g.rep {
			continue
		}
		text := c.memberText(m)
		ops, seen := diffs[text]
		if !seen && len(diffs) == maxWordings {
			continue
		}
		if !seen {
			ops = worddiff.Diff(c.bodyText(rep), text)
			diffs[text] = ops
		}
		if !worddiff.Same(ops) {
			sh.Wording = append(sh.Wording, Wording{Source: l, Sentence: m.n + 1, Text: text, Diff: worddiff.Text(ops, false), ops: ops})
			if m.n2 < 0 {
				tc.collect(gi, rep, m, c, seen)
			}
		}
	}
	c.collectAmongMembers(gi, tc)
	return sh
}

// betweenPairs bounds the pairs of members, other than the anchor, read
// for terms in one claim (collectAmongMembers). Six and twelve give the
// same figures on the evaluation set; six reads half the diffs of a
// claim that a hundred sources state.
const betweenPairs = 6

// collectAmongMembers records the term pairs between members other than
// the anchor: two outlets may name a thing alike in wording the anchor
// does not share.
func (c *comparison) collectAmongMembers(gi int, tc *termCollector) {
	g := c.groups[gi]
	seen := make(map[[2]string]bool)
	for i, a := range g.members {
		for j := i + 1; j < len(g.members); j++ {
			b := g.members[j]
			if i == g.rep || j == g.rep || a.src == b.src || a.n2 >= 0 || b.n2 >= 0 {
				continue
			}
			k := [2]string{c.text(a), c.text(b)}
			if k[0] == k[1] || seen[k] || len(seen) == betweenPairs {
				continue
			}
			seen[k] = true
			tc.between = true
			tc.collect(gi, a, b, c, false)
			tc.between = false
		}
	}
}

// omissions records, for a claim more than half the sources state (and
// at least two), each source that does not state it. A claim one source
// short of that majority counts the sources that state it in near words
// (nearSources) and, when they make it up, reports the others.
func (c *comparison) omissions(r *Report, g *group, sh Shared) {
	if len(c.arts) < 3 {
		return
	}
	var near map[int]bool
	if have := len(g.members) - c.subtotalMembers(g); 2*have <= len(c.arts) {
		if 2*(have+1) <= len(c.arts) {
			return
		}
		// One source short of a majority: sources that state the claim
		// in near words (nearSources) count towards it.
		near = c.nearSources(g)
		if 2*(have+len(near)) <= len(c.arts) {
			return
		}
	}
	var figs []int
	figsRead := false
	for si, l := range c.labels {
		if inGroup(g, si) || near[si] || c.statesLoosely(g, si) || c.givesSum(g, si) {
			continue
		}
		if !figsRead {
			figs, figsRead = c.claimFigures(g), true
		}
		if c.givesQuantity(figs, si) {
			continue
		}
		r.Omissions[l] = append(r.Omissions[l], Omission{Text: sh.Text, PresentIn: sh.Sources, Evidence: sh.Evidence, By: Engine})
	}
}

// dropQuoteTwins keeps, of a source's omissions of claims that every
// sentence they rest on states by quoting one quotation (one cluster of
// clusters), the first: a quotation of two sentences, or one split
// around its attribution, makes two claims of its two parts, and a
// source that leaves out the quotation leaves out one thing.
func (c *comparison) dropQuoteTwins(r *Report, clusters []*quoteCluster) {
	quoteOf := make(map[[2]int]int) // source and sentence -> cluster, -1 for two
	mark := func(k [2]int, ci int) {
		if o, ok := quoteOf[k]; ok && o != ci {
			quoteOf[k] = -1
		} else {
			quoteOf[k] = ci
		}
	}
	for ci, qc := range clusters {
		for _, ref := range qc.refs {
			mark([2]int{ref.src, ref.n}, ci)
			// the sentences a quotation runs on into
			sents := c.arts[ref.src].Sentences
			for k := ref.n + 1; k < len(sents); k++ {
				rest := strings.Trim(sents[k], ` "“”`)
				if rest == "" || !strings.Contains(ref.q.Text, rest) {
					break
				}
				mark([2]int{ref.src, k}, ci)
			}
		}
	}
	srcOf := make(map[string]int, len(c.labels))
	for si, l := range c.labels {
		srcOf[l] = si
	}
	clusterOf := func(o Omission) int {
		ci := -1
		for l, ns := range o.Evidence {
			for _, n := range ns {
				q, ok := quoteOf[[2]int{srcOf[l], n - 1}]
				if !ok || q < 0 || ci >= 0 && q != ci {
					return -1
				}
				ci = q
			}
		}
		return ci
	}
	for l, os := range r.Omissions {
		seen := make(map[int]bool)
		r.Omissions[l] = slices.DeleteFunc(os, func(o Omission) bool {
			ci := clusterOf(o)
			if ci < 0 {
				return false
			}
			twin := seen[ci]
			seen[ci] = true
			return twin
		})
	}
}

// subtotalMembers counts the members of claim g that give only a part of
// its quantity: every figure of their clause is a place's subtotal
// (looseFig.place) where the anchor's is not ("the municipal office has
// counted 3,100 damaged houses" in a claim on the country's 8,000). They
// report the place's count, not the claim, and do not make it one most
// sources carry.
func (c *comparison) subtotalMembers(g *group) int {
	all := c.allContextFigures()
	local := func(m member) (figs, parts int) {
		for _, i := range c.memberFigures(m) {
			figs++
			if len(all[i].place) > 0 {
				parts++
			}
		}
		return figs, parts
	}
	if figs, parts := local(g.members[g.rep]); figs == 0 || parts > 0 {
		return 0
	}
	n := 0
	for _, m := range g.members {
		if figs, parts := local(m); figs > 0 && parts == figs {
			n++
		}
	}
	return n
}

// uniques lists, per source, the clauses no other source states.
func (c *comparison) uniques(r *Report) {
	var last [2]int
	for _, ui := range c.unique {
		u := &c.units[ui]
		sp, ok := c.uniquePart(ui)
		if !ok || c.sharedFigurePhrase(ui, sp) || c.figuresElsewhere(ui, sp) {
			continue
		}
		l := c.labels[u.src]
		s := c.arts[u.src].Sentences[u.n]
		if k := len(r.Unique[l]) - 1; k >= 0 && r.Unique[l][k].Sentence == u.n+1 && last[1] == sp[0] {
			// The next clause of the same sentence: one entry.
			sp[0] = last[0]
			r.Unique[l] = r.Unique[l][:k]
		}
		last = sp
		text := unitText(s, sp)
		if sp[0] == 0 && sp[1] == len(s) {
			text = s
		}
		r.Unique[l] = append(r.Unique[l], Sentence{Text: text, Sentence: u.n + 1})
	}
}

// disputedWords is the most content words, besides a disputed value, a
// passage may have and still be no more than that value: "The official
// attendance was 61,842", "The United Nations office in Kathmandu
// estimated that 12,000 people had been left homeless" beside "about
// 4,500 people have been displaced". Six false uniques fewer on the
// evaluation set, none lost; at 6 one true unique goes, at 7 four.
const disputedWords = 5

// dropDisputed takes out of Unique the passages that hold a value a
// discrepancy sets against other sources' and few other words
// (disputedWords): the others report the quantity, with another value,
// so the passage is in the discrepancy, not a fact only its source has.
func dropDisputed(r *Report) {
	type at struct {
		src string
		n   int
	}
	disputed := make(map[at][]string)
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			k := at{v.Source, v.Sentence}
			disputed[k] = append(disputed[k], v.Text)
		}
	}
	for l, us := range r.Unique {
		r.Unique[l] = slices.DeleteFunc(us, func(u Sentence) bool {
			return slices.ContainsFunc(disputed[at{l, u.Sentence}], func(v string) bool {
				return onlyValue(u.Text, v)
			})
		})
		if len(r.Unique[l]) == 0 {
			delete(r.Unique, l) // no "local (0 facts):" heading
		}
	}
}

// onlyValue reports whether passage holds value with at most
// disputedWords other content words.
func onlyValue(passage, value string) bool {
	i := strings.Index(passage, value)
	if lp := strings.ToLower(passage); i < 0 && len(lp) == len(passage) {
		i = strings.Index(lp, strings.ToLower(value)) // "More than 30 people"
	}
	if i < 0 {
		return false
	}
	if fs := figure.ExtractAll(value); len(fs) > 0 && fs[0].Start > 0 {
		// the figure alone, not the bound before it: "more than" counts
		// among the passage's other words
		i, value = i+fs[0].Start, value[fs[0].Start:]
	}
	n := 0
	for _, t := range lexicon.Terms(passage) {
		if t.Start < i || t.Start >= i+len(value) {
			n++
		}
	}
	return n <= disputedWords
}

// phraseOpeners open a phrase that qualifies a sentence rather than
// stating a fact of its own: "For the first time in 17 years", "out of
// 17 confirmed deaths nationwide".
var phraseOpeners = []string{"for ", "out of ", "in ", "on ", "with ", "after ", "since ", "thanks to ", "according to ", "of ", "among "}

// sharedFigurePhrase reports whether span sp of clause ui is such a
// phrase whose figure another source gives as the same quantity
// (sameQuantity): the phrase then adds nothing the others lack.
func (c *comparison) sharedFigurePhrase(ui int, sp [2]int) bool {
	u := &c.units[ui]
	text := strings.ToLower(strings.Trim(c.arts[u.src].Sentences[u.n][sp[0]:sp[1]], " ,;:.!?"))
	if strings.ContainsAny(text, ",;:") || !slices.ContainsFunc(phraseOpeners, func(p string) bool { return strings.HasPrefix(text, p) }) {
		return false // "With the ECB's rate at 2%, the gap has shrunk" states a fact
	}
	idx := c.spanFigures(ui, sp)
	return len(idx) > 0 && c.tiedElsewhere(idx, u.src)
}

// spanFigures returns the indexes in allContextFigures of the figures in
// span sp of clause ui.
func (c *comparison) spanFigures(ui int, sp [2]int) []int {
	u := &c.units[ui]
	all := c.allContextFigures()
	var idx []int
	for _, i := range c.contextFiguresAt()[[2]int{u.src, u.n}] {
		if f := &all[i]; f.f.Start >= sp[0] && f.f.Start < sp[1] {
			idx = append(idx, i)
		}
	}
	return idx
}

// tiedElsewhere reports whether a source other than src gives one of
// the quantities idx (tiedTo).
func (c *comparison) tiedElsewhere(idx []int, src int) bool {
	for si := range c.arts {
		if si != src && c.tiedTo(idx, si) {
			return true
		}
	}
	return false
}

// figuresElsewhere reports whether every figure of span sp of clause ui
// (one at least) is a quantity another source gives (sameQuantity), with
// any value, and the span has no more words besides than a disputed
// value may (disputedWords): "the toll rose to 57 on Thursday" reports
// the toll the others report. On the evaluation set this drops two
// false uniques on the held-out events and no true one; allowing six
// words dropped three more false and two true, eight four and five.
// The words of a measure's unit ("12 nautical miles") are the figure's,
// not words besides it.
func (c *comparison) figuresElsewhere(ui int, sp [2]int) bool {
	u := &c.units[ui]
	idx := c.spanFigures(ui, sp)
	if len(idx) == 0 || slices.ContainsFunc(idx, func(i int) bool { return !c.tiedElsewhere([]int{i}, u.src) }) {
		return false
	}
	all := c.allContextFigures()
	inUnit := func(at int) bool { // "nautical miles" is the measure's unit, "firefighters" a word of the fact
		return slices.ContainsFunc(idx, func(i int) bool { return all[i].f.Kind == "measure" && at >= all[i].f.Start && at < all[i].f.End })
	}
	n := 0
	for _, t := range c.lex[u.src][u.n] {
		if t.Start >= sp[0] && t.Start < sp[1] && t.Kind != words.Number && !inUnit(t.Start) {
			n++
		}
	}
	return n <= disputedWords
}

func inGroup(g *group, src int) bool {
	for _, m := range g.members {
		if m.src == src {
			return true
		}
	}
	return false
}

func round3(f float64) float64 {
	return float64(int(f*1000+0.5)) / 1000
}

// headlines diffs every headline against the most common one, or the
// first source's when all differ.
func (c *comparison) headlines() []Headline {
	counts := make(map[string]int)
	for _, a := range c.arts {
		if a.Title != "" {
			counts[worddiff.Normalize(a.Title)]++
		}
	}
	ref := ""
	best := 0
	for _, a := range c.arts {
		if n := counts[worddiff.Normalize(a.Title)]; a.Title != "" && n > best {
			ref, best = a.Title, n
		}
	}
	out := []Headline{}
	for i, a := range c.arts {
		if a.Title == "" {
			continue
		}
		h := Headline{Source: c.labels[i], Text: a.Title}
		if a.Title != ref {
			if ops := worddiff.Diff(ref, a.Title); !worddiff.Same(ops) {
				h.ops = ops
				h.Diff = worddiff.Text(ops, false)
			}
		}
		out = append(out, h)
	}
	return out
}

// fig is one figure found in a group member.
type fig struct {
	f   figureT
	src int
	n   int
	ref time.Time
}

// unionFind joins indexes into classes; the root of a class is its
// smallest index.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra < rb {
		u[rb] = ra
	} else if rb < ra {
		u[ra] = rb
	}
}

// discrepancies finds figures that conflict inside one claim. Figures
// are first joined into classes of equal values (digits and words
// alike); a class every member carries is settled, and the remaining
// classes that conflict with each other form one discrepancy, shown with
// any "since" figure that agrees with one of them given its article's
// date, and with the values other sources give in sentences that cover
// the claim (coveringFigures), whose keys (valueKey) go into covering.
func (c *comparison) discrepancies(g *group, covering map[string]bool) []Discrepancy {
	var figs []fig
	for _, m := range g.members {
		ref, _ := time.Parse(time.DateOnly, c.arts[m.src].Date)
		for _, f := range c.figuresAt(m.src, m.n) {
			figs = append(figs, fig{f: f, src: m.src, n: m.n, ref: ref})
		}
	}
	if len(figs) < 2 {
		return nil
	}
	classes, heads := figClasses(figs)
	classSrcs := make(map[int]map[int]bool)
	for i, f := range figs {
		r := classes.find(i)
		if classSrcs[r] == nil {
			classSrcs[r] = make(map[int]bool)
		}
		classSrcs[r][f.src] = true
	}
	settled := func(r int) bool { return len(classSrcs[r]) == len(g.members) }
	scopes := make([]looseFig, len(figs))
	for _, h := range heads {
		scopes[h] = c.claimScope(figs[h])
	}
	apart := func(i, j int) bool { return !sameScope(&scopes[i], &scopes[j]) }
	conflicts, involved := conflictClasses(figs, classes, heads, classSrcs, settled, apart)
	if len(involved) == 0 {
		return nil
	}
	comps := make(map[int][]int) // component root -> fig indexes
	classOf := make([]int, len(figs))
	var roots []int
	for i := range figs {
		r := classes.find(i)
		if !involved[r] {
			if r = agreeingClass(figs, i, heads, classes, involved); r < 0 {
				continue
			}
		}
		classOf[i] = r
		cr := conflicts.find(r)
		if _, ok := comps[cr]; !ok {
			roots = append(roots, cr)
		}
		comps[cr] = append(comps[cr], i)
	}
	sort.Ints(roots)
	var out []Discrepancy
	for _, cr := range roots {
		all, idx, cls := c.coveringFigures(g, slices.Clip(figs), comps[cr], slices.Clip(classOf))
		for _, i := range idx[len(comps[cr]):] {
			covering[c.valueKey(all[i])] = true
		}
		out = append(out, c.discrepancy(g, all, idx, cls))
	}
	return out
}

// figClasses joins equal figures into classes. Classes are found through
// their heads, so the work grows with the number of distinct values, not
// with the square of the sources. A measure converted from another unit
// joins the class of a value in the base unit it allows ("24,000 acres"
// and "9,700 hectares"; "40 miles" and "64 km"): outlets round the
// conversion.
func figClasses(figs []fig) (unionFind, []int) {
	uf := newUnionFind(len(figs))
	var heads []int
	headOf := make(map[string]int)
	for i := range figs {
		if h, ok := headOf[figs[i].f.Norm]; ok {
			uf.union(h, i)
			continue
		}
		if h := convertedOf(figs, heads, i); h >= 0 {
			uf.union(h, i)
			continue
		}
		joined := false
		for _, h := range heads {
			if figEqual(figs[h].f, figs[i].f) {
				uf.union(h, i)
				joined = true
				break
			}
		}
		if !joined {
			heads = append(heads, i)
			headOf[figs[i].f.Norm] = i
		}
	}
	return uf, heads
}

// convertedOf returns the head among heads of a class of measures that
// figure i allows, or that allows it, when one of the two is converted
// from another unit or approximate ("about 40 miles", "about 64 km");
// else -1.
func convertedOf(figs []fig, heads []int, i int) int {
	for _, h := range heads {
		a, b := figs[h].f, figs[i].f
		if a.Kind != "measure" || b.Kind != "measure" || a.Unit != b.Unit || a.Bound == "" && b.Bound == "" || !approxBound(a.Bound) || !approxBound(b.Bound) {
			continue
		}
		if figCompatible(a, b) && !figConflict(a, b) {
			return h
		}
	}
	return -1
}

// approxBound reports whether a figure's bound only rounds it: none, a
// conversion from another unit, or "about" and the like ("more than 100
// km/h" allows 120 and 180 alike, and joins neither).
func approxBound(b string) bool {
	switch b {
	case "", "converted", "about", "around", "roughly", "approximately", "some", "an estimated":
		return true
	}
	return false
}

// conflictClasses joins the unsettled classes that conflict, that no
// single source holds both of (a sentence may legitimately carry two
// years) and whose heads apart does not tell apart as values of
// different things, and returns the joined components and the classes
// involved.
func conflictClasses(figs []fig, classes unionFind, heads []int, classSrcs map[int]map[int]bool, settled func(int) bool, apart func(i, j int) bool) (unionFind, map[int]bool) {
	conflicts := newUnionFind(len(figs))
	involved := make(map[int]bool)
	for _, i := range heads {
		for _, j := range heads {
			a, b := figs[i], figs[j]
			ra, rb := classes.find(i), classes.find(j)
			if ra >= rb || settled(ra) || settled(rb) {
				continue
			}
			if !figConflict(a.f, b.f) || overlapSources(classSrcs[ra], classSrcs[rb]) || apart(i, j) {
				continue
			}
			if agreesWithin(figs, classes, i, classSrcs[rb]) && agreesWithin(figs, classes, j, classSrcs[ra]) {
				// "4% on the drug and 3% on placebo" beside "4.1% ... and
				// 3.2% ...": each value has its match in the other
				// source, and 4% is not set against 3.2%.
				continue
			}
			if statesToo(figs, classSrcs[rb], i) || statesToo(figs, classSrcs[ra], j) {
				continue
			}
			// "since 2000" names a starting point; a bare year in the
			// same sentence ("the collapse ... in 1991") is another fact.
			if (a.f.Prep == "since") != (b.f.Prep == "since") {
				continue
			}
			involved[ra], involved[rb] = true, true
			conflicts.union(ra, rb)
		}
	}
	return conflicts, involved
}

// statesToo reports whether every source of srcs gives, besides, an
// exact value that is figure i's, a rounding of it or within i's bound:
// a source that writes "52.4 percent against his 47.6 percent" does not
// dispute another's "52%" or "just over 52 percent" with its 47.6; that
// is another quantity. A bound of its own ("at least 38") agrees with
// too much to tell.
func statesToo(figs []fig, srcs map[int]bool, i int) bool {
	for s := range srcs {
		if !slices.ContainsFunc(figs, func(x fig) bool {
			y := figs[i].f
			return x.src == s && x.f.Kind == y.Kind && x.f.Unit == y.Unit && x.f.Bound == "" &&
				(x.f.Norm == y.Norm || y.Bound == "" && (figRounding(x.f, y) || figRounding(y, x.f)) || y.Bound != "" && figCompatible(x.f, y))
		}) {
			return false
		}
	}
	return len(srcs) > 0
}

// agreesWithin reports whether figure i is a rounding, or rounded, of a
// figure that one of the sources srcs gives in another class
// (figure.Rounding), at the same place among its sentence's figures of
// that kind: "4% on the drug and 3% on placebo" beside "4.1% ... and
// 3.2% ...", not "3.1% ... and 4% ..." beside "4.1% ... and 3% ...".
func agreesWithin(figs []fig, classes unionFind, i int, srcs map[int]bool) bool {
	ri := classes.find(i)
	for j := range figs {
		if srcs[figs[j].src] && classes.find(j) != ri && figRounding(figs[i].f, figs[j].f) && kindPlace(figs, i) == kindPlace(figs, j) {
			return true
		}
	}
	return false
}

// kindPlace returns how many figures of figure i's kind its sentence
// gives before it.
func kindPlace(figs []fig, i int) int {
	k := 0
	for j := range figs {
		if figs[j].src == figs[i].src && figs[j].n == figs[i].n && figs[j].f.Kind == figs[i].f.Kind && figs[j].f.Start < figs[i].f.Start {
			k++
		}
	}
	return k
}

// agreeingClass returns the involved class a "since" figure agrees with,
// or -1. Such a figure agrees with a duration of the same span but,
// being accurate only to a year, may agree with both sides of a
// conflict; it is shown beside the nearest class it agrees with (within
// a year: "since 2000" in 2024 is 24 years, though 23 is within a year of
// it) instead of being merged into it.
func agreeingClass(figs []fig, i int, heads []int, classes unionFind, involved map[int]bool) int {
	best, bestGap := -1, 0.0
	for _, j := range heads {
		if !involved[classes.find(j)] {
			continue
		}
		if gap := sinceGap(figs[i], figs[j]); gap <= 1 && (best < 0 || gap < bestGap) {
			best, bestGap = classes.find(j), gap
		}
	}
	return best
}

// discrepancy builds the discrepancy of the figures idx of claim g. The
// topic is the wording around the figure in the claim's anchor sentence,
// or in the first source's if that sentence has none of these figures.
func (c *comparison) discrepancy(g *group, figs []fig, idx, classOf []int) Discrepancy {
	sort.SliceStable(idx, func(i, j int) bool { return figs[idx[i]].src < figs[idx[j]].src })
	d := Discrepancy{Kind: figs[idx[0]].f.Kind, By: Engine}
	at := figs[idx[0]]
	rep := g.members[g.rep]
	for _, i := range idx {
		if figs[i].src == rep.src && figs[i].n == rep.n {
			at = figs[i]
			break
		}
	}
	d.Topic = figureContext(c.arts[at.src].Sentences[at.n], at.f)
	if d.Topic == "" {
		d.Topic = c.topic(g)
	}
	rank := rankClasses(idx, func(i int) (int, int) { return classOf[i], figs[i].src })
	for _, i := range idx {
		f := figs[i]
		d.Values = append(d.Values, Value{Source: c.labels[f.src], Text: valueText(f.f), Sentence: f.n + 1, Class: rank[classOf[i]]})
	}
	return d
}

// valueText is how a discrepancy shows figure f: with the words that
// make it a bound or an estimate ("more than 30 people", "about 1.9
// billion euros"), so that a reader sees why it sits with the values it
// allows, and with "since" before a year that counts from it.
func valueText(f figureT) string {
	text := f.Text
	lower := strings.ToLower(text)
	switch f.Bound {
	case "", "vague", "between", "converted":
	default:
		if !strings.HasPrefix(lower, f.Bound) {
			text, lower = f.Bound+" "+text, f.Bound+" "+lower
		}
	}
	if f.Prep == "since" && !strings.HasPrefix(lower, "since") {
		text = "since " + text
	}
	return text
}

// valueKey names the value figure f gives in a discrepancy: its source,
// sentence and text.
func (c *comparison) valueKey(f fig) string {
	return valueKeyOf(Value{Source: c.labels[f.src], Sentence: f.n + 1, Text: valueText(f.f)})
}

// valueKeyOf names a discrepancy's value as valueKey names a figure.
func valueKeyOf(v Value) string {
	return fmt.Sprintf("%s\x00%d\x00%s", v.Source, v.Sentence, v.Text)
}

// rankClasses numbers the classes of the figures idx, in source order, by
// how many distinct sources carry each: 1 for the most, ties in order of
// their first source. at gives a figure's class and source.
func rankClasses(idx []int, at func(int) (class, src int)) map[int]int {
	srcs := make(map[int]map[int]bool)
	var order []int
	for _, i := range idx {
		cl, src := at(i)
		if srcs[cl] == nil {
			srcs[cl] = make(map[int]bool)
			order = append(order, cl)
		}
		srcs[cl][src] = true
	}
	sort.SliceStable(order, func(a, b int) bool { return len(srcs[order[a]]) > len(srcs[order[b]]) })
	rank := make(map[int]int, len(order))
	for n, cl := range order {
		rank[cl] = n + 1
	}
	return rank
}

// sinceGap is the gap in years between a "since" figure and a duration,
// whichever of a and b is which (only one can be the "since" figure), or
// MaxFloat64 when they cannot be compared. Within a year, they agree, as
// figure.SinceEquivalent has it.
func sinceGap(a, b fig) float64 {
	if !a.ref.IsZero() {
		if g, ok := figSinceGap(a.f, b.f, a.ref); ok {
			return g
		}
	}
	if !b.ref.IsZero() {
		if g, ok := figSinceGap(b.f, a.f, b.ref); ok {
			return g
		}
	}
	return math.MaxFloat64
}

func overlapSources(a, b map[int]bool) bool {
	for s := range a {
		if b[s] {
			return true
		}
	}
	return false
}

// figureContext names what a disputed figure measures by the words around
// it, with the figure itself left as a blank: "Kim Jong Un signed a
// partnership agreement on [?] at a summit". It takes, within the
// sentence, up to six words before the figure (more while they continue a
// capitalised name) and up to four after it, less any article,
// preposition or conjunction left dangling at the end; a comma or semicolon
// right after the figure stays with the blank ("Some [?], 160 volunteers
// and 16"), so that a list reads as one. A "since" before
// the figure is part of the disputed value, so it goes into the blank
// too. It returns "" when the sentence has no words around the figure.
func figureContext(sentence string, f figureT) string {
	if f.Start < 0 || f.End > len(sentence) || f.Start > f.End {
		return ""
	}
	start := 0
	if e := datelineEnd(sentence); e <= f.Start {
		start = e // "DRAVNIK (Wire) - ": where the agency filed, not what it measures
	}
	before := strings.Fields(sentence[start:f.Start])
	if f.Prep == "since" && len(before) > 0 && strings.EqualFold(before[len(before)-1], "since") {
		before = before[:len(before)-1]
	}
	after := strings.Fields(sentence[f.End:])
	mark := "[?]"
	if len(after) > 0 && strings.Trim(after[0], ".,;:!?\"'”’»)]") == "" {
		// The sentence's own punctuation after the figure stays with the
		// mark: "Some [?], 160 volunteers and 16 aircraft" lists.
		if p := strings.Trim(after[0], ".!?\"'”’»)]"); p != "" {
			mark += p
		}
		after = after[1:]
	}
	// Brackets and quotes that open the figure belong to it: "(12)".
	if k := len(before) - 1; k >= 0 {
		if before[k] = strings.TrimRight(before[k], "\"'“‘«(["); before[k] == "" {
			before = before[:k]
		}
	}
	from := max(0, len(before)-6)
	for from > 0 && from > len(before)-9 && isCapitalised(before[from]) && isCapitalised(before[from-1]) {
		from--
	}
	before = before[from:]
	if len(after) > 4 {
		after = after[:4]
	}
	for len(after) > 0 && isLinkWord(after[len(after)-1]) {
		after = after[:len(after)-1]
	}
	if len(before) == 0 && len(after) == 0 {
		return ""
	}
	if f.End < len(sentence) && sentence[f.End] == '-' && len(after) > 0 {
		// "a 42-yard field goal": the unit joined to the figure stays
		// joined to its mark.
		mark, after[0] = mark+after[0], ""
		after = slices.DeleteFunc(after, func(w string) bool { return w == "" })
	}
	var parts []string
	parts = append(parts, before...)
	parts = append(parts, mark)
	parts = append(parts, after...)
	out := strings.Join(parts, " ")
	return strings.TrimRight(out, ".,;:!?\"'“”‘’(")
}

// isLinkWord reports whether w is a word that cannot end a phrase.
func isLinkWord(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "that":
		return true
	}
	return false
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘("))
	return unicode.IsUpper(r)
}

// topic names a group by up to three of the most informative words that
// most of its members share, in the order the representative uses them.
func (c *comparison) topic(g *group) string {
	count := make(map[string]int)
	for _, m := range g.members {
		seen := make(map[string]bool)
		for _, t := range c.lex[m.src][m.n] {
			if t.Kind != words.Number && !seen[t.Key] {
				seen[t.Key] = true
				count[t.Key]++
			}
		}
	}
	rep := g.members[g.rep]
	type cand struct {
		stem, tok string
		pos       int
		score     float64
	}
	var cands []cand
	seen := make(map[string]bool)
	for i, t := range c.lex[rep.src][rep.n] {
		if seen[t.Key] || t.Kind == words.Number || isFigureWord(t.Key) || 2*count[t.Key] <= len(g.members) {
			continue
		}
		seen[t.Key] = true
		w := c.idf[c.ids[t.Key]]
		if t.Kind == words.Name {
			// Names tell which people, not what happened.
			w /= 2
		}
		tok := strings.TrimSuffix(strings.TrimSuffix(t.Token, "'s"), "\u2019s")
		cands = append(cands, cand{t.Key, tok, i, w * float64(count[t.Key])})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > 3 {
		cands = cands[:3]
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].pos < cands[j].pos })
	toks := make([]string, len(cands))
	for i, cd := range cands {
		toks[i] = cd.tok
	}
	return strings.Join(toks, " ")
}

// isFigureWord reports whether a stem names a unit or a day, which a
// discrepancy shows in its values rather than its topic.
func isFigureWord(stem string) bool {
	switch stem {
	case "year", "month", "week", "day", "hour", "percent", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday",
		"almost", "nearli", "approxim", "roughli", "around", "some":
		// the last words bound a figure ("almost a third"); they say
		// nothing of what it counts
		return true
	}
	return false
}
