package main

import (
	"fmt"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newslens/newslens/internal/article"
)

// progress counts finished items on a bar on stderr, shown only for
// several items, on a terminal, without --quiet. Its methods are safe for
// concurrent use and do nothing when the bar is hidden.
type progress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newProgress(s stdio, total int, what string) *progress {
	p := &progress{}
	if total < 2 || s.Quiet || !isTerminal(s.Err) {
		return p
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(s.Err),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionEnableColorCodes(colorFor(s.Err)),
	)
	return p
}

func (p *progress) step() {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Add(1)
}

func (p *progress) done() {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Finish()
}

// set moves the bar to done of total.
func (p *progress) set(done, total int) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.ChangeMax(total)
	p.bar.Set(done)
}

func (p *progress) describe(what string) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Describe(what)
}

// partsProgress shows the requests for the parts of a long article: on a
// bar of their own when it is the only article, else beside the count
// of articles.
func partsProgress(s stdio, articles *progress, n int) func(a *article.Article, done, total int) {
	var mu sync.Mutex
	var parts *progress
	return func(a *article.Article, done, total int) {
		if n > 1 {
			articles.describe(fmt.Sprintf("summarising (%s: %d/%d requests)", a.Label, done, total))
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if parts == nil {
			parts = newProgress(s, total, a.Label+": parts and merges")
		}
		parts.set(done, total)
		if done == total {
			parts.done()
		}
	}
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
