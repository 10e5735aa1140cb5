package schema

import (
	"encoding/json"
	"reflect"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

type point struct {
	Text     string `json:"text" desc:"the point"`
	Evidence []int  `json:"evidence,omitempty"`
}

type doc struct {
	Title  string  `json:"title"`
	Kind   string  `json:"kind" enum:"a,b"`
	Score  float64 `json:"score"`
	OK     bool    `json:"ok"`
	Points []point `json:"points"`
	hidden int
	Skip   string `json:"-"`
}

func TestForIsStrict(t *testing.T) {
	got := string(MustFor(doc{hidden: 1}).JSON())
	want := `{"type":"object","properties":{"title":{"type":"string"},"kind":{"type":"string","enum":["a","b"]},"score":{"type":"number"},"ok":{"type":"boolean"},"points":{"type":"array","items":{"type":"object","properties":{"text":{"type":"string","description":"the point"},"evidence":{"type":"array","items":{"type":"integer"}}},"required":["text","evidence"],"additionalProperties":false}}},"required":["title","kind","score","ok","points"],"additionalProperties":false}`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestForRejectsNonStruct(t *testing.T) {
	if _, err := For(3); err == nil {
		t.Error("got nil error for an int, want one")
	}
}

func TestValidate(t *testing.T) {
	s := MustFor(doc{})
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"valid", `{"title":"t","kind":"a","score":1.5,"ok":true,"points":[{"text":"x","evidence":[1,2]}]}`, nil},
		{"missing", `{"title":"t","kind":"a","score":1,"ok":true}`, []string{`$: missing required field "points"`}},
		{"wrong types", `{"title":3,"kind":"c","score":"x","ok":1,"points":[{"text":"x","evidence":["1",2.5]}]}`, []string{
			"$.title: want string, got number",
			`$.kind: "c" is not one of a, b`,
			"$.score: want number, got string",
			"$.ok: want boolean, got number",
			"$.points[0].evidence[0]: want integer, got string",
			"$.points[0].evidence[1]: want integer, got 2.5",
		}},
		{"extra and null", `{"title":"t","kind":"b","score":0,"ok":false,"points":null,"zz":1,"aa":2}`, []string{
			"$.points: want array, got null",
			`$: unexpected field "aa"`,
			`$: unexpected field "zz"`,
		}},
		{"not an object", `[1]`, []string{"$: want object, got array"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
				t.Fatal(err)
			}
			got := s.Validate(v)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
