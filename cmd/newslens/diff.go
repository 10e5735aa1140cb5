package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/compare/versions"
)

// DiffOptions is everything diff needs, filled from the flags once.
type DiffOptions struct {
	IO       stdio
	Input    inputOptions
	Output   outputOptions
	Articles []string // the old and the new version
}

// diffFormats are diff's output formats, the default first.
var diffFormats = []format[*versions.Report]{
	{"text", func(w io.Writer, v *versions.Report, color bool) error { return v.WriteText(w, color) }},
	{"markdown", func(w io.Writer, d *versions.Report, _ bool) error { return d.WriteMarkdown(w) }},
	{"json", func(w io.Writer, d *versions.Report, _ bool) error { return writeJSON(w, d) }},
	{"html", func(w io.Writer, d *versions.Report, _ bool) error { return d.WriteHTML(w) }},
}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "word-level diff of two versions of one article (exit 0 identical, 1 different, 2 trouble)",
		ArgsUsage: "OLD NEW",
		Flags: concat(
			inputFlags(),
			outputFlags(formatNames(diffFormats)),
		),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			opts := &DiffOptions{
				IO:       stdioFrom(c),
				Input:    inputFrom(c),
				Output:   outputFrom(c),
				Articles: c.Args().Slice(),
			}
			return runDiff(c.Context, opts)
		},
	}
}

func runDiff(ctx context.Context, opts *DiffOptions) error {
	f, err := pickFormat(opts.Output.Format, diffFormats)
	if err != nil {
		return err
	}
	if len(opts.Articles) != 2 {
		return usagef("newslens diff old.txt new.txt", "diff takes two articles, got %d", len(opts.Articles))
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, nil)
	if err != nil {
		return err
	}
	d := versions.Diff(arts[0], arts[1])
	if err := writeResult(opts.IO, opts.Output.Path, f, d); err != nil {
		return err
	}
	if !d.Identical() {
		return &exitError{code: exitFailure}
	}
	return nil
}
