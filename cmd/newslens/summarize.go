package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/summarize"
)

// SummarizeOptions is everything summarize needs, filled from the flags
// once.
type SummarizeOptions struct {
	IO       stdio
	Endpoint endpointOptions
	Prompt   promptOptions
	Input    inputOptions
	Output   outputOptions
	Engine   engineOptions
	Articles []string
}

// summaryFormats are summarize's output formats, the default first.
var summaryFormats = []format[*batch]{
	{"text", func(w io.Writer, b *batch, color bool) error { return summarize.WriteText(w, b.summaries(), color) }},
	{"markdown", func(w io.Writer, b *batch, _ bool) error { return summarize.WriteMarkdown(w, b.summaries()) }},
	{"json", func(w io.Writer, b *batch, _ bool) error { return b.writeJSON(w) }},
	{"jsonl", func(w io.Writer, b *batch, _ bool) error { return b.writeJSONL(w) }},
	// html shows each summary beside its article.
	{"html", func(w io.Writer, b *batch, _ bool) error { return summarize.WriteHTML(w, b.summaries(), b.arts) }},
}

func summarizeCommand() *cli.Command {
	return &cli.Command{
		Name:      "summarize",
		Aliases:   []string{"summarise"},
		Usage:     "summarise articles into structured, checked summaries",
		ArgsUsage: "ARTICLE...  (a file, - for stdin, or an http(s) URL; LABEL=ARTICLE names the outlet)",
		Flags: concat(
			endpointFlags(),
			promptFlags("summarize"),
			inputFlags(),
			outputFlags(formatNames(summaryFormats)),
			engineFlags(),
		),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			opts := &SummarizeOptions{
				IO:       stdioFrom(c),
				Endpoint: endpointFrom(c),
				Prompt:   promptFrom(c),
				Input:    inputFrom(c),
				Output:   outputFrom(c),
				Engine:   engineFrom(c),
				Articles: c.Args().Slice(),
			}
			return runSummarize(c.Context, opts)
		},
	}
}

func runSummarize(ctx context.Context, opts *SummarizeOptions) error {
	f, err := pickFormat(opts.Output.Format, summaryFormats)
	if err != nil {
		return err
	}
	if len(opts.Articles) == 0 {
		return usagef("newslens summarize article.txt", "no articles given")
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	engine, b, err := summaryEngine(opts)
	if err != nil {
		return err
	}
	defer b.close()
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, b.splits())
	if err != nil {
		return err
	}
	if b == nil && opts.Engine.Engine == "auto" {
		// Said once the articles are read, so that a bad argument's
		// error stands alone.
		opts.IO.notice("no endpoint configured; using the offline extractive engine (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to use a language model)")
	}
	sums, errs := summarizeAll(ctx, opts.IO, arts, engine, opts.Endpoint.Concurrency)
	if err := firstCancel(errs); err != nil {
		return err
	}
	return reportSummaries(opts, f, arts, sums, errs)
}

// summaryEngine builds the engine the flags ask for and, for the LLM
// engine, the backend it sends through (nil offline).
func summaryEngine(opts *SummarizeOptions) (summarize.Engine, *backend, error) {
	use, err := useLLM(opts.Engine, opts.Endpoint)
	if err != nil {
		return nil, nil, err
	}
	if !use {
		return summarize.Extractive{}, nil, nil
	}
	return llmEngine(opts.Endpoint, opts.Prompt, opts.IO)
}

// summarizeAll summarises arts n at a time, with a progress bar.
func summarizeAll(ctx context.Context, s stdio, arts []*article.Article, engine summarize.Engine, n int) ([]*summarize.Summary, []error) {
	bar := newProgress(s, len(arts), "summarising")
	if e, ok := engine.(*summarize.LLM); ok {
		e.Progress = partsProgress(s, bar, len(arts))
	}
	sums, errs := summarize.All(ctx, arts, engine, n, func(int, error) { bar.step() })
	bar.done()
	return sums, errs
}

// reportSummaries writes the batch and lists the articles that failed
// on stderr. A single article that failed is an error of its own.
func reportSummaries(opts *SummarizeOptions, f format[*batch], arts []*article.Article, sums []*summarize.Summary, errs []error) error {
	b := &batch{arts: arts, sums: sums, errs: errs}
	failed := b.failed()
	if len(arts) == 1 && failed == 1 {
		return errs[0]
	}
	if err := writeResult(opts.IO, opts.Output.Path, f, b); err != nil {
		return err
	}
	if err := strictCheck(opts.Engine.Strict, b.summaries()); err != nil && failed == 0 {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(opts.IO.Err, "newslens: %d of %d articles failed:\n", failed, len(arts))
		for i, e := range errs {
			if e != nil {
				fmt.Fprintf(opts.IO.Err, "  %s: %s\n", arts[i].Label, b.reason(i))
			}
		}
		return &exitError{code: exitFailure}
	}
	return nil
}

// strictCheck fails the run under --strict when a summary failed a
// grounding check; the output has been written by then.
func strictCheck(strict bool, sums []*summarize.Summary) error {
	if !strict {
		return nil
	}
	var bad []string
	for _, s := range sums {
		if s.Failed() {
			bad = append(bad, s.Source.Label)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("grounding checks failed (--strict) for %s; see the warnings in the output", strings.Join(bad, ", "))
}

func firstCancel(errs []error) error {
	for _, e := range errs {
		if errors.Is(e, context.Canceled) {
			return e
		}
	}
	return nil
}
