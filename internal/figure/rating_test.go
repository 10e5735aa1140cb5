package figure

import "testing"

func TestRatings(t *testing.T) {
	tests := []struct {
		name, s, want string // want: the rating's Norm, or "" for none
	}{
		{"capitalised", "Teodora, a Category 3 hurricane, made landfall.", "rating:3:category"},
		{"hyphen and words", "It came ashore as a category-three storm.", "rating:3:category"},
		{"lower case", "Officials raised the alert to level 4 on Monday.", "rating:4:level"},
		{"stage", "Stage 2 restrictions began on Friday.", "rating:2:stage"},
		{"a level of something", "The level of 3% was kept.", ""},
		{"too high for a scale", "It was category 5000.", ""},
		{"joined letter", "They moved to level 4b.", ""},
		{"a floor of a building", "A fire broke out on level 2 of a car park.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastNorm(tt.s, "rating"); got != tt.want {
				t.Errorf("ExtractAll(%q): rating %q, want %q", tt.s, got, tt.want)
			}
		})
	}
	for _, f := range Extract("Teodora, a Category 3 hurricane, made landfall.") {
		if f.Kind == "rating" || f.Value == 3 {
			t.Errorf("Extract found %+v; a grade is a label to Extract", f)
		}
	}
}

// lastNorm returns the Norm of the last figure of kind that ExtractAll
// reads in s, or "".
func lastNorm(s, kind string) string {
	got := ""
	for _, f := range ExtractAll(s) {
		if f.Kind == kind {
			got = f.Norm
		}
	}
	return got
}
