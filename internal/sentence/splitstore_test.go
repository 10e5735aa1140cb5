package sentence

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// memSplits is a Store in memory that counts its calls.
type memSplits struct {
	m             map[string][]string
	loads, stores int
	failStore     bool
}

func (s *memSplits) LoadSplit(key string) ([]string, bool) {
	s.loads++
	v, ok := s.m[key]
	return v, ok
}

func (s *memSplits) StoreSplit(key string, sentences []string) error {
	s.stores++
	if s.failStore {
		return errors.New("disk full")
	}
	s.m[key] = slices.Clone(sentences)
	return nil
}

func TestSplitWithStore(t *testing.T) {
	text := seedText(t)
	want := Split(text)
	key := Key(text)
	store := &memSplits{m: map[string][]string{}}

	if got := SplitWith(store, text); !slices.Equal(got, want) {
		t.Fatalf("miss: got %q, want %q", got, want)
	}
	if store.stores != 1 || !slices.Equal(store.m[key], want) {
		t.Fatalf("miss stored %d splits (%q), want the split under %s", store.stores, store.m[key], key)
	}

	// A stored split is served as it is: join the first two sentences,
	// which keeps the content, and the joined form comes back.
	joined := append([]string{want[0] + " " + want[1]}, want[2:]...)
	store.m[key] = joined
	if got := SplitWith(store, text); !slices.Equal(got, joined) || store.stores != 1 {
		t.Fatalf("hit: got %d sentences and %d stores, want the stored %d and no store", len(got), store.stores, len(joined))
	}

	// A damaged entry is split afresh and replaced.
	for name, bad := range map[string][]string{
		"word changed":    append([]string{strings.Replace(want[0], "Putin", "Puttin", 1)}, want[1:]...),
		"sentence lost":   want[1:],
		"empty sentence":  append([]string{""}, want...),
		"blank sentence":  append([]string{" "}, want...),
		"untrimmed":       append([]string{want[0] + " "}, want[1:]...),
		"line break":      append([]string{want[0] + "\n" + want[1]}, want[2:]...),
		"another article": {"Another text entirely."},
	} {
		t.Run(name, func(t *testing.T) {
			store.m[key] = bad
			before := store.stores
			if got := SplitWith(store, text); !slices.Equal(got, want) {
				t.Errorf("got %q, want a fresh split", got)
			}
			if store.stores != before+1 || !slices.Equal(store.m[key], want) {
				t.Error("entry not replaced")
			}
		})
	}

	// A failing store loses nothing but time.
	failing := &memSplits{m: map[string][]string{}, failStore: true}
	if got := SplitWith(failing, text); !slices.Equal(got, want) {
		t.Errorf("failing store: got %q, want %q", got, want)
	}
}

func TestSplitKey(t *testing.T) {
	a, b := Key("One text."), Key("One text!")
	if a == b || len(a) != 64 {
		t.Errorf("Key gave %q and %q; want two distinct hex SHA-256s", a, b)
	}
	if a != Key("One text.") {
		t.Error("Key is not deterministic")
	}
	if id := splitterID(); !strings.HasPrefix(id, fmt.Sprintf("newslens-split/%d ", splitVersion)) || len(id) != len("newslens-split/ ")+len(strconv.Itoa(splitVersion))+64 {
		t.Errorf("splitterID() = %q; want the split version and a digest", id)
	}
}

// TestSentencesVersion keeps sentencesVersion, the splitter module's
// version for builds without module information, equal to go.mod's.
func TestSentencesVersion(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for line := range strings.Lines(string(b)) {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == sentencesModule || len(f) >= 3 && f[0] == "require" && f[1] == sentencesModule) {
			want = f[len(f)-1]
			if f[0] == "require" {
				want = f[2]
			} else {
				want = f[1]
			}
		}
	}
	if want == "" {
		t.Fatalf("go.mod does not require %s", sentencesModule)
	}
	if sentencesVersion != want {
		t.Errorf("sentencesVersion is %s, go.mod requires %s: update it in splitstore.go", sentencesVersion, want)
	}
}
