package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newslens/newslens/compare"
	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/summarize"
)

// Exit codes, documented in the README.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// usageError is a mistake on the command line: exit code 2 with a hint.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

func usagef(hint, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// exitError carries a code for an outcome already reported on stderr,
// such as some articles of a batch failing.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// report prints err and its hint, and returns the exit code for it. It is
// the one place where errors become exit codes.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "newslens: interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(stderr, "newslens: %s\n", oneLine(err.Error()))
	if h := hintOf(err); h != "" {
		if !strings.HasPrefix(h, "Try: ") {
			h = "Try: " + h
		}
		fmt.Fprintln(stderr, h)
	}
	return codeOf(err)
}

func codeOf(err error) int {
	var ue *usageError
	var ie *article.InputError
	switch {
	case errors.As(err, &ue), errors.As(err, &ie):
		return exitUsage
	}
	return exitFailure
}

func hintOf(err error) string {
	var ue *usageError
	if errors.As(err, &ue) {
		return ue.hint
	}
	var le *llm.Error
	if errors.As(err, &le) {
		return le.Hint
	}
	var re *summarize.ReplyError
	var ce *compare.ReplyError
	if errors.As(err, &re) || errors.As(err, &ce) {
		return "add --verbose to see the exchange, or try another --model or --prompt"
	}
	return ""
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
