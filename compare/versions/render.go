package versions

import (
	"bufio"
	"fmt"
	"io"

	"github.com/newslens/newslens/internal/worddiff"
)

// textWriter buffers output, so the renderers can write unconditionally
// and check for an error once, at Flush.
type textWriter struct {
	w *bufio.Writer
}

func (t *textWriter) printf(format string, args ...any) {
	fmt.Fprintf(t.w, format, args...)
}

// diffText renders ops when the diff carries them (made by Diff), else
// its stored Diff string (a report decoded from JSON).
func diffText(ops []worddiff.Op, stored string, color bool) string {
	if ops != nil {
		return worddiff.Text(ops, color)
	}
	return stored
}

func diffMarkdown(ops []worddiff.Op, stored string) string {
	if ops != nil {
		return worddiff.Markdown(ops)
	}
	return worddiff.Escape(stored)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
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
func (v *Report) WriteText(w io.Writer, color bool) error {
	t := &textWriter{w: bufio.NewWriter(w)}
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
func (v *Report) WriteMarkdown(w io.Writer) error {
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
