package llm

import "time"

// SetAfterFunc replaces the timer that bounds each attempt, so a test can
// fire it when the endpoint has the request instead of racing a clock.
func (c *Client) SetAfterFunc(f func(d time.Duration, fire func()) (stop func() bool)) {
	c.tr.afterFunc = f
}

// SetOnWait sets a function called whenever a caller finds g held.
func (g *Gate) SetOnWait(f func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.onWait = f
}

// SetMaxBody caps response bodies at n bytes.
func (c *Client) SetMaxBody(n int64) { c.tr.maxBody = n }
