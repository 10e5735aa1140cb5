package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/summarize"
)

// SentencesOptions is everything sentences needs, filled from the flags
// once.
type SentencesOptions struct {
	IO       stdio
	Input    inputOptions
	Output   outputOptions
	Articles []string
}

// sentenceFormats are the sentences command's output formats, the
// default first.
var sentenceFormats = []format[[]*article.Article]{
	{"text", writeSentencesText},
	{"markdown", func(w io.Writer, arts []*article.Article, _ bool) error { return writeSentencesMarkdown(w, arts) }},
	{"json", func(w io.Writer, arts []*article.Article, _ bool) error {
		if len(arts) == 1 {
			return writeJSON(w, loadedOf(arts[0]))
		}
		list := make([]loaded, len(arts))
		for i, a := range arts {
			list[i] = loadedOf(a)
		}
		return writeJSON(w, list)
	}},
	{"jsonl", func(w io.Writer, arts []*article.Article, _ bool) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, a := range arts {
			if err := enc.Encode(loadedOf(a)); err != nil {
				return err
			}
		}
		return nil
	}},
}

func sentencesCommand() *cli.Command {
	return &cli.Command{
		Name:      "sentences",
		Aliases:   []string{"text"},
		Usage:     "show articles as newslens reads them: metadata and numbered sentences",
		ArgsUsage: "ARTICLE...  (a file, - for stdin, or an http(s) URL; LABEL=ARTICLE names the outlet)",
		Flags: concat(
			inputFlags(),
			outputFlags(formatNames(sentenceFormats)),
		),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			opts := &SentencesOptions{
				IO:       stdioFrom(c),
				Input:    inputFrom(c),
				Output:   outputFrom(c),
				Articles: c.Args().Slice(),
			}
			return runSentences(c.Context, opts)
		},
	}
}

func runSentences(ctx context.Context, opts *SentencesOptions) error {
	f, err := pickFormat(opts.Output.Format, sentenceFormats)
	if err != nil {
		return err
	}
	if len(opts.Articles) == 0 {
		return usagef("newslens sentences article.txt", "no articles given")
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, nil)
	if err != nil {
		return err
	}
	return writeResult(opts.IO, opts.Output.Path, f, arts)
}

// loaded is the JSON of one article as loaded: the source block a summary
// of it carries, and its sentences with the numbers summaries cite.
type loaded struct {
	Source    summarize.Source `json:"source"`
	Sentences []numbered       `json:"sentences"`
}

type numbered struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	// Kind is what the sentence is on the page when it is not the
	// article's own text: caption, credit, link or heading. Such
	// sentences keep their numbers but are never summarised or compared.
	Kind string `json:"kind,omitempty"`
}

func loadedOf(a *article.Article) loaded {
	l := loaded{Source: summarize.SourceOf(a), Sentences: make([]numbered, len(a.Sentences))}
	for i, s := range a.Sentences {
		l.Sentences[i] = numbered{N: i + 1, Text: s, Kind: kindTag(a, i+1)}
	}
	return l
}

// kindTag is the kind of sentence n of a, or "" for the article's own
// text.
func kindTag(a *article.Article, n int) string {
	if k := a.Kind(n); k != article.Body {
		return k.String()
	}
	return ""
}

// metadata are an article's fields as name-value pairs, the empty ones
// left out.
func metadata(a *article.Article) [][2]string {
	var out [][2]string
	for _, f := range [][2]string{
		{"title", a.Title}, {"date", a.Date}, {"url", a.URL}, {"path", a.Path},
		{"sha256", a.SHA256}, {"sentences", fmt.Sprint(len(a.Sentences))},
	} {
		if f[1] != "" {
			out = append(out, f)
		}
	}
	return out
}

// writeSentencesText writes each article's label and metadata, then one
// sentence a line after its number, so grep finds a sentence's number.
func writeSentencesText(w io.Writer, arts []*article.Article, color bool) error {
	st := struct{ bold, dim, reset string }{}
	if color {
		st.bold, st.dim, st.reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
	}
	var b strings.Builder
	for i, a := range arts {
		if i > 0 {
			b.WriteString("\n" + strings.Repeat("─", 60) + "\n\n")
		}
		fmt.Fprintf(&b, "%s%s%s\n", st.bold, a.Label, st.reset)
		for _, m := range metadata(a) {
			fmt.Fprintf(&b, "%s%-10s%s %s\n", st.dim, m[0], st.reset, m[1])
		}
		b.WriteString("\n")
		width := len(fmt.Sprint(len(a.Sentences)))
		for n, s := range a.Sentences {
			if k := kindTag(a, n+1); k != "" {
				s = st.dim + "(" + k + ")" + st.reset + " " + s
			}
			fmt.Fprintf(&b, "%s%*d%s  %s\n", st.dim, width, n+1, st.reset, s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSentencesMarkdown writes each article as a section: its metadata
// as a list, its sentences as a numbered list.
func writeSentencesMarkdown(w io.Writer, arts []*article.Article) error {
	var b strings.Builder
	for i, a := range arts {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		fmt.Fprintf(&b, "## %s\n\n", mdText(a.Label))
		for _, m := range metadata(a) {
			fmt.Fprintf(&b, "- **%s**: %s\n", m[0], mdText(m[1]))
		}
		b.WriteString("\n")
		for n, s := range a.Sentences {
			tag := ""
			if k := kindTag(a, n+1); k != "" {
				tag = "*(" + k + ")* "
			}
			fmt.Fprintf(&b, "%d. %s%s\n", n+1, tag, mdText(s))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText escapes the characters that Markdown would read as markup.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
