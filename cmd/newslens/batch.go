package main

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/summarize"
)

// batch is the outcome of summarising several articles: for each input,
// in order, its summary or the error that stopped it.
type batch struct {
	arts []*article.Article
	sums []*summarize.Summary
	errs []error
}

// failedEntry holds the place of an article that failed in a batch's
// JSON, so that entry i is always about input i.
type failedEntry struct {
	Source summarize.Source `json:"source"`
	Error  string           `json:"error"`
}

// summaries are the summaries that were made, in input order.
func (b *batch) summaries() []*summarize.Summary {
	var ok []*summarize.Summary
	for i, s := range b.sums {
		if b.errs[i] == nil {
			ok = append(ok, s)
		}
	}
	return ok
}

func (b *batch) failed() int {
	n := 0
	for _, e := range b.errs {
		if e != nil {
			n++
		}
	}
	return n
}

// reason is why article i failed, on one line and without its label,
// which the reader sees beside it.
func (b *batch) reason(i int) string {
	return oneLine(strings.TrimPrefix(b.errs[i].Error(), b.arts[i].Label+": "))
}

// entries are the batch's JSON values: a summary, or a failedEntry, for
// each input in order.
func (b *batch) entries() []any {
	out := make([]any, len(b.arts))
	for i, a := range b.arts {
		if b.errs[i] != nil {
			out[i] = failedEntry{Source: summarize.SourceOf(a), Error: b.reason(i)}
		} else {
			out[i] = b.sums[i]
		}
	}
	return out
}

// writeJSON writes one article's summary as an object and several
// articles as an array with one entry per input, whatever succeeded.
func (b *batch) writeJSON(w io.Writer) error {
	if len(b.arts) == 1 {
		return summarize.WriteJSON(w, b.summaries())
	}
	return writeJSON(w, b.entries())
}

// writeJSONL writes one line per input.
func (b *batch) writeJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range b.entries() {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}
