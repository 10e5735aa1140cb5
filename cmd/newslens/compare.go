package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/compare"
	"github.com/newslens/newslens/compare/versions"
	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/summarize"
)

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "compare how several outlets cover the same event",
		ArgsUsage: "ARTICLE ARTICLE...  (files, - for stdin, or URLs; LABEL=ARTICLE names the outlet)",
		Flags: concat(
			endpointFlags(),
			promptFlags("summarize"),
			inputFlags(),
			outputFlags(),
			engineFlags(),
			[]cli.Flag{
				&cli.StringFlag{Name: "compare-prompt", Value: "compare", Usage: "synthesis prompt `NAME[@VERSION]`"},
				&cli.BoolFlag{Name: "details", Usage: "text and markdown: add each claim's sentences, match scores and word diffs"},
				&cli.Float64Flag{Name: "threshold", Value: compare.DefaultThreshold, Usage: "similarity (0-1) at which sentences of different outlets count as reporting the same thing"},
			},
		),
		OnUsageError: onUsageError,
		Action:       runCompare,
	}
}

func runCompare(c *cli.Context) error {
	format, err := checkFormat(c.String("format"), "text", "markdown", "json")
	if err != nil {
		return err
	}
	if c.NArg() < 2 {
		return usagef("newslens compare wire=reuters.txt bbc.html kcna.txt", "compare needs at least two articles, got %d", c.NArg())
	}
	th := c.Float64("threshold")
	if th <= 0 || th >= 1 {
		return usagef("--threshold 0.25", "--threshold must be between 0 and 1")
	}
	arts, err := loadArticles(c)
	if err != nil {
		return err
	}
	report, err := compare.Sources(c.Context, arts, compare.Options{Threshold: th})
	if err != nil {
		return err
	}
	if err := synthesize(c, report, arts); err != nil {
		return err
	}
	color := colorFor(c.App.Writer) && c.String("output") == ""
	return writeOutput(c, func(w io.Writer) error {
		switch format {
		case "json":
			return writeJSON(w, report)
		case "markdown":
			return report.WriteMarkdownView(w, compare.View{Details: c.Bool("details")})
		default:
			return report.WriteTextView(w, compare.View{Color: color, Details: c.Bool("details")})
		}
	})
}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "word-level diff of two versions of one article (exit 0 identical, 1 different, 2 trouble)",
		ArgsUsage: "OLD NEW",
		Flags: concat(
			inputFlags(),
			outputFlags(),
		),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c.String("format"), "text", "markdown", "json")
			if err != nil {
				return err
			}
			if c.NArg() != 2 {
				return usagef("newslens diff old.txt new.txt", "diff takes two articles, got %d", c.NArg())
			}
			arts, err := loadArticles(c)
			if err != nil {
				return err
			}
			d := versions.Diff(arts[0], arts[1])
			color := colorFor(c.App.Writer) && c.String("output") == ""
			err = writeOutput(c, func(w io.Writer) error {
				switch format {
				case "json":
					return writeJSON(w, d)
				case "markdown":
					return d.WriteMarkdown(w)
				default:
					return d.WriteText(w, color)
				}
			})
			if err != nil {
				return err
			}
			if !d.Identical() {
				return &exitError{code: exitFailure}
			}
			return nil
		},
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// synthesize adds the LLM layer to a comparison when an endpoint is
// configured and the engine allows it: one summary per outlet, then one
// synthesis request over the summaries and the deterministic findings.
func synthesize(c *cli.Context, r *compare.Report, arts []*article.Article) error {
	switch c.String("engine") {
	case "extractive":
		return nil
	case "auto":
		if !endpointConfigured(c) {
			notice(c, "no endpoint configured; showing the rule-based comparison only (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to add a language model's synthesis)")
			return nil
		}
	}
	engine, finish, err := newEngine(c)
	if err != nil {
		return err
	}
	defer finish()
	cp, err := lookupPrompt(c, c.String("compare-prompt"))
	if err != nil {
		return err
	}
	if cp.Schema != compare.SynthesisSchemaName {
		return usagef("--compare-prompt compare", "prompt %s is not a compare prompt", cp.ID())
	}
	bar := newProgress(c, len(arts), "summarising")
	sums, errs := summarize.All(c.Context, arts, engine, c.Int("concurrency"), func(int, error) { bar.step() })
	bar.done()
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("summarise %s for the synthesis: %w", arts[i].Label, e)
		}
	}
	llmEngine := engine.(*summarize.LLM)
	syn := &compare.Synthesizer{Client: llmEngine.Client, Prompt: cp, Temperature: llmEngine.Temperature, MaxTokens: llmEngine.MaxTokens}
	return syn.Synthesize(c.Context, r, arts, sums)
}
