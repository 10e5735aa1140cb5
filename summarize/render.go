package summarize

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Styles for text output on a terminal. Plain output uses none, so piping
// and golden files see the same text without escape codes.
type style struct{ bold, dim, green, red, yellow, reset string }

func styleFor(color bool) style {
	if !color {
		return style{}
	}
	return style{bold: "\x1b[1m", dim: "\x1b[2m", green: "\x1b[32m", red: "\x1b[31m", yellow: "\x1b[33m", reset: "\x1b[0m"}
}

// WriteText writes summaries for people reading a terminal; color adds
// ANSI styling and is meant only for a terminal without NO_COLOR.
func WriteText(w io.Writer, sums []*Summary, color bool) error {
	st := styleFor(color)
	var b strings.Builder
	for i, s := range sums {
		if i > 0 {
			b.WriteString("\n" + strings.Repeat("─", 60) + "\n\n")
		}
		fmt.Fprintf(&b, "%s%s%s\n", st.bold, s.Headline, st.reset)
		fmt.Fprintf(&b, "%s%s%s\n\n", st.dim, sourceLine(s), st.reset)
		b.WriteString(s.Summary + "\n")
		if len(s.KeyPoints) > 0 {
			fmt.Fprintf(&b, "\n%sKey points%s\n", st.bold, st.reset)
			for _, p := range s.KeyPoints {
				fmt.Fprintf(&b, "  • %s%s\n", p.Text, evidence(p.Evidence, st))
			}
		}
		if len(s.Quotes) > 0 {
			fmt.Fprintf(&b, "\n%sQuotes%s\n", st.bold, st.reset)
			for _, q := range s.Quotes {
				mark := st.green + "✓" + st.reset
				switch {
				case q.Match == "paraphrased":
					mark = st.yellow + "≈" + st.reset
				case !q.Verified:
					mark = st.red + "✗" + st.reset
				}
				fmt.Fprintf(&b, "  %s %s: “%s”%s\n", mark, orUnknown(q.Speaker), q.Text, sentenceRef(q.Sentence, st))
			}
		}
		if len(s.Figures) > 0 {
			fmt.Fprintf(&b, "\n%sFigures%s\n", st.bold, st.reset)
			for _, f := range s.Figures {
				fmt.Fprintf(&b, "  %s — %s%s\n", f.Value, f.Context, sentenceRef(f.Sentence, st))
			}
		}
		if len(s.Entities) > 0 {
			fmt.Fprintf(&b, "\n%sEntities%s\n", st.bold, st.reset)
			b.WriteString("  " + entityList(s.Entities) + "\n")
		}
		if line := checksLine(s.Checks); line != "" {
			fmt.Fprintf(&b, "\n%sChecks%s %s\n", st.bold, st.reset, line)
		}
		if len(s.Warnings) > 0 {
			fmt.Fprintf(&b, "\n%sWarnings%s\n", st.yellow, st.reset)
			for _, w := range s.Warnings {
				fmt.Fprintf(&b, "  ! %s\n", w)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes summaries as a Markdown document.
func WriteMarkdown(w io.Writer, sums []*Summary) error {
	var b strings.Builder
	for i, s := range sums {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		fmt.Fprintf(&b, "## %s\n\n", mdEscape(s.Headline))
		fmt.Fprintf(&b, "*%s*\n\n", mdEscape(sourceLine(s)))
		b.WriteString(mdEscape(s.Summary) + "\n")
		if len(s.KeyPoints) > 0 {
			b.WriteString("\n### Key points\n\n")
			for _, p := range s.KeyPoints {
				fmt.Fprintf(&b, "- %s%s\n", mdEscape(p.Text), evidence(p.Evidence, style{}))
			}
		}
		if len(s.Quotes) > 0 {
			b.WriteString("\n### Quotes\n\n| | Speaker | Quote | Sentence |\n|---|---|---|---|\n")
			for _, q := range s.Quotes {
				mark := "✓"
				switch {
				case q.Match == "paraphrased":
					mark = "≈ paraphrased"
				case !q.Verified:
					mark = "✗ not found"
				}
				fmt.Fprintf(&b, "| %s | %s | “%s” | %s |\n", mark, mdCell(orUnknown(q.Speaker)), mdCell(q.Text), sentenceCell(q.Sentence))
			}
		}
		if len(s.Figures) > 0 {
			b.WriteString("\n### Figures\n\n| Figure | Context | Sentence |\n|---|---|---|\n")
			for _, f := range s.Figures {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(f.Value), mdCell(f.Context), sentenceCell(f.Sentence))
			}
		}
		if len(s.Entities) > 0 {
			b.WriteString("\n### Entities\n\n" + mdEscape(entityList(s.Entities)) + "\n")
		}
		if line := checksLine(s.Checks); line != "" {
			b.WriteString("\n### Checks\n\n" + mdEscape(line) + "\n")
		}
		if len(s.Warnings) > 0 {
			b.WriteString("\n### Warnings\n\n")
			for _, w := range s.Warnings {
				fmt.Fprintf(&b, "- %s\n", mdEscape(w))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes one summary as an object, several as an array.
func WriteJSON(w io.Writer, sums []*Summary) error {
	var v any = sums
	if len(sums) == 1 {
		v = sums[0]
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func sourceLine(s *Summary) string {
	parts := []string{s.Source.Label}
	if s.Source.Date != "" {
		parts = append(parts, s.Source.Date)
	}
	parts = append(parts, fmt.Sprintf("%d sentences", s.Source.Sentences))
	p := s.Provenance
	engine := p.Engine
	if p.Model != "" {
		engine += " " + p.Model
	}
	if p.Endpoint != "" {
		engine += " @ " + p.Endpoint
	}
	if p.Prompt != "" {
		engine += ", " + p.Prompt
	}
	if p.Cached {
		engine += ", cached"
	}
	parts = append(parts, engine)
	return strings.Join(parts, " · ")
}

func evidence(ev []int, st style) string {
	if len(ev) == 0 {
		return ""
	}
	nums := make([]string, len(ev))
	for i, n := range ev {
		nums[i] = fmt.Sprint(n)
	}
	return fmt.Sprintf(" %s[%s]%s", st.dim, strings.Join(nums, ", "), st.reset)
}

func sentenceRef(n int, st style) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" %s[%d]%s", st.dim, n, st.reset)
}

func sentenceCell(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func entityList(es []Entity) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s (%s)", e.Name, e.Type)
	}
	return strings.Join(parts, ", ")
}

var mdSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)

func mdEscape(s string) string { return mdSpecial.Replace(s) }

func mdCell(s string) string { return strings.ReplaceAll(mdEscape(s), "|", `\|`) }
