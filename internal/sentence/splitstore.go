package sentence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// splitVersion names the behaviour of Split's own rules. Stored splits
// are keyed by it, so it must change whenever Split's output changes for
// any text; TestSplitLock fails until it does. The key also covers what
// the lock's corpus may not exercise: the splitter module's version (which
// names the model file), the extra abbreviations, the regular expressions,
// the Unicode tables and the Go release (see splitterID).
const splitVersion = 4

// sentencesModule is the sentence splitter's module path, and
// sentencesVersion the version go.mod requires, for binaries built without
// module information (test binaries); TestSentencesVersion keeps the two
// in step.
const (
	sentencesModule  = "github.com/neurosnap/sentences"
	sentencesVersion = "v1.1.2"
)

// Store keeps sentence splits between runs, so that a warm run skips
// loading the splitter's model and splitting. *cache.Cache is one.
//
// Splits are looked up by Key. LoadSplit reports false for a key it
// does not hold or cannot read; StoreSplit may fail, which costs only the
// next run's time.
type Store interface {
	LoadSplit(key string) ([]string, bool)
	StoreSplit(key string, sentences []string) error
}

// splitterID identifies the splitter, or is "" when it cannot be
// identified, which turns stored splits off: the splitter module replaced
// by a local directory, whose edits no version reflects.
var splitterID = sync.OnceValue(func() string {
	v := sentencesVersion
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path != sentencesModule {
				continue
			}
			v = d.Version
			if d.Replace != nil {
				if d.Replace.Version == "" {
					return ""
				}
				v = d.Replace.Path + "@" + d.Replace.Version
			}
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "split %d\n%s@%s\n%s\nunicode %s\n", splitVersion, sentencesModule, v, runtime.Version(), unicode.Version)
	fmt.Fprintf(h, "abbreviations %q\n", extraAbbrevs)
	// english.punkt is held to the splitter module's data by
	// TestModelFile, so the module's version names it; hashing its text
	// would cost a warm run more than the rest of the key.
	fmt.Fprintf(h, "model %d bytes\n", len(englishModel))
	for _, re := range []*lazyRegexp{paragraphBreak, lineBreak, numberEnd, quoteEnd, strayCloser} {
		fmt.Fprintf(h, "%s\n", re.expr)
	}
	return "newslens-split/" + strconv.Itoa(splitVersion) + " " + hex.EncodeToString(h.Sum(nil))
})

// Key returns the hex SHA-256 a split of text is stored under: it
// covers the splitter's identity and the text, so a split made by another
// splitter, or of another text, is never found.
func Key(text string) string {
	h := sha256.New()
	h.Write([]byte(splitterID()))
	h.Write([]byte{'\n'})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))
}

// SplitWith splits text, through store when it is set.
func SplitWith(store Store, text string) []string {
	if store == nil || splitterID() == "" {
		return Split(text)
	}
	key := Key(text)
	if s, ok := store.LoadSplit(key); ok && sameContent(text, s) {
		return s
	}
	s := Split(text)
	_ = store.StoreSplit(key, s) // a failed write only costs the next run its time
	return s
}

// sameContent reports whether sentences could be a split of text: none is
// empty, has white space at either end or holds a line break, and
// together they hold text's characters other than white space,
// in order, which every split by Split does. A stored entry that fails
// this is damaged and is split afresh.
func sameContent(text string, sentences []string) bool {
	i := 0
	for _, s := range sentences {
		if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "\n") {
			return false // Split trims sentences and joins their lines
		}
		for _, r := range s {
			if unicode.IsSpace(r) {
				continue
			}
			for i < len(text) {
				t, n := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(t) {
					break
				}
				i += n
			}
			t, n := utf8.DecodeRuneInString(text[i:])
			if i >= len(text) || t != r {
				return false
			}
			i += n
		}
	}
	for i < len(text) {
		t, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(t) {
			return false
		}
		i += n
	}
	return true
}
