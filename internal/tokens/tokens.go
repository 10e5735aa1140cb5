// Package tokens counts tokens and knows models' context windows, so that
// newslens can tell before sending a request whether an article and its
// prompt fit the model, and split the article when they do not.
//
// For OpenAI models the count is exact: it uses the model's BPE encoding
// (o200k_base or cl100k_base) through github.com/pkoukk/tiktoken-go, with
// the encodings loaded from files compiled into the binary by
// github.com/pkoukk/tiktoken-go-loader, so counting never touches the
// network. For every other model (Llama, Qwen, Mistral, ...) the tokenizer
// is not available and Count returns an estimate (Estimate).
//
// The estimate counts 1.35 tokens per whitespace-separated word, which is
// a little above what BPE tokenizers with large vocabularies (Llama 3,
// Qwen, cl100k) give for English news prose (about 1.2) and close to
// Mistral's smaller vocabulary, so a context budget built on it errs on the
// safe side. Two kinds of text break the words rule and are counted
// differently: a word longer than 12 characters (a URL, a long number, a
// compound) counts one token per 4 characters, and each Han, Hiragana,
// Katakana or Hangul character counts as one token, since those scripts do
// not separate words with spaces.
//
// The package imports the standard library and the two tiktoken modules,
// nothing of newslens.
package tokens

import (
	"math"
	"strings"
	"sync"
	"unicode"

	tiktoken "github.com/pkoukk/tiktoken-go"
	loader "github.com/pkoukk/tiktoken-go-loader"
)

// Encoding names, as tiktoken knows them.
const (
	o200k  = tiktoken.MODEL_O200K_BASE
	cl100k = tiktoken.MODEL_CL100K_BASE
)

// encodingPrefixes maps normalised model-name prefixes to encodings,
// longest prefix first so that "gpt4o" wins over "gpt4".
var encodingPrefixes = []struct{ prefix, encoding string }{
	{"chatgpt4o", o200k},
	{"gpt4.1", o200k},
	{"gpt4.5", o200k},
	{"gpt4o", o200k},
	{"gpt5", o200k},
	{"o1", o200k},
	{"o3", o200k},
	{"o4", o200k},
	{"gpt3.5", cl100k},
	{"gpt35", cl100k}, // Azure's spelling, gpt-35-turbo
	{"gpt4", cl100k},
	{"textembedding3", cl100k},
	{"textembeddingada002", cl100k},
}

// encoder is one lazily loaded encoding. Loading takes a while (the
// o200k_base table has 200k entries), so it happens once per process.
type encoder struct {
	once sync.Once
	tk   *tiktoken.Tiktoken
	err  error
}

var (
	loaderOnce sync.Once
	encoders   = map[string]*encoder{o200k: {}, cl100k: {}}
)

func get(name string) (*tiktoken.Tiktoken, error) {
	// SetBpeLoader sets a package variable in tiktoken-go; doing it once,
	// before the first encoding is loaded, keeps it race-free and makes
	// sure the default loader, which downloads, is never used.
	loaderOnce.Do(func() { tiktoken.SetBpeLoader(loader.NewOfflineLoader()) })
	e := encoders[name]
	e.once.Do(func() { e.tk, e.err = tiktoken.GetEncoding(name) })
	return e.tk, e.err
}

// normalize reduces a model name to a form the tables match on: lower
// case, without a provider or organisation prefix ("openai/",
// "meta-llama/"), an Ollama tag (":8b"), or hyphens and underscores, so
// that "Meta-Llama-3.1-8B-Instruct" and "llama3.1:8b" both start with
// "llama3.1".
func normalize(model string) string {
	m := strings.ToLower(strings.TrimSpace(model))
	if i := strings.LastIndexByte(m, '/'); i >= 0 {
		m = m[i+1:]
	}
	if i := strings.IndexByte(m, ':'); i >= 0 {
		m = m[:i]
	}
	m = strings.TrimPrefix(m, "meta-")
	return modelSeparators.Replace(m)
}

// encodingFor returns the tiktoken encoding of model, or "" if it has none.
func encodingFor(model string) string {
	m := normalize(model)
	for _, p := range encodingPrefixes {
		if strings.HasPrefix(m, p.prefix) {
			return p.encoding
		}
	}
	return ""
}

// Count returns the number of tokens text takes for model: exact for
// OpenAI models whose encoding is known, Estimate otherwise. Special-token strings
// such as "<|endoftext|>" in text are counted as ordinary text, as the
// endpoint treats them in a message. Count is safe for concurrent use.
func Count(model, text string) int {
	if text == "" {
		return 0
	}
	if enc := encodingFor(model); enc != "" {
		// The encodings are compiled in; failing to load one is a broken
		// build, and an estimate is still better than no answer.
		if tk, err := get(enc); err == nil {
			return len(tk.EncodeOrdinary(text))
		}
	}
	return Estimate(text)
}

// Estimate returns a deliberately high guess at the number of tokens text
// takes for a tokenizer that is not available; the package documentation
// gives the rule.
func Estimate(text string) int {
	n := 0.0
	for _, f := range strings.Fields(text) {
		cjk, other := 0, 0
		for _, r := range f {
			// Below U+1100 (Hangul Jamo) no rune is in these scripts.
			if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				cjk++
			} else {
				other++
			}
		}
		n += float64(cjk)
		switch {
		case other > longWord:
			n += float64(other) / 4
		case other > 0:
			n += 1.35
		}
	}
	return int(math.Ceil(n))
}

// longWord is the length in runes above which a word is counted by its
// characters rather than as one word.
const longWord = 12

// DefaultContextWindow is the context window assumed for a model
// ContextWindow does not know.
const DefaultContextWindow = 8192

// windows maps normalised model-name prefixes to context windows in
// tokens, longest prefix first within each family.
var windows = []struct {
	prefix string
	tokens int
}{
	// OpenAI
	{"chatgpt4o", 128_000},
	{"gpt4o", 128_000},
	{"gpt4.1", 128_000},
	{"gpt4.5", 128_000},
	{"gpt4turbo", 128_000},
	{"gpt41106", 128_000},
	{"gpt40125", 128_000},
	{"gpt432k", 32_768},
	{"gpt4", 8_192},
	{"gpt3.5turboinstruct", 4_096},
	{"gpt3.5", 16_385},
	{"gpt35", 16_385},
	{"gpt5", 400_000},
	{"o1mini", 128_000},
	{"o1", 200_000},
	{"o3", 200_000},
	{"o4", 200_000},
	// Llama 3.1 and later have 128k windows; Llama 3 had 8k.
	{"llama3.1", 131_072},
	{"llama3.2", 131_072},
	{"llama3.3", 131_072},
	{"llama3", 8_192},
	{"llama2", 4_096},
	// Qwen, Mistral and others commonly served through Ollama or vLLM.
	{"qwen2.5", 32_768},
	{"qwen3", 32_768},
	{"qwen2", 32_768},
	{"mistralnemo", 131_072},
	{"mistral", 32_768},
	{"mixtral", 32_768},
	{"gemma3", 131_072},
	{"gemma2", 8_192},
	{"phi3", 4_096},
}

// ContextWindow returns the context window of model in tokens (prompt and
// reply together), or DefaultContextWindow for a model it does not know.
// The figures are the models' published windows; a local server may be
// configured with less (Ollama's num_ctx).
func ContextWindow(model string) int {
	m := normalize(model)
	for _, w := range windows {
		if strings.HasPrefix(m, w.prefix) {
			return w.tokens
		}
	}
	return DefaultContextWindow
}

// modelSeparators are dropped when matching model names.
var modelSeparators = strings.NewReplacer("-", "", "_", "", " ", "")
