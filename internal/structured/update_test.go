package structured_test

import "flag"

// The flag is accepted so that `go test ./... -update` runs in every
// package; this one has no golden files to rewrite.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
