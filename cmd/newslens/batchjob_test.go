package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// TestChunksSplitAtLimits checks that a batch file is split into input
// files of at most batchMaxRequests lines and batchMaxBytes bytes, each
// line whole and in order.
func TestChunksSplitAtLimits(t *testing.T) {
	defer func(n, b int) { batchMaxRequests, batchMaxBytes = n, b }(batchMaxRequests, batchMaxBytes)
	tests := []struct {
		name       string
		maxN, maxB int
		lines      int
		wantLines  []int
	}{
		{name: "under both limits", maxN: 10, maxB: 1 << 20, lines: 7, wantLines: []int{7}},
		{name: "request limit", maxN: 3, maxB: 1 << 20, lines: 7, wantLines: []int{3, 3, 1}},
		{name: "byte limit", maxN: 100, maxB: 45, lines: 5, wantLines: []int{2, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			batchMaxRequests, batchMaxBytes = tt.maxN, tt.maxB
			var c chunks
			enc := json.NewEncoder(&c)
			for i := range tt.lines {
				if err := enc.Encode(map[string]string{"custom_id": fmt.Sprintf("nl-%d", i)}); err != nil {
					t.Fatal(err)
				}
			}
			if fmt.Sprint(c.lines) != fmt.Sprint(tt.wantLines) {
				t.Fatalf("got chunks of %v lines, want %v", c.lines, tt.wantLines)
			}
			i := 0
			for k, f := range c.files {
				if len(f) > tt.maxB {
					t.Errorf("chunk %d has %d bytes, over %d", k, len(f), tt.maxB)
				}
				dec := json.NewDecoder(bytes.NewReader(f))
				for dec.More() {
					var l map[string]string
					if err := dec.Decode(&l); err != nil {
						t.Fatalf("chunk %d: %v", k, err)
					}
					if want := fmt.Sprintf("nl-%d", i); l["custom_id"] != want {
						t.Errorf("got %q, want %q", l["custom_id"], want)
					}
					i++
				}
			}
			if i != tt.lines {
				t.Errorf("got %d lines in all, want %d", i, tt.lines)
			}
		})
	}
}
