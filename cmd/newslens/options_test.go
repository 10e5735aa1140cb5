package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"
)

// TestEndpointFrom checks that the endpoint flags fill their options
// once, and that an unset --temperature leaves the prompt's own.
func TestEndpointFrom(t *testing.T) {
	for _, k := range []string{"OPENAI_BASE_URL", "OPENAI_API_KEY", "NEWSLENS_MODEL", "NEWSLENS_CACHE_DIR", "NEWSLENS_NO_CACHE"} {
		t.Setenv(k, "") // restored after the test
		os.Unsetenv(k)
	}
	half := float32(0.5)
	tests := []struct {
		name string
		args []string
		want endpointOptions
	}{
		{
			name: "defaults",
			want: endpointOptions{Model: defaultModel, Timeout: 2 * time.Minute, Retries: 2, Concurrency: 4},
		},
		{
			name: "every flag",
			args: []string{"--base-url", "http://127.0.0.1:1/v1", "--api-key", "k", "--model", "m", "--temperature", "0.5",
				"--max-tokens", "10", "--timeout", "3s", "--retries", "0", "-v", "-j", "2", "--context-tokens", "900",
				"--cache-dir", "/c", "--no-cache"},
			want: endpointOptions{BaseURL: "http://127.0.0.1:1/v1", APIKey: "k", Model: "m", Temperature: &half,
				MaxTokens: 10, Timeout: 3 * time.Second, Verbose: true, Concurrency: 2, ContextTokens: 900,
				CacheDir: "/c", NoCache: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got endpointOptions
			app := &cli.App{Flags: endpointFlags(), Action: func(c *cli.Context) error {
				got = endpointFrom(c)
				return nil
			}}
			if err := app.Run(append([]string{"newslens"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPickFormat(t *testing.T) {
	tests := []struct {
		name    string
		format  string
		want    string
		wantErr string
	}{
		{name: "default", format: "text", want: "text"},
		{name: "short markdown", format: "md", want: "markdown"},
		{name: "jsonl", format: "jsonl", want: "jsonl"},
		{name: "unknown", format: "yaml", wantErr: `unknown format "yaml"; use one of text, markdown, json, jsonl, html`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := pickFormat(tt.format, summaryFormats)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				if codeOf(err) != exitUsage {
					t.Errorf("got exit code %d, want %d", codeOf(err), exitUsage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.name != tt.want {
				t.Errorf("got %q, want %q", f.name, tt.want)
			}
		})
	}
}

// TestRunSummarizeTakesOptions runs summarize from an options struct, with
// no command line: what a batch command or a test does.
func TestRunSummarizeTakesOptions(t *testing.T) {
	var out, errw bytes.Buffer
	opts := &SummarizeOptions{
		IO:       stdio{In: strings.NewReader("title: A test\n\nThe council met on Monday. It approved the budget of 3 million euros.\n"), Out: &out, Err: &errw},
		Endpoint: endpointOptions{Concurrency: 1},
		Input:    inputOptions{MaxBytes: 1 << 20},
		Output:   outputOptions{Format: "markdown"},
		Engine:   engineOptions{Engine: "extractive"},
		Articles: []string{"town=-"},
	}
	if err := runSummarize(t.Context(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "*town · 2 sentences · extractive") {
		t.Errorf("got %q, want a markdown summary of the town article", out.String())
	}
	if errw.Len() != 0 {
		t.Errorf("got stderr %q, want none for --engine extractive", errw.String())
	}
}

// TestDocNamesEveryCommand keeps the package doc, the command's manual,
// in step with the commands the app has.
func TestDocNamesEveryCommand(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range newApp(nil, nil, nil).Commands {
		if !strings.Contains(string(doc), "\tnewslens "+c.Name+" ") {
			t.Errorf("doc.go's usage lacks newslens %s", c.Name)
		}
	}
}
