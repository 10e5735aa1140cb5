// Package sentence splits normalised article text into sentences, the
// units that sentence numbers count: a summary's evidence and a
// comparison's citations refer to them, so the splitter must not change
// without a golden-file diff showing it.
//
// Split runs the English punkt algorithm of github.com/neurosnap/sentences
// over that module's English model, kept as sorted text in english.punkt
// so that it needs no decoding (punkt.go; TestModelFile holds it to the
// module's data). The word splitter and the three annotation passes are
// the library's, rewritten with byte loops for regular expressions and
// with the model read in place (punktword.go, punktpass.go);
// TestPunktWordMatchesLibrary and FuzzPunktWord hold every answer and
// every annotation to the library's English tokenizer. A few rules of
// its own fix what punkt misses (a year ending a sentence, quotes in a
// row). Paragraphs (separated by a blank line) are split independently,
// and each distinct paragraph is split once per process.
//
// SplitWith takes splits from a Store (the response cache is one) so a
// warm run skips the model. Stored splits are keyed by Key, which covers
// splitVersion and everything else Split depends on; TestSplitLock fails
// when Split's output changes while splitVersion stays the same.
//
// The package imports the standard library and github.com/neurosnap/sentences
// (whose token types and annotation passes it builds on), nothing of
// newslens; internal/article imports it.
package sentence
