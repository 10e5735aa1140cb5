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
// collections instead of twice: newslens runs for a fraction of a second
// and allocates in bursts (sentence splitting, JSON), and the default
// spent a sixth of a 20,000-word diff collecting garbage. A soft memory
// limit of 512 MiB makes the collector run sooner as the heap nears it, so
// a batch with much live data grows about as it would by default; it is a
// target, not a cap. A user who sets GOGC or GOMEMLIMIT gets exactly
// that, and neither setting here.
func tuneGC() {
	_, gogc := os.LookupEnv("GOGC")
	_, limit := os.LookupEnv("GOMEMLIMIT")
	if gogc || limit {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(512 << 20)
}
