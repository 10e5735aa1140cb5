package main

import (
	"bytes"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestMdText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "plain", in: "Putin met Kim.", want: "Putin met Kim."},
		{name: "emphasis and code", in: "a *b* _c_ `d`", want: `a \*b\* \_c\_ \` + "`d\\`"},
		{name: "link and html", in: "[x](y) <b>", want: `\[x\](y) \<b\>`},
		{name: "heading and table", in: "# 1 | 2", want: `\# 1 \| 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdText(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSentencesTextNumbers checks that numbers are right-aligned, so a
// sentence's number reads at the start of its line, and that empty
// metadata is left out.
func TestSentencesTextNumbers(t *testing.T) {
	sents := make([]string, 10)
	for i := range sents {
		sents[i] = "S."
	}
	a := &article.Article{Label: "x", SHA256: "abc", Sentences: sents}
	var b bytes.Buffer
	if err := writeSentencesText(&b, []*article.Article{a}, false); err != nil {
		t.Fatal(err)
	}
	want := "x\nsha256     abc\nsentences  10\n\n" +
		" 1  S.\n 2  S.\n 3  S.\n 4  S.\n 5  S.\n 6  S.\n 7  S.\n 8  S.\n 9  S.\n10  S.\n"
	if got := b.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
