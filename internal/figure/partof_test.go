package figure

import "testing"

// TestPartsOf: a bare number written as a part of the count after it
// counts what that count counts; other bare numbers stay numbers.
func TestPartsOf(t *testing.T) {
	cases := []struct {
		s, text, kind, norm string
	}{
		{"the plans put up to 1,500 of the works' 6,800 jobs at risk", "1,500", "count", "count:1500:job"},
		{"Seven of the nine members backed the cut", "Seven", "count", "count:7:member"},
		{"the party won 142 of the 250 seats", "142", "count", "count:142:seat"},
		{"closing 12 of its 80 stores", "12", "count", "count:12:store"},
		{"Only 1 of the 12 miners was rescued", "1", "number", "number:1"},
		{"1,500 of them said 6,800 jobs were at risk", "1,500", "number", "number:1500"},
		{"about 1,500, of the 6,800 jobs", "1,500", "number", "number:1500"},
	}
	for _, c := range cases {
		var got *Figure
		for _, f := range ExtractAll(c.s) {
			if f.Text == c.text {
				got = &f
			}
		}
		if got == nil {
			t.Errorf("%q: no figure %q", c.s, c.text)
			continue
		}
		if got.Kind != c.kind || got.Norm != c.norm {
			t.Errorf("%q: %q is %s %s, want %s %s", c.s, c.text, got.Kind, got.Norm, c.kind, c.norm)
		}
	}
}
