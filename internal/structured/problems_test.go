package structured

import (
	"fmt"
	"strings"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

func TestJoinProblems(t *testing.T) {
	tests := []struct {
		name string
		p    []string
		n    int
		want string
	}{
		{"none", nil, 3, ""},
		{"fewer than n", []string{"a", "b"}, 3, "a; b"},
		{"exactly n", []string{"a", "b", "c"}, 3, "a; b; c"},
		{"more than n", []string{"a", "b", "c", "d", "e"}, 2, "a; b; and 3 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := JoinProblems(tt.p, tt.n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRepairMessageCapsProblems(t *testing.T) {
	var p []string
	for i := range 25 {
		p = append(p, fmt.Sprintf("problem %d", i))
	}
	got := RepairMessage(p)
	if !strings.Contains(got, "- problem 19\n- and 5 more\n") || strings.Contains(got, "problem 20") {
		t.Errorf("got %q; want the first 20 problems and a count of the rest", got)
	}
	if !strings.HasSuffix(got, "matching the schema exactly.") {
		t.Errorf("got %q; want it to end with the request for corrected JSON", got)
	}
}
