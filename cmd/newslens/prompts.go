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

func promptsCommand() *cli.Command {
	dirFlag := &cli.StringFlag{Name: "prompts-dir", EnvVars: []string{"NEWSLENS_PROMPTS_DIR"}, Usage: "`DIR` of prompts that add to or override the embedded ones"}
	return &cli.Command{
		Name:         "prompts",
		Usage:        "list, show and diff the versioned prompts",
		OnUsageError: onUsageError,
		Subcommands: []*cli.Command{
			{
				Name:         "list",
				Usage:        "list prompt versions with their digests",
				Flags:        []cli.Flag{dirFlag},
				OnUsageError: onUsageError,
				Action: func(c *cli.Context) error {
					reg, err := prompts.Load(c.String("prompts-dir"))
					if err != nil {
						return usagef("", "%v", err)
					}
					return writeOutput(c, func(w io.Writer) error {
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
				},
			},
			{
				Name:         "show",
				Usage:        "print one prompt version as stored",
				ArgsUsage:    "NAME[@VERSION]",
				Flags:        []cli.Flag{dirFlag},
				OnUsageError: onUsageError,
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("newslens prompts show summarize@2", "prompts show takes one prompt")
					}
					p, err := lookupPrompt(c, c.Args().First())
					if err != nil {
						return err
					}
					return writeOutput(c, func(w io.Writer) error {
						_, err := w.Write(p.Raw)
						return err
					})
				},
			},
			{
				Name:         "diff",
				Usage:        "word-level diff between two prompt versions",
				ArgsUsage:    "NAME@A NAME@B",
				Flags:        []cli.Flag{dirFlag},
				OnUsageError: onUsageError,
				Action: func(c *cli.Context) error {
					if c.NArg() != 2 {
						return usagef("newslens prompts diff summarize@1 summarize@2", "prompts diff takes two prompts")
					}
					a, err := lookupPrompt(c, c.Args().Get(0))
					if err != nil {
						return err
					}
					b, err := lookupPrompt(c, c.Args().Get(1))
					if err != nil {
						return err
					}
					color := colorFor(c.App.Writer)
					return writeOutput(c, func(w io.Writer) error {
						fmt.Fprintf(w, "--- %s (%s)\n+++ %s (%s)\n", a.ID(), a.SHA256[:12], b.ID(), b.SHA256[:12])
						_, err := io.WriteString(w, lineWordDiff(string(a.Raw), string(b.Raw), color))
						return err
					})
				},
			},
		},
	}
}

func lookupPrompt(c *cli.Context, ref string) (*prompts.Prompt, error) {
	reg, err := prompts.Load(c.String("prompts-dir"))
	if err != nil {
		return nil, usagef("", "%v", err)
	}
	p, err := reg.Lookup(ref)
	if err != nil {
		return nil, usagef("newslens prompts list", "%v", err)
	}
	return p, nil
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
