package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sergi/go-diff/diffmatchpatch"
	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/worddiff"
	"github.com/newslens/newslens/prompts"
)

// PromptsOptions is everything the prompts subcommands need.
type PromptsOptions struct {
	IO   stdio
	Dir  string
	Refs []string // NAME[@VERSION] arguments
}

func promptsCommand() *cli.Command {
	sub := func(name, usage, args string, run func(*PromptsOptions) error) *cli.Command {
		return &cli.Command{
			Name:         name,
			Usage:        usage,
			ArgsUsage:    args,
			Flags:        []cli.Flag{promptsDirFlag()},
			OnUsageError: onUsageError,
			Action: func(c *cli.Context) error {
				return run(&PromptsOptions{IO: stdioFrom(c), Dir: c.String("prompts-dir"), Refs: c.Args().Slice()})
			},
		}
	}
	return &cli.Command{
		Name:         "prompts",
		Usage:        "list, show and diff the versioned prompts",
		OnUsageError: onUsageError,
		Action:       groupAction("prompts", "list, show or diff"),
		Subcommands: []*cli.Command{
			sub("list", "list prompt versions with their digests", "", runPromptsList),
			sub("show", "print one prompt version as stored", "NAME[@VERSION]", runPromptsShow),
			sub("diff", "word-level diff between two prompt versions", "NAME@A NAME@B", runPromptsDiff),
		},
	}
}

func runPromptsList(opts *PromptsOptions) error {
	reg, err := prompts.Load(opts.Dir)
	if err != nil {
		return usagef("", "%v", err)
	}
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, p := range reg.List() {
			src := ""
			if p.Source != "embedded" {
				src = "\t(" + p.Source + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s%s\n", p.ID(), p.SHA256[:12], p.Description, src)
		}
		return tw.Flush()
	})
}

func runPromptsShow(opts *PromptsOptions) error {
	if len(opts.Refs) != 1 {
		return usagef("newslens prompts show summarize@2", "prompts show takes one prompt")
	}
	p, err := lookupPrompt(opts.Dir, opts.Refs[0])
	if err != nil {
		return err
	}
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		_, err := w.Write(p.Raw)
		return err
	})
}

func runPromptsDiff(opts *PromptsOptions) error {
	if len(opts.Refs) != 2 {
		return usagef("newslens prompts diff summarize@1 summarize@2", "prompts diff takes two prompts")
	}
	a, err := lookupPrompt(opts.Dir, opts.Refs[0])
	if err != nil {
		return err
	}
	b, err := lookupPrompt(opts.Dir, opts.Refs[1])
	if err != nil {
		return err
	}
	color := colorFor(opts.IO.Out)
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		fmt.Fprintf(w, "--- %s (%s)\n+++ %s (%s)\n", a.ID(), a.SHA256[:12], b.ID(), b.SHA256[:12])
		_, err := io.WriteString(w, lineWordDiff(string(a.Raw), string(b.Raw), color))
		return err
	})
}

// lineWordDiff diffs two texts line by line, keeping their line
// structure, and shows each changed line as a word diff. Unchanged lines
// are printed as they are, so the output reads like the prompt itself.
func lineWordDiff(a, b string, color bool) string {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ra, rb, lines := dmp.DiffLinesToRunes(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(ra, rb, false), lines)
	var out strings.Builder
	for i := 0; i < len(diffs); i++ {
		d := diffs[i]
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out.WriteString(d.Text)
		case diffmatchpatch.DiffDelete:
			ins := ""
			if i+1 < len(diffs) && diffs[i+1].Type == diffmatchpatch.DiffInsert {
				ins = diffs[i+1].Text
				i++
			}
			out.WriteString(changedLines(d.Text, ins, color))
		case diffmatchpatch.DiffInsert:
			out.WriteString(changedLines("", d.Text, color))
		}
	}
	s := out.String()
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// changedLines shows a replaced block: paired line by line when both
// sides have as many lines, else as one word diff per side's block.
func changedLines(del, ins string, color bool) string {
	dl := strings.SplitAfter(del, "\n")
	il := strings.SplitAfter(ins, "\n")
	if len(dl) != len(il) {
		dl, il = []string{del}, []string{ins}
	}
	var b strings.Builder
	for i := range dl {
		nl := strings.HasSuffix(dl[i], "\n") || strings.HasSuffix(il[i], "\n")
		b.WriteString(worddiff.Text(worddiff.Diff(strings.TrimSuffix(dl[i], "\n"), strings.TrimSuffix(il[i], "\n")), color))
		if nl {
			b.WriteString("\n")
		}
	}
	return b.String()
}
