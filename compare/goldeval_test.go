package compare

// This file loads the annotated evaluation set (testdata/eval) and scores
// a Report against it. The format of a gold file and the scoring rules are
// documented in testdata/README.md, section "eval"; keep the two in step.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newslens/newslens/internal/article"
)

// goldFile is one event's gold annotation (testdata/eval/EVENT/gold.json).
type goldFile struct {
	Event   string   `json:"event"`
	Desc    string   `json:"desc"`
	Sources []string `json:"sources"`
	Facts   []struct {
		ID   string              `json:"id"`
		Desc string              `json:"desc"`
		In   map[string][]string `json:"in"`
	} `json:"facts"`
	Noise         map[string][]string `json:"noise"`
	Discrepancies []struct {
		ID     string `json:"id"`
		Desc   string `json:"desc"`
		Values map[string]struct {
			At    string `json:"at"`
			Value string `json:"value"`
			Class string `json:"class"`
		} `json:"values"`
	} `json:"discrepancies"`
	Terms []struct {
		ID       string              `json:"id"`
		Desc     string              `json:"desc"`
		BySource map[string][]string `json:"by_source"`
	} `json:"terms"`
	Quotes []struct {
		ID         string            `json:"id"`
		Speaker    []string          `json:"speaker"`
		Renderings map[string]string `json:"renderings"`
	} `json:"quotes"`
}

// span is a located annotation: the 0-based sentences of one source that
// an annotated substring overlaps.
type span map[int]bool

// goldEvent is a gold file resolved against its articles: every substring
// turned into the sentences it overlaps.
type goldEvent struct {
	name  string
	arts  []*article.Article
	src   map[string]int // label to source index
	facts []goldFact
	noise []map[int]bool // per source, sentences holding only noise
	discs []goldDisc
	terms []goldTerm
	quots []goldQuote
	loc   *locator
}

type goldFact struct {
	id, desc string
	at       map[int]span // per source index that states it
	// ranges holds, per source index, the byte ranges in the article's
	// Text of the substrings that state it.
	ranges map[int][][2]int
}

type goldDisc struct {
	id, desc string
	at       map[int]span
	class    map[int]string
	value    map[int]string
}

type goldTerm struct {
	id       string
	bySource map[int][]string // normalised terms
	variants []string         // distinct normalised terms
}

type goldQuote struct {
	id       string
	speakers []string
	at       map[int]span
	text     map[int]string
}

// loadGold reads testdata/eval/NAME and checks every annotation against
// the articles: substrings must occur as written (facts, figures and
// quotes exactly once), labels must be the event's sources, and every
// sentence of every article must hold a fact or be marked as noise, so
// that an unannotated sentence cannot pass for a unique fact.
func loadGold(ctx context.Context, dir string) (*goldEvent, error) {
	data, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, err
	}
	var gf goldFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&gf); err != nil {
		return nil, fmt.Errorf("%s/gold.json: %w", dir, err)
	}
	ev := &goldEvent{name: filepath.Base(dir), src: map[string]int{}}
	for i, l := range gf.Sources {
		path := filepath.Join(dir, l+".txt")
		a, err := article.Load(ctx, l+"="+path, article.Options{})
		if err != nil {
			return nil, err
		}
		ev.arts = append(ev.arts, a)
		ev.src[l] = i
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	loc := newLocator(ev.arts)
	ev.loc = loc
	source := func(what, l string) (int, bool) {
		si, ok := ev.src[l]
		if !ok {
			fail("%s: %q is not a source of the event", what, l)
		}
		return si, ok
	}
	covered := make([]map[int]bool, len(ev.arts))
	for i := range covered {
		covered[i] = map[int]bool{}
	}
	seenID := map[string]bool{}
	for _, f := range gf.Facts {
		if f.ID == "" || seenID[f.ID] {
			fail("fact %q: missing or repeated id", f.ID)
		}
		seenID[f.ID] = true
		gfct := goldFact{id: f.ID, desc: f.Desc, at: map[int]span{}, ranges: map[int][][2]int{}}
		for l, subs := range f.In {
			si, ok := source("fact "+f.ID, l)
			if !ok {
				continue
			}
			sp := span{}
			for _, s := range subs {
				start, err := loc.add(sp, si, s, true)
				if err != nil {
					fail("fact %s, %s: %v", f.ID, l, err)
					continue
				}
				gfct.ranges[si] = append(gfct.ranges[si], [2]int{start, start + len(s)})
			}
			for n := range sp {
				covered[si][n] = true
			}
			gfct.at[si] = sp
		}
		if len(gfct.at) == 0 {
			fail("fact %s: stated by no source", f.ID)
		}
		ev.facts = append(ev.facts, gfct)
	}
	ev.noise = make([]map[int]bool, len(ev.arts))
	for i := range ev.noise {
		ev.noise[i] = map[int]bool{}
	}
	for l, subs := range gf.Noise {
		si, ok := source("noise", l)
		if !ok {
			continue
		}
		for _, s := range subs {
			sp := span{}
			if _, err := loc.add(sp, si, s, true); err != nil {
				fail("noise %s: %v", l, err)
			}
			for n := range sp {
				covered[si][n] = true
				ev.noise[si][n] = true
			}
		}
	}
	for si, a := range ev.arts {
		for n := range a.Sentences {
			if !covered[si][n] {
				fail("%s sentence %d holds no annotated fact: %q", gf.Sources[si], n+1, a.Sentences[n])
			}
			if ev.noise[si][n] && covered[si][n] && ev.factAt(si, n) {
				fail("%s sentence %d is marked noise but holds a fact", gf.Sources[si], n+1)
			}
		}
	}
	for _, d := range gf.Discrepancies {
		gd := goldDisc{id: d.ID, desc: d.Desc, at: map[int]span{}, class: map[int]string{}, value: map[int]string{}}
		classes := map[string]bool{}
		for l, v := range d.Values {
			si, ok := source("discrepancy "+d.ID, l)
			if !ok {
				continue
			}
			if !strings.Contains(v.At, v.Value) || v.Value == "" || v.Class == "" {
				fail("discrepancy %s, %s: value %q must be non-empty, inside %q, with a class", d.ID, l, v.Value, v.At)
			}
			sp := span{}
			if _, err := loc.add(sp, si, v.At, true); err != nil {
				fail("discrepancy %s, %s: %v", d.ID, l, err)
			}
			gd.at[si], gd.class[si], gd.value[si] = sp, v.Class, v.Value
			classes[v.Class] = true
		}
		if len(classes) < 2 {
			fail("discrepancy %s: needs at least two classes of values", d.ID)
		}
		ev.discs = append(ev.discs, gd)
	}
	for _, tm := range gf.Terms {
		gt := goldTerm{id: tm.ID, bySource: map[int][]string{}}
		seen := map[string]bool{}
		for l, terms := range tm.BySource {
			si, ok := source("term "+tm.ID, l)
			if !ok {
				continue
			}
			for _, x := range terms {
				if !strings.Contains(ev.arts[si].Text, x) {
					fail("term %s, %s: %q does not occur", tm.ID, l, x)
				}
				nx := normTerm(x)
				gt.bySource[si] = append(gt.bySource[si], nx)
				if !seen[nx] {
					seen[nx] = true
					gt.variants = append(gt.variants, nx)
				}
			}
		}
		sort.Strings(gt.variants)
		if len(gt.variants) < 2 {
			fail("term %s: needs at least two different terms", tm.ID)
		}
		ev.terms = append(ev.terms, gt)
	}
	for _, q := range gf.Quotes {
		gq := goldQuote{id: q.ID, at: map[int]span{}, text: map[int]string{}}
		for _, s := range q.Speaker {
			gq.speakers = append(gq.speakers, normSpeaker(s))
		}
		if len(gq.speakers) == 0 {
			fail("quote %s: no speaker", q.ID)
		}
		for l, s := range q.Renderings {
			si, ok := source("quote "+q.ID, l)
			if !ok {
				continue
			}
			sp := span{}
			if _, err := loc.add(sp, si, s, true); err != nil {
				fail("quote %s, %s: %v", q.ID, l, err)
			}
			gq.at[si], gq.text[si] = sp, s
		}
		ev.quots = append(ev.quots, gq)
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s: %d errors in the gold:\n%s", dir, len(errs), strings.Join(errs, "\n"))
	}
	return ev, nil
}

// factAt reports whether sentence n of source si holds a gold fact.
func (ev *goldEvent) factAt(si, n int) bool {
	for _, f := range ev.facts {
		if f.at[si][n] {
			return true
		}
	}
	return false
}

// locator finds annotated substrings in articles and turns them into
// sentence numbers.
type locator struct {
	arts   []*article.Article
	starts [][]int // per source, the byte offset of each sentence in Text
}

func newLocator(arts []*article.Article) *locator {
	l := &locator{arts: arts}
	for _, a := range arts {
		var starts []int
		at := 0
		for _, s := range a.Sentences {
			i := strings.Index(a.Text[at:], s)
			if i < 0 {
				// A sentence the splitter rewrote: place it where the
				// previous one ended, which is where it must begin.
				starts = append(starts, at)
				continue
			}
			starts = append(starts, at+i)
			at += i + len(s)
		}
		l.starts = append(l.starts, starts)
	}
	return l
}

// clause returns the byte range in source si's Text of part, a piece of
// 0-based sentence n, or false when part is the whole sentence or is not
// found in it as written.
func (l *locator) clause(si, n int, part string) (int, int, bool) {
	a := l.arts[si]
	if n < 0 || n >= len(a.Sentences) || part == "" || strings.TrimSpace(part) == strings.TrimSpace(a.Sentences[n]) {
		return 0, 0, false
	}
	start := l.starts[si][n]
	end := len(a.Text)
	if n+1 < len(l.starts[si]) {
		end = l.starts[si][n+1]
	}
	i := strings.Index(a.Text[start:end], part)
	if i < 0 {
		return 0, 0, false
	}
	return start + i, start + i + len(part), true
}

// add locates sub in source si, adds the sentences it overlaps to sp and
// returns its byte offset in the article's Text. With once, sub must
// occur exactly once.
func (l *locator) add(sp span, si int, sub string, once bool) (int, error) {
	text := l.arts[si].Text
	if sub == "" {
		return 0, fmt.Errorf("empty substring")
	}
	i := strings.Index(text, sub)
	if i < 0 {
		return 0, fmt.Errorf("%q does not occur in the article", sub)
	}
	if once && strings.Contains(text[i+1:], sub) {
		return 0, fmt.Errorf("%q occurs more than once; quote more of it", sub)
	}
	end := i + len(sub)
	starts := l.starts[si]
	for n, st := range starts {
		sEnd := len(text)
		if n+1 < len(starts) {
			sEnd = starts[n+1]
		}
		if st < end && i < sEnd {
			sp[n] = true
		}
	}
	return i, nil
}

// normTerm lowercases a term and drops a leading article, so that "the
// DPRK" and "DPRK" are one term. Hyphens stay: "Kim Jong-un" and "Kim
// Jong Un" are two spellings a reader wants shown.
func normTerm(s string) string {
	s = strings.ToLower(s)
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// termMatch reports whether a reported term names a gold term: equal, or
// one holds the other as whole words. A gold term that writes a second
// name in brackets ("national medicines authority (nma)", "pulmavex
// (av-417)") is named by a report that gives both names, however
// joined ("NMA / National Medicines Authority").
func termMatch(reported, gold string) bool {
	if i := strings.Index(gold, " ("); i > 0 && strings.HasSuffix(gold, ")") {
		return termMatch(reported, gold[:i]) && termMatch(reported, gold[i+2:len(gold)-1])
	}
	r := " " + normTerm(reported) + " "
	g := " " + gold + " "
	if strings.TrimSpace(r) == "" {
		return false
	}
	return r == g || strings.Contains(r, g) || strings.Contains(g, r)
}

// normSpeaker lowercases a speaker's name and folds hyphens, so that
// "Kim Jong-un" and "Kim Jong Un" are one speaker.
func normSpeaker(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "-", " "))
	return strings.Join(strings.Fields(s), " ")
}

// pair returns the event reduced to sources i and j, with their facts
// only: what each states and the other does not is then unique to it,
// and no fact can be an omission (none is carried by more than half of
// two sources without being carried by both).
func (ev *goldEvent) pair(i, j int) *goldEvent {
	keep := []int{i, j}
	p := &goldEvent{name: ev.name, src: map[string]int{}, loc: &locator{}}
	for ni, oi := range keep {
		p.arts = append(p.arts, ev.arts[oi])
		p.src[ev.arts[oi].Label] = ni
		p.loc.arts = append(p.loc.arts, ev.arts[oi])
		p.loc.starts = append(p.loc.starts, ev.loc.starts[oi])
	}
	for _, f := range ev.facts {
		nf := goldFact{id: f.id, desc: f.desc, at: map[int]span{}, ranges: map[int][][2]int{}}
		for ni, oi := range keep {
			if sp, ok := f.at[oi]; ok {
				nf.at[ni], nf.ranges[ni] = sp, f.ranges[oi]
			}
		}
		if len(nf.at) > 0 {
			p.facts = append(p.facts, nf)
		}
	}
	return p
}

// annotated renders every sentence of every article with the gold facts
// it holds (a star marks a fact unique to the outlet, a count the number
// of outlets stating it) or NOISE, for reading the gold beside the text.
func (ev *goldEvent) annotated() string {
	var b strings.Builder
	for si, a := range ev.arts {
		fmt.Fprintf(&b, "== %s\n", a.Label)
		for n, sent := range a.Sentences {
			var tags []string
			for _, f := range ev.facts {
				switch {
				case !f.at[si][n]:
				case len(f.at) == 1:
					tags = append(tags, f.id+"*")
				default:
					tags = append(tags, fmt.Sprintf("%s(%d)", f.id, len(f.at)))
				}
			}
			if ev.noise[si][n] {
				tags = append(tags, "NOISE")
			}
			fmt.Fprintf(&b, "%2d [%s] %s\n", n+1, strings.Join(tags, " "), sent)
		}
	}
	return b.String()
}
