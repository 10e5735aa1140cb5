package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/cache"
)

// CacheOptions is everything the cache subcommands need.
type CacheOptions struct {
	IO  stdio
	Dir string
}

func cacheCommand() *cli.Command {
	sub := func(name, usage string, run func(*CacheOptions) error) *cli.Command {
		return &cli.Command{
			Name:         name,
			Usage:        usage,
			Flags:        []cli.Flag{cacheDirFlag()},
			OnUsageError: onUsageError,
			Action: func(c *cli.Context) error {
				return run(&CacheOptions{IO: stdioFrom(c), Dir: c.String("cache-dir")})
			},
		}
	}
	return &cli.Command{
		Name:         "cache",
		Usage:        "inspect or clear the response cache",
		OnUsageError: onUsageError,
		Action:       groupAction("cache", "stats or clear"),
		Subcommands: []*cli.Command{
			sub("stats", "entries, bytes, and the last run's hits and misses", runCacheStats),
			sub("clear", "remove every cached reply and sentence split", runCacheClear),
		},
	}
}

func runCacheStats(opts *CacheOptions) error {
	cc, err := cache.Open(opts.Dir)
	if err != nil {
		return err
	}
	st, err := cc.Stats()
	if err != nil {
		return err
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "directory  %s\n", cc.Dir())
	fmt.Fprintf(w, "entries    %d\n", st.Entries)
	fmt.Fprintf(w, "bytes      %d\n", st.Bytes)
	fmt.Fprintf(w, "splits     %d (%d bytes)\n", st.Splits, st.SplitBytes)
	fmt.Fprintf(w, "last run   %d hits, %d misses\n", st.Hits, st.Misses)
	return nil
}

func runCacheClear(opts *CacheOptions) error {
	cc, err := cache.Open(opts.Dir)
	if err != nil {
		return err
	}
	n, err := cc.Clear()
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "removed %d entries from %s\n", n, cc.Dir())
	return nil
}
