package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newslens/newslens/internal/safefile"
)

// format is one way of rendering a command's result of type T. Each
// command lists its formats in order, the default first; adding a format
// to a command is one entry in its list.
type format[T any] struct {
	name   string
	render func(w io.Writer, v T, color bool) error
}

// formatNames lists the names of the formats in list, in order, for the
// --format usage text.
func formatNames[T any](list []format[T]) []string {
	names := make([]string, len(list))
	for i, f := range list {
		names[i] = f.name
	}
	return names
}

// pickFormat finds the format called name ("md" is markdown's short name).
func pickFormat[T any](name string, list []format[T]) (format[T], error) {
	if name == "md" {
		name = "markdown"
	}
	for _, f := range list {
		if f.name == name {
			return f, nil
		}
	}
	names := formatNames(list)
	return format[T]{}, usagef("--format "+names[0], "unknown format %q; use one of %s", name, strings.Join(names, ", "))
}

// check refuses an output file that cannot be written, before any
// article is loaded or request made.
func (o outputOptions) check() error {
	if toStdout(o.Path) {
		return nil
	}
	if strings.HasSuffix(o.Path, string(os.PathSeparator)) {
		return usagef("name a file inside it, such as --output "+filepath.Join(o.Path, "result.txt")+", or choose another --output (- is stdout)", "cannot write --output %s: it names a directory", o.Path)
	}
	if err := safefile.CheckOutput(o.Path); err != nil {
		return usagef(outputHint(o.Path, err), "cannot write --output %s: %v", o.Path, err)
	}
	return nil
}

// outputHint suggests what to do about an --output that cannot be written.
func outputHint(path string, err error) string {
	if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
		return "name a file inside it, such as --output " + filepath.Join(path, "result.txt") + ", or choose another --output (- is stdout)"
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "create the directory first, or choose another --output (- is stdout)"
	}
	return "choose another --output (- is stdout)"
}

// toStdout reports whether path means standard output.
func toStdout(path string) bool { return path == "" || path == "-" }

// color reports whether a result written to path should be coloured.
func (s stdio) color(path string) bool { return toStdout(path) && colorFor(s.Out) }

// writeOutput renders into memory first, so a failed render never leaves a
// half-written file, then writes to stdout or atomically to path.
func writeOutput(s stdio, path string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if !toStdout(path) {
		return safefile.WriteOutput(path, buf.Bytes(), 0o666)
	}
	_, err := s.Out.Write(buf.Bytes())
	return err
}

// writeResult renders v in format f to stdout or path.
func writeResult[T any](s stdio, path string, f format[T], v T) error {
	color := s.color(path)
	return writeOutput(s, path, func(w io.Writer) error { return f.render(w, v, color) })
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// colorFor reports whether output to w should be coloured: only a terminal,
// and only when NO_COLOR is unset (https://no-color.org).
func colorFor(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	return isTerminal(w)
}

// notice prints a one-line message for people on stderr, unless quiet.
func (s stdio) notice(format string, args ...any) {
	if s.Quiet {
		return
	}
	fmt.Fprintf(s.Err, "newslens: "+format+"\n", args...)
}
