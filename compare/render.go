package compare

import (
	"bufio"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newslens/newslens/internal/htmlpage"
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

// diffMarkdown renders a finding's word diff as Markdown, reading a
// stored [-del-]{+ins+} diff back into operations first.
func diffMarkdown(ops []worddiff.Op, stored string) string {
	if ops == nil {
		ops = storedOps(stored)
	}
	return worddiff.Markdown(ops)
}

// storedOps reads a diff in [-del-]{+ins+} notation into operations.
func storedOps(stored string) []worddiff.Op {
	kinds := map[string]worddiff.Kind{"": worddiff.Equal, "del": worddiff.Delete, "ins": worddiff.Insert}
	var ops []worddiff.Op
	for _, seg := range htmlpage.ParseDiff(stored) {
		ops = append(ops, worddiff.Op{Kind: kinds[seg.Kind], Text: seg.Text})
	}
	return ops
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
