package compare

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/newslens/newslens/internal/quote"
	"github.com/newslens/newslens/internal/worddiff"
	"github.com/newslens/newslens/internal/words"
)

// quoteRef is one quotation found in one source.
type quoteRef struct {
	q     quoteT
	src   int
	n     int // 0-based sentence index
	norm  string
	stems map[string]bool // comparison keys of the quoted words
	sent  map[string]bool // comparison keys of the whole sentence
	group int             // the claim the sentence is in, or -1
	sole  bool            // the source quotes the speaker in this sentence only
	// spWords is the speaker as quote.SpeakerWords compares it.
	spWords []string
	// speakerKeys and roleKeys are the comparison keys of the speaker
	// and of the speaker's role, for telling a body from a person who
	// speaks for it.
	speakerKeys, roleKeys map[string]bool
	// opens is set on a quotation that opens its sentence: it may be
	// the words that go on after the same speaker's quotation of the
	// sentence before (`"The sky turned black," said Brezic. "The
	// ground would not stop shaking."`; `"This was not an accident," the
	// judge said. "It was a choice," she said.`).
	opens bool
	// original is set on a translation the source gives of the quotation
	// before it in the sentence ("\"Hindi ako magnanakaw,\" he said,
	// which translates as \"I am not a thief\""): that quotation's start.
	original int
}

// quoteCluster is one quotation as rendered across sources. New quotes
// are compared with its distinct renderings (reps), not with every
// source's copy, so clustering stays linear in the number of sources.
type quoteCluster struct {
	speaker  string // the first known speaker, a name over a description: a cluster holds one
	refs     []quoteRef
	reps     []quoteRef
	groups   map[int]bool
	srcs     map[int]bool
	srcNorms map[srcNorm]bool
	// joined are the clusters joinClusters merged into this one, and own
	// how many of refs were this cluster's before (0: all).
	joined []*quoteCluster
	own    int
}

// quotePart is a cluster as it was before joinClusters.
type quotePart struct {
	speaker string
	refs    []quoteRef
}

// parts returns the cluster as it was before joinClusters, and the
// clusters it absorbed.
func (qc *quoteCluster) parts() []quotePart {
	refs := qc.refs
	if qc.own > 0 {
		refs = refs[:qc.own]
	}
	out := []quotePart{{speaker: qc.speaker, refs: refs}}
	for _, j := range qc.joined {
		out = append(out, j.parts()...)
	}
	return out
}

type srcNorm struct {
	src  int
	norm string
}

func (qc *quoteCluster) add(r quoteRef, group int) {
	qc.refs = append(qc.refs, r)
	if qc.speaker == "" || genericSpeaker(qc.speaker) && r.q.Speaker != "" {
		qc.speaker = r.q.Speaker
	}
	known := false
	for _, x := range qc.reps {
		if x.norm == r.norm && x.q.Speaker == r.q.Speaker {
			known = true
		}
	}
	if !known {
		qc.reps = append(qc.reps, r)
	}
	qc.groups[group] = true
	qc.srcs[r.src] = true
	qc.srcNorms[srcNorm{r.src, r.norm}] = true
}

// genericSpeaker reports whether a speaker is a description rather than a
// name: more than one word and none but the first capitalised ("Local
// officials", "Rescue workers").
func genericSpeaker(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws[1:] {
		if words.IsCapitalized(w) {
			return false
		}
	}
	return true
}

// clusterQuotes groups every source's quotations.
func (c *comparison) clusterQuotes() []*quoteCluster {
	var clusters []*quoteCluster
	for si := range c.arts {
		for _, ref := range c.quoteRefs(si) {
			best := bestCluster(clusters, ref, ref.group)
			if best < 0 {
				clusters = append(clusters, &quoteCluster{groups: map[int]bool{}, srcs: map[int]bool{}, srcNorms: map[srcNorm]bool{}})
				best = len(clusters) - 1
			}
			clusters[best].add(ref, ref.group)
		}
	}
	return joinTranslations(joinClusters(clusters))
}

// quoteKeys returns the keys of a quotation's words; a quotation of
// function words alone ("This is not over yet") is keyed by them, three
// or more, since it is still words someone said.
func quoteKeys(text string) map[string]bool {
	if m := keySet(text); len(m) > 0 {
		return m
	}
	m := make(map[string]bool)
	words.Each(strings.ToLower(text), func(tok string, _ int) {
		if words.IsWord(tok) {
			m[tok] = true
		}
	})
	if len(m) < 3 {
		return nil
	}
	return m
}

// translated returns the words in brackets of a quotation given in two
// languages, the words and their translation ("Hindi pa ito tapos (This
// is not over yet)"), else the quotation: the translation is what other
// outlets render.
func translated(text string) string {
	open := strings.IndexByte(text, '(')
	end := strings.LastIndexByte(text, ')')
	if open <= 0 || end < open || strings.Count(text, "(") != 1 || strings.Count(text, ")") != 1 ||
		strings.Trim(text[end+1:], ".,;:!?'\"’” ") != "" {
		return text // no brackets, several, or an aside inside the quotation
	}
	before, inside := strings.Fields(strings.ToLower(text[:open])), strings.Fields(strings.ToLower(text[open+1:end]))
	if len(before) < 2 || len(inside) < 3 {
		return text
	}
	// A translation is English where the words before it are not: few
	// English function words before, several inside.
	if 5*stopwordCount(before) > len(before) || 4*stopwordCount(inside) < len(inside) {
		return text
	}
	return text[open+1 : end]
}

// stopwordCount counts the English function words among ws.
func stopwordCount(ws []string) int {
	n := 0
	for _, w := range ws {
		if words.IsStopword(strings.Trim(w, ".,;:!?'\"’”")) {
			n++
		}
	}
	return n
}

// bracketAfter returns " (words)" when the words in brackets follow
// quotation q right after its closing mark: `"Hindi ako magnanakaw" (I
// am not a thief), he said` gives its translation outside the marks.
func bracketAfter(sentence string, q quoteT) string {
	if q.End < 0 || q.End >= len(sentence) || q.Sentence <= 0 {
		return ""
	}
	rest := strings.TrimLeft(sentence[q.End:], "\"”’',.!? ")
	if !strings.HasPrefix(rest, "(") {
		return ""
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 || strings.ContainsAny(rest[1:end], "(\"“”") || len(sentence)-len(rest)-q.End > 4 {
		return ""
	}
	return " " + rest[:end+1]
}

// translationWords, ending the words between two quotations of one
// sentence, make the second a translation of the first: "which
// translates as", "meaning", "or, in English,"; not "adding that the
// deal would translate into".
var translationWords = regexp.MustCompile(`(?i)(?:(?:which|that) (?:translates|translated|means) (?:as|to)|translated as|translation:?|meaning|in english)[\s,:]*["“]?$`)

// markTranslations sets original on each quotation of refs that
// translates the one before it in its sentence: the words between them
// say so (translationWords).
func markTranslations(sents []string, refs []quoteRef) {
	for i := range refs {
		refs[i].original = -1
		if i == 0 || refs[i-1].n != refs[i].n || refs[i-1].q.End > refs[i].q.Start {
			continue
		}
		between := strings.TrimRight(sents[refs[i].n][refs[i-1].q.End:refs[i].q.Start], " ")
		if translationWords.MatchString(between) {
			refs[i].original = refs[i-1].q.Start
		}
	}
}

// quoteRefs returns the quotations of source si with their keys.
func (c *comparison) quoteRefs(si int) []quoteRef {
	a := c.arts[si]
	var refs []quoteRef
	for _, q := range quotesOf(a.Sentences) {
		n := q.Sentence - 1
		if n < 0 || n >= len(a.Sentences) {
			continue
		}
		text := translated(q.Text + bracketAfter(a.Sentences[n], q))
		ref := quoteRef{q: q, src: si, n: n, norm: quoteNormalize(text), stems: quoteKeys(text), sent: keySet(a.Sentences[n]), group: c.groupOf[si][n]}
		ref.opens = q.Start <= 1
		if len(ref.stems) == 0 {
			continue
		}
		if q.Speaker != "" {
			ref.speakerKeys = keySet(q.Speaker)
			ref.spWords = quote.SpeakerWords(q.Speaker)
		}
		if q.Role != "" {
			ref.roleKeys = keySet(q.Role)
		}
		refs = append(refs, ref)
	}
	markTranslations(a.Sentences, refs)
	for i := range refs {
		refs[i].sole = refs[i].q.Speaker != ""
		for j := range refs {
			if j != i && refs[j].n != refs[i].n && quote.SameSpeakerWords(refs[i].spWords, refs[j].spWords) {
				refs[i].sole = false
				break
			}
		}
	}
	return refs
}

// mergeByQuotes joins the sentences that carry one quote into one
// claim: "Kim called it the strongest ever treaty" and "Kim described the
// accord as the most powerful treaty" report the same thing even though
// few of their words match. Claims whose sources do not overlap are
// merged; a quoting sentence in no claim joins the claim (or starts one),
// and its clause holding the quote is no longer unique. A fragment
// credited to a description of the speaker ("local officials") shows the
// quote's variants but moves no sentence: the rest of its sentence may
// report something else.
//
// Each cluster moves sentences as it was before joinClusters merged
// clusters for the report: the parts it absorbed move their own. A join
// rests on one matching rendering, too little to merge whole claims on.
func (c *comparison) mergeByQuotes(clusters []*quoteCluster) {
	for _, qc := range clusters {
		for _, p := range qc.parts() {
			c.mergeQuoted(p.speaker, p.refs)
		}
	}
}

// mergeQuoted merges the claims of the sentences that carry refs, the
// renderings of one quotation by speaker.
func (c *comparison) mergeQuoted(speaker string, refs []quoteRef) {
	refs = slices.DeleteFunc(slices.Clone(refs), func(r quoteRef) bool {
		// A one-word label (labelOfSpeaker) shows a rendering, but its
		// sentence may report anything else.
		return !quoteSameSpeaker(speaker, r.q.Speaker) || r.q.Kind == quote.Term && len(r.stems) < 2
	})
	srcs := map[int]bool{}
	for _, r := range refs {
		srcs[r.src] = true
	}
	if len(srcs) < 2 {
		return
	}
	target := -1
	for _, r := range refs {
		if g := c.quoteGroup(r); g >= 0 && (target < 0 || len(c.groups[g].members) > len(c.groups[target].members)) {
			target = g
		}
	}
	for _, r := range refs {
		g := c.quoteGroup(r)
		switch {
		case g == target && g >= 0:
		case g >= 0:
			if !overlapGroups(c.groups[target], c.groups[g]) {
				c.mergeGroups(target, g)
			}
		default:
			target = c.joinQuoted(target, r)
		}
	}
}

// quoteGroup returns the claim that holds the clause of quote r, else
// the claim its sentence is indexed under (groupOf). A sentence whose
// clauses went to different claims is indexed under one of them, and it
// is the quotation's own clause that reports the quotation: in "Ms Moran
// refused to accept the result, calling the vote "daylight robbery"",
// the refusal is another claim.
func (c *comparison) quoteGroup(r quoteRef) int {
	g := c.groupOf[r.src][r.n]
	ui := c.quoteUnit(r)
	holds := func(gr *group) bool {
		for _, m := range gr.members {
			if m.src == r.src && (m.n == r.n || m.n2 == r.n) && (m.unit == ui || m.unit < 0) {
				return true
			}
		}
		return false
	}
	if g < 0 || ui < 0 || holds(c.groups[g]) {
		return g
	}
	for gi, gr := range c.groups {
		if holds(gr) {
			return gi
		}
	}
	return g
}

// joinQuoted adds the sentence of quote r to claim target (a new claim
// when target is -1), unless its source is there already, and returns
// the claim.
func (c *comparison) joinQuoted(target int, r quoteRef) int {
	ui := c.quoteUnit(r)
	if target < 0 {
		c.groups = append(c.groups, &group{minSim: 1})
		target = len(c.groups) - 1
	}
	g := c.groups[target]
	if inGroup(g, r.src) {
		return target
	}
	repSrc, repUnit := r.src, ui
	if len(g.members) > 0 {
		repSrc, repUnit = g.members[g.rep].src, g.members[g.rep].unit
	}
	g.members = append(g.members, member{src: r.src, n: r.n, n2: -1, sim: 1, unit: ui})
	slices.SortFunc(g.members, func(a, b member) int { return a.src - b.src })
	for i, m := range g.members {
		if m.src == repSrc && m.unit == repUnit {
			g.rep = i
		}
	}
	c.groupOf[r.src][r.n] = target
	c.unique = slices.DeleteFunc(c.unique, func(u int) bool { return u == ui })
	return target
}

// quoteUnit returns the clause of r's sentence that holds the quote.
func (c *comparison) quoteUnit(r quoteRef) int {
	s := c.arts[r.src].Sentences[r.n]
	at := strings.Index(s, r.q.Text)
	units := c.sents[r.src][r.n].units
	for _, ui := range units {
		if u := &c.units[ui]; at >= u.start && at < u.end {
			return ui
		}
	}
	if len(units) > 0 {
		return units[0]
	}
	return -1
}

func overlapGroups(a, b *group) bool {
	for _, m := range b.members {
		if inGroup(a, m.src) {
			return true
		}
	}
	return false
}

// mergeGroups moves the members of claim b into claim a.
func (c *comparison) mergeGroups(a, b int) {
	ga, gb := c.groups[a], c.groups[b]
	repUnit, repSrc := ga.members[ga.rep].unit, ga.members[ga.rep].src
	for _, m := range gb.members {
		ga.members = append(ga.members, m)
		for _, n := range [2]int{m.n, m.n2} {
			if n >= 0 && c.groupOf[m.src][n] == b {
				c.groupOf[m.src][n] = a
			}
		}
		ga.minSim = min(ga.minSim, m.sim)
	}
	slices.SortFunc(ga.members, func(x, y member) int { return x.src - y.src })
	for i, m := range ga.members {
		if m.unit == repUnit && m.src == repSrc {
			ga.rep = i
		}
	}
	gb.members = nil
}

// quotes returns the quote clusters rendered by two or more sources.
func (c *comparison) quotes(clusters []*quoteCluster) []Quote {
	out := []Quote{}
	for _, qc := range clusters {
		if q, ok := c.quote(qc); ok {
			out = append(out, q)
		}
	}
	return out
}

// quote turns a cluster into a Quote when two or more sources carry it.
func (c *comparison) quote(qc *quoteCluster) (Quote, bool) {
	// Words in quote marks that nobody is quoted as saying (scare
	// quotes, names of things) are no quotation of a speaker, however
	// many outlets use them.
	srcs := make(map[int]bool)
	for _, r := range qc.refs {
		if r.q.Kind != quote.Term {
			srcs[r.src] = true
		}
	}
	if len(srcs) < 2 {
		return Quote{}, false
	}
	type variant struct {
		text  string
		srcs  []int
		evid  map[string][]int
		first int
	}
	var vs []*variant
	byNorm := make(map[string]*variant)
	speakers := make(map[string]int)
	for _, r := range qc.refs {
		if r.q.Speaker != "" && (!genericSpeaker(r.q.Speaker) || genericSpeaker(qc.speaker)) {
			speakers[r.q.Speaker]++
		}
	}
	for _, p := range renderings(qc.refs) {
		v := byNorm[p.norm] // a translation's rendering is its own variant
		if v == nil {
			v = &variant{text: p.text, evid: map[string][]int{}, first: p.first}
			byNorm[p.norm] = v
			vs = append(vs, v)
		}
		l := c.labels[p.src]
		if _, ok := v.evid[l]; !ok {
			v.srcs = append(v.srcs, p.src)
		}
		for _, n := range p.ns {
			v.evid[l] = appendUnique(v.evid[l], n+1)
		}
	}
	sort.SliceStable(vs, func(i, j int) bool {
		if len(vs[i].srcs) != len(vs[j].srcs) {
			return len(vs[i].srcs) > len(vs[j].srcs)
		}
		return vs[i].first < vs[j].first
	})
	q := Quote{Speaker: c.fullName(mostCommon(personOverBody(speakers, qc.refs))), By: Engine}
	for i, v := range vs {
		sort.Ints(v.srcs)
		out := Variant{Text: v.text, Evidence: v.evid}
		for _, s := range v.srcs {
			out.Sources = append(out.Sources, c.labels[s])
		}
		if i > 0 {
			out.ops = worddiff.Diff(vs[0].text, v.text)
			out.Diff = worddiff.Text(out.ops, false)
		}
		q.Variants = append(q.Variants, out)
	}
	return q, true
}

// quoteRendering is one source's rendering of a quotation: the text of one
// quote, or of the parts of one that its source splits around the
// attribution or carries on in the next sentence (splitOf), joined; norm
// is its identity as a rendering (quoteNormalize of the parts joined).
type quoteRendering struct {
	text, norm string
	src        int
	ns         []int  // 0-based sentences
	first      int    // index of its first part in the cluster's refs
	plain      string // its parts' texts joined by a space
}

// renderings joins the parts of each quotation in refs, in the order of
// their sources' text: `"We will rebuild," she said, "and quickly."` is
// shown as "We will rebuild, … and quickly." and is the same rendering
// as another source's "We will rebuild, and quickly."; with a
// different punctuation inside ("We will rebuild and quickly") it is
// another.
func renderings(refs []quoteRef) []quoteRendering {
	order := make([]int, len(refs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ra, rb := refs[order[a]], refs[order[b]]
		if ra.src != rb.src {
			return ra.src < rb.src
		}
		if ra.n != rb.n {
			return ra.n < rb.n
		}
		return ra.q.Start < rb.q.Start
	})
	var out []quoteRendering
	for k, i := range order {
		r := refs[i]
		if k > 0 && r.q.Speaker != "" && goesOn(refs[order[k-1]], r) {
			last := &out[len(out)-1]
			last.text += " … " + r.q.Text
			last.plain += " " + r.q.Text
			last.norm = quoteNormalize(last.plain)
			last.ns = appendUnique(last.ns, r.n)
			last.first = min(last.first, i)
			continue
		}
		out = append(out, quoteRendering{text: r.q.Text, plain: r.q.Text, norm: quoteNormalize(r.q.Text), src: r.src, ns: []int{r.n}, first: i})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].first < out[b].first })
	return out
}

// mostCommon returns the most frequent key, preferring the longer and
// then the alphabetically first on ties ("Kim Jong Un" over "Kim").
func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && (len(k) > len(best) || len(k) == len(best) && k < best) {
			best, n = k, v
		}
	}
	return best
}

func appendUnique(s []int, n int) []int {
	for _, x := range s {
		if x == n {
			return s
		}
	}
	return append(s, n)
}

// overlap is the overlap coefficient of two sets: shared members over the
// size of the smaller set.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(words.Shared(a, b)) / float64(min(len(a), len(b)))
}
