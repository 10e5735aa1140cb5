package words

import (
	"slices"
	"strings"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

// tokens collects what Each gives, checking that each offset is where
// the token starts.
func tokens(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	Each(s, func(tok string, start int) {
		if !strings.HasPrefix(s[start:], tok) {
			t.Errorf("token %q at offset %d, where %q starts", tok, start, s[start:])
		}
		out = append(out, tok)
	})
	return out
}

func TestEach(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"punctuation split off", `Kim said: "strongest ever treaty".`, []string{"Kim", "said", ":", `"`, "strongest", "ever", "treaty", `"`, "."}},
		{"apostrophes and hyphens kept", "Putin's military-technical ties aren't new", []string{"Putin's", "military-technical", "ties", "aren't", "new"}},
		{"curly apostrophe kept", "Putin\u2019s visit", []string{"Putin\u2019s", "visit"}},
		{"numbers kept whole", "1,000 shells, 3.5 tonnes, in 24 years.", []string{"1,000", "shells", ",", "3.5", "tonnes", ",", "in", "24", "years", "."}},
		{"trailing joiners split", "the Kims' - and 'them'", []string{"the", "Kims", "'", "-", "and", "'", "them", "'"}},
		{"empty", "", nil},
		{"non-ASCII letters", "Pyongyang – Пхеньян", []string{"Pyongyang", "–", "Пхеньян"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens(t, tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContent(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"stopwords dropped and stems", "The two leaders signed the agreements on Wednesday.", []string{"two", "leader", "sign", "agreement", "wednesday"}},
		{"inflections meet", "signing signs signed", []string{"sign", "sign", "sign"}},
		{"possessive", "Russia's war", []string{"russia", "war"}},
		{"acronym is not a stopword", "The US said so", []string{"us"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Content(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"years", "year"}, {"countries", "country"}, {"agreed", "agre"}, {"agree", "agre"},
		{"stopped", "stop"}, {"falling", "fall"}, {"passes", "pass"}, {"status", "status"},
		{"analysis", "analysis"}, {"pact", "pact"}, {"carried", "carry"}, {"Москва", "Москва"},
		{"politically", "political"}, {"officially", "official"}, {"rally", "rally"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTermsKinds(t *testing.T) {
	got := Terms(`Russian President Vladimir Putin met Kim in 2024. Talks lasted 3 hours.`)
	want := []Term{
		{"russian", Word, "Russian"}, {"president", Name, "President"}, {"vladimir", Name, "Vladimir"},
		{"putin", Name, "Putin"}, {"met", Word, "met"}, {"kim", Name, "Kim"}, {"2024", Number, "2024"},
		{"talk", Word, "Talks"}, {"last", Word, "lasted"}, {"3", Number, "3"}, {"hour", Word, "hours"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestIsStopword(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"the", true}, {"said", true}, {"treaty", false}, {"The", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := IsStopword(tt.w); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkTerms(b *testing.B) {
	s := strings.Repeat("Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement on Wednesday at a summit in Pyongyang. ", 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Terms(s)
	}
}

func TestShared(t *testing.T) {
	set := func(ws ...string) map[string]bool {
		m := make(map[string]bool)
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	tests := []struct {
		name string
		a, b map[string]bool
		want int
	}{
		{"disjoint", set("pact", "kim"), set("putin"), 0},
		{"some in common", set("pact", "kim", "sign"), set("kim", "sign", "treati", "putin"), 2},
		{"empty", set(), set("kim"), 0},
		{"same", set("kim", "putin"), set("putin", "kim"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Shared(tt.a, tt.b); got != tt.want {
				t.Errorf("Shared: got %d, want %d", got, tt.want)
			}
			if got := Shared(tt.b, tt.a); got != tt.want {
				t.Errorf("Shared, reversed: got %d, want %d", got, tt.want)
			}
		})
	}
}
