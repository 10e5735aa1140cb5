package structured

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/llm"
)

// script is a Completer that answers each request with the next of its
// replies and records what it was sent.
type script struct {
	replies []*llm.Response
	errs    []error
	sent    []llm.Request
}

func (s *script) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	i := len(s.sent)
	s.sent = append(s.sent, req)
	if i < len(s.errs) && s.errs[i] != nil {
		return nil, s.errs[i]
	}
	if i >= len(s.replies) {
		return nil, errors.New("unexpected request")
	}
	return s.replies[i], nil
}

type out struct {
	Headline string `json:"headline"`
	N        int    `json:"n"`
}

// check wants a headline; n above 9 is a flaw that leaves the value usable.
func check(reply string) (*out, []string) {
	v, problems := Decode[out](reply, func(v any) []string {
		if m, ok := v.(map[string]any); !ok || m["headline"] == nil {
			return []string{"$.headline: missing required field"}
		}
		return nil
	})
	if v == nil {
		return nil, problems
	}
	if v.N > 9 {
		return v, []string{"$.n: too large"}
	}
	return v, nil
}

func spec(t *testing.T) Spec[out] {
	t.Helper()
	return Spec[out]{
		Request: llm.Request{
			Messages: []llm.Message{{Role: "system", Content: "sys"}, {Role: "user", Content: "usr"}},
			Tags:     map[string]string{"Prompt": "summarize@2", "Article": "abc"},
		},
		Check: check,
		What:  "summary",
		Noun:  "reply",
		Label: "seed",
		Raw:   &RawStore{Dir: t.TempDir()},
	}
}

func reply(content, model string, cached bool) *llm.Response {
	return &llm.Response{Content: content, Model: model, PromptTokens: 100, CompletionTokens: 10, Cached: cached}
}

func TestComplete(t *testing.T) {
	tests := []struct {
		name         string
		replies      []*llm.Response
		wantHeadline string
		wantN        int
		wantRequests int
		wantWarning  string
		wantModel    string
		wantCached   bool
		wantErr      string
	}{
		{
			name:         "valid first reply",
			replies:      []*llm.Response{reply(`{"headline":"a","n":1}`, "m1", true)},
			wantHeadline: "a", wantN: 1, wantRequests: 1, wantModel: "m1", wantCached: true,
		},
		{
			name:         "repaired",
			replies:      []*llm.Response{reply(`{"n":1}`, "m1", true), reply("```json\n{\"headline\":\"b\",\"n\":2}\n```", "m2", false)},
			wantHeadline: "b", wantN: 2, wantRequests: 2, wantModel: "m2",
			wantWarning: "the first reply was not valid ($.headline: missing required field); a repair request fixed it",
		},
		{
			name:         "flawed first stands when the repair is unusable",
			replies:      []*llm.Response{reply(`{"headline":"a","n":12}`, "m1", false), reply("prose", "m2", false)},
			wantHeadline: "a", wantN: 12, wantRequests: 2, wantModel: "m1",
		},
		{
			name:         "flawed repair is used without a warning",
			replies:      []*llm.Response{reply(`{"n":1}`, "m1", false), reply(`{"headline":"c","n":11}`, "", false)},
			wantHeadline: "c", wantN: 11, wantRequests: 2, wantModel: "m1",
		},
		{
			name:         "unusable twice",
			replies:      []*llm.Response{reply("prose", "m1", false), reply(`{"n":1}`, "m1", false)},
			wantRequests: 2,
			wantErr:      "seed: the model's reply is not a valid summary ($.headline: missing required field); raw reply saved to ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &script{replies: tt.replies}
			s := spec(t)
			res, err := Complete(t.Context(), c, s)
			if len(c.sent) != tt.wantRequests {
				t.Fatalf("got %d requests, want %d", len(c.sent), tt.wantRequests)
			}
			for i, req := range c.sent {
				if req.Accept == nil {
					t.Errorf("request %d: no Accept function for the cache", i+1)
				}
			}
			if tt.wantErr != "" {
				var re *ReplyError
				if !errors.As(err, &re) || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want a *ReplyError starting %q", err, tt.wantErr)
				}
				b, rerr := os.ReadFile(re.RawPath)
				if rerr != nil || string(b) != `{"n":1}` {
					t.Errorf("raw reply file: got %q, %v; want the last reply", b, rerr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Value.Headline != tt.wantHeadline || res.Value.N != tt.wantN {
				t.Errorf("got value %+v, want headline %q n %d", *res.Value, tt.wantHeadline, tt.wantN)
			}
			if res.Model != tt.wantModel || res.Cached != tt.wantCached {
				t.Errorf("got model %q cached %v, want %q %v", res.Model, res.Cached, tt.wantModel, tt.wantCached)
			}
			if want := 100 * tt.wantRequests; res.Usage.PromptTokens != want || res.Usage.CompletionTokens != want/10 {
				t.Errorf("got usage %+v, want %d prompt tokens and %d completion tokens", res.Usage, want, want/10)
			}
			var warns []string
			if tt.wantWarning != "" {
				warns = []string{tt.wantWarning}
			}
			if !slices.Equal(res.Warnings, warns) {
				t.Errorf("got warnings %q, want %q", res.Warnings, warns)
			}
		})
	}
}

func TestRepairRequest(t *testing.T) {
	c := &script{replies: []*llm.Response{reply("no json here", "m", false), reply(`{"headline":"a"}`, "m", false)}}
	s := spec(t)
	if _, err := Complete(t.Context(), c, s); err != nil {
		t.Fatal(err)
	}
	r := c.sent[1]
	if got := r.Tags; got["Repair"] != "1" || got["Prompt"] != "summarize@2" || got["Article"] != "abc" {
		t.Errorf("repair tags: got %v, want Repair 1 with the first request's tags", got)
	}
	if s.Request.Tags["Repair"] != "" {
		t.Errorf("the first request's tags were changed: %v", s.Request.Tags)
	}
	if len(r.Messages) != 4 || r.Messages[2].Role != "assistant" || r.Messages[2].Content != "no json here" {
		t.Fatalf("repair messages: got %+v, want the first two, the reply, and the repair turn", r.Messages)
	}
	if want := RepairMessage([]string{`no JSON object found in the reply (it begins "no json here")`}); r.Messages[3].Content != want {
		t.Errorf("repair turn: got %q, want %q", r.Messages[3].Content, want)
	}
}

// TestFinish checks the path a reply obtained elsewhere (a batch result
// file) takes: no first request, a repair only if needed.
func TestFinish(t *testing.T) {
	c := &script{replies: []*llm.Response{reply(`{"headline":"fixed"}`, "m", false)}}
	res, err := Finish(t.Context(), c, spec(t), reply(`{"headline":"ok"}`, "m", false))
	if err != nil || res.Value.Headline != "ok" || len(c.sent) != 0 {
		t.Fatalf("valid reply: got %+v, %v with %d requests; want it used with none", res, err, len(c.sent))
	}
	res, err = Finish(t.Context(), c, spec(t), reply(`{}`, "m", false))
	if err != nil || res.Value.Headline != "fixed" || len(c.sent) != 1 {
		t.Fatalf("invalid reply: got %+v, %v with %d requests; want one repair", res, err, len(c.sent))
	}
}

func TestErrorsWrapped(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		c    *script
		want string
	}{
		{"first request", &script{errs: []error{boom}}, "seed: boom"},
		{"repair request", &script{replies: []*llm.Response{reply("x", "m", false)}, errs: []error{nil, boom}}, "seed: repair request: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Complete(t.Context(), tt.c, spec(t))
			if err == nil || err.Error() != tt.want || !errors.Is(err, boom) {
				t.Errorf("got %v, want %q wrapping the cause", err, tt.want)
			}
		})
	}
}

func TestAcceptMatchesCheck(t *testing.T) {
	a := accept(Check[out](check))
	tests := []struct {
		name, content string
		want          bool
	}{
		{"valid", `{"headline":"a"}`, true},
		{"flawed but usable", `{"headline":"a","n":10}`, true},
		{"unusable", "prose", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a(&llm.Response{Content: tt.content}); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRawStore(t *testing.T) {
	dir := t.TempDir()
	s := &RawStore{Dir: dir}
	path, err := s.Save(map[string]string{"Article": "abc", "Prompt": "summarize@2"}, "reply")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir {
		t.Errorf("got %s, want a file in %s", path, dir)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %v, %v; want mode 0600", fi.Mode(), err)
	}
}

func TestRawStoreNeverReusesAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "replies")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &RawStore{Dir: dir}
	tags := map[string]string{"Article": "abc", "Prompt": "summarize@2"}
	first, err := s.Save(tags, "one")
	if err != nil {
		t.Fatal(err)
	}
	// Plant a link where the next name would be.
	if err := os.Symlink(victim, strings.TrimSuffix(first, ".txt")+"-2.txt"); err != nil {
		t.Fatal(err)
	}
	third, err := s.Save(tags, "three")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(first, ".txt") + "-3.txt"; third != want {
		t.Errorf("got %s, want %s", third, want)
	}
	for path, want := range map[string]string{first: "one", third: "three", victim: "keep"} {
		if b, err := os.ReadFile(path); err != nil || string(b) != want {
			t.Errorf("%s: got %q, %v; want %q", path, b, err, want)
		}
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("directory mode: got %v, %v; want 0700", fi.Mode().Perm(), err)
	}
}

func TestRawStoreRefusesALinkedDir(t *testing.T) {
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "replies")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if path, err := (&RawStore{Dir: link}).Save(nil, "x"); err == nil {
		t.Errorf("got %s, want an error for a directory that is a link", path)
	}
}
