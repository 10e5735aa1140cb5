package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

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

// missingCache resolves the cache directory and reports whether it does
// not exist yet. Stats and clear then report an empty cache rather than
// open one, which would create the directory.
func missingCache(dir string) (string, bool, error) {
	if dir == "" {
		d, err := cache.DefaultDir()
		if err != nil {
			return "", false, err
		}
		dir = d
	}
	_, err := os.Stat(dir)
	return dir, errors.Is(err, fs.ErrNotExist), nil
}

func runCacheStats(opts *CacheOptions) error {
	dir, missing, err := missingCache(opts.Dir)
	if err != nil {
		return err
	}
	var st cache.Stats
	if !missing {
		cc, err := cache.Open(dir)
		if err != nil {
			return err
		}
		if st, err = cc.Stats(); err != nil {
			return err
		}
		dir = cc.Dir()
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "directory  %s\n", dir)
	fmt.Fprintf(w, "entries    %d\n", st.Entries)
	fmt.Fprintf(w, "bytes      %d\n", st.Bytes)
	fmt.Fprintf(w, "splits     %d (%d bytes)\n", st.Splits, st.SplitBytes)
	fmt.Fprintf(w, "last run   %d hits, %d misses\n", st.Hits, st.Misses)
	return nil
}

func runCacheClear(opts *CacheOptions) error {
	dir, missing, err := missingCache(opts.Dir)
	if err != nil {
		return err
	}
	if missing {
		fmt.Fprintf(opts.IO.Out, "removed 0 entries from %s\n", dir)
		return nil
	}
	cc, err := cache.Open(dir)
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
