package compare

import "github.com/newslens/newslens/internal/worddiff"

// Report is the JSON contract of a comparison. Field names are public:
// other tools parse them, and findings from a language model are merged
// into the same lists with By set to "llm".
type Report struct {
	Sources       []Source              `json:"sources"`
	Headlines     []Headline            `json:"headlines"`
	Shared        []Shared              `json:"shared"`
	Unique        map[string][]Sentence `json:"unique"`
	Omissions     map[string][]Omission `json:"omissions"`
	Discrepancies []Discrepancy         `json:"discrepancies"`
	Quotes        []Quote               `json:"quotes"`
	Terms         []Term                `json:"terms"`
	Provenance    Provenance            `json:"provenance"`
	Warnings      []string              `json:"warnings"`
}

// Source identifies one compared article.
type Source struct {
	Label string `json:"label"`
	// Path is where a version came from: a file, "-" for standard input,
	// or a URL. Only Versions sets it: two versions of one article share
	// their label, so their paths tell them apart.
	Path      string `json:"path,omitempty"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	SHA256    string `json:"sha256"`
	Sentences int    `json:"sentences"`
}

// Headline is one source's headline with its word diff against the
// reference headline (the most common one, else the first source's).
// Diff is empty for the reference itself and for identical headlines.
type Headline struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	Diff   string `json:"diff"`

	ops []worddiff.Op
}

// Shared is one thing reported by two or more sources: a group of
// aligned sentences, at most one per source.
type Shared struct {
	// Text is the group's representative sentence, the one closest to
	// the group as a whole; TextFrom names its source.
	Text     string `json:"text"`
	TextFrom string `json:"text_from,omitempty"`
	// Sources lists the labels that report it, in input order.
	Sources []string `json:"sources"`
	// Evidence maps each label to the sentence numbers it came from.
	Evidence map[string][]int `json:"evidence"`
	// Wording holds, for each source whose sentence words the thing
	// differently from Text, the word diff from Text to that sentence.
	Wording []Wording `json:"wording,omitempty"`
	// Similarity is the lowest similarity of a member to the group.
	Similarity float64 `json:"similarity,omitempty"`
	By         string  `json:"by"`
}

// Wording is one source's rendering of a shared sentence as a word diff
// against the representative sentence.
type Wording struct {
	Source   string `json:"source"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	Diff     string `json:"diff"`

	ops []worddiff.Op
}

// Sentence is one numbered sentence of a source, or a fact a language
// model found in one source.
type Sentence struct {
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// Evidence lists every sentence an LLM finding cites; Sentence is
	// the first of them.
	Evidence []int  `json:"evidence,omitempty"`
	By       string `json:"by,omitempty"`
}

// Omission is content carried by most sources but missing from one.
type Omission struct {
	Text      string           `json:"text"`
	PresentIn []string         `json:"present_in"`
	Evidence  map[string][]int `json:"evidence,omitempty"`
	By        string           `json:"by,omitempty"`
}

// Discrepancy is a figure, date or weekday on which sources reporting
// the same thing disagree.
type Discrepancy struct {
	Topic  string  `json:"topic"`
	Kind   string  `json:"kind,omitempty"`
	Values []Value `json:"values"`
	By     string  `json:"by"`
}

// Value is one source's version of a disputed figure.
type Value struct {
	Source   string `json:"source"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// Evidence lists every sentence an LLM claim cites; Sentence is the
	// first of them.
	Evidence []int `json:"evidence,omitempty"`
	// Class groups the values that agree with each other ("24 years",
	// "twenty-four years" and, for a 2024 article, "since 2000"): class 1
	// is carried by the most sources. Zero (left out) for LLM findings.
	Class int `json:"class,omitempty"`
}

// Quote is one quotation as rendered by two or more sources.
type Quote struct {
	Speaker  string    `json:"speaker"`
	Variants []Variant `json:"variants"`
	By       string    `json:"by,omitempty"`
}

// Variant is one rendering of a quote, the sources that use it, and its
// word diff against the most common rendering (empty for that one).
type Variant struct {
	Sources  []string         `json:"sources"`
	Text     string           `json:"text"`
	Diff     string           `json:"diff"`
	Evidence map[string][]int `json:"evidence,omitempty"`

	ops []worddiff.Op
}

// Term is one referent that sources name differently, such as the
// agreement or the war, with the term each source uses.
type Term struct {
	Concept  string            `json:"concept"`
	BySource map[string]string `json:"by_source"`
	Evidence map[string][]int  `json:"evidence,omitempty"`
	By       string            `json:"by,omitempty"`
}

// Provenance says how a report was made.
type Provenance struct {
	Engine    string  `json:"engine"`
	Threshold float64 `json:"threshold"`
	Sentences int     `json:"sentences"`
	Groups    int     `json:"groups"`
	// LLM is set when a Synthesizer added findings.
	LLM *LLMProvenance `json:"llm,omitempty"`
}
