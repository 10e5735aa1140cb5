package sentence

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"

	"github.com/newslens/newslens/internal/golden"
)

// libraryModel decodes the sentences module's English training data
// with the module's own decoder.
func libraryModel(tb testing.TB) *sentences.Storage {
	tb.Helper()
	b, err := data.Asset("data/english.json")
	if err != nil {
		tb.Fatal(err)
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// writeModel renders st as a model file.
func writeModel(st *sentences.Storage) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The English punkt model of github.com/neurosnap/sentences %s (data/english.json),\n", sentencesVersion)
	b.WriteString("# Copyright (c) 2015 Eric Bower, MIT licence: one word, a tab and a number a line,\n")
	b.WriteString("# sorted. Written by `go test ./internal/sentence -run TestModelFile -update`\n")
	for i, set := range []sentences.SetString{st.AbbrevTypes, st.Collocations, st.SentStarters, st.OrthoContext} {
		fmt.Fprintf(&b, "[%s]\n", modelSections[i])
		words := make([]string, 0, len(set))
		for w := range set {
			words = append(words, w)
		}
		slices.SortFunc(words, cmp.Compare)
		for _, w := range words {
			fmt.Fprintf(&b, "%s\t%d\n", w, set[w])
		}
	}
	return b.Bytes()
}

// TestModelFile checks that english.punkt says what the sentences
// module's training data says; after upgrading the module, run it with
// -update to rewrite the file.
func TestModelFile(t *testing.T) {
	st := libraryModel(t)
	for _, set := range []sentences.SetString{st.AbbrevTypes, st.Collocations, st.SentStarters, st.OrthoContext} {
		for w, n := range set {
			if strings.ContainsAny(w, "\t\n") || strings.HasPrefix(w, "[") || n < 0 || n > 999999999 {
				t.Fatalf("the training data holds %q: %d, which a model file cannot", w, n)
			}
		}
	}
	want := writeModel(st)
	if golden.Update() {
		if err := os.WriteFile("english.punkt", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if string(want) != englishModel {
		t.Fatal("english.punkt differs from the sentences module's training data: run go test ./internal/sentence -run TestModelFile -update")
	}
	m, err := parseModel(englishModel)
	if err != nil {
		t.Fatal(err)
	}
	checkModel(t, m, st)
}

// checkModel compares every set of m with the library's decoding, and
// asks m about words the training data lacks.
func checkModel(t *testing.T, m *punktModel, want *sentences.Storage) {
	t.Helper()
	for _, set := range []struct {
		name      string
		got, want sentences.SetString
	}{
		{"AbbrevTypes", m.abbrevs, want.AbbrevTypes},
		{"Collocations", m.collocations, want.Collocations},
		{"SentStarters", m.starters, want.SentStarters},
	} {
		if len(set.got) != len(set.want) {
			t.Errorf("%s: %d entries, library has %d", set.name, len(set.got), len(set.want))
		}
		for w, n := range set.want {
			if set.got[w] != n {
				t.Errorf("%s[%q] = %d, library has %d", set.name, w, set.got[w], n)
			}
		}
	}
	if got := strings.Count(string(m.ortho), "\n"); got != len(want.OrthoContext) {
		t.Errorf("OrthoContext: %d words, library has %d", got, len(want.OrthoContext))
	}
	for w, n := range want.OrthoContext {
		if got := m.orthoFlags(w); got != n {
			t.Errorf("OrthoContext[%q] = %d, library has %d", w, got, n)
		}
	}
	for _, w := range []string{"", "not-a-word-in-training", "MARKET", "market ", "marke", "marketz", "\xff", "~"} {
		if got, n := m.orthoFlags(w), want.OrthoContext[w]; got != n {
			t.Errorf("OrthoContext[%q] = %d, library has %d", w, got, n)
		}
	}
}

// TestModelFileSmall covers what the shipped data does not: empty
// sections, the empty word, a one-line block.
func TestModelFileSmall(t *testing.T) {
	for _, st := range []*sentences.Storage{
		sentences.NewStorage(),
		{
			AbbrevTypes:  sentences.SetString{"dr": 1, "u.s": 1},
			Collocations: sentences.SetString{},
			SentStarters: sentences.SetString{"but": 1},
			OrthoContext: sentences.SetString{"": 2, "a": 36, "b": 32, "ab": 4},
		},
		{
			AbbrevTypes: sentences.SetString{}, Collocations: sentences.SetString{}, SentStarters: sentences.SetString{},
			OrthoContext: sentences.SetString{"only": 110},
		},
	} {
		m, err := parseModel(string(writeModel(st)))
		if err != nil {
			t.Fatal(err)
		}
		checkModel(t, m, st)
	}
}

func TestParseModelRejectsOtherShapes(t *testing.T) {
	good := "[AbbrevTypes]\ndr\t1\n[Collocations]\n[SentStarters]\n[OrthoContext]\na\t4\n"
	if _, err := parseModel(good); err != nil {
		t.Fatalf("parseModel(%q): %v", good, err)
	}
	for _, in := range []string{
		"",
		"[AbbrevTypes]\ndr\t1\n",
		"[AbbrevTypes]\ndr 1\n[Collocations]\n[SentStarters]\n[OrthoContext]\n",
		"[AbbrevTypes]\ndr\tx\n[Collocations]\n[SentStarters]\n[OrthoContext]\n",
		"[Collocations]\n[AbbrevTypes]\n[SentStarters]\n[OrthoContext]\n",
		"[AbbrevTypes]\n[Collocations]\n[SentStarters]\n[OrthoContext]\na\t4",
	} {
		if _, err := parseModel(in); err == nil {
			t.Errorf("parseModel(%q): no error", in)
		}
	}
}

// BenchmarkModel compares decoding the module's training data with the
// library against reading english.punkt.
func BenchmarkModel(b *testing.B) {
	b.Run("library", func(b *testing.B) {
		for b.Loop() {
			libraryModel(b)
		}
	})
	b.Run("file", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseModel(englishModel); err != nil {
				b.Fatal(err)
			}
		}
	})
}
