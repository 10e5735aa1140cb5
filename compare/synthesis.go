package compare

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/schema"
	"github.com/newslens/newslens/internal/structured"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

// LLMEngine is the By value of findings a language model contributed
// through a Synthesizer.
const LLMEngine = "llm"

// SynthesisSchemaName is the name the synthesis schema is sent under,
// and the Schema a compare prompt must declare.
const SynthesisSchemaName = "synthesis"

// Synthesizer adds LLM findings to a deterministic Report: one request
// with the compare prompt over the per-outlet summaries and the
// deterministic findings. The cost is one request however many sources
// there are, never one per pair, and the prompt carries summaries and
// sentence numbers rather than the articles' full texts, so it stays
// within a model's context as outlets are added.
type Synthesizer struct {
	// Client sends the request; *llm.Client provides it.
	Client summarize.Completer
	// Prompt is the compare prompt version to use, such as compare@1.
	Prompt *prompts.Prompt
	// Temperature overrides the prompt's own when non-nil.
	Temperature *float32
	// MaxTokens caps the reply; 0 leaves it to the endpoint.
	MaxTokens int
	// RawDir is where a reply that could not be used is saved for
	// inspection, and named in the error; "" means
	// structured.DefaultRawDir, in the user's own cache directory.
	RawDir string
}

// LLMProvenance says how the LLM findings of a report were made.
type LLMProvenance struct {
	Model        string          `json:"model"`
	Endpoint     string          `json:"endpoint"`
	Prompt       string          `json:"prompt"`
	PromptSHA256 string          `json:"prompt_sha256"`
	Usage        summarize.Usage `json:"usage"`
	Cached       bool            `json:"cached"`
}

// ReplyError reports a model reply that could not be used as a synthesis
// even after one repair request.
type ReplyError = structured.ReplyError

// synthesisOutput is what the model writes. Its schema is sent as the
// structured-output contract, so the desc tags are worded as
// instructions to the model.
type synthesisOutput struct {
	Shared         []sharedFact    `json:"shared" desc:"Facts that two or more outlets report and agree on."`
	Unique         []uniqueFact    `json:"unique" desc:"Facts that only one outlet reports."`
	Contradictions []contradiction `json:"contradictions" desc:"Checkable points on which outlets disagree, each side with its outlet."`
	Framing        []framing       `json:"framing" desc:"Differences in emphasis, voices quoted, tone and terms used for the same thing."`
}

type citation struct {
	Source    string `json:"source" desc:"The outlet's label exactly as in the sources."`
	Sentences []int  `json:"sentences" desc:"Sentence numbers from that outlet's summary; [] if it gives none."`
}

type sharedFact struct {
	Text      string     `json:"text" desc:"The fact, in one neutral sentence."`
	Citations []citation `json:"citations" desc:"Every outlet that reports the fact."`
}

type uniqueFact struct {
	Source    string `json:"source" desc:"The outlet's label exactly as in the sources."`
	Text      string `json:"text" desc:"The fact, in one neutral sentence."`
	Sentences []int  `json:"sentences" desc:"Sentence numbers from that outlet's summary; [] if it gives none."`
}

type contradiction struct {
	Topic  string  `json:"topic" desc:"What the outlets disagree about, in a few words."`
	Claims []claim `json:"claims" desc:"Each outlet's version, at least two."`
}

type claim struct {
	Source    string `json:"source" desc:"The outlet's label exactly as in the sources."`
	Text      string `json:"text" desc:"What this outlet says, worded neutrally."`
	Sentences []int  `json:"sentences" desc:"Sentence numbers from that outlet's summary; [] if it gives none."`
}

type framing struct {
	Topic    string         `json:"topic" desc:"The thing framed or named differently, in a few words."`
	BySource []framingEntry `json:"by_source" desc:"How each outlet frames or names it."`
}

type framingEntry struct {
	Source    string `json:"source" desc:"The outlet's label exactly as in the sources."`
	Wording   string `json:"wording" desc:"The outlet's term, emphasis or angle; its own words only if taken from its quotes or figures."`
	Sentences []int  `json:"sentences" desc:"Sentence numbers from that outlet's summary; [] if it gives none."`
}

var synthesisSchema = sync.OnceValue(func() *schema.Schema { return schema.MustFor(synthesisOutput{}) })

// SynthesisSchema returns the JSON Schema the model's reply must match.
func SynthesisSchema() json.RawMessage { return synthesisSchemaJSON() }

// synthesisSchemaJSON is marshalled once: every request and prompt carries it.
var synthesisSchemaJSON = sync.OnceValue(func() json.RawMessage { return synthesisSchema().JSON() })

// Synthesize asks the model to compare the sources' summaries, given the
// deterministic findings already in r, and merges what it finds into r
// with By set to LLMEngine: shared facts into Shared, facts unique to one
// source into Unique, contradictions into Discrepancies (Kind "claim")
// and framing or word-choice differences into Terms.
//
// arts and sums are the compared articles and their summaries, in the
// order of r.Sources. Every citation is checked against the sources: one
// naming an unknown label, or whose sentence numbers are all out of range,
// is dropped, as is a number out of range, each with a warning in
// r.Warnings; a finding left without the citations it needs (one for a
// unique fact or a framing difference, two for a shared fact or a
// contradiction) is dropped with a warning. On error r is unchanged.
func (s *Synthesizer) Synthesize(ctx context.Context, r *Report, arts []*article.Article, sums []*summarize.Summary) error {
	if err := s.check(r, arts, sums); err != nil {
		return fmt.Errorf("synthesize comparison: %w", err)
	}
	vars, err := synthesisVars(r, sums)
	if err != nil {
		return fmt.Errorf("synthesize comparison: %w", err)
	}
	if s.Prompt.Schema == VerifiedSchemaName {
		return s.synthesizeVerified(ctx, r, arts, vars)
	}
	res, err := s.complete(ctx, vars, sourcesHash(r.Sources))
	if err != nil {
		return fmt.Errorf("synthesize comparison: %w", err)
	}
	m := newMerger(r)
	m.merge(res.Value)
	m.apply(r)
	r.Warnings = append(r.Warnings, res.Warnings...)
	r.Provenance.LLM = s.provenance(res.Model, res.Usage.PromptTokens, res.Usage.CompletionTokens, res.Cached)
	return nil
}

func (s *Synthesizer) check(r *Report, arts []*article.Article, sums []*summarize.Summary) error {
	switch {
	case s.Client == nil:
		return fmt.Errorf("no endpoint client")
	case s.Prompt == nil:
		return fmt.Errorf("no compare prompt")
	case s.Prompt.Schema != SynthesisSchemaName && s.Prompt.Schema != VerifiedSchemaName:
		return fmt.Errorf("prompt %s writes the %q schema, want %q", s.Prompt.ID(), s.Prompt.Schema, SynthesisSchemaName)
	case r == nil:
		return fmt.Errorf("no report")
	}
	if len(arts) != len(r.Sources) || len(sums) != len(r.Sources) {
		return fmt.Errorf("got %d articles and %d summaries for %d sources", len(arts), len(sums), len(r.Sources))
	}
	for i, src := range r.Sources {
		a, sum := arts[i], sums[i]
		if a == nil || sum == nil {
			return fmt.Errorf("source %s: missing article or summary", src.Label)
		}
		if a.SHA256 != src.SHA256 || len(a.Sentences) != src.Sentences {
			return fmt.Errorf("source %s: article %d is not the one compared", src.Label, i+1)
		}
		if sum.Source.SHA256 != "" && sum.Source.SHA256 != src.SHA256 {
			return fmt.Errorf("source %s: summary %d is of another article", src.Label, i+1)
		}
	}
	return nil
}

// sourcesHash identifies the set of compared articles, in order, for the
// request's Article tag.
func sourcesHash(srcs []Source) string {
	h := sha256.New()
	for _, s := range srcs {
		h.Write([]byte(s.SHA256 + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sourceDigest is one outlet's summary as the model sees it: its own
// sentence numbers, no article text.
type sourceDigest struct {
	Label     string         `json:"label"`
	Title     string         `json:"title"`
	Date      string         `json:"date"`
	Sentences int            `json:"sentences"`
	Headline  string         `json:"headline"`
	Summary   string         `json:"summary"`
	KeyPoints []digestPoint  `json:"key_points"`
	Quotes    []digestQuote  `json:"quotes"`
	Figures   []digestFigure `json:"figures"`
}

type digestPoint struct {
	Text     string `json:"text"`
	Evidence []int  `json:"evidence"`
}

type digestQuote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
}

type digestFigure struct {
	Value    string `json:"value"`
	Context  string `json:"context"`
	Sentence int    `json:"sentence"`
}

// findingsDigest is the deterministic findings as the model sees them:
// labels, sentence numbers and the short strings that differ (figures,
// quotes, terms), but not the aligned sentences themselves, which would
// put most of every article into the prompt.
type findingsDigest struct {
	Shared        []map[string][]int  `json:"shared,omitempty"`
	Unique        map[string][]int    `json:"unique,omitempty"`
	Omissions     []omissionDigest    `json:"omissions,omitempty"`
	Discrepancies []discrepancyDigest `json:"discrepancies,omitempty"`
	Quotes        []quoteDigest       `json:"quotes,omitempty"`
	Terms         []termDigest        `json:"terms,omitempty"`
}

type omissionDigest struct {
	MissingFrom string           `json:"missing_from"`
	PresentIn   map[string][]int `json:"present_in"`
}

type discrepancyDigest struct {
	Topic  string        `json:"topic"`
	Kind   string        `json:"kind,omitempty"`
	Values []valueDigest `json:"values"`
}

type valueDigest struct {
	Source   string `json:"source"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
}

type quoteDigest struct {
	Speaker  string          `json:"speaker"`
	Variants []variantDigest `json:"variants"`
}

type variantDigest struct {
	Text     string           `json:"text"`
	Evidence map[string][]int `json:"evidence"`
}

type termDigest struct {
	Concept  string            `json:"concept"`
	BySource map[string]string `json:"by_source"`
	Evidence map[string][]int  `json:"evidence,omitempty"`
}

// synthesisVars are the values the compare prompt uses. Values are data:
// the prompts package inserts them literally.
func synthesisVars(r *Report, sums []*summarize.Summary) (map[string]string, error) {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, src := range r.Sources {
		d := digest(src, sums[i])
		line, err := marshal(d)
		if err != nil {
			return nil, fmt.Errorf("encode summary of %s: %w", src.Label, err)
		}
		b.Write(line)
		if i < len(r.Sources)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]")
	findings, err := findingsText(r)
	if err != nil {
		return nil, fmt.Errorf("encode findings: %w", err)
	}
	return map[string]string{
		"sources":  b.String(),
		"findings": findings,
		"schema":   string(SynthesisSchema()),
	}, nil
}

// marshal encodes v compactly without escaping <, > and &, which the
// model would otherwise read as \u003c and the like.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// digest is src's summary for the prompt. Sentence numbers the article
// does not have are left out, so the model is not led to cite them.
func digest(src Source, sum *summarize.Summary) sourceDigest {
	n := src.Sentences
	ok := func(k int) int {
		if k >= 1 && k <= n {
			return k
		}
		return 0
	}
	d := sourceDigest{
		Label:     src.Label,
		Title:     src.Title,
		Date:      src.Date,
		Sentences: n,
		Headline:  sum.Headline,
		Summary:   sum.Summary,
		KeyPoints: []digestPoint{},
		Quotes:    []digestQuote{},
		Figures:   []digestFigure{},
	}
	for _, p := range sum.KeyPoints {
		ev := []int{}
		for _, k := range p.Evidence {
			if ok(k) != 0 {
				ev = append(ev, k)
			}
		}
		d.KeyPoints = append(d.KeyPoints, digestPoint{Text: p.Text, Evidence: ev})
	}
	for _, q := range sum.Quotes {
		d.Quotes = append(d.Quotes, digestQuote{Speaker: q.Speaker, Text: q.Text, Sentence: ok(q.Sentence)})
	}
	for _, f := range sum.Figures {
		d.Figures = append(d.Figures, digestFigure{Value: f.Value, Context: f.Context, Sentence: ok(f.Sentence)})
	}
	return d
}

// findingsText is the findings block of the prompt: the rule-based
// findings of r, or "" when there are none.
func findingsText(r *Report) (string, error) {
	rules := func(by string) bool { return by != LLMEngine }
	var f findingsDigest
	for _, sh := range r.Shared {
		if rules(sh.By) {
			f.Shared = append(f.Shared, sh.Evidence)
		}
	}
	for _, l := range keys(r, r.Unique) {
		for _, s := range r.Unique[l] {
			if !rules(s.By) {
				continue
			}
			if f.Unique == nil {
				f.Unique = map[string][]int{}
			}
			f.Unique[l] = append(f.Unique[l], s.Sentence)
		}
	}
	for _, l := range keys(r, r.Omissions) {
		for _, o := range r.Omissions[l] {
			if rules(o.By) {
				f.Omissions = append(f.Omissions, omissionDigest{MissingFrom: l, PresentIn: o.Evidence})
			}
		}
	}
	for _, d := range r.Discrepancies {
		if !rules(d.By) {
			continue
		}
		dd := discrepancyDigest{Topic: d.Topic, Kind: d.Kind}
		for _, v := range d.Values {
			dd.Values = append(dd.Values, valueDigest{Source: v.Source, Text: v.Text, Sentence: v.Sentence})
		}
		f.Discrepancies = append(f.Discrepancies, dd)
	}
	for _, q := range r.Quotes {
		if !rules(q.By) {
			continue
		}
		qd := quoteDigest{Speaker: q.Speaker}
		for _, v := range q.Variants {
			qd.Variants = append(qd.Variants, variantDigest{Text: v.Text, Evidence: v.Evidence})
		}
		f.Quotes = append(f.Quotes, qd)
	}
	for _, t := range r.Terms {
		if rules(t.By) {
			f.Terms = append(f.Terms, termDigest{Concept: t.Concept, BySource: t.BySource, Evidence: t.Evidence})
		}
	}
	b, err := marshal(f)
	if err != nil {
		return "", err
	}
	if string(b) == "{}" {
		return "", nil
	}
	return string(b), nil
}

// complete sends the compare prompt and returns its checked reply,
// after at most one repair request.
func (s *Synthesizer) complete(ctx context.Context, vars map[string]string, hash string) (*structured.Result[synthesisOutput], error) {
	system, user, err := s.Prompt.Render(vars)
	if err != nil {
		return nil, fmt.Errorf("render prompt %s: %w", s.Prompt.ID(), err)
	}
	return structured.Complete(ctx, s.Client, structured.Spec[synthesisOutput]{
		Request: llm.Request{
			Messages: []llm.Message{
				{Role: "system", Content: system},
				{Role: "user", Content: user},
			},
			Temperature: structured.Temperature(s.Temperature, s.Prompt.Temperature),
			MaxTokens:   s.MaxTokens,
			Schema:      &llm.Schema{Name: SynthesisSchemaName, JSON: SynthesisSchema()},
			Tags:        map[string]string{"Prompt": s.Prompt.ID(), "Article": hash},
		},
		// Citations are checked later, against the sources.
		Check: func(reply string) (*synthesisOutput, []string) {
			return structured.Decode[synthesisOutput](reply, synthesisSchema().Validate)
		},
		What: "synthesis",
		Noun: "synthesis reply",
		Raw:  &structured.RawStore{Dir: s.RawDir},
	})
}

// merger checks the citations of a synthesis and turns it into findings.
type merger struct {
	order     []string       // labels in source order
	sentences map[string]int // sentence count per label

	shared   []Shared
	unique   map[string][]Sentence
	discs    []Discrepancy
	terms    []Term
	warnings []string
}

func newMerger(r *Report) *merger {
	m := &merger{sentences: make(map[string]int, len(r.Sources)), unique: map[string][]Sentence{}}
	for _, s := range r.Sources {
		m.order = append(m.order, s.Label)
		m.sentences[s.Label] = s.Sentences
	}
	return m
}

func (m *merger) warnf(format string, args ...any) {
	m.warnings = append(m.warnings, "synthesis: "+fmt.Sprintf(format, args...))
}

// cite checks one citation of the finding named by what. It returns the
// valid sentence numbers, sorted and without repeats, and false when the
// citation is dropped: its label is unknown, or it gave sentence numbers
// and none of them exists. A citation that gives no numbers stands for
// the source as a whole, as the prompt allows.
func (m *merger) cite(what, label string, ns []int) ([]int, bool) {
	n, known := m.sentences[label]
	if !known {
		m.warnf("dropped citation %s (no source is labelled %q) from %s", citeText(label, ns), label, what)
		return nil, false
	}
	valid := []int{}
	for _, k := range ns {
		if k < 1 || k > n {
			m.warnf("dropped citation %s:%d (%s has %d sentences) from %s", label, k, label, n, what)
			continue
		}
		if !slices.Contains(valid, k) {
			valid = append(valid, k)
		}
	}
	if len(ns) > 0 && len(valid) == 0 {
		return nil, false
	}
	slices.Sort(valid)
	return valid, true
}

func citeText(label string, ns []int) string {
	if len(ns) == 0 {
		return label
	}
	s := make([]string, len(ns))
	for i, k := range ns {
		s[i] = fmt.Sprint(k)
	}
	return label + ":" + strings.Join(s, ",")
}

func (m *merger) merge(out *synthesisOutput) {
	for i, f := range out.Shared {
		m.mergeShared(fmt.Sprintf("shared fact %d", i+1), f)
	}
	for i, f := range out.Unique {
		what := fmt.Sprintf("unique fact %d", i+1)
		text := strings.TrimSpace(f.Text)
		if text == "" {
			m.warnf("dropped %s: empty text", what)
			continue
		}
		ns, ok := m.cite(what, f.Source, f.Sentences)
		if !ok {
			m.warnf("dropped %s %q: no valid citation", what, text)
			continue
		}
		m.unique[f.Source] = append(m.unique[f.Source], Sentence{Text: text, Sentence: first(ns), Evidence: ns, By: LLMEngine})
	}
	for i, c := range out.Contradictions {
		m.mergeContradiction(fmt.Sprintf("contradiction %d", i+1), c)
	}
	for i, f := range out.Framing {
		m.mergeFraming(fmt.Sprintf("framing difference %d", i+1), f)
	}
}

func (m *merger) mergeShared(what string, f sharedFact) {
	text := strings.TrimSpace(f.Text)
	if text == "" {
		m.warnf("dropped %s: empty text", what)
		return
	}
	ev := map[string][]int{}
	cited := map[string]bool{}
	for _, c := range f.Citations {
		ns, ok := m.cite(what, c.Source, c.Sentences)
		if !ok {
			continue
		}
		cited[c.Source] = true
		if len(ns) > 0 {
			ev[c.Source] = union(ev[c.Source], ns)
		}
	}
	if len(cited) < 2 {
		m.warnf("dropped %s %q: fewer than two sources with a valid citation", what, text)
		return
	}
	sh := Shared{Text: text, Evidence: ev, By: LLMEngine}
	for _, l := range m.order {
		if cited[l] {
			sh.Sources = append(sh.Sources, l)
		}
	}
	m.shared = append(m.shared, sh)
}

func (m *merger) mergeContradiction(what string, c contradiction) {
	topic := strings.TrimSpace(c.Topic)
	d := Discrepancy{Topic: topic, Kind: "claim", By: LLMEngine}
	for _, cl := range c.Claims {
		ns, ok := m.cite(what, cl.Source, cl.Sentences)
		if !ok {
			continue
		}
		d.Values = append(d.Values, Value{Source: cl.Source, Text: strings.TrimSpace(cl.Text), Sentence: first(ns), Evidence: ns})
	}
	if len(d.Values) < 2 {
		m.warnf("dropped %s %q: fewer than two claims with a valid citation", what, topic)
		return
	}
	m.discs = append(m.discs, d)
}

func (m *merger) mergeFraming(what string, f framing) {
	topic := strings.TrimSpace(f.Topic)
	t := Term{Concept: topic, BySource: map[string]string{}, Evidence: map[string][]int{}, By: LLMEngine}
	for _, e := range f.BySource {
		ns, ok := m.cite(what, e.Source, e.Sentences)
		if !ok {
			continue
		}
		w := strings.TrimSpace(e.Wording)
		if prev, dup := t.BySource[e.Source]; dup && prev != w {
			w = prev + "; " + w
		}
		t.BySource[e.Source] = w
		if len(ns) > 0 {
			t.Evidence[e.Source] = union(t.Evidence[e.Source], ns)
		}
	}
	if len(t.BySource) == 0 {
		m.warnf("dropped %s %q: no valid citation", what, topic)
		return
	}
	if len(t.Evidence) == 0 {
		t.Evidence = nil
	}
	m.terms = append(m.terms, t)
}

// apply adds the merged findings and warnings to r.
func (m *merger) apply(r *Report) {
	r.Shared = append(r.Shared, m.shared...)
	for _, l := range m.order {
		if len(m.unique[l]) == 0 {
			continue
		}
		if r.Unique == nil {
			r.Unique = map[string][]Sentence{}
		}
		r.Unique[l] = append(r.Unique[l], m.unique[l]...)
	}
	r.Discrepancies = append(r.Discrepancies, m.discs...)
	r.Terms = append(r.Terms, m.terms...)
	r.Warnings = append(r.Warnings, m.warnings...)
	r.BuildMatrix()
}

func union(a, b []int) []int {
	out := slices.Clone(a)
	for _, k := range b {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func first(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	return ns[0]
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// llmMark tags findings of the LLM layer in the text and Markdown
// renderings.
func llmMark(by string) string {
	if by == LLMEngine {
		return " (llm)"
	}
	return ""
}

// provenance says which model, endpoint and prompt version made the
// findings marked "llm", and what the request cost.
func (s *Synthesizer) provenance(model string, promptTokens, completionTokens int, cached bool) *LLMProvenance {
	return &LLMProvenance{
		Model:        cmp.Or(model, s.Client.Model()),
		Endpoint:     s.Client.Endpoint(),
		Prompt:       s.Prompt.ID(),
		PromptSHA256: s.Prompt.SHA256,
		Usage:        summarize.Usage{PromptTokens: promptTokens, CompletionTokens: completionTokens},
		Cached:       cached,
	}
}
