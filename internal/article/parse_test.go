package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/sentence"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		label     string
		path      string
		url       string
		data      string
		wantLabel string
		wantTitle string
		wantDate  string
		wantURL   string
		wantText  string
	}{
		{
			name:      "plain text, label from file stem",
			path:      "articles/reuters.txt",
			data:      "Putin arrived. Kim met him.\n",
			wantLabel: "reuters",
			wantText:  "Putin arrived. Kim met him.",
		},
		{
			name:      "header block",
			path:      "a/bbc.txt",
			data:      "Title: Putin and Kim sign pact\nSOURCE: BBC News\ndate: 2024-06-19\nurl: https://www.bbc.com/news/x\n\nPutin arrived. Kim met him.",
			wantLabel: "BBC News",
			wantTitle: "Putin and Kim sign pact",
			wantDate:  "2024-06-19",
			wantURL:   "https://www.bbc.com/news/x",
			wantText:  "Putin arrived. Kim met him.",
		},
		{
			name:      "header dates are normalised",
			path:      "x.txt",
			data:      "date: June 19, 2024\n\nBody.",
			wantLabel: "x",
			wantDate:  "2024-06-19",
			wantText:  "Body.",
		},
		{
			name:      "header RFC 3339 date",
			path:      "x.txt",
			data:      "date: 2024-06-19T08:30:00+09:00\n\nBody.",
			wantLabel: "x",
			wantDate:  "2024-06-19",
			wantText:  "Body.",
		},
		{
			name:      "unparsed header date kept",
			path:      "x.txt",
			data:      "date: last Wednesday\n\nBody.",
			wantLabel: "x",
			wantDate:  "last Wednesday",
			wantText:  "Body.",
		},
		{
			name:      "unknown key means no header",
			path:      "x.txt",
			data:      "title: Pact\nNote: unverified\n\nBody.",
			wantLabel: "x",
			wantText:  "title: Pact\nNote: unverified\n\nBody.",
		},
		{
			name:      "a non key line means no header",
			path:      "x.txt",
			data:      "title: Pact\nPutin arrived.\n\nBody.",
			wantLabel: "x",
			wantText:  "title: Pact\nPutin arrived.\n\nBody.",
		},
		{
			name:      "explicit label beats source header",
			label:     "wire",
			path:      "x.txt",
			data:      "source: Reuters\n\nBody.",
			wantLabel: "wire",
			wantText:  "Body.",
		},
		{
			name:      "seed date prefix",
			path:      "seed.txt",
			data:      " date 2024-06-19 In a breakthrough, they met.\n\nMore.",
			wantLabel: "seed",
			wantDate:  "2024-06-19",
			wantText:  "In a breakthrough, they met.\n\nMore.",
		},
		{
			name:      "seed prefix with an impossible date stays text",
			path:      "seed.txt",
			data:      "date 2024-13-45 is not a day.",
			wantLabel: "seed",
			wantText:  "date 2024-13-45 is not a day.",
		},
		{
			name:      "header date wins over seed prefix",
			path:      "x.txt",
			data:      "date: 2024-06-20\n\n date 2024-06-19 Body.",
			wantLabel: "x",
			wantDate:  "2024-06-20",
			wantText:  "Body.",
		},
		{
			name:      "normalisation",
			path:      "x.txt",
			data:      "\uFEFFFirst\u00A0line.  \r\nSame paragraph.\t\r\n\r\n\r\n\r\n  \nSecond — “quoted” ‘text’ -- \"x\".\n\n\n",
			wantLabel: "x",
			wantText:  "First line.\nSame paragraph.\n\nSecond — “quoted” ‘text’ -- \"x\".",
		},
		{
			name:      "old Mac line endings",
			path:      "x.txt",
			data:      "One.\rTwo.\r\rThree.",
			wantLabel: "x",
			wantText:  "One.\nTwo.\n\nThree.",
		},
		{
			name:      "stdin label",
			path:      "-",
			data:      "Body.",
			wantLabel: "stdin",
			wantText:  "Body.",
		},
		{
			name:      "URL host label without www",
			url:       "https://www.example.com:8080/news/1",
			data:      "Body.",
			wantLabel: "example.com",
			wantURL:   "https://www.example.com:8080/news/1",
			wantText:  "Body.",
		},
		{
			name:      "a plain first line is the headline",
			path:      "ukbc.txt",
			data:      "Sorvang volcano: 12,000 evacuated as ash shuts airport\n\nAbout 12,000 people have been evacuated. The airport is shut.\n",
			wantLabel: "ukbc",
			wantTitle: "Sorvang volcano: 12,000 evacuated as ash shuts airport",
			wantText:  "About 12,000 people have been evacuated. The airport is shut.",
		},
		{
			name:      "a first line that ends as a sentence is no headline",
			path:      "x.txt",
			data:      "The volcano erupted on Sunday.\n\nAbout 12,000 people have been evacuated.",
			wantLabel: "x",
			wantText:  "The volcano erupted on Sunday.\n\nAbout 12,000 people have been evacuated.",
		},
		{
			name:      "a line alone is no headline",
			path:      "x.txt",
			data:      "Volcano erupts in Ilvaria\n",
			wantLabel: "x",
			wantText:  "Volcano erupts in Ilvaria",
		},
		{
			name:      "a header's title wins over a first line",
			path:      "x.txt",
			data:      "title: Volcano erupts\n\nAsh shuts airport\n\nAbout 12,000 people have been evacuated.",
			wantLabel: "x",
			wantTitle: "Volcano erupts",
			wantText:  "Ash shuts airport\n\nAbout 12,000 people have been evacuated.",
		},
		{
			name:      "nothing to name it by",
			data:      "Body.",
			wantLabel: "article",
			wantText:  "Body.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseBytes(tt.label, tt.path, tt.url, []byte(tt.data))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"Label", a.Label, tt.wantLabel},
				{"Title", a.Title, tt.wantTitle},
				{"Date", a.Date, tt.wantDate},
				{"URL", a.URL, tt.wantURL},
				{"Path", a.Path, tt.path},
				{"Text", a.Text, tt.wantText},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
				}
			}
			sum := sha256.Sum256([]byte(tt.wantText))
			if want := hex.EncodeToString(sum[:]); a.SHA256 != want {
				t.Errorf("SHA256: got %q, want %q", a.SHA256, want)
			}
			if want := sentence.Split(tt.wantText); !slices.Equal(a.Sentences, want) {
				t.Errorf("Sentences: got %q, want %q", a.Sentences, want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		url  string
		data string
		want string
	}{
		{name: "empty", path: "e.txt", data: "", want: "article e.txt: empty or whitespace-only text"},
		{name: "whitespace only", path: "w.txt", data: " \n\t\r\n", want: "article w.txt: empty or whitespace-only text"},
		{name: "blank lines and BOM", path: "b.txt", data: "\uFEFF\n\n  \n", want: "article b.txt: empty or whitespace-only text"},
		{name: "no-break spaces only", path: "n.txt", data: "\u00A0 \u00A0", want: "article n.txt: empty or whitespace-only text"},
		{name: "header only", path: "h.txt", data: "title: Pact\n\n\n", want: "article h.txt: no article text after the header"},
		{name: "binary", path: "bin.dat", data: "PK\x03\x04\x00\x00", want: "article bin.dat: binary content (NUL byte at offset 4), not text"},
		{name: "invalid UTF-8", path: "latin1.txt", data: "Caf\xe9 au lait.", want: "article latin1.txt: invalid UTF-8 at byte 3; convert the file to UTF-8"},
		{name: "HTML without text", url: "https://example.com/", data: "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>", want: "article https://example.com/: no article text found in the HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseBytes("", tt.path, tt.url, []byte(tt.data))
			if err == nil {
				t.Fatalf("got article %q, want error %q", a.Text, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %T, want *InputError", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseHTML(t *testing.T) {
	data, err := os.ReadFile("testdata/summit.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := parseBytes("", "testdata/summit.html", "", data)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/summit-html.golden", []byte(render(a)+"\n"+a.Text+"\n"))
	for _, s := range []string{"Subscribe", "Cookie", "Related stories", "var x"} {
		if strings.Contains(a.Text, s) {
			t.Errorf("text keeps page clutter %q", s)
		}
	}
}

func TestParseHTMLLabelFallsBackToStem(t *testing.T) {
	page := "<html><head><title>Pact</title></head><body><article><p>" +
		strings.Repeat("Putin and Kim signed a pact in Pyongyang on Wednesday. ", 12) +
		"</p></article></body></html>"
	a, err := parseBytes("", "dir/nknews.html", "", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.Label != "nknews" {
		t.Errorf("got %q, want %q", a.Label, "nknews")
	}
	if a.Title != "Pact" {
		t.Errorf("got %q, want %q", a.Title, "Pact")
	}
}

func TestParseHTMLLatin1(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>" +
		strings.Repeat("Le caf\xe9 de Pyongyang \xe9tait ferm\xe9 mercredi pendant le sommet. ", 12) +
		"</p></article></body></html>"
	a, err := parseBytes("", "cafe.html", "", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Le café de Pyongyang était fermé mercredi pendant le sommet."; a.Sentence(1) != want {
		t.Errorf("got %q, want %q", a.Sentence(1), want)
	}
}

// normaliseTextSpec is normaliseText as its comment states it, written
// the obvious way: trim each line, join, collapse runs of line breaks.
func normaliseTextSpec(s string) string {
	s = normaliseLines(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = strings.Join(lines, "\n")
	s = regexp.MustCompile(`\n{3,}`).ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

var normaliseCases = []string{
	"", "\n", "a", "a\nb", "a\n\nb", "a\n\n\nb", "a\n \n\t\n b \n", "\n\n\na\n\n\n\n",
	"  a  \r\n\r\n\r\n b\t\r c\u00a0\n", "\u3000x\u3000\n\n\n\u3000", "a \n\n \n\n b", "\ufeffa\n\n\n\nb  ",
}

func TestNormaliseText(t *testing.T) {
	for _, s := range normaliseCases {
		if got, want := normaliseText(s), normaliseTextSpec(s); got != want {
			t.Errorf("normaliseText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormaliseText(f *testing.F) {
	for _, s := range normaliseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normaliseText(s), normaliseTextSpec(s); got != want {
			t.Errorf("normaliseText(%q) = %q, want %q", s, got, want)
		}
	})
}
