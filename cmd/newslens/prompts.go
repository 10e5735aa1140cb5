package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
						out := worddiff.Text(worddiff.Diff(string(a.Raw), string(b.Raw)), color)
						if !strings.HasSuffix(out, "\n") {
							out += "\n"
						}
						_, err := io.WriteString(w, out)
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
