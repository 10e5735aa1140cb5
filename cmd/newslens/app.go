package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Main runs newslens with the given arguments and streams and returns the
// process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	// onUsageError names flags as they were typed.
	app.Metadata = map[string]any{"args": args}
	return report(stderr, app.RunContext(ctx, interspersed(app, args)))
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "newslens",
		Usage:   "summarise news articles and compare how outlets cover the same event",
		Version: version,
		Reader:  stdin,
		Writer:  stdout,
		// Errors are printed once, by report; the library must neither
		// print them nor call os.Exit.
		ErrWriter:       stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		OnUsageError:    onUsageError,
		Commands: []*cli.Command{
			summarizeCommand(),
			compareCommand(),
			diffCommand(),
			sentencesCommand(),
			promptsCommand(),
			cacheCommand(),
			batchCommand(),
		},
		CommandNotFound: func(c *cli.Context, name string) {},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("newslens --help", "unknown command %q", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	return app
}

func onUsageError(c *cli.Context, err error, isSubcommand bool) error {
	name := "newslens"
	if c.Command != nil && c.Command.Name != "" {
		name = c.Command.HelpName
	}
	args, _ := c.App.Metadata["args"].([]string)
	return usagef(name+" --help", "%s", flagMessage(err.Error(), args))
}

// badValue matches the flag package's message for a value it cannot parse.
var badValue = regexp.MustCompile(`^invalid value (".*") for flag -([^:\s]+): (.*)$`)

// flagMessage rewords the flag package's errors, which write every flag
// with one dash, to name the flag the way it was typed in args.
func flagMessage(msg string, args []string) string {
	if flag, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag " + typedFlag(flag, args)
	}
	if m := badValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("invalid value %s for %s: %s", m[1], typedFlag(m[2], args), m[3])
	}
	return msg
}

// typedFlag is the flag called name as args spell it, "-name" or
// "--name"; if args do not hold it, the usual spelling: two dashes for a
// long name, one for a letter.
func typedFlag(name string, args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		a, _, _ = strings.Cut(a, "=")
		if a == "-"+name || a == "--"+name {
			return a
		}
	}
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// interspersed moves flags that follow positional arguments in front of
// them, so "summarize a.txt --format json" means what it says: urfave/cli
// v2 stops parsing flags at the first positional argument. Everything after
// a "--" stays positional.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	// Global flags come first; then walk down the command path.
	cmds := app.Commands
	var flags []cli.Flag = app.Flags
	for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		cmd := findCommand(cmds, rest[0])
		if cmd == nil {
			break
		}
		out = append(out, rest[0])
		rest = rest[1:]
		flags = cmd.Flags
		cmds = cmd.Subcommands
		if len(cmds) == 0 {
			break
		}
	}
	var opts, pos []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			pos = append(pos, rest[i+1:]...)
			i = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			pos = append(pos, a)
		default:
			opts = append(opts, a)
			if !strings.Contains(a, "=") && takesValue(flags, strings.TrimLeft(a, "-")) && i+1 < len(rest) {
				i++
				opts = append(opts, rest[i])
			}
		}
	}
	out = append(out, opts...)
	if len(pos) > 0 {
		out = append(out, "--")
		out = append(out, pos...)
	}
	return out
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

func takesValue(flags []cli.Flag, name string) bool {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}

// groupAction is the action of a command that only holds subcommands: with
// no argument it shows the group's help, and an unknown subcommand is a
// usage error (exit 2) rather than silently nothing.
func groupAction(name, known string) cli.ActionFunc {
	return func(c *cli.Context) error {
		if c.Args().Present() {
			return usagef("newslens "+name+" --help", "unknown %s command %q; use %s", name, c.Args().First(), known)
		}
		return cli.ShowSubcommandHelp(c)
	}
}
