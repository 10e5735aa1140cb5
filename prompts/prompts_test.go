package prompts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal is a valid template for the tests to vary.
const minimal = `# a test prompt
description: test prompt
temperature: 0.5
schema: summary

--- system
Be brief.
--- user
<article>
{{article}}
</article>
`

// writeTree writes files (slash paths relative to a new temporary
// directory) and returns the directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		name        string
		ref         string
		wantName    string
		wantVersion int
		wantErr     string
	}{
		{name: "name only", ref: "summarize", wantName: "summarize"},
		{name: "with version", ref: "summarize@2", wantName: "summarize", wantVersion: 2},
		{name: "large version", ref: "compare@12", wantName: "compare", wantVersion: 12},
		{name: "dash and digits", ref: "brief-2_x@1", wantName: "brief-2_x", wantVersion: 1},
		{name: "empty", ref: "", wantErr: `invalid prompt reference ""`},
		{name: "version only", ref: "@2", wantErr: `invalid prompt reference "@2"`},
		{name: "empty version", ref: "summarize@", wantErr: "the version must be a whole number from 1, e.g. summarize@2"},
		{name: "zero version", ref: "summarize@0", wantErr: "the version must be a whole number"},
		{name: "leading zero", ref: "summarize@02", wantErr: "the version must be a whole number"},
		{name: "negative", ref: "summarize@-1", wantErr: "the version must be a whole number"},
		{name: "plus sign", ref: "summarize@+2", wantErr: "the version must be a whole number"},
		{name: "v prefix", ref: "summarize@v2", wantErr: "the version must be a whole number"},
		{name: "latest is not a version", ref: "summarize@latest", wantErr: "the version must be a whole number"},
		{name: "two ats", ref: "summarize@2@3", wantErr: "the version must be a whole number"},
		{name: "upper case", ref: "Summarize", wantErr: "lowercase letters"},
		{name: "space", ref: " summarize", wantErr: "lowercase letters"},
		{name: "path", ref: "../summarize", wantErr: "lowercase letters"},
		{name: "digit first", ref: "2summarize", wantErr: "lowercase letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, version, err := ParseRef(tt.ref)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseRef(%q) error = %v, want it to contain %q", tt.ref, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseRef(%q): %v", tt.ref, err)
			}
			if name != tt.wantName || version != tt.wantVersion {
				t.Errorf("ParseRef(%q) = %q, %d; want %q, %d", tt.ref, name, version, tt.wantName, tt.wantVersion)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		ref     string
		wantID  string
		wantErr string // exact
		unknown bool   // whether the error wraps ErrUnknown
	}{
		{name: "latest summarize", ref: "summarize", wantID: "summarize@2"},
		{name: "summarize v1", ref: "summarize@1", wantID: "summarize@1"},
		{name: "summarize v2", ref: "summarize@2", wantID: "summarize@2"},
		{name: "merge", ref: "merge", wantID: "merge@1"},
		{name: "compare", ref: "compare@1", wantID: "compare@1"},
		{
			name:    "unknown version",
			ref:     "summarize@9",
			wantErr: "unknown prompt summarize@9; have summarize@1, summarize@2",
			unknown: true,
		},
		{
			name:    "unknown name",
			ref:     "digest",
			wantErr: "unknown prompt digest; have compare@1, compare@2, merge@1, summarize@1, summarize@2",
			unknown: true,
		},
		{
			name:    "unknown name with version",
			ref:     "digest@3",
			wantErr: "unknown prompt digest@3; have compare@1, compare@2, merge@1, summarize@1, summarize@2",
			unknown: true,
		},
		{
			name:    "bad reference",
			ref:     "summarize@x",
			wantErr: `invalid prompt reference "summarize@x": the version must be a whole number from 1, e.g. summarize@2`,
		},
	}
	r := Embedded()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.Lookup(tt.ref)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Lookup(%q) = %s, want error %q", tt.ref, p.ID(), tt.wantErr)
				}
				if got := err.Error(); got != tt.wantErr {
					t.Errorf("Lookup(%q) error: got %q, want %q", tt.ref, got, tt.wantErr)
				}
				if got := errors.Is(err, ErrUnknown); got != tt.unknown {
					t.Errorf("errors.Is(err, ErrUnknown): got %v, want %v", got, tt.unknown)
				}
				return
			}
			if err != nil {
				t.Fatalf("Lookup(%q): %v", tt.ref, err)
			}
			if got := p.ID(); got != tt.wantID {
				t.Errorf("Lookup(%q): got %q, want %q", tt.ref, got, tt.wantID)
			}
		})
	}
}

func TestGet(t *testing.T) {
	p, err := Get("summarize", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.ID(), "summarize@2"; got != want {
		t.Errorf("Get(summarize, 0): got %q, want %q", got, want)
	}
	if _, err := Get("summarize", -1); !errors.Is(err, ErrUnknown) {
		t.Errorf("Get(summarize, -1): got %v, want an ErrUnknown error", err)
	}
}

func TestPromptsAreCopies(t *testing.T) {
	p, err := Get("summarize", 1)
	if err != nil {
		t.Fatal(err)
	}
	p.System = "changed"
	p.Raw[0] = '!'
	*p.Temperature = 1.5
	again, err := Get("summarize", 1)
	if err != nil {
		t.Fatal(err)
	}
	if again.System == "changed" || again.Raw[0] == '!' || *again.Temperature != 0.2 {
		t.Error("changing a returned prompt changed the registry")
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "embedded",
			want: []string{"compare@1", "compare@2", "merge@1", "summarize@1", "summarize@2"},
		},
		{
			name: "overlay sorts by name then version number",
			files: map[string]string{
				"summarize/v10.tmpl": minimal,
				"summarize/v3.tmpl":  minimal,
				"aardvark/v2.tmpl":   minimal,
				"aardvark/v1.tmpl":   minimal,
				"zebra/v1.tmpl":      minimal,
			},
			want: []string{"aardvark@1", "aardvark@2", "compare@1", "compare@2", "merge@1", "summarize@1", "summarize@2", "summarize@3", "summarize@10", "zebra@1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := ""
			if tt.files != nil {
				dir = writeTree(t, tt.files)
			}
			r, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.List() {
				got = append(got, p.ID())
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("List: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadOverlay(t *testing.T) {
	override := strings.Replace(minimal, "description: test prompt", "description: local summarize@2", 1)
	added := strings.Replace(minimal, "description: test prompt", "description: local summarize@3", 1)
	dir := writeTree(t, map[string]string{
		"summarize/v2.tmpl":  override,
		"summarize/v3.tmpl":  added,
		"brief/v1.tmpl":      minimal,
		"summarize/notes.md": "ignored: not a template",
		".git/config":        "ignored: hidden",
		"README":             "ignored: not a template",
	})
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name            string
		ref             string
		wantID          string
		wantDescription string
		wantSource      string
		wantRaw         string // "" means: the embedded file
	}{
		{name: "latest is the added version", ref: "summarize", wantID: "summarize@3", wantDescription: "local summarize@3", wantSource: filepath.Join(dir, "summarize", "v3.tmpl"), wantRaw: added},
		{name: "overridden version", ref: "summarize@2", wantID: "summarize@2", wantDescription: "local summarize@2", wantSource: filepath.Join(dir, "summarize", "v2.tmpl"), wantRaw: override},
		{name: "untouched embedded version", ref: "summarize@1", wantID: "summarize@1", wantDescription: "Summarise one article given as plain text; no sentence evidence", wantSource: "embedded"},
		{name: "new name", ref: "brief", wantID: "brief@1", wantDescription: "test prompt", wantSource: filepath.Join(dir, "brief", "v1.tmpl"), wantRaw: minimal},
		{name: "other embedded names stay", ref: "compare", wantID: "compare@2", wantDescription: "Compare outlets' summaries into a cited synthesis and verify the rules' candidate claims", wantSource: "embedded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.Lookup(tt.ref)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.ID(); got != tt.wantID {
				t.Errorf("ID: got %q, want %q", got, tt.wantID)
			}
			if p.Description != tt.wantDescription {
				t.Errorf("Description: got %q, want %q", p.Description, tt.wantDescription)
			}
			if p.Source != tt.wantSource {
				t.Errorf("Source: got %q, want %q", p.Source, tt.wantSource)
			}
			if tt.wantRaw != "" && string(p.Raw) != tt.wantRaw {
				t.Errorf("Raw: got %q, want %q", p.Raw, tt.wantRaw)
			}
			if got, want := p.SHA256, sha256Hex(p.Raw); got != want {
				t.Errorf("SHA256: got %q, want %q", got, want)
			}
		})
	}

	// The overlay must not leak into the embedded registry.
	if p, err := Get("summarize", 0); err != nil || p.ID() != "summarize@2" || p.Source != "embedded" {
		t.Errorf("Embedded after Load: got %v, %v; want embedded summarize@2", p, err)
	}
}

func TestLoadEmptyDir(t *testing.T) {
	r, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if r != Embedded() {
		t.Error(`Load(""): got a new registry, want Embedded()`)
	}
}

func TestParseTemplate(t *testing.T) {
	p, err := parse("brief", 4, []byte(strings.ReplaceAll(minimal, "\n", "\r\n")), "brief/v4.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID() != "brief@4" || p.Description != "test prompt" || p.Schema != "summary" {
		t.Errorf("header: got %q %q %q", p.ID(), p.Description, p.Schema)
	}
	if p.Temperature == nil || *p.Temperature != 0.5 {
		t.Errorf("Temperature: got %v, want 0.5", p.Temperature)
	}
	if got, want := p.System, "Be brief."; got != want {
		t.Errorf("System: got %q, want %q", got, want)
	}
	if got, want := p.User, "<article>\n{{article}}\n</article>"; got != want {
		t.Errorf("User: got %q, want %q", got, want)
	}

	noTemp, err := parse("brief", 1, []byte(strings.Replace(minimal, "temperature: 0.5\n", "", 1)), "brief/v1.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if noTemp.Temperature != nil {
		t.Errorf("Temperature without a temperature line: got %v, want nil", *noTemp.Temperature)
	}
}

func TestLoadErrors(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(minimal, old) {
			panic("minimal has no " + old)
		}
		return strings.Replace(minimal, old, new, 1)
	}
	tests := []struct {
		name    string
		content string
		want    string // after "<dir>/summarize/v3.tmpl:"
	}{
		{name: "unknown key", content: replace("schema:", "shcema:"), want: `4: unknown header key "shcema": want description, temperature or schema`},
		{name: "no colon", content: replace("schema: summary", "schema summary"), want: `4: want "key: value" in the header, got "schema summary"`},
		{name: "duplicate key", content: replace("schema: summary", "schema: summary\nschema: synthesis"), want: "5: schema given twice (first on line 4)"},
		{name: "empty description", content: replace("description: test prompt", "description:"), want: "2: empty description"},
		{name: "temperature not a number", content: replace("0.5", "warm"), want: `3: temperature "warm": want a number from 0 to 2`},
		{name: "temperature too high", content: replace("0.5", "2.5"), want: `3: temperature "2.5": want a number from 0 to 2`},
		{name: "temperature negative", content: replace("0.5", "-0.1"), want: `3: temperature "-0.1"`},
		{name: "temperature NaN", content: replace("0.5", "NaN"), want: `3: temperature "NaN"`},
		{name: "unknown schema", content: replace("schema: summary", "schema: report"), want: `4: schema "report": want one of summary, synthesis`},
		{name: "missing schema", content: replace("schema: summary\n", ""), want: "5: the header has no schema line"},
		{name: "missing description", content: replace("description: test prompt\n", ""), want: "5: the header has no description line"},
		{name: "no system section", content: "description: x\nschema: summary\n", want: `2: no "--- system" line`},
		{name: "no user section", content: replace("--- user\n", ""), want: `10: no "--- user" line after "--- system" on line 6`},
		{name: "user before system", content: "description: x\nschema: summary\n--- user\nhi\n--- system\nhi\n", want: `3: unexpected "--- user"`},
		{name: "second system", content: replace("--- user", "--- system"), want: `8: unexpected "--- system"`},
		{name: "unknown section", content: replace("--- user", "--- assistant"), want: `8: unknown section "assistant"`},
		{name: "empty system", content: replace("Be brief.", "  "), want: "6: the system section is empty"},
		{name: "empty user", content: "description: x\nschema: summary\n--- system\nhi\n--- user\n\n\n", want: "5: the user section is empty"},
		{name: "unknown placeholder", content: replace("Be brief.", "Be brief.\n\nUse {{tone}}."), want: "9: unknown placeholder {{tone}}; summarize templates can use label, title, date, sentence_count, article, numbered_article, schema, part"},
		{name: "placeholder of another prompt", content: replace("Be brief.", "{{sources}}"), want: "7: unknown placeholder {{sources}}"},
		{name: "malformed placeholder", content: replace("Be brief.", "Be {{ brief }}."), want: `7: unknown placeholder {{brief}}`},
		{name: "placeholder with a dot", content: replace("Be brief.", "Be {{.}}."), want: `7: malformed placeholder "{{.}}"`},
		{name: "text/template syntax", content: replace("Be brief.", "{{ .Article }}"), want: `7: malformed placeholder "{{ .Article }}"`},
		{name: "unclosed placeholder", content: replace("Be brief.", "one\ntwo {{article"), want: "8: {{ without a closing }}"},
		{name: "unfenced article", content: replace("<article>\n{{article}}\n</article>", "{{article}}"), want: "9: {{article}} is untrusted text and must sit between fence lines, e.g. <article> and </article>"},
		{name: "article after its fence", content: replace("</article>", "</article>\n{{title}}"), want: "12: {{title}} is untrusted text"},
		{name: "unclosed fence", content: replace("</article>", ""), want: "9: fence <article> is never closed"},
		{name: "close without open", content: replace("Be brief.", "</data>"), want: "7: </data> closes a fence that was never opened"},
		{name: "mismatched close", content: replace("</article>", "</text>"), want: "11: </text> does not match the open fence <article>"},
		{name: "nested fences", content: replace("{{article}}", "<inner>\n{{article}}\n</inner>"), want: "10: fence <inner> opens inside <article>"},
		{name: "not UTF-8", content: "description: \xff\n", want: " not UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"summarize/v3.tmpl": tt.content})
			_, err := Load(dir)
			if err == nil {
				t.Fatalf("Load: no error, want %q", tt.want)
			}
			file := filepath.Join(dir, "summarize", "v3.tmpl")
			want := "load prompts from " + dir + ": " + file + ":" + tt.want
			if got := err.Error(); !strings.HasPrefix(got, want) {
				t.Errorf("Load error:\ngot  %q\nwant %q", got, want)
			}
		})
	}
}

func TestLoadLayoutErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "template at the top",
			files: map[string]string{"summarize-v3.tmpl": minimal},
			want:  []string{"summarize-v3.tmpl: a template belongs in a directory named for the prompt, as <name>/v<N>.tmpl"},
		},
		{
			name:  "bad file name",
			files: map[string]string{"summarize/3.tmpl": minimal},
			want:  []string{filepath.Join("summarize", "3.tmpl") + ": file name must be v<N>.tmpl"},
		},
		{
			name:  "leading zero",
			files: map[string]string{"summarize/v03.tmpl": minimal},
			want:  []string{filepath.Join("summarize", "v03.tmpl") + ": file name must be v<N>.tmpl"},
		},
		{
			name:  "version zero",
			files: map[string]string{"summarize/v0.tmpl": minimal},
			want:  []string{filepath.Join("summarize", "v0.tmpl") + ": file name must be v<N>.tmpl"},
		},
		{
			name:  "bad prompt name",
			files: map[string]string{"Summarize/v1.tmpl": minimal},
			want:  []string{filepath.Join("Summarize", "v1.tmpl") + `: prompt name "Summarize" must be lowercase`},
		},
		{
			name: "every bad file is reported",
			files: map[string]string{
				"summarize/v3.tmpl": "description: x\n",
				"merge/v2.tmpl":     strings.Replace(minimal, "0.5", "hot", 1),
				"compare/v2.tmpl":   minimal,
			},
			want: []string{
				filepath.Join("summarize", "v3.tmpl") + `:1: no "--- system" line`,
				filepath.Join("merge", "v2.tmpl") + `:3: temperature "hot"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			_, err := Load(dir)
			if err == nil {
				t.Fatalf("Load: no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), filepath.Join(dir, w)) {
					t.Errorf("Load error:\ngot  %q\nwant it to contain %q", err, filepath.Join(dir, w))
				}
			}
		})
	}

	t.Run("missing directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "nope")
		_, err := Load(dir)
		if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), dir) {
			t.Errorf("Load(%q): got %v, want a not-exist error naming the directory", dir, err)
		}
	})
	t.Run("file not directory", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"f.tmpl": minimal})
		file := filepath.Join(dir, "f.tmpl")
		_, err := Load(file)
		want := "load prompts: " + file + " is not a directory"
		if err == nil || err.Error() != want {
			t.Errorf("Load(file): got %v, want %q", err, want)
		}
	})
}

// TestEmbedded checks what every shipped prompt promises: low
// temperature, a known schema, untrusted-data and JSON-only instructions,
// and a rendering with every documented variable.
func TestEmbedded(t *testing.T) {
	for _, p := range Embedded().List() {
		t.Run(p.ID(), func(t *testing.T) {
			if p.Source != "embedded" {
				t.Errorf("Source: got %q, want %q", p.Source, "embedded")
			}
			if p.Temperature == nil || *p.Temperature != 0.2 {
				t.Errorf("Temperature: got %v, want 0.2", p.Temperature)
			}
			wantSchema := map[string]string{"summarize": "summary", "merge": "summary", "compare": "synthesis"}[p.Name]
			if p.ID() == "compare@2" {
				wantSchema = "verified-synthesis"
			}
			if p.Schema != wantSchema {
				t.Errorf("Schema: got %q, want %q", p.Schema, wantSchema)
			}
			for _, phrase := range []string{"untrusted data", "never", "instructions", "one JSON object", "nothing else"} {
				if !strings.Contains(p.System, phrase) {
					t.Errorf("system prompt does not say %q", phrase)
				}
			}
			vars := sampleVars()
			if _, _, err := p.Render(vars); err != nil {
				t.Fatalf("Render with every variable: %v", err)
			}
		})
	}
}
