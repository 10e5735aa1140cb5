// Package article loads news articles from files, standard input and URLs:
// it reads plain text (with an optional header block) and HTML (through
// readability), normalises the body and its metadata, and numbers the
// body's sentences with internal/sentence.
//
// Sentence numbers are 1-based and stable for a given text: they are what a
// summary's evidence and a comparison's citations refer to. Load can take
// splits from a sentence.Store (the response cache is one) so a warm run
// skips the splitter's model.
//
// The package may import internal/sentence and the HTML extractor; the
// packages that analyse articles import it, never the reverse.
package article

// Article is one loaded news article.
type Article struct {
	// Label names the outlet or source: from LABEL= on the command line,
	// else the "source:" header, the HTML site name, the URL host, or the
	// file name stem.
	Label string `json:"label"`
	// Path is the file the article came from, "-" for standard input, or
	// empty for a URL.
	Path string `json:"path,omitempty"`
	// URL is the address the article was fetched from, or the "url:" header.
	URL string `json:"url,omitempty"`
	// Title is the headline given by a "title:" header or the HTML title.
	Title string `json:"title,omitempty"`
	// Date is the publication date, YYYY-MM-DD where it could be parsed.
	Date string `json:"date,omitempty"`
	// Text is the normalised body text: header removed, paragraphs
	// separated by one blank line, no trailing space.
	Text string `json:"-"`
	// Sentences holds the body split into sentences; sentence n is
	// Sentences[n-1]. Each paragraph of Text is split on its own, so a
	// paragraph's sentences are consecutive and sentence.Split of that
	// paragraph alone gives them: what is known of a paragraph (that it
	// is a caption, say) carries over to its sentences.
	Sentences []string `json:"-"`
	// Kinds gives each sentence's kind (kind.go): body text, or a
	// caption, credit, link or heading around it. Nil means all body.
	Kinds []Kind `json:"-"`
	// marked holds the furniture the HTML's markup names, for Kinds.
	marked []markedText
	// SHA256 is the hex digest of Text, the article's identity in caches
	// and scripted mock replies.
	SHA256 string `json:"sha256"`
}

// Sentence returns sentence n (1-based), or "" when n is out of range.
func (a *Article) Sentence(n int) string {
	if n < 1 || n > len(a.Sentences) {
		return ""
	}
	return a.Sentences[n-1]
}
