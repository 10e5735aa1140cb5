// Package versions diffs two versions of one article, sentence by
// sentence and then word by word, for `newslens diff`: which sentences
// an edit added, removed or reworded. It renders the diff as text,
// Markdown and JSON.
//
// Unchanged sentences are matched whole; between them, removed and added
// sentences are paired in order by the cosine of their content-word sets
// (alignRun), a sentence split in two or two merged stay one change, and
// each change is word-diffed. A passage over maxBlockWords where nothing
// pairs, or a pair over maxPairedWords, is a removal and an addition,
// which bounds the word diff's cost; runs over alignLimit are aligned in
// chunks.
//
// It may import internal/article (the loaded versions), internal/words
// (content words, to pair reworded sentences), internal/worddiff and
// go-diff; it does not import compare, whose cross-outlet alignment is a
// different question.
package versions

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/worddiff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Report is the sentence-aligned word diff of two versions of one
// article, as tracked by NewsDiffs: which sentences were added, removed
// or reworded between them. Its JSON field names are a public contract.
type Report struct {
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

// Source identifies one version: the same fields, under the same JSON
// names, as a compared source in package compare, with Path telling two
// versions of one article apart.
type Source struct {
	Label string `json:"label"`
	// Path is where the version came from: a file, "-" for standard
	// input, or a URL.
	Path      string `json:"path,omitempty"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	SHA256    string `json:"sha256"`
	Sentences int    `json:"sentences"`
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
func (v *Report) Identical() bool {
	return len(v.Changes) == 0 && v.Title == ""
}

// Diff diffs two versions of one article. Sentences are first
// matched whole (each distinct normalised sentence mapped to one rune and
// the two sequences diffed), so unchanged sentences cost nothing. Each
// run of removed and added sentences between matches is then broken up
// by alignRun, pairing sentences that share enough content words, and
// each piece is word diffed as one block, which keeps a split or merged
// sentence in one change.
func Diff(a, b *article.Article) *Report {
	v := &Report{
		Old:     sourceOf(a),
		New:     sourceOf(b),
		Changes: []Change{},
	}
	if ops := worddiff.Diff(a.Title, b.Title); !worddiff.Same(ops) {
		v.titleOps = ops
		v.Title = worddiff.Text(ops, false)
	}
	runs, unchanged := changedRuns(a.Sentences, b.Sentences)
	v.Stats.Unchanged = unchanged
	// The word diffs of long articles' runs are independent, so they are
	// made in parallel and put back in order.
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

func sourceOf(a *article.Article) Source {
	return Source{Label: a.Label, Path: origin(a), Title: a.Title, Date: a.Date, SHA256: a.SHA256, Sentences: len(a.Sentences)}
}

// changedRuns matches whole sentences (each distinct normalised sentence
// mapped to one rune, the two sequences diffed) and returns the runs of
// removed and added sentences between matches, in order, and the number
// of sentences matched.
func changedRuns(old, new []string) (runs []sentenceRun, unchanged int) {
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
	ra, rb := toRunes(old), toRunes(new)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var del, ins []int
	i, j := 0, 0
	endRun := func() {
		if len(del) > 0 || len(ins) > 0 {
			runs = append(runs, sentenceRun{del, ins})
		}
		del, ins = nil, nil
	}
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			endRun()
			unchanged += n
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			for range n {
				i++
				del = append(del, i)
			}
		case diffmatchpatch.DiffInsert:
			for range n {
				j++
				ins = append(ins, j)
			}
		}
	}
	endRun()
	return runs, unchanged
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

// origin is where a was loaded from: its file, "-", or its URL.
func origin(a *article.Article) string {
	if a.Path != "" {
		return a.Path
	}
	return a.URL
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
