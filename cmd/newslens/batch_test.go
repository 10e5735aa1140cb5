package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/summarize"
)

// TestBatchShape checks that a batch's JSON has one entry per input in
// input order, whatever failed, and that one article is an object.
func TestBatchShape(t *testing.T) {
	art := func(label string) *article.Article {
		return &article.Article{Label: label, SHA256: "sha-" + label, Sentences: []string{"One.", "Two."}}
	}
	sum := func(label string) *summarize.Summary {
		return &summarize.Summary{Source: summarize.Source{Label: label}, Headline: "about " + label}
	}
	fail := errors.New("b: the endpoint\nfailed")
	tests := []struct {
		name  string
		batch batch
		json  string // the labels and errors in order, as "label" or "label!error"
	}{
		{name: "one ok", batch: batch{arts: []*article.Article{art("a")}, sums: []*summarize.Summary{sum("a")}, errs: []error{nil}}, json: "{a}"},
		{name: "two, second failed", batch: batch{arts: []*article.Article{art("a"), art("b")}, sums: []*summarize.Summary{sum("a"), nil}, errs: []error{nil, fail}}, json: "[a b!the endpoint failed]"},
		{name: "two, first failed", batch: batch{arts: []*article.Article{art("b"), art("a")}, sums: []*summarize.Summary{nil, sum("a")}, errs: []error{fail, nil}}, json: "[b!the endpoint failed a]"},
		{name: "all failed", batch: batch{arts: []*article.Article{art("b"), art("b")}, sums: []*summarize.Summary{nil, nil}, errs: []error{fail, fail}}, json: "[b!the endpoint failed b!the endpoint failed]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var js, jsonl bytes.Buffer
			if err := tt.batch.writeJSON(&js); err != nil {
				t.Fatal(err)
			}
			if got := shape(t, js.Bytes()); got != tt.json {
				t.Errorf("json: got %s, want %s", got, tt.json)
			}
			if err := tt.batch.writeJSONL(&jsonl); err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(strings.TrimSuffix(jsonl.String(), "\n"), "\n") {
				lines = append(lines, strings.Trim(shape(t, []byte(l)), "{}"))
			}
			want := strings.Trim(tt.json, "{}[]")
			if got := strings.Join(lines, " "); got != want {
				t.Errorf("jsonl: got %s, want %s", got, want)
			}
		})
	}
}

// shape reduces a summary or batch JSON to its labels and errors.
func shape(t *testing.T, b []byte) string {
	t.Helper()
	type entry struct {
		Source struct {
			Label     string `json:"label"`
			SHA256    string `json:"sha256"`
			Sentences int    `json:"sentences"`
		} `json:"source"`
		Error string `json:"error"`
	}
	one := func(e entry) string {
		if e.Error != "" {
			if e.Source.SHA256 == "" || e.Source.Sentences != 2 {
				t.Errorf("error entry %s: got source %+v, want the article's digest and sentence count", e.Source.Label, e.Source)
			}
			return e.Source.Label + "!" + e.Error
		}
		return e.Source.Label
	}
	var list []entry
	if err := json.Unmarshal(b, &list); err == nil {
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = one(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return "{" + one(e) + "}"
}
