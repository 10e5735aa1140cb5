package article

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
)

const splitLockPath = "testdata/split.lock"

// splitCorpus is the text TestSplitLock splits: every article under
// testdata, the package's seed, and the splitter's edge cases.
func splitCorpus(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles found (%v)", err)
	}
	paths = append(paths, "testdata/summit-2024-06-19.txt")
	slices.Sort(paths)
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse("", p, "", b)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	for _, c := range punktCases {
		if strings.TrimSpace(c) != "" {
			texts = append(texts, c)
		}
	}
	return texts
}

// TestSplitLock pins Split's output to splitVersion. Stored splits are
// keyed by splitVersion, so a change to Split that kept the version would
// serve old sentence numbers from every warm cache. The lock file holds a
// digest of each corpus text and of its split: a text whose split changed
// fails the test until splitVersion is bumped; texts added to or removed
// from the corpus only need go test -update.
func TestSplitLock(t *testing.T) {
	got := map[string]string{}
	for _, text := range splitCorpus(t) {
		sents := Split(text)
		if !sameContent(text, sents) {
			t.Errorf("Split(%.40q...) loses or adds characters: %q", text, sents)
		}
		h := sha256.New()
		for _, s := range sents {
			fmt.Fprintf(h, "%d:%s\n", len(s), s)
		}
		got[shortSum([]byte(text))] = hex.EncodeToString(h.Sum(nil))[:16]
	}

	version, locked, err := readSplitLock()
	if errors.Is(err, os.ErrNotExist) && golden.Update() {
		writeSplitLock(t, got)
		return
	}
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var changed []string
	for text, split := range got {
		if old, ok := locked[text]; ok && old != split {
			changed = append(changed, text)
		}
	}
	slices.Sort(changed)
	same := maps.Equal(got, locked)
	switch {
	case len(changed) > 0 && version == splitVersion:
		t.Errorf("Split's output changed for %d corpus texts (digests %s) but splitVersion is still %d: bump it in splitstore.go, then run go test -update",
			len(changed), strings.Join(changed, ", "), splitVersion)
	case same && version == splitVersion:
	case golden.Update():
		writeSplitLock(t, got)
	case len(changed) > 0 || version != splitVersion:
		t.Errorf("splitVersion is %d and %s locks version %d; run go test -update to lock it", splitVersion, splitLockPath, version)
	default:
		t.Errorf("the corpus changed since %s was written; run go test -update", splitLockPath)
	}
}

func shortSum(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

func readSplitLock() (version int, splits map[string]string, err error) {
	f, err := os.Open(splitLockPath)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	splits = map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, err := fmt.Sscanf(line, "version %d", &version); err == nil {
			continue
		}
		var text, split string
		if _, err := fmt.Sscanf(line, "%s %s", &text, &split); err == nil && len(text) == 16 && len(split) == 16 {
			splits[text] = split
			continue
		}
		return 0, nil, fmt.Errorf("%s: unexpected line %q", splitLockPath, line)
	}
	if version == 0 || len(splits) == 0 {
		return 0, nil, fmt.Errorf("%s: want a version line and digest lines", splitLockPath)
	}
	return version, splits, sc.Err()
}

func writeSplitLock(t *testing.T, splits map[string]string) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "# The splitVersion this Split belongs to, then for each text of\n"+
		"# TestSplitLock's corpus a digest of the text and one of its split.\n"+
		"# Written by go test -update; see TestSplitLock.\nversion %d\n", splitVersion)
	for _, text := range slices.Sorted(maps.Keys(splits)) {
		fmt.Fprintf(&b, "%s %s\n", text, splits[text])
	}
	if err := os.WriteFile(splitLockPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// memSplits is a SplitStore in memory that counts its calls.
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
	key := SplitKey(text)
	store := &memSplits{m: map[string][]string{}}

	if got := splitWith(store, text); !slices.Equal(got, want) {
		t.Fatalf("miss: got %q, want %q", got, want)
	}
	if store.stores != 1 || !slices.Equal(store.m[key], want) {
		t.Fatalf("miss stored %d splits (%q), want the split under %s", store.stores, store.m[key], key)
	}

	// A stored split is served as it is: join the first two sentences,
	// which keeps the content, and the joined form comes back.
	joined := append([]string{want[0] + " " + want[1]}, want[2:]...)
	store.m[key] = joined
	if got := splitWith(store, text); !slices.Equal(got, joined) || store.stores != 1 {
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
			if got := splitWith(store, text); !slices.Equal(got, want) {
				t.Errorf("got %q, want a fresh split", got)
			}
			if store.stores != before+1 || !slices.Equal(store.m[key], want) {
				t.Error("entry not replaced")
			}
		})
	}

	// A failing store loses nothing but time.
	failing := &memSplits{m: map[string][]string{}, failStore: true}
	if got := splitWith(failing, text); !slices.Equal(got, want) {
		t.Errorf("failing store: got %q, want %q", got, want)
	}
}

func TestSplitKey(t *testing.T) {
	a, b := SplitKey("One text."), SplitKey("One text!")
	if a == b || len(a) != 64 {
		t.Errorf("SplitKey gave %q and %q; want two distinct hex SHA-256s", a, b)
	}
	if a != SplitKey("One text.") {
		t.Error("SplitKey is not deterministic")
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
