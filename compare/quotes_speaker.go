package compare

import (
	"github.com/newslens/newslens/internal/quote"
	"github.com/newslens/newslens/internal/words"
)

// quotesOf returns the quotations of an article's sentences, each with a
// speaker that is a name, a title with a name or an organisation, or
// none. The quote package keeps a medium the words are credited through
// ("Russian news agencies said") apart as the quote's Source; a speaker
// in lower case is kept only when it names an institution ("the union
// said"), since anything else in lower case is a misread clause. Words
// in quote marks that are a label, not speech ("the so-called "..."")
// have no speaker.
func quotesOf(sentences []string) []quoteT {
	qs := quote.Extract(sentences)
	for i := range qs {
		if s := qs[i].Speaker; qs[i].Kind == quote.Term || s != "" && !words.IsCapitalized(s) && !quote.IsInstitution(s) {
			qs[i].Speaker = ""
		}
	}
	return qs
}
