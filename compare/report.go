package compare

import (
	"slices"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/worddiff"
)

// Report is the JSON contract of a comparison. Field names are public:
// other tools parse them, and findings from a language model are merged
// into the same lists with By set to "llm".
type Report struct {
	// SchemaVersion is the version of this contract (SchemaVersion):
	// raised when a field changes meaning, not when one is added.
	SchemaVersion int                   `json:"schema_version"`
	Sources       []Source              `json:"sources"`
	Headlines     []Headline            `json:"headlines"`
	Shared        []Shared              `json:"shared"`
	Unique        map[string][]Sentence `json:"unique"`
	Omissions     map[string][]Omission `json:"omissions"`
	Discrepancies []Discrepancy         `json:"discrepancies"`
	Quotes        []Quote               `json:"quotes"`
	Terms         []Term                `json:"terms"`
	// Matrix is the claims-by-sources table: every claim, most widely
	// carried first, with each source's state. It is built from the
	// findings above, so it never says more than they do.
	Matrix []Claim `json:"matrix"`
	// Quoted lists who is quoted, by how many sources and how often.
	Quoted []Quoted `json:"quoted"`
	// Rejected holds the candidate claims a model rejected on
	// verification (verify.go), moved out of Unique, Omissions and
	// Discrepancies.
	Rejected []Rejected `json:"rejected,omitempty"`
	// LeftOut lists the articles given that report another event: they
	// share no fact with the others and are not compared (a warning says
	// so). Sources and every finding are about the rest.
	LeftOut    []Source   `json:"left_out,omitempty"`
	Provenance Provenance `json:"provenance"`
	Warnings   []string   `json:"warnings"`

	// near lists other sources' sentences most like a sentence, by the
	// matcher's scores; nil for a report not made by Sources.
	near func(label string, n int) []Neighbour
	// leftOut holds the indexes, among the articles given to Sources, of
	// those in LeftOut.
	leftOut []int
}

// Compared returns the articles of arts, as given to Sources, that the
// report compares: all of them unless some were left out.
func (r *Report) Compared(arts []*article.Article) []*article.Article {
	if len(r.leftOut) == 0 {
		return arts
	}
	var out []*article.Article
	for i, a := range arts {
		if !slices.Contains(r.leftOut, i) {
			out = append(out, a)
		}
	}
	return out
}

// SchemaVersion is Report.SchemaVersion. Version 1 was the report
// without schema_version, matrix and quoted.
const SchemaVersion = 2

// Cell states of a Claim.
const (
	Stated    = "stated"    // the source states the claim
	Absent    = "absent"    // the source does not state it
	Conflicts = "conflicts" // the source states it with a figure that disagrees
)

// Claim is one row of the matrix: a fact, in the words of the source
// named by From, and each source's state.
type Claim struct {
	Text string `json:"text"`
	From string `json:"from"`
	// Stated counts the sources whose cell is stated or conflicts.
	Stated int `json:"stated"`
	// Cells has one entry per source label.
	Cells map[string]Cell `json:"cells"`
	By    string          `json:"by"`
}

// Cell is one source's state for a claim.
type Cell struct {
	State string `json:"state"`
	// Sentences are the source's 1-based sentence numbers that state it.
	Sentences []int `json:"sentences,omitempty"`
	// Score is the match score of the source's wording against the
	// claim (1 for the claim's own wording), zero when absent.
	Score float64 `json:"score,omitempty"`
	// Matcher names what made the match: "lexical", "embedding", "llm",
	// or "figure" for a quantity tied by its figures.
	Matcher string `json:"matcher,omitempty"`
}

// Quoted is one speaker and the sources that quote them.
type Quoted struct {
	Speaker string `json:"speaker"`
	// Sources maps each label to the number of quotations it gives the
	// speaker.
	Sources map[string]int `json:"sources"`
	Total   int            `json:"total"`
}

// Source identifies one compared article.
type Source struct {
	Label string `json:"label"`
	// Path is unused by compare since the version diff moved to package
	// versions, and stays only so that the field keeps its meaning.
	Path string `json:"path,omitempty"`
	// URL is the address the article was fetched from, empty for a file
	// or standard input.
	URL       string `json:"url,omitempty"`
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

	// scores holds each member's similarity to the group, by label.
	scores map[string]float64
	// matchers names, by label, the matcher that made each member's
	// match (embed.go); empty for LLM findings.
	matchers map[string]string
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
	// VerifiedBy is "llm" when a model confirmed the claim.
	VerifiedBy string `json:"verified_by,omitempty"`
}

// Omission is content carried by most sources but missing from one.
type Omission struct {
	Text      string           `json:"text"`
	PresentIn []string         `json:"present_in"`
	Evidence  map[string][]int `json:"evidence,omitempty"`
	By        string           `json:"by,omitempty"`
	// VerifiedBy is "llm" when a model confirmed the omission.
	VerifiedBy string `json:"verified_by,omitempty"`
	// quantity is set for a quantity's omission (figureOmissions),
	// which another quantity of the same sentences does not stand for.
	quantity bool
}

// Discrepancy is a figure, date or weekday on which sources reporting
// the same thing disagree.
type Discrepancy struct {
	Topic  string  `json:"topic"`
	Kind   string  `json:"kind,omitempty"`
	Values []Value `json:"values"`
	By     string  `json:"by"`
	// VerifiedBy is "llm" when a model confirmed the discrepancy.
	VerifiedBy string `json:"verified_by,omitempty"`
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
	// Embeddings is set when an embedding model scored candidate pairs.
	Embeddings *EmbedProvenance `json:"embeddings,omitempty"`
}
