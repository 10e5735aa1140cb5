package compare

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newslens/newslens/internal/worddiff"
)

// ANSI escapes for headings when WriteText colours its output.
const (
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// textWriter accumulates output and remembers the first write error, so
// renderers can write unconditionally and check once.
type textWriter struct {
	w     *bufio.Writer
	color bool
}

func (t *textWriter) printf(format string, args ...any) {
	fmt.Fprintf(t.w, format, args...)
}

func (t *textWriter) heading(s string) {
	if t.color {
		t.printf("%s%s%s\n", bold, s, reset)
	} else {
		t.printf("%s\n%s\n", s, strings.Repeat("=", len([]rune(s))))
	}
}

func evidence(ev map[string][]int, order []string) string {
	var parts []string
	for _, l := range order {
		ns, ok := ev[l]
		if !ok {
			continue
		}
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = fmt.Sprint(n)
		}
		parts = append(parts, l+" "+strings.Join(s, ","))
	}
	return strings.Join(parts, "; ")
}

func (r *Report) labels() []string {
	out := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		out[i] = s.Label
	}
	return out
}

// keys returns the labels of m in source order, then any others sorted.
func keys[V any](r *Report, m map[string]V) []string {
	var out []string
	seen := make(map[string]bool)
	for _, l := range r.labels() {
		if _, ok := m[l]; ok {
			out = append(out, l)
			seen[l] = true
		}
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// diffText renders ops when the finding carries them (rules findings),
// else its stored Diff string (findings decoded from JSON).
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

// WriteText renders the report for a terminal: one section per kind of
// finding, sentence numbers in brackets, word diffs in [-del-]{+ins+}
// notation, or in red and green when color is true.
func (r *Report) WriteText(w io.Writer, color bool) error {
	t := &textWriter{w: bufio.NewWriter(w), color: color}
	order := r.labels()

	t.heading("Sources")
	for _, s := range r.Sources {
		t.printf("  %s: %q (%s, %d sentences)\n", s.Label, s.Title, orDash(s.Date), s.Sentences)
	}

	t.printf("\n")
	t.heading("Headlines")
	for _, h := range r.Headlines {
		if h.Diff == "" {
			t.printf("  %s: %s\n", h.Source, h.Text)
		} else {
			t.printf("  %s: %s\n", h.Source, diffText(h.ops, h.Diff, color))
		}
	}

	t.printf("\n")
	t.heading("Discrepancies")
	if len(r.Discrepancies) == 0 {
		t.printf("  none found\n")
	}
	for _, d := range r.Discrepancies {
		t.printf("  %s (%s, by %s):\n", d.Topic, orDash(d.Kind), d.By)
		for _, cl := range valueClasses(d.Values) {
			if cl.label == "" {
				v := cl.values[0]
				t.printf("    %s [%d]: %s\n", v.Source, v.Sentence, v.Text)
				continue
			}
			t.printf("    %s (%s): %s\n", cl.label, cl.count(), strings.Join(cl.members(strconv.Quote), ", "))
		}
	}

	t.printf("\n")
	t.heading("Quotes")
	if len(r.Quotes) == 0 {
		t.printf("  none shared\n")
	}
	for _, q := range r.Quotes {
		t.printf("  %s:\n", orDash(q.Speaker))
		for i, v := range q.Variants {
			text := fmt.Sprintf("%q", v.Text)
			if i > 0 {
				text = "\"" + diffText(v.ops, v.Diff, color) + "\""
			}
			t.printf("    %s  (%s)\n", text, evidence(v.Evidence, order))
		}
	}

	t.printf("\n")
	t.heading("Terms")
	if len(r.Terms) == 0 {
		t.printf("  no differences in naming found\n")
	}
	for _, tm := range r.Terms {
		t.printf("  %s%s:\n", tm.Concept, llmMark(tm.By))
		for _, l := range keys(r, tm.BySource) {
			t.printf("    %s: %s  [%s]\n", l, tm.BySource[l], evidence(map[string][]int{l: tm.Evidence[l]}, []string{l}))
		}
	}

	t.printf("\n")
	t.heading("Omissions")
	if len(r.Omissions) == 0 {
		t.printf("  none found\n")
	}
	for _, l := range keys(r, r.Omissions) {
		t.printf("  %s leaves out:\n", l)
		for _, o := range r.Omissions[l] {
			t.printf("    - %s  (%s)\n", o.Text, evidence(o.Evidence, order))
		}
	}

	t.printf("\n")
	t.heading("Only in one source")
	if len(r.Unique) == 0 {
		t.printf("  none found\n")
	}
	for _, l := range keys(r, r.Unique) {
		t.printf("  only in %s:\n", l)
		for _, s := range r.Unique[l] {
			t.printf("    [%d] %s%s\n", s.Sentence, s.Text, llmMark(s.By))
		}
	}

	t.printf("\n")
	t.heading("Shared")
	if len(r.Shared) == 0 {
		t.printf("  nothing shared\n")
	}
	for _, s := range r.Shared {
		t.printf("  - %s%s\n", s.Text, llmMark(s.By))
		t.printf("    in %s (%s)\n", strings.Join(s.Sources, ", "), evidence(s.Evidence, order))
		for _, wd := range s.Wording {
			t.printf("    %s [%d]: %s\n", wd.Source, wd.Sentence, diffText(wd.ops, wd.Diff, color))
		}
	}

	if len(r.Warnings) > 0 {
		t.printf("\n")
		t.heading("Warnings")
		for _, wn := range r.Warnings {
			t.printf("  %s\n", wn)
		}
	}
	t.printf("\n(engine %s, alignment threshold %g, %d sentences in %d groups)\n",
		r.Provenance.Engine, r.Provenance.Threshold, r.Provenance.Sentences, r.Provenance.Groups)
	if l := r.Provenance.LLM; l != nil {
		t.printf("(llm findings by %s at %s, prompt %s)\n", l.Model, l.Endpoint, l.Prompt)
	}
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write comparison: %w", err)
	}
	return nil
}

// valueClass is the values of a discrepancy that agree, under the most
// common wording among them (label); an LLM finding's values carry no
// class and come one to a valueClass with an empty label.
type valueClass struct {
	label  string
	values []Value
}

// valueClasses groups values by Class, classes in order and unclassed
// values last, each alone.
func valueClasses(values []Value) []valueClass {
	var out []valueClass
	at := make(map[int]int)
	for _, v := range values {
		if v.Class == 0 {
			continue
		}
		k, ok := at[v.Class]
		if !ok {
			k = len(out)
			at[v.Class] = k
			out = append(out, valueClass{})
		}
		out[k].values = append(out[k].values, v)
	}
	slices.SortStableFunc(out, func(a, b valueClass) int { return a.values[0].Class - b.values[0].Class })
	for k := range out {
		out[k].label = commonText(out[k].values)
	}
	for _, v := range values {
		if v.Class == 0 {
			out = append(out, valueClass{values: []Value{v}})
		}
	}
	return out
}

// commonText is the wording most values use, "since" figures aside
// unless there are only those; of equally common wordings, the one that
// comes first.
func commonText(values []Value) string {
	for _, withSince := range []bool{false, true} {
		counts := make(map[string]int)
		var order []string
		for _, v := range values {
			if strings.HasPrefix(v.Text, "since ") && !withSince {
				continue
			}
			if counts[v.Text] == 0 {
				order = append(order, v.Text)
			}
			counts[v.Text]++
		}
		best := ""
		for _, text := range order {
			if best == "" || counts[text] > counts[best] {
				best = text
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// count says how many sources the class has.
func (cl valueClass) count() string {
	srcs := make(map[string]bool)
	for _, v := range cl.values {
		srcs[v.Source] = true
	}
	if len(srcs) == 1 {
		return "1 source"
	}
	return fmt.Sprintf("%d sources", len(srcs))
}

// members lists "source [n]", with the wording, quoted by quote, where it
// is not the label.
func (cl valueClass) members(quote func(string) string) []string {
	out := make([]string, len(cl.values))
	for i, v := range cl.values {
		out[i] = fmt.Sprintf("%s [%d]", v.Source, v.Sentence)
		if v.Text != cl.label {
			out[i] += " " + quote(v.Text)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteMarkdown renders the report as GitHub-flavoured Markdown: tables
// for sources, headlines, discrepancies, quotes and terms, lists for the
// rest, and word diffs as ~~deleted~~ **inserted**.
func (r *Report) WriteMarkdown(w io.Writer) error {
	t := &textWriter{w: bufio.NewWriter(w)}
	esc := worddiff.Escape
	order := r.labels()

	t.printf("# Comparison of %d sources\n\n", len(r.Sources))
	t.printf("| Source | Title | Date | Sentences |\n|---|---|---|---:|\n")
	for _, s := range r.Sources {
		t.printf("| %s | %s | %s | %d |\n", esc(s.Label), esc(s.Title), esc(orDash(s.Date)), s.Sentences)
	}

	t.printf("\n## Headlines\n\n| Source | Headline |\n|---|---|\n")
	for _, h := range r.Headlines {
		text := esc(h.Text)
		if h.Diff != "" {
			text = diffMarkdown(h.ops, h.Diff)
		}
		t.printf("| %s | %s |\n", esc(h.Source), text)
	}

	t.printf("\n## Discrepancies\n\n")
	if len(r.Discrepancies) == 0 {
		t.printf("None found.\n")
	} else {
		t.printf("| Topic | Says | Sources |\n|---|---|---|\n")
		for _, d := range r.Discrepancies {
			for i, cl := range valueClasses(d.Values) {
				topic := ""
				if i == 0 {
					topic = esc(d.Topic) + llmMark(d.By)
				}
				says, who := cl.label, ""
				if says == "" {
					v := cl.values[0]
					says, who = v.Text, fmt.Sprintf("%s [%d]", v.Source, v.Sentence)
				} else {
					who = fmt.Sprintf("%s: %s", cl.count(), strings.Join(cl.members(func(s string) string { return "“" + s + "”" }), ", "))
				}
				t.printf("| %s | %s | %s |\n", topic, esc(says), esc(who))
			}
		}
	}

	t.printf("\n## Quotes\n\n")
	if len(r.Quotes) == 0 {
		t.printf("No quote is carried by more than one source.\n")
	} else {
		t.printf("| Speaker | Rendering | Sources |\n|---|---|---|\n")
		for _, q := range r.Quotes {
			for i, v := range q.Variants {
				sp, text := "", "\""+esc(v.Text)+"\""
				if i == 0 {
					sp = esc(orDash(q.Speaker))
				} else {
					text = "\"" + diffMarkdown(v.ops, v.Diff) + "\""
				}
				t.printf("| %s | %s | %s |\n", sp, text, esc(evidence(v.Evidence, order)))
			}
		}
	}

	t.printf("\n## Terms\n\n")
	if len(r.Terms) == 0 {
		t.printf("No differences in naming found.\n")
	} else {
		t.printf("| Concept |")
		for _, l := range order {
			t.printf(" %s |", esc(l))
		}
		t.printf("\n|---|%s\n", strings.Repeat("---|", len(order)))
		for _, tm := range r.Terms {
			t.printf("| %s |", esc(tm.Concept)+llmMark(tm.By))
			for _, l := range order {
				t.printf(" %s |", esc(tm.BySource[l]))
			}
			t.printf("\n")
		}
	}

	t.printf("\n## Omissions\n\n")
	if len(r.Omissions) == 0 {
		t.printf("None found.\n")
	}
	for _, l := range keys(r, r.Omissions) {
		t.printf("**%s** leaves out:\n\n", esc(l))
		for _, o := range r.Omissions[l] {
			t.printf("- %s (%s)\n", esc(o.Text), esc(evidence(o.Evidence, order)))
		}
		t.printf("\n")
	}

	t.printf("\n## Only in one source\n\n")
	if len(r.Unique) == 0 {
		t.printf("None found.\n")
	}
	for _, l := range keys(r, r.Unique) {
		t.printf("**Only in %s:**\n\n", esc(l))
		for _, s := range r.Unique[l] {
			t.printf("- [%d] %s%s\n", s.Sentence, esc(s.Text), llmMark(s.By))
		}
		t.printf("\n")
	}

	t.printf("\n## Shared\n\n")
	if len(r.Shared) == 0 {
		t.printf("Nothing shared.\n")
	}
	for _, s := range r.Shared {
		t.printf("- %s%s  \n  _%s_\n", esc(s.Text), llmMark(s.By), esc(evidence(s.Evidence, order)))
		for _, wd := range s.Wording {
			t.printf("  - %s [%d]: %s\n", esc(wd.Source), wd.Sentence, diffMarkdown(wd.ops, wd.Diff))
		}
	}

	if len(r.Warnings) > 0 {
		t.printf("\n## Warnings\n\n")
		for _, wn := range r.Warnings {
			t.printf("- %s\n", esc(wn))
		}
	}
	t.printf("\n_Engine %s, alignment threshold %g, %d sentences in %d groups._\n",
		esc(r.Provenance.Engine), r.Provenance.Threshold, r.Provenance.Sentences, r.Provenance.Groups)
	if l := r.Provenance.LLM; l != nil {
		t.printf("_LLM findings by %s at %s, prompt %s._\n", esc(l.Model), esc(l.Endpoint), esc(l.Prompt))
	}
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write comparison: %w", err)
	}
	return nil
}
