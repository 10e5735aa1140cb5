package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/cache"
)

func cacheCommand() *cli.Command {
	dirFlag := &cli.StringFlag{Name: "cache-dir", EnvVars: []string{"NEWSLENS_CACHE_DIR"}, Usage: "response cache `DIR` (default: the user cache directory's newslens folder)"}
	return &cli.Command{
		Name:         "cache",
		Usage:        "inspect or clear the response cache",
		OnUsageError: onUsageError,
		Subcommands: []*cli.Command{
			{
				Name:         "stats",
				Usage:        "entries, bytes, and the last run's hits and misses",
				Flags:        []cli.Flag{dirFlag},
				OnUsageError: onUsageError,
				Action: func(c *cli.Context) error {
					cc, err := cache.Open(c.String("cache-dir"))
					if err != nil {
						return err
					}
					st, err := cc.Stats()
					if err != nil {
						return err
					}
					w := c.App.Writer
					fmt.Fprintf(w, "directory  %s\n", cc.Dir())
					fmt.Fprintf(w, "entries    %d\n", st.Entries)
					fmt.Fprintf(w, "bytes      %d\n", st.Bytes)
					fmt.Fprintf(w, "splits     %d (%d bytes)\n", st.Splits, st.SplitBytes)
					fmt.Fprintf(w, "last run   %d hits, %d misses\n", st.Hits, st.Misses)
					return nil
				},
			},
			{
				Name:         "clear",
				Usage:        "remove every cached reply and sentence split",
				Flags:        []cli.Flag{dirFlag},
				OnUsageError: onUsageError,
				Action: func(c *cli.Context) error {
					cc, err := cache.Open(c.String("cache-dir"))
					if err != nil {
						return err
					}
					n, err := cc.Clear()
					if err != nil {
						return err
					}
					fmt.Fprintf(c.App.Writer, "removed %d entries from %s\n", n, cc.Dir())
					return nil
				},
			},
		},
	}
}
