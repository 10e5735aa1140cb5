package compare

import "testing"

func TestNounPhrase(t *testing.T) {
	for _, tc := range []struct {
		name, s, want string
		ok            bool
	}{
		{"a name", "the mutual defence pact", "mutual defence pact", true},
		{"a proper name", "Treaty on Comprehensive Strategic Partnership", "Treaty on Comprehensive Strategic Partnership", true},
		{"a possessive opens a phrase", "Korea's", "", false},
		{"a curly possessive", "the country’s", "", false},
		{"a plural possessive", "the leaders'", "", false},
		{"a verb", "signs", "", false},
		{"a figure", "48 dead", "", false},
		{"ending in an adverb", "fully", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := nounPhrase(tc.s)
			if got != tc.want || ok != tc.ok {
				t.Errorf("nounPhrase(%q) = %q, %v; want %q, %v", tc.s, got, ok, tc.want, tc.ok)
			}
		})
	}
}
