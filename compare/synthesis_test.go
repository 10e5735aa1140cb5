package compare

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

// synthDir holds the hand-written per-outlet summaries of the summit set
// and the hand-written model reply for them.
var synthDir = filepath.Join("testdata", "synthesis")

func newSynthesizer(t *testing.T, srv *llmtest.Server) *Synthesizer {
	t.Helper()
	c, err := llm.New(llm.Config{BaseURL: srv.URL, Model: "mock-model"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := prompts.Get("compare", 1)
	if err != nil {
		t.Fatal(err)
	}
	return &Synthesizer{Client: c, Prompt: p}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// summitSummaries loads the hand-written summaries of arts, in order.
func summitSummaries(t *testing.T, arts []*article.Article) []*summarize.Summary {
	t.Helper()
	var sums []*summarize.Summary
	if err := json.Unmarshal(readFile(t, filepath.Join(synthDir, "summaries.json")), &sums); err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(arts) {
		t.Fatalf("got %d summaries, want %d", len(sums), len(arts))
	}
	for i, s := range sums {
		if s.Source.Label != arts[i].Label {
			t.Fatalf("summary %d: got label %q, want %q", i+1, s.Source.Label, arts[i].Label)
		}
		s.Source.SHA256 = arts[i].SHA256
		s.Source.Sentences = len(arts[i].Sentences)
	}
	return sums
}

// chatBody is the part of a chat-completions request the tests inspect.
type chatBody struct {
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat struct {
		Type       string `json:"type"`
		JSONSchema struct {
			Name   string          `json:"name"`
			Schema json.RawMessage `json:"schema"`
			Strict bool            `json:"strict"`
		} `json:"json_schema"`
	} `json:"response_format"`
}

func decodeBody(t *testing.T, req llmtest.Request) chatBody {
	t.Helper()
	var b chatBody
	if err := json.Unmarshal(req.Body, &b); err != nil {
		t.Fatalf("decode request body: %v", err)
	}
	return b
}

func encodeReport(t *testing.T, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSynthesizeSummit(t *testing.T) {
	arts := summit(t)
	r := mustCompare(t, arts)
	sums := summitSummaries(t, arts)
	rulesWarnings := len(r.Warnings)

	srv := llmtest.NewServer(t)
	srv.Add(llmtest.Reply{Prompt: "compare@1", Article: sourcesHash(r.Sources), Format: "json_schema", Content: string(readFile(t, filepath.Join(synthDir, "reply.json")))})
	s := newSynthesizer(t, srv)
	if err := s.Synthesize(t.Context(), r, arts, sums); err != nil {
		t.Fatal(err)
	}

	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests for %d sources, want 1", len(reqs), len(arts))
	}
	req := reqs[0]
	body := decodeBody(t, req)
	var contents strings.Builder
	for _, m := range body.Messages {
		contents.WriteString(m.Content + "\n")
	}
	sent := contents.String()

	t.Run("request", func(t *testing.T) {
		if req.Prompt != "compare@1" {
			t.Errorf("got prompt %q, want %q", req.Prompt, "compare@1")
		}
		if body.ResponseFormat.Type != "json_schema" || body.ResponseFormat.JSONSchema.Name != "synthesis" || !body.ResponseFormat.JSONSchema.Strict {
			t.Errorf("got response_format %q named %q (strict %v), want strict json_schema named %q",
				body.ResponseFormat.Type, body.ResponseFormat.JSONSchema.Name, body.ResponseFormat.JSONSchema.Strict, "synthesis")
		}
		var got, want bytes.Buffer
		if err := json.Compact(&got, body.ResponseFormat.JSONSchema.Schema); err != nil {
			t.Fatal(err)
		}
		if err := json.Compact(&want, SynthesisSchema()); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("got schema %s, want %s", got.String(), want.String())
		}
		if len(body.Messages) != 2 || !strings.Contains(body.Messages[0].Content, `"contradictions"`) {
			t.Errorf("got %d messages, want a system message carrying the schema and a user message", len(body.Messages))
		}
		for _, want := range []string{"<sources>", "<findings>", `"label":"regional"`, `"headline":"Putin and Kim sign defence treaty, alarming neighbours"`, `"strongest ever treaty"`, `"23 years"`} {
			if !strings.Contains(sent, want) {
				t.Errorf("request lacks %q", want)
			}
		}
	})

	t.Run("no full article text", func(t *testing.T) {
		var summaryText strings.Builder
		for _, s := range sums {
			b, _ := json.Marshal(s)
			summaryText.Write(b)
		}
		for _, a := range arts {
			for n, sent1 := range a.Sentences {
				if strings.Contains(summaryText.String(), sent1) {
					continue
				}
				esc, _ := json.Marshal(sent1)
				if strings.Contains(sent, sent1) || strings.Contains(sent, strings.Trim(string(esc), `"`)) {
					t.Errorf("%s sentence %d is in the request: %q", a.Label, n+1, sent1)
				}
			}
		}
	})

	t.Run("merged by llm", func(t *testing.T) {
		count := func(bys ...string) int {
			n := 0
			for _, by := range bys {
				if by == LLMEngine {
					n++
				}
			}
			return n
		}
		var shared, discs, terms []string
		for _, x := range r.Shared {
			shared = append(shared, x.By)
		}
		for _, x := range r.Discrepancies {
			discs = append(discs, x.By)
		}
		for _, x := range r.Terms {
			terms = append(terms, x.By)
		}
		tests := []struct {
			name      string
			got, want int
		}{
			{"shared", count(shared...), 2},
			{"discrepancies", count(discs...), 2},
			{"terms", count(terms...), 2},
		}
		for _, l := range []string{"regional", "rustate", "kcna"} {
			var bys []string
			for _, x := range r.Unique[l] {
				bys = append(bys, x.By)
			}
			tests = append(tests, struct {
				name      string
				got, want int
			}{"unique " + l, count(bys...), 1})
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if tt.got != tt.want {
					t.Errorf("got %d llm findings, want %d", tt.got, tt.want)
				}
			})
		}
		last := r.Shared[len(r.Shared)-1]
		if !slices.Equal(last.Sources, []string{"wire", "rustate"}) || !slices.Equal(last.Evidence["rustate"], []int{17}) {
			t.Errorf("got last shared %+v, want the Vietnam fact from wire and rustate", last)
		}
		d := r.Discrepancies[len(r.Discrepancies)-1]
		if d.Kind != "claim" || len(d.Values) != 3 || d.Values[2].Source != "regional" || d.Values[2].Text != "Tuesday" || d.Values[2].Sentence != 1 {
			t.Errorf("got last discrepancy %+v, want the weekday claims ending with regional's Tuesday", d)
		}
		if len(r.Warnings) != rulesWarnings {
			t.Errorf("got warnings %q, want none added", r.Warnings[rulesWarnings:])
		}
		p := r.Provenance.LLM
		if p == nil {
			t.Fatal("got no llm provenance")
		}
		if p.Prompt != "compare@1" || p.PromptSHA256 != s.Prompt.SHA256 || p.Model != "mock-model" || p.Usage.PromptTokens == 0 || p.Usage.CompletionTokens == 0 {
			t.Errorf("got llm provenance %+v, want compare@1, its sha256, mock-model and usage", p)
		}
		if r.Provenance.Engine != Engine {
			t.Errorf("got engine %q, want %q", r.Provenance.Engine, Engine)
		}
	})

	// The mock endpoint listens on a random port.
	r.Provenance.LLM.Endpoint = "127.0.0.1:PORT"
	checkFormats(t, "golden ", "synthesis/summit", r)
}

// pair is a small two-source comparison: "a" has 3 sentences, "b" has 2.
func pair(t *testing.T) (*Report, []*article.Article, []*summarize.Summary) {
	t.Helper()
	arts := []*article.Article{
		fromText(t, "a", "Leaders meet", "Putin met Kim in Pyongyang on Wednesday. They signed a treaty. Crowds cheered."),
		fromText(t, "b", "Summit held", "Putin met Kim in Pyongyang on Tuesday. Markets were calm."),
	}
	r := mustCompare(t, arts)
	sums := []*summarize.Summary{
		{Source: summarize.Source{Label: "a"}, Headline: "Leaders meet", Summary: "They met and signed a treaty.", KeyPoints: []summarize.KeyPoint{{Text: "They met.", Evidence: []int{1}}}},
		{Source: summarize.Source{Label: "b"}, Headline: "Summit held", Summary: "They met.", KeyPoints: []summarize.KeyPoint{{Text: "They met.", Evidence: []int{1, 9}}}},
	}
	return r, arts, sums
}

const emptyReply = `{"shared":[],"unique":[],"contradictions":[],"framing":[]}`

func TestSynthesizeCitations(t *testing.T) {
	tests := []struct {
		name  string
		reply string
		// warnings are substrings of the warnings Synthesize must add, in
		// order; no other warning may be added.
		warnings []string
		check    func(t *testing.T, r *Report)
	}{
		{
			name:  "valid citations",
			reply: `{"shared":[{"text":"Putin met Kim.","citations":[{"source":"a","sentences":[1]},{"source":"b","sentences":[1]}]}],"unique":[{"source":"a","text":"A treaty was signed.","sentences":[2,2]}],"contradictions":[],"framing":[{"topic":"tone","by_source":[{"source":"a","wording":"festive","sentences":[]}]}]}`,
			check: func(t *testing.T, r *Report) {
				sh := r.Shared[len(r.Shared)-1]
				if sh.By != "llm" || !slices.Equal(sh.Sources, []string{"a", "b"}) {
					t.Errorf("got shared %+v, want an llm fact from a and b", sh)
				}
				u := r.Unique["a"][len(r.Unique["a"])-1]
				if u.By != "llm" || u.Sentence != 2 || !slices.Equal(u.Evidence, []int{2}) {
					t.Errorf("got unique %+v, want llm sentence 2 once", u)
				}
				tm := r.Terms[len(r.Terms)-1]
				if tm.By != "llm" || tm.BySource["a"] != "festive" || tm.Evidence != nil {
					t.Errorf("got term %+v, want a's label-only framing kept", tm)
				}
			},
		},
		{
			name:     "sentence out of range",
			reply:    `{"shared":[{"text":"Putin met Kim.","citations":[{"source":"a","sentences":[1,42]},{"source":"b","sentences":[1]}]}],"unique":[],"contradictions":[],"framing":[]}`,
			warnings: []string{"dropped citation a:42 (a has 3 sentences) from shared fact 1"},
			check: func(t *testing.T, r *Report) {
				sh := r.Shared[len(r.Shared)-1]
				if sh.By != "llm" || !slices.Equal(sh.Evidence["a"], []int{1}) {
					t.Errorf("got shared %+v, want the fact kept with a's sentence 1", sh)
				}
			},
		},
		{
			name:     "unknown label",
			reply:    `{"shared":[],"unique":[{"source":"zz","text":"Something.","sentences":[1]}],"contradictions":[],"framing":[]}`,
			warnings: []string{`dropped citation zz:1 (no source is labelled "zz") from unique fact 1`, `dropped unique fact 1 "Something.": no valid citation`},
			check: func(t *testing.T, r *Report) {
				if _, ok := r.Unique["zz"]; ok {
					t.Errorf("got unique findings for an unknown label: %+v", r.Unique["zz"])
				}
			},
		},
		{
			name:     "shared left with one source",
			reply:    `{"shared":[{"text":"They cheered.","citations":[{"source":"a","sentences":[3]},{"source":"b","sentences":[7,9]}]}],"unique":[],"contradictions":[],"framing":[]}`,
			warnings: []string{"dropped citation b:7 (b has 2 sentences)", "dropped citation b:9 (b has 2 sentences)", `dropped shared fact 1 "They cheered.": fewer than two sources`},
			check: func(t *testing.T, r *Report) {
				for _, sh := range r.Shared {
					if sh.By == "llm" {
						t.Errorf("got llm shared fact %+v, want it dropped", sh)
					}
				}
			},
		},
		{
			name:     "contradiction with one side left",
			reply:    `{"shared":[],"unique":[],"contradictions":[{"topic":"weekday","claims":[{"source":"a","text":"Wednesday","sentences":[1]},{"source":"c","text":"Tuesday","sentences":[1]}]}],"framing":[]}`,
			warnings: []string{`dropped citation c:1 (no source is labelled "c") from contradiction 1`, `dropped contradiction 1 "weekday": fewer than two claims`},
			check: func(t *testing.T, r *Report) {
				for _, d := range r.Discrepancies {
					if d.By == "llm" {
						t.Errorf("got llm discrepancy %+v, want it dropped", d)
					}
				}
			},
		},
		{
			name:     "framing with no valid citation",
			reply:    `{"shared":[],"unique":[],"contradictions":[],"framing":[{"topic":"tone","by_source":[{"source":"b","wording":"calm","sentences":[0]}]}]}`,
			warnings: []string{"dropped citation b:0 (b has 2 sentences) from framing difference 1", `dropped framing difference 1 "tone": no valid citation`},
			check: func(t *testing.T, r *Report) {
				for _, tm := range r.Terms {
					if tm.By == "llm" {
						t.Errorf("got llm term %+v, want it dropped", tm)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, arts, sums := pair(t)
			before := len(r.Warnings)
			srv := llmtest.NewServer(t)
			srv.Add(llmtest.Reply{Prompt: "compare@1", Content: tt.reply})
			if err := newSynthesizer(t, srv).Synthesize(t.Context(), r, arts, sums); err != nil {
				t.Fatal(err)
			}
			added := r.Warnings[before:]
			if len(added) != len(tt.warnings) {
				t.Fatalf("got warnings %q, want %d like %q", added, len(tt.warnings), tt.warnings)
			}
			for i, w := range tt.warnings {
				if !strings.Contains(added[i], w) {
					t.Errorf("warning %d: got %q, want it to contain %q", i+1, added[i], w)
				}
			}
			tt.check(t, r)
		})
	}
}

func TestSynthesizeRepair(t *testing.T) {
	tests := []struct {
		name    string
		replies []string
		// wantErr, if set, is a substring of the error; the report must
		// then be unchanged.
		wantErr     string
		wantProblem string // named in the repair request
		wantWarning string
	}{
		{
			name:    "fenced reply needs no repair",
			replies: []string{"Here it is:\n```json\n" + emptyReply + "\n```"},
		},
		{
			name:        "prose then valid",
			replies:     []string{"Sorry, I cannot compare these.", emptyReply},
			wantProblem: "no JSON object found",
			wantWarning: "a repair request fixed it",
		},
		{
			name:        "schema violation then valid",
			replies:     []string{`{"shared":[],"unique":[],"contradictions":null}`, emptyReply},
			wantProblem: `$: missing required field "framing"`,
			wantWarning: "a repair request fixed it",
		},
		{
			name:        "invalid twice",
			replies:     []string{`{"shared":`, `{"shared":[],"unique":[],"contradictions":[],"framing":[],"extra":1}`},
			wantProblem: "no JSON object found",
			wantErr:     `not a valid synthesis ($: unexpected field "extra")`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, arts, sums := pair(t)
			before := encodeReport(t, r)
			srv := llmtest.NewServer(t)
			for _, c := range tt.replies {
				srv.Add(llmtest.Reply{Prompt: "compare@1", Times: 1, Content: c})
			}
			err := newSynthesizer(t, srv).Synthesize(t.Context(), r, arts, sums)
			reqs := srv.Requests()
			if len(reqs) != len(tt.replies) {
				t.Fatalf("got %d requests, want %d", len(reqs), len(tt.replies))
			}
			if len(reqs) == 2 {
				if got := reqs[1].Header.Get("Newslens-Repair"); got != "1" {
					t.Errorf("got Newslens-Repair %q, want %q", got, "1")
				}
				if reqs[1].Prompt != "compare@1" || reqs[1].Article != reqs[0].Article {
					t.Errorf("got repair tags %q %q, want those of the first request", reqs[1].Prompt, reqs[1].Article)
				}
				msgs := decodeBody(t, reqs[1]).Messages
				if len(msgs) != 4 || msgs[2].Role != "assistant" || msgs[2].Content != tt.replies[0] {
					t.Fatalf("got %d repair messages, want the first reply echoed as the assistant", len(msgs))
				}
				if !strings.Contains(msgs[3].Content, tt.wantProblem) {
					t.Errorf("got repair message %q, want it to name %q", msgs[3].Content, tt.wantProblem)
				}
			}
			if tt.wantErr != "" {
				var re *ReplyError
				if err == nil || !errors.As(err, &re) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want a *ReplyError containing %q", err, tt.wantErr)
				}
				if after := encodeReport(t, r); !bytes.Equal(after, before) {
					t.Errorf("got the report changed by a failed synthesis")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Provenance.LLM == nil {
				t.Fatal("got no llm provenance")
			}
			found := tt.wantWarning == ""
			for _, w := range r.Warnings {
				if tt.wantWarning != "" && strings.Contains(w, tt.wantWarning) {
					found = true
				}
			}
			if !found {
				t.Errorf("got warnings %q, want one containing %q", r.Warnings, tt.wantWarning)
			}
		})
	}
}

func TestSynthesizeErrors(t *testing.T) {
	summary, err := prompts.Get("summarize", 2)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary)
		want  string
	}{
		{"summary prompt", func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary) {
			s.Prompt = summary
			return arts, sums
		}, `prompt summarize@2 writes the "summary" schema, want "synthesis"`},
		{"no prompt", func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary) {
			s.Prompt = nil
			return arts, sums
		}, "no compare prompt"},
		{"summary missing", func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary) {
			return arts, sums[:1]
		}, "got 2 articles and 1 summaries for 2 sources"},
		{"articles swapped", func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary) {
			return []*article.Article{arts[1], arts[0]}, sums
		}, "source a: article 1 is not the one compared"},
		{"summary of another article", func(s *Synthesizer, arts []*article.Article, sums []*summarize.Summary) ([]*article.Article, []*summarize.Summary) {
			sums[1].Source.SHA256 = arts[0].SHA256
			return arts, sums
		}, "source b: summary 2 is of another article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, arts, sums := pair(t)
			srv := llmtest.NewServer(t) // fails the test on any request
			s := newSynthesizer(t, srv)
			arts, sums = tt.setup(s, arts, sums)
			err := s.Synthesize(t.Context(), r, arts, sums)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
