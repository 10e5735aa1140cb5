package summarize

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/schema"
	"github.com/newslens/newslens/prompts"
)

// Completer is what the LLM engine needs from an endpoint client;
// *llm.Client provides it.
type Completer interface {
	Complete(ctx context.Context, req llm.Request) (*llm.Response, error)
	Endpoint() string
	Model() string
}

// LLM summarises through an OpenAI-compatible endpoint.
type LLM struct {
	Client Completer
	// Prompt is the summarize prompt version to use.
	Prompt *prompts.Prompt
	// Temperature overrides the prompt's own when non-nil.
	Temperature *float32
	// MaxTokens caps the reply; 0 leaves it to the endpoint.
	MaxTokens int
	// RawDir is where a reply that could not be used is saved for
	// inspection; "" means the system temporary directory.
	RawDir string
	// ContextTokens is the model's context window in tokens; 0 means no
	// limit is enforced. Articles whose prompt would not fit, with room
	// for the reply, are summarised in parts and merged with Merge.
	ContextTokens int
	// Tokens counts the tokens of a text for the model; required when
	// ContextTokens is set.
	Tokens func(text string) int
	// Merge is the prompt that merges partial summaries of a long article.
	Merge *prompts.Prompt
}

// modelOutput is the part of a Summary the model writes. Its schema is
// sent as the structured-output contract, so the desc tags are worded as
// instructions to the model.
type modelOutput struct {
	Headline  string        `json:"headline" desc:"A neutral headline of at most 15 words."`
	Summary   string        `json:"summary" desc:"Two to four neutral sentences saying what happened."`
	KeyPoints []modelPoint  `json:"key_points" desc:"The main points, most important first."`
	Entities  []Entity      `json:"entities" desc:"People, organisations and places named in the article."`
	Quotes    []modelQuote  `json:"quotes" desc:"Direct quotations, copied character for character."`
	Figures   []modelFigure `json:"figures" desc:"Numbers, dates, weekdays and durations, exactly as written."`
}

type modelPoint struct {
	Text     string `json:"text" desc:"One point, one sentence."`
	Evidence []int  `json:"evidence" desc:"Numbers of the article sentences that support the point."`
}

type modelQuote struct {
	Speaker  string `json:"speaker" desc:"Who said it, as named in the article."`
	Text     string `json:"text" desc:"The quoted words exactly as in the article, without quote marks."`
	Sentence int    `json:"sentence" desc:"Number of the sentence holding the quote, or 0 if not known."`
}

type modelFigure struct {
	Value    string `json:"value" desc:"The figure exactly as written, e.g. 24 years."`
	Context  string `json:"context" desc:"What the figure counts or refers to."`
	Sentence int    `json:"sentence" desc:"Number of the sentence holding the figure, or 0 if not known."`
}

// The entity type is constrained for the model; Entity itself stays a
// plain string so other engines and future types round-trip.
type modelEntity struct {
	Name string `json:"name"`
	Type string `json:"type" enum:"person,organisation,place,other"`
}

// summarySchema is built on first use, not at start-up: runs that never
// talk to a model (the offline engine, diff) do not pay for it.
var summarySchema = sync.OnceValue(func() *schema.Schema {
	s := schema.MustFor(modelOutput{})
	s.Properties["entities"].Items = schema.MustFor(modelEntity{})
	return s
})

// SummarySchema returns the JSON Schema the model's reply must match.
func SummarySchema() json.RawMessage { return summarySchemaJSON() }

// summarySchemaJSON is marshalled once: every request and prompt carries it.
var summarySchemaJSON = sync.OnceValue(func() json.RawMessage { return summarySchema().JSON() })

// ReplyError reports a model reply that could not be used even after one
// repair request. RawPath names the file the last reply was saved to.
type ReplyError struct {
	Label    string
	Problems []string
	RawPath  string
}

func (e *ReplyError) Error() string {
	msg := fmt.Sprintf("%s: the model's reply is not a valid summary (%s)", e.Label, JoinProblems(e.Problems, 3))
	if e.RawPath != "" {
		msg += "; raw reply saved to " + e.RawPath
	}
	return msg
}

// JoinProblems joins the first n problems with "; " and counts the rest:
// "a; b; and 3 more". Errors and warnings about a model's reply use it.
func JoinProblems(p []string, n int) string {
	if len(p) <= n {
		return strings.Join(p, "; ")
	}
	return strings.Join(p[:n], "; ") + fmt.Sprintf("; and %d more", len(p)-n)
}

// Summarize implements Engine. An article too long for the context
// budget is summarised in parts, sentence numbers kept global, and the
// partial summaries merged with the Merge prompt; a warning says so.
func (e *LLM) Summarize(ctx context.Context, a *article.Article) (*Summary, error) {
	start := time.Now()
	parts, err := e.plan(a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Label, err)
	}
	var (
		out      *modelOutput
		res      *result
		usage    Usage
		warnings []string
		cached   = true
	)
	add := func(r *result) {
		usage.PromptTokens += r.usage.PromptTokens
		usage.CompletionTokens += r.usage.CompletionTokens
		warnings = appendNew(warnings, r.warnings...)
		cached = cached && r.cached
		res = r
	}
	if len(parts) == 1 {
		r, err := e.complete(ctx, a, e.Prompt, promptVars(a, parts[0], len(parts)), map[string]string{})
		if err != nil {
			return nil, err
		}
		add(r)
		out = r.out
	} else {
		var partials []*modelOutput
		for i, p := range parts {
			r, err := e.complete(ctx, a, e.Prompt, promptVars(a, p, len(parts)), map[string]string{"Part": fmt.Sprintf("%d/%d", i+1, len(parts))})
			if err != nil {
				return nil, fmt.Errorf("part %d of %d: %w", i+1, len(parts), err)
			}
			add(r)
			partials = append(partials, r.out)
		}
		r, err := e.complete(ctx, a, e.Merge, mergeVars(a, partials), map[string]string{})
		if err != nil {
			return nil, fmt.Errorf("merge: %w", err)
		}
		add(r)
		out = r.out
		warnings = append(warnings, fmt.Sprintf("the article does not fit the context budget of %d tokens; it was summarised in %d parts (sentences %s) and merged with %s", e.ContextTokens, len(parts), partRanges(parts), e.Merge.ID()))
	}
	s := fromModel(out)
	s.Source = sourceOf(a)
	s.Provenance = Provenance{
		Engine:       "llm",
		Model:        firstNonEmpty(res.model, e.Client.Model()),
		Endpoint:     e.Client.Endpoint(),
		Prompt:       e.Prompt.ID(),
		PromptSHA256: e.Prompt.SHA256,
		Usage:        &usage,
		Cached:       cached,
	}
	s.Warnings = append(append([]string{}, warnings...), s.Warnings...)
	stamp(&s.Provenance, start)
	return s, nil
}

// result is one validated model reply.
type result struct {
	out      *modelOutput
	usage    Usage
	warnings []string
	model    string
	cached   bool
}

// complete sends one prompt and returns its validated reply, after at
// most one repair request.
func (e *LLM) complete(ctx context.Context, a *article.Article, p *prompts.Prompt, vars map[string]string, tags map[string]string) (*result, error) {
	system, user, err := p.Render(vars)
	if err != nil {
		return nil, fmt.Errorf("render prompt %s: %w", p.ID(), err)
	}
	tags["Prompt"] = p.ID()
	tags["Article"] = a.SHA256
	req := llm.Request{
		Messages: []llm.Message{
			{Role: "system", Content: system},
			{Role: "user", Content: user},
		},
		Temperature: e.temperature(p),
		MaxTokens:   e.MaxTokens,
		Schema:      &llm.Schema{Name: "summary", JSON: SummarySchema()},
		Tags:        tags,
	}
	resp, err := e.Client.Complete(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Label, err)
	}
	r := &result{
		usage:    Usage{PromptTokens: resp.PromptTokens, CompletionTokens: resp.CompletionTokens},
		warnings: resp.Warnings,
		model:    resp.Model,
		cached:   resp.Cached,
	}
	out, bad, ranges := parseReply(resp.Content, len(a.Sentences))
	if len(bad)+len(ranges) > 0 {
		first := append(bad, ranges...)
		repair := req
		repair.Messages = append(append([]llm.Message(nil), req.Messages...),
			llm.Message{Role: "assistant", Content: resp.Content},
			llm.Message{Role: "user", Content: RepairMessage(first)},
		)
		repair.Tags = map[string]string{"Repair": "1"}
		for k, v := range tags {
			repair.Tags[k] = v
		}
		resp2, err := e.Client.Complete(ctx, repair)
		if err != nil {
			return nil, fmt.Errorf("%s: repair request: %w", a.Label, err)
		}
		r.usage.PromptTokens += resp2.PromptTokens
		r.usage.CompletionTokens += resp2.CompletionTokens
		r.cached = r.cached && resp2.Cached
		out2, bad2, ranges2 := parseReply(resp2.Content, len(a.Sentences))
		switch {
		case len(bad2) == 0:
			out = out2
			r.model = resp2.Model
			if len(ranges2) == 0 {
				r.warnings = append(r.warnings, fmt.Sprintf("the first reply was not valid (%s); a repair request fixed it", JoinProblems(first, 2)))
			}
		case out == nil:
			path, _ := e.saveRaw(a, p, resp2.Content)
			return nil, &ReplyError{Label: a.Label, Problems: bad2, RawPath: path}
		}
		// Otherwise the first reply stands, sentence numbers and all: the
		// grounding checks flag what is out of range.
	}
	r.out = out
	return r, nil
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		seen := false
		for _, l := range list {
			if l == it {
				seen = true
				break
			}
		}
		if !seen {
			list = append(list, it)
		}
	}
	return list
}

func (e *LLM) temperature(p *prompts.Prompt) *float32 {
	if e.Temperature != nil {
		return e.Temperature
	}
	if p.Temperature != nil {
		t := float32(*p.Temperature)
		return &t
	}
	return nil
}

// RepairMessage is the user turn of a repair request: the problems found
// in the model's reply, at most 20 of them, and a request for corrected
// JSON. The synthesis step of package compare sends the same turn.
func RepairMessage(problems []string) string {
	var b strings.Builder
	b.WriteString("Your reply could not be used:\n")
	for i, p := range problems {
		if i == 20 {
			fmt.Fprintf(&b, "- and %d more\n", len(problems)-i)
			break
		}
		b.WriteString("- " + p + "\n")
	}
	b.WriteString("Reply again with only the corrected JSON object, matching the schema exactly.")
	return b.String()
}

// saveRaw keeps an unusable reply for inspection, readable by the owner
// only since it may echo article text.
func (e *LLM) saveRaw(a *article.Article, p *prompts.Prompt, content string) (string, error) {
	dir := e.RawDir
	if dir == "" {
		dir = os.TempDir()
	}
	name := "newslens-reply-" + shortHash(a.SHA256+"\x00"+p.ID()) + ".txt"
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return "", err
	}
	return path, nil
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// promptVars are the values a summarize prompt may use for one part of
// an article (the whole article when there is one part). Values are data:
// the prompts package inserts them literally.
func promptVars(a *article.Article, p span, parts int) map[string]string {
	var numbered strings.Builder
	for i := p.from; i <= p.to; i++ {
		fmt.Fprintf(&numbered, "[%d] %s\n", i, a.Sentences[i-1])
	}
	part := ""
	text := a.Text
	if parts > 1 {
		part = fmt.Sprintf("part %d of %d, sentences %d-%d", p.index, parts, p.from, p.to)
		text = strings.Join(a.Sentences[p.from-1:p.to], " ")
	}
	return map[string]string{
		"label":            a.Label,
		"title":            a.Title,
		"date":             a.Date,
		"sentence_count":   strconv.Itoa(len(a.Sentences)),
		"article":          text,
		"numbered_article": strings.TrimSuffix(numbered.String(), "\n"),
		"schema":           string(SummarySchema()),
		"part":             part,
	}
}

func mergeVars(a *article.Article, partials []*modelOutput) map[string]string {
	b, err := json.MarshalIndent(partials, "", "  ")
	if err != nil {
		panic(err) // plain structs of strings and ints
	}
	return map[string]string{
		"label":          a.Label,
		"title":          a.Title,
		"sentence_count": strconv.Itoa(len(a.Sentences)),
		"partials":       string(b),
		"schema":         string(SummarySchema()),
	}
}

func fromModel(m *modelOutput) *Summary {
	s := &Summary{
		Headline:  strings.TrimSpace(m.Headline),
		Summary:   strings.TrimSpace(m.Summary),
		KeyPoints: []KeyPoint{},
		Entities:  []Entity{},
		Quotes:    []Quote{},
		Figures:   []Figure{},
		Warnings:  []string{},
	}
	for _, p := range m.KeyPoints {
		ev := p.Evidence
		if ev == nil {
			ev = []int{}
		}
		s.KeyPoints = append(s.KeyPoints, KeyPoint{Text: strings.TrimSpace(p.Text), Evidence: ev})
	}
	s.Entities = append(s.Entities, m.Entities...)
	for _, q := range m.Quotes {
		s.Quotes = append(s.Quotes, Quote{Speaker: q.Speaker, Text: q.Text, Sentence: q.Sentence})
	}
	for _, f := range m.Figures {
		s.Figures = append(s.Figures, Figure{Value: f.Value, Context: f.Context, Sentence: f.Sentence})
	}
	return s
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
