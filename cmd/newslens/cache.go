package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/cache"
	"github.com/newslens/newslens/internal/structured"
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
			sub("clear", "remove every cached reply and sentence split, and the unusable replies kept", runCacheClear),
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
	kept, err := keptReplies(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "kept       %d unusable replies in %s\n", len(kept), rawDir(dir))
	return nil
}

// keptReplies lists the unusable replies kept in dir's replies/ folder
// (structured.RawStore): regular files named newslens-reply-*.txt, never
// anything a link points at.
func keptReplies(dir string) ([]string, error) {
	ents, err := os.ReadDir(rawDir(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list kept replies: %w", err)
	}
	var out []string
	for _, e := range ents {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(name, structured.RawPrefix) && strings.HasSuffix(name, structured.RawSuffix) {
			out = append(out, filepath.Join(rawDir(dir), name))
		}
	}
	return out, nil
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
	kept, err := keptReplies(cc.Dir())
	if err != nil {
		return err
	}
	for _, p := range kept {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("remove kept reply: %w", err)
		}
	}
	fmt.Fprintf(opts.IO.Out, "removed %d entries from %s\n", n, cc.Dir())
	if len(kept) > 0 {
		fmt.Fprintf(opts.IO.Out, "removed %d unusable replies kept in %s\n", len(kept), rawDir(cc.Dir()))
	}
	return nil
}
