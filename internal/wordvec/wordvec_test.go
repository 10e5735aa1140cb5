package wordvec

import (
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

func TestSim(t *testing.T) {
	if got := Len(); got != 30000 {
		t.Fatalf("Len() = %d, want 30000", got)
	}
	near := func(a, b string) float64 {
		t.Helper()
		ia, ib := ID(a), ID(b)
		if ia < 0 || ib < 0 {
			t.Fatalf("ID(%q) = %d, ID(%q) = %d, want both kept", a, ia, b, ib)
		}
		return Sim(ia, ib)
	}
	if got := near("approval", "approval"); got < 0.999 || got > 1.001 {
		t.Errorf("Sim(approval, approval) = %.3f, want 1", got)
	}
	for _, p := range [][2]string{{"approval", "clearance"}, {"treaty", "pact"}, {"killed", "dead"}, {"headquarters", "office"}} {
		if got := near(p[0], p[1]); got < 0.5 {
			t.Errorf("Sim(%s, %s) = %.3f, want at least 0.5", p[0], p[1], got)
		}
	}
	for _, p := range [][2]string{{"approval", "earthquake"}, {"treaty", "steel"}, {"killed", "shares"}} {
		if got := near(p[0], p[1]); got > 0.3 {
			t.Errorf("Sim(%s, %s) = %.3f, want under 0.3", p[0], p[1], got)
		}
	}
	if got := ID("Approval"); got != -1 {
		t.Errorf("ID(Approval) = %d, want -1 (words are kept in lower case)", got)
	}
	if got := Sim(-1, ID("the")); got != 0 {
		t.Errorf("Sim(-1, the) = %v, want 0", got)
	}
}
