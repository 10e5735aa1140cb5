package article

import (
	"reflect"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

func TestLoadTrainingMatchesLibrary(t *testing.T) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := sentences.LoadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loadTraining(b)
	if err != nil {
		t.Fatalf("loadTraining: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loadTraining differs from sentences.LoadTraining (sizes %d/%d/%d/%d, want %d/%d/%d/%d)",
			len(got.AbbrevTypes), len(got.Collocations), len(got.SentStarters), len(got.OrthoContext),
			len(want.AbbrevTypes), len(want.Collocations), len(want.SentStarters), len(want.OrthoContext))
	}
}

func TestLoadTrainingRejectsOtherShapes(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not an object", `[1]`},
		{"unknown set", `{"Other": {"a": 1}}`},
		{"string value", `{"AbbrevTypes": {"a": "1"}}`},
		{"trailing data", `{"AbbrevTypes": {}} x`},
		{"unterminated", `{"AbbrevTypes": {"a": 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := loadTraining([]byte(tt.in)); err == nil {
				t.Errorf("got nil error for %q, want one", tt.in)
			}
		})
	}
	st, err := loadTraining([]byte(`{"AbbrevTypes": {"u.s": 1, "dr": 2, "a\"b": 3}, "OrthoContext": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := st.AbbrevTypes["a\"b"]; got != 3 {
		t.Errorf("got %d for an escaped key, want 3", got)
	}
}

func BenchmarkLoadTraining(b *testing.B) {
	raw, err := data.Asset("data/english.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("library", func(b *testing.B) {
		for b.Loop() {
			sentences.LoadTraining(raw)
		}
	})
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			loadTraining(raw)
		}
	})
}
