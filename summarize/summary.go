// Package summarize turns one article into a structured, validated Summary,
// with an LLM engine (any OpenAI-compatible endpoint) or an offline
// extractive engine, and checks every summary against its article.
package summarize

// Summary is the JSON contract of one summarised article. Field names are
// public: other tools parse them, so renaming one is a breaking change.
type Summary struct {
	Source     Source     `json:"source"`
	Headline   string     `json:"headline"`
	Summary    string     `json:"summary"`
	KeyPoints  []KeyPoint `json:"key_points"`
	Entities   []Entity   `json:"entities"`
	Quotes     []Quote    `json:"quotes"`
	Figures    []Figure   `json:"figures"`
	Checks     *Checks    `json:"checks,omitempty"`
	Provenance Provenance `json:"provenance"`
	Warnings   []string   `json:"warnings"`
}

// Source identifies the article a summary was made from.
type Source struct {
	Label     string `json:"label"`
	Path      string `json:"path,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Date      string `json:"date,omitempty"`
	SHA256    string `json:"sha256"`
	Sentences int    `json:"sentences"`
}

// KeyPoint is one main point with the sentence numbers that support it.
type KeyPoint struct {
	Text     string `json:"text"`
	Evidence []int  `json:"evidence"`
}

// Entity is a person, organisation, place or other named thing.
type Entity struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Quote is a direct quotation with its speaker. Verified is true only when
// the quote occurs in the article.
type Quote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Verified bool   `json:"verified"`
}

// Figure is a number, date, weekday or duration with its context.
type Figure struct {
	Value    string `json:"value"`
	Context  string `json:"context"`
	Sentence int    `json:"sentence"`
}

// Usage counts the tokens an endpoint reported.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Provenance says how a summary was made.
type Provenance struct {
	Engine       string `json:"engine"`
	Model        string `json:"model,omitempty"`
	Endpoint     string `json:"endpoint,omitempty"`
	Prompt       string `json:"prompt,omitempty"`
	PromptSHA256 string `json:"prompt_sha256,omitempty"`
	Usage        *Usage `json:"usage,omitempty"`
	DurationMS   int64  `json:"duration_ms"`
	Cached       bool   `json:"cached"`
	Created      string `json:"created"`
}

// Checks is filled in by the grounding checks.
type Checks struct{}
