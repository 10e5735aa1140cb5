package cache

import "time"

// SetNow replaces the clock that stamps entries and stats, for byte-stable
// golden files.
func (c *Cache) SetNow(now func() time.Time) { c.now = now }
