package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/compare"
	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/sentence"
	"github.com/newslens/newslens/summarize"
)

// CompareOptions is everything compare needs, filled from the flags once.
type CompareOptions struct {
	IO            stdio
	Endpoint      endpointOptions
	Prompt        promptOptions
	Input         inputOptions
	Output        outputOptions
	Engine        engineOptions
	ComparePrompt string
	Threshold     float64
	EmbedModel    string // embedding model for semantic matching; "" for none
	Details       bool   // text and markdown: add the evidence and word diffs
	Articles      []string
}

// reportFormats are compare's output formats, the default first;
// details adds the evidence to text and markdown.
func reportFormats(details bool) []format[*compare.Report] {
	return []format[*compare.Report]{
		{"text", func(w io.Writer, r *compare.Report, color bool) error {
			return r.WriteTextView(w, compare.View{Color: color, Details: details})
		}},
		{"markdown", func(w io.Writer, r *compare.Report, _ bool) error {
			return r.WriteMarkdownView(w, compare.View{Details: details})
		}},
		{"json", func(w io.Writer, r *compare.Report, _ bool) error { return writeJSON(w, r) }},
		{"html", func(w io.Writer, r *compare.Report, _ bool) error { return r.WriteHTML(w) }},
	}
}

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "compare how several outlets cover the same event",
		ArgsUsage: "ARTICLE ARTICLE...  (files, - for stdin, or URLs; LABEL=ARTICLE names the outlet)",
		Flags: concat(
			endpointFlags(),
			promptFlags("summarize"),
			inputFlags(),
			outputFlags(formatNames(reportFormats(false))),
			engineFlags(),
			[]cli.Flag{
				&cli.StringFlag{Name: "compare-prompt", Value: "compare", Usage: "synthesis prompt `NAME[@VERSION]`"},
				&cli.StringFlag{Name: "embed-model", EnvVars: []string{"NEWSLENS_EMBED_MODEL"}, Usage: "also match sentences by meaning with the endpoint's embedding `MODEL` (such as text-embedding-3-small)"},
				&cli.BoolFlag{Name: "details", Usage: "text and markdown: add each claim's sentences, match scores and word diffs (json and html always carry them, so it changes nothing there)"},
				&cli.Float64Flag{Name: "threshold", Value: compare.DefaultThreshold, Usage: "similarity (0-1) at which sentences of different outlets count as reporting the same thing"},
			},
		),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			opts := &CompareOptions{
				IO:            stdioFrom(c),
				Endpoint:      endpointFrom(c),
				Prompt:        promptFrom(c),
				Input:         inputFrom(c),
				Output:        outputFrom(c),
				Engine:        engineFrom(c),
				ComparePrompt: c.String("compare-prompt"),
				Threshold:     c.Float64("threshold"),
				EmbedModel:    c.String("embed-model"),
				Details:       c.Bool("details"),
				Articles:      c.Args().Slice(),
			}
			return runCompare(c.Context, opts)
		},
	}
}

func runCompare(ctx context.Context, opts *CompareOptions) error {
	f, err := pickFormat(opts.Output.Format, reportFormats(opts.Details))
	if err != nil {
		return err
	}
	if len(opts.Articles) < 2 {
		return usagef("newslens compare wire=reuters.txt bbc.html kcna.txt", "compare needs at least two articles, got %d", len(opts.Articles))
	}
	if th := opts.Threshold; !(th > 0 && th < 1) { // NaN fails both tests
		return usagef("--threshold 0.25", "--threshold must be between 0 and 1")
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	syn, err := newSynthesis(opts)
	if err != nil {
		return err
	}
	defer syn.close()
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, syn.splits())
	if err != nil {
		return err
	}
	copt, done, err := embedOptions(opts, syn)
	if err != nil {
		return err
	}
	defer done()
	report, err := compare.Sources(ctx, arts, copt)
	if err != nil {
		return err
	}
	for _, l := range report.LeftOut {
		opts.IO.notice("%s shares no fact with the other sources and is left out of the comparison", l.Label)
	}
	arts = report.Compared(arts)
	if syn == nil && opts.Engine.Engine == "auto" {
		opts.IO.notice("no endpoint configured; showing the rule-based comparison only (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to add a language model's synthesis)")
	}
	if err := syn.run(ctx, opts, report, arts); err != nil {
		return err
	}
	return writeResult(opts.IO, opts.Output.Path, f, report)
}

// synthesis is the LLM layer of a comparison: one summary per outlet,
// then one synthesis request over the summaries and the rule-based
// findings. A nil *synthesis is an offline comparison and does nothing.
type synthesis struct {
	backend     *backend
	engine      *summarize.LLM
	synthesizer *compare.Synthesizer
}

// newSynthesis sets up the LLM layer when an endpoint is configured and
// the engine allows it; it returns nil for an offline comparison.
func newSynthesis(opts *CompareOptions) (*synthesis, error) {
	use, err := useLLM(opts.Engine, opts.Endpoint)
	if err != nil || !use {
		return nil, err
	}
	engine, b, err := llmEngine(opts.Endpoint, opts.Prompt, opts.IO)
	if err != nil {
		return nil, err
	}
	cp, err := lookupPrompt(opts.Prompt.Dir, opts.ComparePrompt)
	if err == nil && cp.Schema != compare.SynthesisSchemaName && cp.Schema != compare.VerifiedSchemaName {
		err = usagef("--compare-prompt compare", "prompt %s is not a compare prompt", cp.ID())
	}
	if err != nil {
		b.close()
		return nil, err
	}
	return &synthesis{
		backend: b,
		engine:  engine,
		synthesizer: &compare.Synthesizer{
			Client:      b.Completer,
			Prompt:      cp,
			Temperature: opts.Endpoint.Temperature,
			MaxTokens:   opts.Endpoint.MaxTokens,
			RawDir:      engine.RawDir,
		},
	}, nil
}

func (s *synthesis) splits() sentence.Store {
	if s == nil {
		return nil
	}
	return s.backend.splits()
}

func (s *synthesis) close() {
	if s != nil {
		s.backend.close()
	}
}

// run adds the LLM findings to r.
func (s *synthesis) run(ctx context.Context, opts *CompareOptions, r *compare.Report, arts []*article.Article) error {
	if s == nil {
		return nil
	}
	sums, errs := summarizeAll(ctx, opts.IO, arts, s.engine, opts.Endpoint.Concurrency)
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("summarise %s for the synthesis: %w", arts[i].Label, e)
		}
	}
	return s.synthesizer.Synthesize(ctx, r, arts, sums)
}

// embedOptions are the compare options, with the endpoint's embeddings
// when --embed-model is set; done closes what it opened.
func embedOptions(opts *CompareOptions, syn *synthesis) (compare.Options, func(), error) {
	o := compare.Options{Threshold: opts.Threshold}
	if opts.EmbedModel == "" {
		return o, func() {}, nil
	}
	if !opts.Endpoint.configured() {
		return o, nil, usagef("--base-url http://localhost:11434/v1 --embed-model nomic-embed-text",
			"--embed-model needs an endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL, or pass --api-key / --base-url")
	}
	o.EmbedModel = opts.EmbedModel
	if syn != nil {
		o.Embedder = syn.backend.Embedder
		return o, func() {}, nil
	}
	b, err := openBackend(opts.Endpoint, opts.IO)
	if err != nil {
		return o, nil, err
	}
	o.Embedder = b.Embedder
	return o, b.close, nil
}
