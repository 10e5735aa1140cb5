package article

import "testing"

func TestSentence(t *testing.T) {
	a := &Article{Sentences: []string{"One.", "Two."}}
	tests := []struct {
		name string
		n    int
		want string
	}{
		{name: "first", n: 1, want: "One."},
		{name: "last", n: 2, want: "Two."},
		{name: "zero", n: 0, want: ""},
		{name: "past the end", n: 3, want: ""},
		{name: "negative", n: -1, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Sentence(tt.n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
