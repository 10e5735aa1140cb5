package llmtest_test

import (
	"math"
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/llmtest"
)

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return dot / math.Sqrt(na*nb)
}

func TestVector(t *testing.T) {
	a := llmtest.Vector("Putin and Kim signed a mutual defence pact in Pyongyang.")
	b := llmtest.Vector("In Pyongyang, Kim and Putin signed a pact on mutual defence.")
	c := llmtest.Vector("Heavy rain flooded twelve districts along the river overnight.")
	if len(a) != llmtest.EmbedDims {
		t.Fatalf("got %d dimensions, want %d", len(a), llmtest.EmbedDims)
	}
	if !slices.Equal(a, llmtest.Vector("Putin and Kim signed a mutual defence pact in Pyongyang.")) {
		t.Errorf("the same text gave two vectors")
	}
	if n := cosine(a, a); math.Abs(n-1) > 1e-6 {
		t.Errorf("got a vector of length %v, want unit length", n)
	}
	same, other := cosine(a, b), cosine(a, c)
	if same < 0.9 || other > 0.5 {
		t.Errorf("got cosine %.3f for a reordering and %.3f for another story; want near 1 and well below", same, other)
	}
	if z := llmtest.Vector("  ... "); slices.ContainsFunc(z, func(x float32) bool { return x != 0 }) {
		t.Errorf("a text with no words got %v, want zeros", z)
	}
}
