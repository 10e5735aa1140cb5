package tokens_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
	"github.com/newslens/newslens/internal/tokens"
)

const pact = "Putin and Kim signed a mutual defence pact in Pyongyang on 19 June 2024."

// The counts below were computed once with tiktoken-go and pinned: a
// change means the encodings or the model mapping changed.
func TestCountExact(t *testing.T) {
	tests := []struct {
		name, model, text string
		want              int
	}{
		{"o200k hello", "gpt-4o", "Hello, world!", 4},
		{"o200k pact", "gpt-4o-mini", pact, 21},
		{"o200k via gpt-4.1", "gpt-4.1-2025-04-14", pact, 21},
		{"o200k via o3-mini", "o3-mini", pact, 21},
		{"o200k via provider prefix", "openai/gpt-4o", pact, 21},
		{"cl100k hello", "gpt-4", "Hello, world!", 4},
		{"cl100k pact", "gpt-3.5-turbo", pact, 18},
		{"cl100k via azure name", "gpt-35-turbo", pact, 18},
		{"cl100k via gpt-4-turbo", "gpt-4-turbo", pact, 18},
		{"special token text is ordinary", "gpt-4o", "<|endoftext|> tokens", 8},
		{"empty", "gpt-4o", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tokens.Exact(tt.model) {
				t.Fatalf("Exact(%q) = false, want true", tt.model)
			}
			if got := tokens.Count(tt.model, tt.text); got != tt.want {
				t.Errorf("Count(%q, %q): got %d, want %d", tt.model, tt.text, got, tt.want)
			}
		})
	}
}

func TestCountSeedArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "summit-2024-06-19.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, model := range []string{"gpt-4o", "gpt-4"} {
		if got, want := tokens.Count(model, text), 484; got != want {
			t.Errorf("Count(%q, seed): got %d, want %d", model, got, want)
		}
	}
	// The estimate must stay on the safe side of the real count without
	// wasting much of the budget.
	est := tokens.Count("llama3", text)
	if est < 484 || est > 484*13/10 {
		t.Errorf("estimate for the seed article: got %d, want between 484 and %d", est, 484*13/10)
	}
}

func TestEstimate(t *testing.T) {
	tests := []struct {
		name, model, text string
		want              int
	}{
		{"empty", "llama3", "", 0},
		{"blank", "llama3", " \n\t ", 0},
		{"one word", "llama3", "Pyongyang", 2},
		{"ten words", "qwen2.5:7b", "one two three four five six seven eight nine ten", 14},
		{"long word by chars", "mistral", strings.Repeat("x", 40), 10},
		{"cjk per rune", "qwen2.5", "普京金正恩", 5},
		{"cjk and latin", "qwen2.5", "普京 Putin", 4},
		{"unknown model", "some-new-model", "one two", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tokens.Exact(tt.model) {
				t.Fatalf("Exact(%q) = true, want false", tt.model)
			}
			if got := tokens.Count(tt.model, tt.text); got != tt.want {
				t.Errorf("Count(%q, %q): got %d, want %d", tt.model, tt.text, got, tt.want)
			}
			if got := tokens.Estimate(tt.text); got != tt.want {
				t.Errorf("Estimate(%q): got %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestExact(t *testing.T) {
	tests := []struct {
		name  string
		model string
		want  bool
	}{
		{"gpt-4o", "gpt-4o", true},
		{"gpt-4o-mini", "gpt-4o-mini", true},
		{"gpt-4.1-nano", "gpt-4.1-nano", true},
		{"o1", "o1", true},
		{"o4-mini", "o4-mini", true},
		{"gpt-3.5-turbo-0125", "gpt-3.5-turbo-0125", true},
		{"upper case", "GPT-4o", true},
		{"llama3", "llama3:8b", false},
		{"qwen", "Qwen/Qwen2.5-7B-Instruct", false},
		{"mistral", "mistral", false},
		{"gpt-oss", "gpt-oss:20b", false},
		{"ollama-ish o name", "olmo2", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens.Exact(tt.model); got != tt.want {
				t.Errorf("Exact(%q): got %v, want %v", tt.model, got, tt.want)
			}
		})
	}
}

func TestContextWindow(t *testing.T) {
	tests := []struct {
		name  string
		model string
		want  int
	}{
		{"gpt-4o", "gpt-4o", 128_000},
		{"gpt-4o-mini", "gpt-4o-mini", 128_000},
		{"gpt-4o dated", "gpt-4o-2024-08-06", 128_000},
		{"gpt-4.1", "gpt-4.1", 128_000},
		{"gpt-4.1-mini", "gpt-4.1-mini", 128_000},
		{"gpt-4", "gpt-4", 8_192},
		{"gpt-4-turbo", "gpt-4-turbo", 128_000},
		{"gpt-4-32k", "gpt-4-32k", 32_768},
		{"gpt-3.5-turbo", "gpt-3.5-turbo", 16_385},
		{"azure gpt-35-turbo", "gpt-35-turbo", 16_385},
		{"o1-mini", "o1-mini", 128_000},
		{"o3", "o3", 200_000},
		{"llama3", "llama3", 8_192},
		{"llama3 tag", "llama3:8b-instruct-q4_0", 8_192},
		{"llama3 hf", "meta-llama/Meta-Llama-3-8B-Instruct", 8_192},
		{"llama3.1", "llama3.1:8b", 131_072},
		{"llama3.1 hf", "meta-llama/Llama-3.1-8B-Instruct", 131_072},
		{"qwen2.5", "qwen2.5:7b", 32_768},
		{"qwen2.5 hf", "Qwen/Qwen2.5-7B-Instruct", 32_768},
		{"mistral", "mistral:7b", 32_768},
		{"mistral hf", "mistralai/Mistral-7B-Instruct-v0.3", 32_768},
		{"unknown", "mock-model", 8192},
		{"empty", "", 8192},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens.ContextWindow(tt.model); got != tt.want {
				t.Errorf("ContextWindow(%q): got %d, want %d", tt.model, got, tt.want)
			}
		})
	}
}

// TestCountConcurrent loads the encodings from several goroutines at once;
// run it with -race.
func TestCountConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]int, 16)
	for i := range got {
		wg.Go(func() {
			model := "gpt-4o"
			if i%2 == 1 {
				model = "gpt-4"
			}
			got[i] = tokens.Count(model, pact)
		})
	}
	wg.Wait()
	for i, n := range got {
		want := 21
		if i%2 == 1 {
			want = 18
		}
		if n != want {
			t.Errorf("goroutine %d: got %d, want %d", i, n, want)
		}
	}
}

// TestCountOffline runs a child test process with every proxy pointing at
// a closed port: if loading an encoding tried to download it, the count
// would fall back to the estimate and the child would fail.
func TestCountOffline(t *testing.T) {
	if os.Getenv("NEWSLENS_TOKENS_CHILD") == "1" {
		if got := tokens.Count("gpt-4o", pact); got != 21 {
			t.Fatalf("offline o200k count: got %d, want 21", got)
		}
		if got := tokens.Count("gpt-4", pact); got != 18 {
			t.Fatalf("offline cl100k count: got %d, want 18", got)
		}
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("no test executable: %v", err)
	}
	cmd := exec.CommandContext(t.Context(), exe, "-test.run=^TestCountOffline$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(),
		"NEWSLENS_TOKENS_CHILD=1",
		"HTTPS_PROXY=http://127.0.0.1:1", "HTTP_PROXY=http://127.0.0.1:1",
		"https_proxy=http://127.0.0.1:1", "http_proxy=http://127.0.0.1:1",
		"NO_PROXY=", "no_proxy=",
		// A tiktoken cache directory that does not exist, so a cached
		// download from an earlier run cannot hide a network dependency.
		"TIKTOKEN_CACHE_DIR="+t.TempDir()+"/none",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("offline child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestCountOffline") {
		t.Fatalf("offline child did not run the test:\n%s", out)
	}
}

func BenchmarkCount(b *testing.B) {
	words := strings.Fields(pact)
	var sb strings.Builder
	for i := range 1000 {
		sb.WriteString(words[i%len(words)])
		sb.WriteByte(' ')
	}
	text := sb.String()
	for _, model := range []string{"gpt-4o", "gpt-4", "llama3"} {
		b.Run(model, func(b *testing.B) {
			tokens.Count(model, text) // load the encoding outside the timing
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				tokens.Count(model, text)
			}
		})
	}
}

func ExampleCount() {
	fmt.Println(tokens.Count("gpt-4o", "Hello, world!")) // the model's own encoding
	fmt.Println(tokens.Count("llama3", "Hello, world!")) // an estimate, on the high side
	// Output:
	// 4
	// 3
}
