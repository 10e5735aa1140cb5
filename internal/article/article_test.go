package article

import (
	"testing"

	"github.com/newslens/newslens/internal/sentence"
)

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

// parseBytes builds an article from data in memory as Load would from a
// file with that path, or a URL's body: the same parse and split, with bad
// input named by path, url or label, in that order.
func parseBytes(label, path, url string, data []byte) (*Article, error) {
	a, err := parse(label, path, url, data, kindAuto)
	if err != nil {
		arg := path
		if arg == "" {
			arg = url
		}
		if arg == "" {
			arg = label
		}
		return nil, &InputError{Arg: arg, Err: err}
	}
	a.Sentences = sentence.Split(a.Text)
	return a, nil
}
