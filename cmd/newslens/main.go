package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	tuneGC()
	os.Exit(run())
}

// run exists so deferred calls finish before the process exits.
func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Main(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
}

// tuneGC lets the heap grow to five times the live data between
// collections, with a soft cap of 1 GiB. newslens runs for a fraction of a
// second and allocates in bursts (sentence splitting, JSON), so the
// default of doubling spends a sixth of a 20,000-word diff collecting
// garbage; the cap keeps a large batch from growing without bound. GOGC
// and GOMEMLIMIT in the environment take precedence.
func tuneGC() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(400)
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(1 << 30)
	}
}
