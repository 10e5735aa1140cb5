package compare

import (
	"testing"

	"github.com/newslens/newslens/internal/figure"
)

func TestFigureContext(t *testing.T) {
	tests := []struct {
		name                   string
		sentence, figure, want string
	}{
		{
			"weekday mid-sentence",
			"Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement on Wednesday at a summit in Pyongyang.",
			"Wednesday", "Kim Jong Un signed a partnership agreement on [?] at a summit",
		},
		{"duration", "It was Putin's first visit to North Korea in 24 years.", "24 years", "first visit to North Korea in [?]"},
		{"since belongs to the value", "It was Putin's first visit to North Korea since 2000.", "2000", "Putin's first visit to North Korea [?]"},
		{"words that cannot end a phrase dropped", "Wednesday was chosen for the signing ceremony in Pyongyang.", "Wednesday", "[?] was chosen"},
		{"no context", "24 years.", "24 years", ""},
		{"brackets are not context", "The talks lasted a long time (12 hours) in all.", "12 hours", "The talks lasted a long time [?] in all"},
		{"guillemets are not context", "Près de «40 %» des gens.", "40 %", "Près de [?] des gens"},
		{"a comma after the figure stays", "Some 820 firefighters, 160 volunteers and 16 aircraft were deployed.", "820 firefighters", "Some [?], 160 volunteers and 16"},
		{"a unit joined by a hyphen stays joined", "Tom Ashby kicked a 42-yard field goal as time expired.", "42", "Tom Ashby kicked a [?]-yard field goal"},
		{"a dateline is no context", "KATHMANDU, Feb 12 - A magnitude 6.1 earthquake struck a remote district.", "6.1", "A magnitude [?] earthquake struck a remote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f figureT
			for _, g := range figure.Extract(tt.sentence) {
				if g.Text == tt.figure {
					f = g
				}
			}
			if f.Text == "" {
				t.Fatalf("no figure %q in %q", tt.figure, tt.sentence)
			}
			if got := figureContext(tt.sentence, f); got != tt.want {
				t.Errorf("figureContext(%q, %q) = %q, want %q", tt.sentence, tt.figure, got, tt.want)
			}
		})
	}
}

func TestQuoteNormalizePunctuation(t *testing.T) {
	same := [][2]string{
		{"breakthrough document,", "breakthrough document"},
		{"Breakthrough  document.", "breakthrough document"},
		{"strongest ever treaty:", "strongest ever treaty"},
	}
	for _, p := range same {
		if a, b := quoteNormalize(p[0]), quoteNormalize(p[1]); a != b {
			t.Errorf("%q and %q normalise to %q and %q, want the same", p[0], p[1], a, b)
		}
	}
	differ := [][2]string{
		{"is it over?", "is it over"},
		{"never!", "never"},
		{"the strongest treaty ever", "strongest ever treaty"},
	}
	for _, p := range differ {
		if quoteNormalize(p[0]) == quoteNormalize(p[1]) {
			t.Errorf("%q and %q normalise alike, want different renderings", p[0], p[1])
		}
	}
}
