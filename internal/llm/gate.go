package llm

import (
	"context"
	"fmt"
	"math/rand/v2"
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
	// spread is how widely callers that waited for the Gate are spread
	// after it opens, so that they do not all restart at once and bring
	// on the next 429.
	spread time.Duration
	// jitter picks a delay in [0, n); nil means math/rand/v2.
	jitter func(n time.Duration) time.Duration
	// now and sleep are the clock; nil means the real one. Tests replace
	// them to run Wait without waiting.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	// onWait, if set, is called each time Wait finds the Gate held, before
	// it sleeps; tests use it to act once a caller is waiting.
	onWait func()
}

// NewGate returns an open Gate.
func NewGate() *Gate {
	return &Gate{}
}

// Hold pushes the Gate's "not before" time to at least d from now. It never
// moves it earlier. Callers that wait for it resume spread over half of d
// (at least 100ms, at most 5s) after it opens.
func (g *Gate) Hold(d time.Duration) {
	if d <= 0 {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	until := g.clock().Add(d)
	if until.After(g.notBefore) {
		g.notBefore = until
		g.spread = min(max(d/2, 100*time.Millisecond), 5*time.Second)
	}
}

// GateClosedError is returned by Wait when the Gate is held longer than a
// caller would wait: the endpoint asked not to be sent anything before
// Until.
type GateClosedError struct {
	Until time.Time
}

func (e *GateClosedError) Error() string {
	return fmt.Sprintf("the endpoint asked not to be sent requests before %s", e.Until.UTC().Format("15:04:05 MST"))
}

func (g *Gate) clock() time.Time {
	if g.now != nil {
		return g.now()
	}
	return time.Now()
}

// delay returns how long a caller that waited for the Gate should wait
// more once it opens.
func (g *Gate) delay() time.Duration {
	if g.spread <= 0 {
		return 0
	}
	if g.jitter != nil {
		return g.jitter(g.spread)
	}
	return rand.N(g.spread)
}

// Until returns the time before which Wait blocks; it is in the past when
// the Gate is open.
func (g *Gate) Until() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.notBefore
}

// Wait blocks until the Gate's "not before" time has passed or ctx is
// done, in which case it returns ctx.Err(). A caller that had to wait
// waits a random part of the Gate's spread more, so that callers held
// together do not restart together. When the Gate is held for longer
// than maxRetryAfter, Wait returns a *GateClosedError at once.
func (g *Gate) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	waited := false
	for {
		g.mu.Lock()
		until := g.notBefore
		d := until.Sub(g.clock())
		if d > maxRetryAfter {
			g.mu.Unlock()
			return &GateClosedError{Until: until}
		}
		if d <= 0 && !waited {
			g.mu.Unlock()
			return nil
		}
		onWait, pause := g.onWait, g.sleep
		if pause == nil {
			pause = sleep
		}
		if d <= 0 {
			d, waited, onWait = g.delay(), false, nil
		} else {
			waited = true
		}
		g.mu.Unlock()
		if onWait != nil {
			onWait()
		}

		// The time may have moved later meanwhile; the loop checks again.
		if err := pause(ctx, d); err != nil {
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
