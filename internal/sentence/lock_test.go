package sentence_test

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
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/sentence"
)

const splitLockPath = "testdata/split.lock"

// splitCorpus is the text TestSplitLock splits: the body of every article
// under testdata as article.Load reads it, the seed, and the splitter's
// edge cases.
func splitCorpus(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles found (%v)", err)
	}
	paths = append(paths, "../article/testdata/summit-2024-06-19.txt")
	slices.Sort(paths)
	var texts []string
	for _, p := range paths {
		a, err := article.Load(t.Context(), p, article.Options{})
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	for _, c := range sentence.PunktCases {
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
		sents := sentence.Split(text)
		if !sentence.SameContent(text, sents) {
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
	case len(changed) > 0 && version == sentence.Version:
		t.Errorf("Split's output changed for %d corpus texts (digests %s) but splitVersion is still %d: bump it in splitstore.go, then run go test -update",
			len(changed), strings.Join(changed, ", "), sentence.Version)
	case same && version == sentence.Version:
	case golden.Update():
		writeSplitLock(t, got)
	case len(changed) > 0 || version != sentence.Version:
		t.Errorf("splitVersion is %d and %s locks version %d; run go test -update to lock it", sentence.Version, splitLockPath, version)
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
		"# Written by go test -update; see TestSplitLock.\nversion %d\n", sentence.Version)
	for _, text := range slices.Sorted(maps.Keys(splits)) {
		fmt.Fprintf(&b, "%s %s\n", text, splits[text])
	}
	if err := os.WriteFile(splitLockPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSeedText keeps testdata/seed.txt, the text the package's own tests
// split, equal to the seed article's body as article.Load reads it.
func TestSeedText(t *testing.T) {
	const path = "testdata/seed.txt"
	a, err := article.Load(t.Context(), "../article/testdata/summit-2024-06-19.txt", article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.WriteFile(path, []byte(a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != a.Text {
		t.Errorf("%s differs from the seed article's body; run go test -update", path)
	}
}
