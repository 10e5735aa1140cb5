package llm

import (
	"context"
	"sync"
	"time"
)

// Gate is a shared "not before" time for requests to one endpoint. When
// any client sharing the Gate is told to slow down (a 429, with or without
// Retry-After), it holds the Gate and every client waits, so that parallel
// workers back off together instead of each burning its retries.
//
// The zero value is an open Gate ready to use. A Gate is safe for
// concurrent use.
type Gate struct {
	mu        sync.Mutex
	notBefore time.Time
	// onWait, if set, is called each time Wait finds the Gate held, before
	// it sleeps; tests use it to act once a caller is waiting.
	onWait func()
}

// NewGate returns an open Gate.
func NewGate() *Gate {
	return &Gate{}
}

// Hold pushes the Gate's "not before" time to at least d from now. It never
// moves it earlier.
func (g *Gate) Hold(d time.Duration) {
	if d <= 0 {
		return
	}
	until := time.Now().Add(d)
	g.mu.Lock()
	defer g.mu.Unlock()
	if until.After(g.notBefore) {
		g.notBefore = until
	}
}

// Until returns the time before which Wait blocks; it is in the past when
// the Gate is open.
func (g *Gate) Until() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.notBefore
}

// Wait blocks until the Gate's "not before" time has passed or ctx is
// done, in which case it returns ctx.Err().
func (g *Gate) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for {
		g.mu.Lock()
		d := time.Until(g.notBefore)
		if d <= 0 {
			g.mu.Unlock()
			return nil
		}
		onWait := g.onWait
		g.mu.Unlock()
		if onWait != nil {
			onWait()
		}

		// The time may have moved later meanwhile; the loop checks again.
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
