package compare

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/worddiff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// VersionDiff is the sentence-aligned word diff of two versions of one
// article, as tracked by NewsDiffs: which sentences were added, removed
// or reworded between them.
type VersionDiff struct {
	Old     Source   `json:"old"`
	New     Source   `json:"new"`
	Title   string   `json:"title_diff,omitempty"`
	Changes []Change `json:"changes"`
	Stats   Stats    `json:"stats"`

	titleOps []worddiff.Op
}

// Change is one run of changed sentences: Old and New hold the sentence
// numbers on each side (one side is empty for a pure addition or
// removal), Diff the word diff of their texts.
type Change struct {
	Kind    string `json:"kind"` // "changed", "added" or "removed"
	Old     []int  `json:"old"`
	New     []int  `json:"new"`
	OldText string `json:"old_text,omitempty"`
	NewText string `json:"new_text,omitempty"`
	Diff    string `json:"diff"`

	ops []worddiff.Op
}

// Stats counts sentences by what happened to them.
type Stats struct {
	Unchanged int `json:"unchanged"`
	Changed   int `json:"changed"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
}

// Identical reports whether the two versions differ only in typographic
// trivia (quote styles, dashes, whitespace).
func (v *VersionDiff) Identical() bool {
	return len(v.Changes) == 0 && v.Title == ""
}

// Versions diffs two versions of one article. Sentences are first
// matched whole (each distinct normalised sentence mapped to one rune and
// the two sequences diffed), so unchanged sentences cost nothing. Each
// run of removed and added sentences between matches is then broken up
// by alignRun, pairing sentences that share enough content words, and
// each piece is word diffed as one block, which keeps a split or merged
// sentence in one change.
func Versions(a, b *article.Article) *VersionDiff {
	v := &VersionDiff{
		Old:     Source{Label: a.Label, Path: origin(a), Title: a.Title, Date: a.Date, SHA256: a.SHA256, Sentences: len(a.Sentences)},
		New:     Source{Label: b.Label, Path: origin(b), Title: b.Title, Date: b.Date, SHA256: b.SHA256, Sentences: len(b.Sentences)},
		Changes: []Change{},
	}
	if ops := worddiff.Diff(a.Title, b.Title); !worddiff.Same(ops) {
		v.titleOps = ops
		v.Title = worddiff.Text(ops, false)
	}
	ids := make(map[string]rune)
	toRunes := func(ss []string) []rune {
		out := make([]rune, len(ss))
		for i, s := range ss {
			k := worddiff.Normalize(s)
			r, ok := ids[k]
			if !ok {
				r = rune(0x100 + len(ids))
				if r >= 0xD800 {
					r += 0x800
				}
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := toRunes(a.Sentences), toRunes(b.Sentences)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	// Runs of removed and added sentences between matches, in order; the
	// word diffs of long articles' runs are independent, so they are
	// made in parallel and put back in this order.
	var runs []sentenceRun
	var del, ins []int
	i, j := 0, 0
	endRun := func() {
		if len(del) > 0 || len(ins) > 0 {
			runs = append(runs, sentenceRun{del, ins})
		}
		del, ins = nil, nil
	}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			endRun()
			v.Stats.Unchanged += n
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			for k := 0; k < n; k++ {
				del = append(del, i+1)
				i++
			}
		case diffmatchpatch.DiffInsert:
			for k := 0; k < n; k++ {
				ins = append(ins, j+1)
				j++
			}
		}
	}
	endRun()
	results := make([]runResult, len(runs))
	parallel(len(runs), func(k int) {
		results[k] = diffRun(a.Sentences, b.Sentences, runs[k])
	})
	for _, r := range results {
		v.Changes = append(v.Changes, r.changes...)
		v.Stats.Unchanged += r.stats.Unchanged
		v.Stats.Changed += r.stats.Changed
		v.Stats.Added += r.stats.Added
		v.Stats.Removed += r.stats.Removed
	}
	return v
}

// sentenceRun is a run of removed sentences of the old version and added
// ones of the new, by 1-based number, between two unchanged sentences.
type sentenceRun struct{ del, ins []int }

// runResult is what a run becomes: zero, one or two changes, and the
// sentences it adds to each count.
type runResult struct {
	changes []Change
	stats   Stats
}

// add appends another run's result to r.
func (r *runResult) add(o runResult) {
	r.changes = append(r.changes, o.changes...)
	r.stats.Unchanged += o.stats.Unchanged
	r.stats.Changed += o.stats.Changed
	r.stats.Added += o.stats.Added
	r.stats.Removed += o.stats.Removed
}

// pairSimilarity is the cosine similarity of their content words two
// sentences need for alignRun to pair them as versions of each other. On
// the summit articles, rewordings of one sentence by two outlets score
// 0.37 to 0.49 ("Putin lauded the agreement as a breakthrough document"
// and "Putin described the agreement as a breakthrough document"), and
// the best-scoring sentences that report different things 0.33 to 0.35.
// A version of an article that edits rather than rewrites scores higher.
const pairSimilarity = 0.36

// alignLimit bounds the sentence pairs alignRun weighs at once (500 by
// 500 sentences take about 100 ms); a larger run is aligned in chunks of
// alignChunk sentences a side.
const (
	alignLimit = 250_000
	alignChunk = 500
)

// maxBlockWords and maxPairedWords bound the words of a piece that is
// word-diffed. The word diff's cost grows with the piece's length times
// its number of edits: two long passages with nothing alike (a text and
// its words shuffled took 11 s) differ everywhere, so such a piece over
// maxBlockWords is shown as a removal and an addition. A paired piece is
// alike and usually cheap, but one enormous "sentence" with its words
// reordered is not, hence the looser maxPairedWords. Sizes rather than a
// time limit keep the output independent of the machine.
const (
	maxBlockWords  = 1500
	maxPairedWords = 5000
)

// alignRun breaks a run with sentences on both sides into pieces, so
// that a heavily edited passage reads sentence by sentence
// instead of as one block. Sentences are paired in order where they share
// enough content words, choosing the pairs with the greatest total
// similarity; what lies between two pairs is a piece of its own. A
// sentence left over next to a pair joins it when it is like that pair's
// other side, which keeps a sentence split in two, or two merged, in one
// change. A run over alignLimit pairs is cut into proportional chunks of
// at most alignChunk sentences a side, aligned one by one.
func alignRun(old, new []string, run sentenceRun) []piece {
	n, m := len(run.del), len(run.ins)
	if n == 0 || m == 0 {
		return []piece{{sentenceRun: run}}
	}
	if n*m > alignLimit {
		k := (max(n, m) + alignChunk - 1) / alignChunk
		var out []piece
		for c := range k {
			sub := sentenceRun{
				del: run.del[c*n/k : (c+1)*n/k : (c+1)*n/k],
				ins: run.ins[c*m/k : (c+1)*m/k : (c+1)*m/k],
			}
			if len(sub.del)+len(sub.ins) > 0 {
				out = append(out, alignRun(old, new, sub)...)
			}
		}
		return out
	}
	a := make([]map[string]bool, n)
	for i, k := range run.del {
		a[i] = stemSet(old[k-1])
	}
	b := make([]map[string]bool, m)
	for j, k := range run.ins {
		b[j] = stemSet(new[k-1])
	}
	if n == 1 && m == 1 {
		return []piece{{sentenceRun: run, paired: setCosine(a[0], b[0]) >= pairSimilarity}}
	}
	sim := make([]float64, n*m)
	for i := range n {
		for j := range m {
			sim[i*m+j] = setCosine(a[i], b[j])
		}
	}
	// best[(i+1)*(m+1)+(j+1)] is the greatest total similarity of pairs
	// among the first i+1 old and j+1 new sentences.
	best := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &best[(i+1)*(m+1)+j+1] }
	for i := range n {
		for j := range m {
			v := max(*at(i-1, j), *at(i, j-1))
			if s := sim[i*m+j]; s >= pairSimilarity {
				v = max(v, *at(i-1, j-1)+s)
			}
			*at(i, j) = v
		}
	}
	var pairs [][2]int
	for i, j := n-1, m-1; i >= 0 && j >= 0; {
		switch s := sim[i*m+j]; {
		case s >= pairSimilarity && *at(i, j) == *at(i-1, j-1)+s:
			pairs = append(pairs, [2]int{i, j})
			i, j = i-1, j-1
		case *at(i-1, j) >= *at(i, j-1):
			i--
		default:
			j--
		}
	}
	if len(pairs) == 0 {
		return []piece{{sentenceRun: run}}
	}
	slices.Reverse(pairs)

	// Segments in order: the gap before each pair, the pair, and the gap
	// after the last, as ranges of indexes into run.del and run.ins. A
	// pair takes in the sentences next to it, on either side, that are
	// like its other side: the rest of a sentence split in two, or the
	// other of two merged.
	type segment struct {
		oldLo, oldHi, newLo, newHi int // inclusive; empty when hi < lo
		paired                     bool
	}
	var merged []segment
	prevOld, prevNew := -1, -1
	for k, p := range pairs {
		i, j := p[0], p[1]
		nextOld, nextNew := n, m
		if k+1 < len(pairs) {
			nextOld, nextNew = pairs[k+1][0], pairs[k+1][1]
		}
		g := segment{oldLo: i, oldHi: i, newLo: j, newHi: j, paired: true}
		for g.oldLo-1 > prevOld && setCosine(a[g.oldLo-1], b[j]) >= pairSimilarity {
			g.oldLo--
		}
		for g.newLo-1 > prevNew && setCosine(a[i], b[g.newLo-1]) >= pairSimilarity {
			g.newLo--
		}
		for g.oldHi+1 < nextOld && setCosine(a[g.oldHi+1], b[j]) >= pairSimilarity {
			g.oldHi++
		}
		for g.newHi+1 < nextNew && setCosine(a[i], b[g.newHi+1]) >= pairSimilarity {
			g.newHi++
		}
		if prevOld+1 < g.oldLo || prevNew+1 < g.newLo {
			merged = append(merged, segment{oldLo: prevOld + 1, oldHi: g.oldLo - 1, newLo: prevNew + 1, newHi: g.newLo - 1})
		}
		merged = append(merged, g)
		prevOld, prevNew = g.oldHi, g.newHi
	}
	if prevOld+1 < n || prevNew+1 < m {
		merged = append(merged, segment{oldLo: prevOld + 1, oldHi: n - 1, newLo: prevNew + 1, newHi: m - 1})
	}
	out := make([]piece, len(merged))
	for k, g := range merged {
		// Capped, so that appending to one piece cannot overwrite the next.
		out[k] = piece{
			sentenceRun: sentenceRun{del: run.del[g.oldLo : g.oldHi+1 : g.oldHi+1], ins: run.ins[g.newLo : g.newHi+1 : g.newHi+1]},
			paired:      g.paired,
		}
		if len(out[k].del) == 0 {
			out[k].del = nil
		}
		if len(out[k].ins) == 0 {
			out[k].ins = nil
		}
	}
	return out
}

// piece is part of a run that alignRun made: a pair of alike sentences
// with any that joined it, or what lies between pairs, where nothing is
// alike.
type piece struct {
	sentenceRun
	paired bool
}

// shared counts the members two sets have in common, going through the
// smaller.
func shared(a, b map[string]bool) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// jaccard is the share of two sets' members that both hold.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := shared(a, b)
	return float64(n) / float64(len(a)+len(b)-n)
}

// setCosine is the cosine similarity of two sets as 0/1 vectors: what
// they share over the geometric mean of their sizes, which unlike Jaccard
// does not punish a sentence for being half of a longer one.
func setCosine(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(shared(a, b)) / math.Sqrt(float64(len(a))*float64(len(b)))
}

// diffRun word-diffs one run, broken up by alignRun.
func diffRun(old, new []string, run sentenceRun) runResult {
	var r runResult
	for _, p := range alignRun(old, new, run) {
		r.add(diffBlock(old, new, p))
	}
	return r
}

// diffBlock word-diffs a piece as one change. A piece whose two sides are
// unrelated or too long becomes a removal and an addition; a piece that
// differs only in typographic trivia counts as unchanged.
func diffBlock(old, new []string, p piece) runResult {
	var r runResult
	del, ins := p.del, p.ins
	if len(del) > 0 && len(ins) > 0 {
		limit := maxBlockWords
		if p.paired {
			limit = maxPairedWords
		}
		if blockWords(old, del)+blockWords(new, ins) > limit ||
			!p.paired && unrelated(joinSentences(old, del), joinSentences(new, ins)) {
			r.add(diffBlock(old, new, piece{sentenceRun: sentenceRun{del: del}}))
			r.add(diffBlock(old, new, piece{sentenceRun: sentenceRun{ins: ins}}))
			return r
		}
	}
	c := Change{Old: nonNil(del), New: nonNil(ins)}
	c.OldText = joinSentences(old, del)
	c.NewText = joinSentences(new, ins)
	c.ops = worddiff.Diff(c.OldText, c.NewText)
	if worddiff.Same(c.ops) {
		r.stats.Unchanged = len(del)
		return r
	}
	switch {
	case len(del) == 0:
		c.Kind = "added"
		r.stats.Added = len(ins)
	case len(ins) == 0:
		c.Kind = "removed"
		r.stats.Removed = len(del)
	default:
		c.Kind = "changed"
		r.stats.Changed = max(len(del), len(ins))
	}
	c.Diff = worddiff.Text(c.ops, false)
	r.changes = []Change{c}
	return r
}

// blockWords counts the words of the sentences ns of ss.
func blockWords(ss []string, ns []int) int {
	n := 0
	for _, k := range ns {
		n += strings.Count(ss[k-1], " ") + 1
	}
	return n
}

// unrelated reports whether a removed and an added block share so few
// content words (under a fifth) that a word diff between them would be
// noise: they are shown as a removal and an addition instead.
func unrelated(a, b string) bool {
	sa, sb := stemSet(a), stemSet(b)
	if len(sa) == 0 || len(sb) == 0 {
		return false
	}
	return jaccard(sa, sb) < 0.2
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

func joinSentences(ss []string, ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = ss[n-1]
	}
	return strings.Join(parts, " ")
}

func sentenceRange(ns []int) string {
	switch len(ns) {
	case 0:
		return "-"
	case 1:
		return fmt.Sprint(ns[0])
	}
	return fmt.Sprintf("%d-%d", ns[0], ns[len(ns)-1])
}

// origin is where a was loaded from: its file, "-", or its URL.
func origin(a *article.Article) string {
	if a.Path != "" {
		return a.Path
	}
	return a.URL
}

// versionName names a version in a heading: its label, and its path
// when that says more ("wire (old/wire.txt)").
func versionName(s Source) string {
	name := orDash(s.Label)
	switch s.Path {
	case "", s.Label:
		return name
	case "-":
		return name + " (standard input)"
	}
	return name + " (" + s.Path + ")"
}

// WriteText renders the diff for a terminal, one block per change with
// its sentence numbers, in [-del-]{+ins+} notation or colour.
func (v *VersionDiff) WriteText(w io.Writer, color bool) error {
	t := &textWriter{w: bufio.NewWriter(w), color: color}
	t.printf("--- %s, %d sentences\n+++ %s, %d sentences\n", versionName(v.Old), v.Old.Sentences, versionName(v.New), v.New.Sentences)
	if v.Title != "" {
		t.printf("title: %s\n", diffText(v.titleOps, v.Title, color))
	}
	if v.Identical() {
		t.printf("no differences\n")
	}
	for _, c := range v.Changes {
		t.printf("\n@@ %s %s -> %s @@\n%s\n", c.Kind, sentenceRange(c.Old), sentenceRange(c.New), diffText(c.ops, c.Diff, color))
	}
	t.printf("\n%d unchanged, %d changed, %d added, %d removed\n", v.Stats.Unchanged, v.Stats.Changed, v.Stats.Added, v.Stats.Removed)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write version diff: %w", err)
	}
	return nil
}

// WriteMarkdown renders the diff as GitHub-flavoured Markdown: a table
// of changes with ~~deleted~~ and **inserted** words.
func (v *VersionDiff) WriteMarkdown(w io.Writer) error {
	t := &textWriter{w: bufio.NewWriter(w)}
	esc := worddiff.Escape
	t.printf("# Changes from %s to %s\n\n", esc(versionName(v.Old)), esc(versionName(v.New)))
	if v.Title != "" {
		t.printf("**Title:** %s\n\n", diffMarkdown(v.titleOps, v.Title))
	}
	if v.Identical() {
		t.printf("No differences.\n")
	} else {
		t.printf("| Change | Old | New | Text |\n|---|---:|---:|---|\n")
		for _, c := range v.Changes {
			t.printf("| %s | %s | %s | %s |\n", c.Kind, sentenceRange(c.Old), sentenceRange(c.New), diffMarkdown(c.ops, c.Diff))
		}
	}
	t.printf("\n_%d unchanged, %d changed, %d added, %d removed._\n", v.Stats.Unchanged, v.Stats.Changed, v.Stats.Added, v.Stats.Removed)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write version diff: %w", err)
	}
	return nil
}

// parallel calls fn(0) to fn(n-1) on up to GOMAXPROCS goroutines, or on
// this one when n is small enough that starting goroutines costs more.
func parallel(n int, fn func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n/8)
	if workers < 2 {
		for k := range n {
			fn(k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				fn(k)
			}
		})
	}
	wg.Wait()
}
