package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/sentence"
)

// loadArticles loads every argument before any work starts, so bad input
// costs no requests; all load errors are reported together. splits, if not
// nil, keeps sentence splits between runs.
func loadArticles(ctx context.Context, s stdio, in inputOptions, args []string, splits sentence.Store) ([]*article.Article, error) {
	opt := article.Options{MaxBytes: in.MaxBytes, FetchTimeout: in.FetchTimeout, Stdin: s.In, UserAgent: "newslens/" + version, Splits: splits}
	stdin := 0
	for _, arg := range args {
		if strings.TrimSpace(arg) == "" {
			return nil, usagef("pass a file, - for standard input, or an http(s) URL", "empty article argument")
		}
		if arg == "-" || strings.HasSuffix(arg, "=-") {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usagef("", "standard input (-) can be read only once")
	}
	arts, all := article.LoadAll(ctx, args, opt, 0)
	var errs []error
	for _, err := range all {
		if err != nil {
			errs = append(errs, err)
		}
	}
	switch len(errs) {
	case 0:
		return arts, nil
	case 1:
		return nil, errs[0]
	}
	for _, e := range errs[:len(errs)-1] {
		fmt.Fprintf(s.Err, "newslens: %s\n", oneLine(e.Error()))
	}
	return nil, errs[len(errs)-1]
}
