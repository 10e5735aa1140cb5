package summarize

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/schema"
	"github.com/newslens/newslens/internal/structured"
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
	// inspection; "" means structured.DefaultRawDir, in the user's own
	// cache directory.
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
	// Parallel bounds the requests this engine has in flight at once,
	// across all articles: the parts of a long article go out together up
	// to this bound. Less than 1 means 1.
	Parallel int
	// Progress, if set, is called as each request for a long article's
	// parts and merges finishes, with how many of them are done of how
	// many there will be, from the goroutine that made the request.
	Progress func(a *article.Article, done, total int)

	slotsOnce sync.Once
	slots     chan struct{}
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
// repair request.
type ReplyError = structured.ReplyError

// Summarize implements Engine. An article too long for the context
// budget is summarised in parts, sentence numbers kept global, and the
// partial summaries merged with the Merge prompt; a warning says so.
func (e *LLM) Summarize(ctx context.Context, a *article.Article) (*Summary, error) {
	start := time.Now()
	parts, err := e.plan(a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Label, err)
	}
	var t tally
	if len(parts) == 1 {
		r, err := e.complete(ctx, a, e.Prompt, promptVars(a, parts[0], len(parts)), map[string]string{})
		if err != nil {
			return nil, err
		}
		t.add(r)
		return e.summary(a, r.out, &t, start), nil
	}
	r, warning, err := e.long(ctx, a, parts, t.add)
	if err != nil {
		return nil, err
	}
	t.warnings = append(t.warnings, warning)
	return e.summary(a, r.out, &t, start), nil
}

// Request returns the request Summarize sends for a, for a caller that
// sends it some other way, such as in a batch file. An article too long
// for the context budget has no single request.
func (e *LLM) Request(a *article.Article) (llm.Request, error) {
	parts, err := e.plan(a)
	if err != nil {
		return llm.Request{}, fmt.Errorf("%s: %w", a.Label, err)
	}
	if len(parts) != 1 {
		return llm.Request{}, fmt.Errorf("%s: the article needs %d parts to fit the context budget of %d tokens, so it has no single request", a.Label, len(parts), e.ContextTokens)
	}
	spec, err := e.spec(a, e.Prompt, promptVars(a, parts[0], 1), map[string]string{})
	if err != nil {
		return llm.Request{}, err
	}
	return spec.Request, nil
}

// FromReply makes a's summary from resp, the reply to Request(a) however
// it was obtained: checked, repaired through the Client if it needs it,
// and given the grounding checks, exactly as Article with this engine
// would have done had it sent the request itself.
func (e *LLM) FromReply(ctx context.Context, a *article.Article, resp *llm.Response) (*Summary, error) {
	start := time.Now()
	if _, err := e.Request(a); err != nil {
		return nil, err
	}
	spec, err := e.spec(a, e.Prompt, promptVars(a, span{index: 1, from: 1, to: len(a.Sentences)}, 1), map[string]string{})
	if err != nil {
		return nil, err
	}
	res, err := structured.Finish(ctx, e.Client, spec, resp)
	if err != nil {
		return nil, err
	}
	var t tally
	r := toResult(res)
	t.add(r)
	s := e.summary(a, r.out, &t, start)
	Check(s, a)
	return s, nil
}

// tally adds up the results of one article's requests.
type tally struct {
	usage    Usage
	warnings []string
	uncached bool
	last     *result
}

func (t *tally) add(r *result) {
	t.usage.PromptTokens += r.usage.PromptTokens
	t.usage.CompletionTokens += r.usage.CompletionTokens
	t.warnings = appendNew(t.warnings, r.warnings...)
	t.uncached = t.uncached || !r.cached
	t.last = r
}

// summary makes a's Summary from the model's output and the tally of
// the requests that made it.
func (e *LLM) summary(a *article.Article, out *modelOutput, t *tally, start time.Time) *Summary {
	s := fromModel(out)
	s.Source = sourceOf(a)
	usage := t.usage
	s.Provenance = Provenance{
		Engine:       "llm",
		Model:        cmp.Or(t.last.model, e.Client.Model()),
		Endpoint:     e.Client.Endpoint(),
		Prompt:       e.Prompt.ID(),
		PromptSHA256: e.Prompt.SHA256,
		Usage:        &usage,
		Cached:       !t.uncached,
	}
	s.Warnings = append(append([]string{}, t.warnings...), s.Warnings...)
	stamp(&s.Provenance, start)
	return s
}

// result is one validated model reply.
type result struct {
	out      *modelOutput
	usage    Usage
	warnings []string
	model    string
	cached   bool
}

// complete sends one prompt and returns its checked reply, after at most
// one repair request.
func (e *LLM) complete(ctx context.Context, a *article.Article, p *prompts.Prompt, vars map[string]string, tags map[string]string) (*result, error) {
	spec, err := e.spec(a, p, vars, tags)
	if err != nil {
		return nil, err
	}
	release, err := e.acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Label, err)
	}
	defer release()
	res, err := structured.Complete(ctx, e.Client, spec)
	if err != nil {
		return nil, err
	}
	return toResult(res), nil
}

// spec is the structured completion of prompt p for a with vars; tags
// gain the Prompt and Article tags.
func (e *LLM) spec(a *article.Article, p *prompts.Prompt, vars map[string]string, tags map[string]string) (structured.Spec[modelOutput], error) {
	system, user, err := p.Render(vars)
	if err != nil {
		return structured.Spec[modelOutput]{}, fmt.Errorf("render prompt %s: %w", p.ID(), err)
	}
	tags["Prompt"] = p.ID()
	tags["Article"] = a.SHA256
	return structured.Spec[modelOutput]{
		Request: llm.Request{
			Messages: []llm.Message{
				{Role: "system", Content: system},
				{Role: "user", Content: user},
			},
			Temperature: structured.Temperature(e.Temperature, p.Temperature),
			MaxTokens:   e.MaxTokens,
			Schema:      &llm.Schema{Name: "summary", JSON: SummarySchema()},
			Tags:        tags,
		},
		Check: checkReply(len(a.Sentences)),
		What:  "summary",
		Noun:  "reply",
		Label: a.Label,
		Raw:   &structured.RawStore{Dir: e.RawDir},
	}, nil
}

func toResult(res *structured.Result[modelOutput]) *result {
	return &result{
		out:      res.Value,
		usage:    Usage{PromptTokens: res.Usage.PromptTokens, CompletionTokens: res.Usage.CompletionTokens},
		warnings: res.Warnings,
		model:    res.Model,
		cached:   res.Cached,
	}
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
