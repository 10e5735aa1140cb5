package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/cache"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/safefile"
	"github.com/newslens/newslens/internal/tokens"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

const defaultModel = "gpt-4o-mini"

// endpointFlags configure the OpenAI-compatible endpoint.
func endpointFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "base-url", EnvVars: []string{"OPENAI_BASE_URL"}, Usage: "OpenAI-compatible endpoint `URL`, e.g. http://localhost:11434/v1 (default: https://api.openai.com/v1)"},
		&cli.StringFlag{Name: "api-key", EnvVars: []string{"OPENAI_API_KEY"}, Usage: "API `KEY`, sent only as an Authorization header"},
		&cli.StringFlag{Name: "model", EnvVars: []string{"NEWSLENS_MODEL"}, Value: defaultModel, Usage: "model `NAME`"},
		&cli.Float64Flag{Name: "temperature", Usage: "sampling temperature (default: the prompt's own)"},
		&cli.IntFlag{Name: "max-tokens", Usage: "cap on the reply's tokens (default: the endpoint's)"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "time allowed for each request"},
		&cli.IntFlag{Name: "retries", Value: 2, Usage: "retries after a rate limit, server error, dropped connection or timeout"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "log requests and replies to stderr (the API key is redacted)"},
		&cli.IntFlag{Name: "concurrency", Aliases: []string{"j"}, Value: 4, Usage: "articles processed at once"},
		&cli.IntFlag{Name: "context-tokens", Usage: "the model's context window; longer articles are summarised in parts and merged (default: known per model, else 8192)"},
		&cli.StringFlag{Name: "cache-dir", EnvVars: []string{"NEWSLENS_CACHE_DIR"}, Usage: "response cache `DIR` (default: the user cache directory's newslens folder)"},
		&cli.BoolFlag{Name: "no-cache", EnvVars: []string{"NEWSLENS_NO_CACHE"}, Usage: "neither read nor write the response cache"},
	}
}

func engineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "engine", EnvVars: []string{"NEWSLENS_ENGINE"}, Value: "auto", Usage: "`ENGINE`: auto (llm when an endpoint is configured, else extractive), llm or extractive"},
		&cli.BoolFlag{Name: "strict", Usage: "exit 1 when any grounding check fails (the output is still written)"},
	}
}

func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: "max-bytes", Value: 2 << 20, Usage: "largest article accepted, in bytes"},
	}
}

func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text, markdown, json or jsonl"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no notices or progress on stderr"},
	}
}

func promptFlags(def string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "prompt", Value: def, Usage: "prompt `NAME[@VERSION]` (see: newslens prompts list)"},
		&cli.StringFlag{Name: "prompts-dir", EnvVars: []string{"NEWSLENS_PROMPTS_DIR"}, Usage: "`DIR` of prompts that add to or override the embedded ones"},
	}
}

func concat(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func summarizeCommand() *cli.Command {
	return &cli.Command{
		Name:      "summarize",
		Aliases:   []string{"summarise"},
		Usage:     "summarise articles into structured, checked summaries",
		ArgsUsage: "ARTICLE...  (a file, - for stdin, or an http(s) URL; LABEL=ARTICLE names the outlet)",
		Flags: concat(
			endpointFlags(),
			promptFlags("summarize"),
			inputFlags(),
			outputFlags(),
			engineFlags(),
		),
		OnUsageError: onUsageError,
		Action:       runSummarize,
	}
}

func runSummarize(c *cli.Context) error {
	format, err := checkFormat(c.String("format"), "text", "markdown", "json", "jsonl")
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usagef("newslens summarize article.txt", "no articles given")
	}
	engine, finish, err := newEngine(c)
	if err != nil {
		return err
	}
	defer finish()
	arts, err := loadArticles(c)
	if err != nil {
		return err
	}
	bar := newProgress(c, len(arts), "summarising")
	sums, errs := summarize.All(c.Context, arts, engine, c.Int("concurrency"), func(int, error) { bar.step() })
	bar.done()
	var ok []*summarize.Summary
	for i, s := range sums {
		if errs[i] == nil {
			ok = append(ok, s)
		}
	}
	if err := firstCancel(errs); err != nil {
		return err
	}
	failed := 0
	for _, e := range errs {
		if e != nil {
			failed++
		}
	}
	if failed == len(arts) && failed == 1 {
		return errs[0]
	}
	if len(ok) > 0 {
		if err := writeOutput(c, func(w io.Writer) error {
			return renderSummaries(w, format, ok, colorFor(c.App.Writer) && c.String("output") == "")
		}); err != nil {
			return err
		}
	}
	if err := strictCheck(c, ok); err != nil && failed == 0 {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(c.App.ErrWriter, "newslens: %d of %d articles failed:\n", failed, len(arts))
		for i, e := range errs {
			if e != nil {
				fmt.Fprintf(c.App.ErrWriter, "  %s: %s\n", arts[i].Label, oneLine(strings.TrimPrefix(e.Error(), arts[i].Label+": ")))
			}
		}
		return &exitError{code: exitFailure}
	}
	return nil
}

// strictCheck fails the run under --strict when a summary failed a
// grounding check; the output has been written by then.
func strictCheck(c *cli.Context, sums []*summarize.Summary) error {
	if !c.Bool("strict") {
		return nil
	}
	var bad []string
	for _, s := range sums {
		if s.Failed() {
			bad = append(bad, s.Source.Label)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("grounding checks failed (--strict) for %s; see the warnings in the output", strings.Join(bad, ", "))
}

func firstCancel(errs []error) error {
	for _, e := range errs {
		if errors.Is(e, context.Canceled) {
			return e
		}
	}
	return nil
}

func renderSummaries(w io.Writer, format string, sums []*summarize.Summary, color bool) error {
	switch format {
	case "json":
		return summarize.WriteJSON(w, sums)
	case "jsonl":
		return summarize.WriteJSONL(w, sums)
	case "markdown":
		return summarize.WriteMarkdown(w, sums)
	default:
		return summarize.WriteText(w, sums, color)
	}
}

func checkFormat(f string, allowed ...string) (string, error) {
	if f == "md" {
		f = "markdown"
	}
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	return "", usagef("--format "+allowed[0], "unknown format %q; use one of %s", f, strings.Join(allowed, ", "))
}

// writeOutput renders into memory first, so a failed render never leaves a
// half-written file, then writes to stdout or atomically to --output.
func writeOutput(c *cli.Context, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if path := c.String("output"); path != "" && path != "-" {
		return safefile.WriteFile(path, buf.Bytes(), 0o644)
	}
	_, err := c.App.Writer.Write(buf.Bytes())
	return err
}

// loadArticles loads every argument before any work starts, so bad input
// costs no requests; all load errors are reported together.
func loadArticles(c *cli.Context) ([]*article.Article, error) {
	opt := article.Options{MaxBytes: c.Int64("max-bytes"), Stdin: c.App.Reader, UserAgent: "newslens/" + version}
	stdin := 0
	for _, arg := range c.Args().Slice() {
		if arg == "-" || strings.HasSuffix(arg, "=-") {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usagef("", "standard input (-) can be read only once")
	}
	if usesCache(c) {
		cc, err := runCache(c)
		if err != nil {
			return nil, err
		}
		opt.Splits = cc
	}
	arts, all := article.LoadAll(c.Context, c.Args().Slice(), opt, 0)
	var errs []error
	for _, err := range all {
		if err != nil {
			errs = append(errs, err)
		}
	}
	switch len(errs) {
	case 0:
		return arts, nil
	case 1:
		return nil, errs[0]
	}
	for _, e := range errs[:len(errs)-1] {
		fmt.Fprintf(c.App.ErrWriter, "newslens: %s\n", oneLine(e.Error()))
	}
	return nil, errs[len(errs)-1]
}

// endpointConfigured reports whether the user pointed newslens at an
// endpoint, by flag or environment.
func endpointConfigured(c *cli.Context) bool {
	return c.String("base-url") != "" || c.String("api-key") != ""
}

// newCompleter builds the endpoint client, behind the response cache
// unless --no-cache. finish persists the cache's counters.
func newCompleter(c *cli.Context) (summarize.Completer, func(), error) {
	finish := func() {}
	client, err := newClient(c)
	if err != nil {
		return nil, finish, err
	}
	if c.Bool("no-cache") {
		return client, finish, nil
	}
	cc, err := runCache(c)
	if err != nil {
		return nil, finish, err
	}
	var log io.Writer
	if c.Bool("verbose") {
		log = c.App.ErrWriter
	}
	finish = func() {
		if err := cc.Flush(); err != nil && c.Bool("verbose") {
			notice(c, "cache: %v", err)
		}
	}
	return cc.Wrap(client, log), finish, nil
}

// usesCache reports whether this run sends articles to an endpoint
// through the response cache. Such a run also keeps its sentence splits
// there, so that a warm rerun skips the splitter; an offline run writes
// nothing to the cache.
func usesCache(c *cli.Context) bool {
	return !c.Bool("no-cache") && c.String("engine") != "extractive" && endpointConfigured(c)
}

// runCache opens the cache of --cache-dir once per run, for the split
// store and the response cache to share.
func runCache(c *cli.Context) (*cache.Cache, error) {
	if cc, ok := c.App.Metadata[cacheKey].(*cache.Cache); ok {
		return cc, nil
	}
	cc, err := cache.Open(c.String("cache-dir"))
	if err != nil {
		return nil, fmt.Errorf("open the response cache (or pass --no-cache): %w", err)
	}
	if c.App.Metadata == nil {
		c.App.Metadata = map[string]any{}
	}
	c.App.Metadata[cacheKey] = cc
	return cc, nil
}

const cacheKey = "newslens/cache"

func newClient(c *cli.Context) (*llm.Client, error) {
	cfg := llm.Config{
		BaseURL: c.String("base-url"),
		APIKey:  c.String("api-key"),
		Model:   c.String("model"),
		Timeout: c.Duration("timeout"),
		Retries: c.Int("retries"),
	}
	if c.Bool("verbose") {
		cfg.Log = c.App.ErrWriter
	}
	if cfg.Retries < 0 {
		return nil, usagef("--retries 2", "--retries must be 0 or more")
	}
	return llm.New(cfg)
}

func loadPrompt(c *cli.Context, kind string) (*prompts.Prompt, error) {
	reg, err := prompts.Load(c.String("prompts-dir"))
	if err != nil {
		return nil, usagef("", "%v", err)
	}
	p, err := reg.Lookup(c.String("prompt"))
	if err != nil {
		return nil, usagef("newslens prompts list", "%v", err)
	}
	if p.Name != kind && p.Schema != "summary" {
		return nil, usagef("newslens prompts list", "prompt %s is not a %s prompt", p.ID(), kind)
	}
	return p, nil
}

// newEngine builds the summarising engine the flags ask for. finish
// persists the cache's counters and must be called when the run ends.
func newEngine(c *cli.Context) (engine summarize.Engine, finish func(), err error) {
	finish = func() {}
	switch c.String("engine") {
	case "extractive":
		return summarize.Extractive{}, finish, nil
	case "auto":
		if !endpointConfigured(c) {
			notice(c, "no endpoint configured; using the offline extractive engine (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to use a language model)")
			return summarize.Extractive{}, finish, nil
		}
	case "llm":
		if !endpointConfigured(c) {
			return nil, finish, usagef("export OPENAI_API_KEY=... (OpenAI), or pass --base-url http://localhost:11434/v1 (Ollama)",
				"--engine llm needs an endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL, or pass --api-key / --base-url")
		}
	default:
		return nil, finish, usagef("--engine auto", "unknown engine %q; use auto, llm or extractive", c.String("engine"))
	}
	p, err := loadPrompt(c, "summarize")
	if err != nil {
		return nil, finish, err
	}
	merge, err := prompts.Get("merge", 0)
	if err != nil {
		return nil, finish, err
	}
	completer, finish, err := newCompleter(c)
	if err != nil {
		return nil, finish, err
	}
	model := c.String("model")
	window := c.Int("context-tokens")
	if window == 0 {
		window = tokens.ContextWindow(model)
	}
	if window < 0 {
		return nil, finish, usagef("--context-tokens 8192", "--context-tokens must be positive")
	}
	e := &summarize.LLM{
		Client:        completer,
		Prompt:        p,
		MaxTokens:     c.Int("max-tokens"),
		Merge:         merge,
		ContextTokens: window,
		Tokens:        func(text string) int { return tokens.Count(model, text) },
	}
	if c.IsSet("temperature") {
		t := float32(c.Float64("temperature"))
		e.Temperature = &t
	}
	return e, finish, nil
}
