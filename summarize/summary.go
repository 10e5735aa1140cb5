// Package summarize turns one article into a structured, validated Summary,
// with an LLM engine (any OpenAI-compatible endpoint) or an offline
// extractive engine, and checks every summary against its article.
//
// The grounding checks (Check) hold a summary from any engine to its
// article:
//
//   - Quotes must occur verbatim (quote.Find: case, quote marks, dashes,
//     punctuation, white space and ellipses folded). A near miss is marked
//     "paraphrased" with the closest article span; either way it is not
//     verified.
//   - Figures (numbers, dates, weekdays, durations, ...) in the headline,
//     the summary, the key points and the figures list must occur in the
//     article's title, date or text, in digits or words (figure.Index.Occurs).
//     A count ("two countries") also passes when its number occurs
//     counting something else, since outlets vary the noun, and a duration
//     passes when the article gives the equivalent "since" year relative
//     to its date ("since 2000" for "24 years" in 2024).
//   - Evidence: every sentence a key point cites must exist, and the
//     cited sentences together must contain at least one, and at least a
//     fifth (EvidenceOverlap), of the point's distinct content words as
//     words.Content gives them (stopwords dropped, light stemming), so a
//     point citing an unrelated sentence is caught while a fair
//     rewording passes.
//   - Entities: each name, or a known short form or alias of it, occurs
//     in the article's title or text (entity.Occurs).
//
// The score is the share of all checked items that passed.
//
// It imports the text-analysis packages (internal/article, entity, figure,
// quote, words, tokens), internal/llm and internal/structured for the
// language-model engine, internal/schema, internal/htmlpage and prompts;
// compare imports it, never the other way round.
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
	// Supported is set by Check: every cited sentence exists and together
	// they share enough content words with Text.
	Supported bool `json:"supported"`
}

// Entity is a person, organisation, place or other named thing.
type Entity struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Found is set by Check: the name, or a known short form or alias of
	// it, occurs in the article.
	Found bool `json:"found"`
}

// Quote is a direct quotation with its speaker. Verified is true only when
// the quote occurs in the article.
type Quote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Verified bool   `json:"verified"`
	// Match is set by Check: "verbatim", "paraphrased" or "absent".
	Match string `json:"match,omitempty"`
	// Closest is the article text nearest to a paraphrased quote, and
	// ClosestSentence the sentence it starts in.
	Closest         string `json:"closest,omitempty"`
	ClosestSentence int    `json:"closest_sentence,omitempty"`
}

// Figure is a number, date, weekday or duration with its context.
type Figure struct {
	Value    string `json:"value"`
	Context  string `json:"context"`
	Sentence int    `json:"sentence"`
	// Supported is set by the grounding checks: every figure in Value
	// occurs in the article.
	Supported bool `json:"supported"`
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

// Checks is the outcome of the grounding checks (see Check): for each kind
// of item, how many passed out of how many were checked, and which failed.
type Checks struct {
	Quotes   QuoteChecks    `json:"quotes"`
	Figures  FigureChecks   `json:"figures"`
	Evidence EvidenceChecks `json:"evidence"`
	Entities EntityChecks   `json:"entities"`
	// Score is the share of all checked items that passed, rounded to two
	// decimals; 1 when there was nothing to check.
	Score float64 `json:"score"`
}

// QuoteChecks counts the quotes found verbatim in the article.
type QuoteChecks struct {
	Verified int `json:"verified"`
	Total    int `json:"total"`
	// Paraphrased and NotFound list the texts of the quotes that failed.
	Paraphrased []string `json:"paraphrased,omitempty"`
	NotFound    []string `json:"not_found,omitempty"`
	// Unattributed lists the quotes given without a speaker. A quote
	// nobody is named as saying may be a scare quote or a title; it is
	// reported, not failed.
	Unattributed []string `json:"unattributed,omitempty"`
}

// FigureChecks counts the figures of the summary that occur in the
// article. Each mention counts once per place it appears: the headline,
// the summary, each key point and each item of figures.
type FigureChecks struct {
	Supported int `json:"supported"`
	Total     int `json:"total"`
	// Unsupported lists the failed figures as written, without repeats.
	Unsupported []string `json:"unsupported,omitempty"`
}

// EvidenceChecks counts the key points whose cited sentences exist and
// support them.
type EvidenceChecks struct {
	Valid int `json:"valid"`
	Total int `json:"total"`
	// OutOfRange and Weak list the 1-based numbers of the key points that
	// cite a sentence the article lacks, or none, and of those whose
	// cited sentences share too little with them.
	OutOfRange []int `json:"out_of_range,omitempty"`
	Weak       []int `json:"weak,omitempty"`
}

// EntityChecks counts the entities named in the article.
type EntityChecks struct {
	Found int `json:"found"`
	Total int `json:"total"`
	// Missing lists the names not found.
	Missing []string `json:"missing,omitempty"`
}
