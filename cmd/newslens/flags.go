package main

import (
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

const defaultModel = "gpt-4o-mini"

// The flag groups below are shared by the commands. Each group has an
// options struct, filled from the flags once, in the command's action; the
// work below it sees values and never the *cli.Context.

// stdio holds the streams a command reads and writes, and whether notices
// and progress are wanted on stderr.
type stdio struct {
	In    io.Reader
	Out   io.Writer
	Err   io.Writer
	Quiet bool
}

func stdioFrom(c *cli.Context) stdio {
	return stdio{In: c.App.Reader, Out: c.App.Writer, Err: c.App.ErrWriter, Quiet: c.Bool("quiet")}
}

// endpointOptions configure the OpenAI-compatible endpoint, the requests
// sent to it and the response cache in front of it.
type endpointOptions struct {
	BaseURL       string
	APIKey        string
	Model         string
	Temperature   *float32 // nil: the prompt's own
	MaxTokens     int
	Timeout       time.Duration
	Retries       int
	Verbose       bool
	Concurrency   int
	ContextTokens int
	CacheDir      string
	NoCache       bool
}

// configured reports whether the user pointed newslens at an endpoint, by
// flag or environment.
func (o endpointOptions) configured() bool { return o.BaseURL != "" || o.APIKey != "" }

// endpointFlags are the endpoint flags. A flag whose default is not a value
// says what it is in DefaultText, which replaces the "(default: 0)" that
// urfave/cli would otherwise print after it.
func endpointFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "base-url", EnvVars: []string{"OPENAI_BASE_URL"}, Usage: "OpenAI-compatible endpoint `URL`, e.g. http://localhost:11434/v1", DefaultText: "https://api.openai.com/v1"},
		&cli.StringFlag{Name: "api-key", EnvVars: []string{"OPENAI_API_KEY"}, Usage: "API `KEY`, sent only as an Authorization header"},
		&cli.StringFlag{Name: "model", EnvVars: []string{"NEWSLENS_MODEL"}, Value: defaultModel, Usage: "model `NAME`"},
		&cli.Float64Flag{Name: "temperature", Usage: "sampling temperature", DefaultText: "the prompt's own"},
		&cli.IntFlag{Name: "max-tokens", Usage: "cap on the reply's tokens", DefaultText: "the endpoint's"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "time allowed for each request"},
		&cli.IntFlag{Name: "retries", Value: 2, Usage: "retries after a rate limit, server error, dropped connection or timeout"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "log requests and replies to stderr (the API key is redacted)"},
		&cli.IntFlag{Name: "concurrency", Aliases: []string{"j"}, Value: 4, Usage: "articles processed at once"},
		&cli.IntFlag{Name: "context-tokens", Usage: "the model's context window; longer articles are summarised in parts and merged", DefaultText: "known per model, else 8192"},
		cacheDirFlag(),
		&cli.BoolFlag{Name: "no-cache", EnvVars: []string{"NEWSLENS_NO_CACHE"}, Usage: "neither read nor write the response cache"},
	}
}

func endpointFrom(c *cli.Context) endpointOptions {
	o := endpointOptions{
		BaseURL:       c.String("base-url"),
		APIKey:        c.String("api-key"),
		Model:         c.String("model"),
		MaxTokens:     c.Int("max-tokens"),
		Timeout:       c.Duration("timeout"),
		Retries:       c.Int("retries"),
		Verbose:       c.Bool("verbose"),
		Concurrency:   c.Int("concurrency"),
		ContextTokens: c.Int("context-tokens"),
		CacheDir:      c.String("cache-dir"),
		NoCache:       c.Bool("no-cache"),
	}
	if c.IsSet("temperature") {
		t := float32(c.Float64("temperature"))
		o.Temperature = &t
	}
	return o
}

func cacheDirFlag() cli.Flag {
	return &cli.StringFlag{Name: "cache-dir", EnvVars: []string{"NEWSLENS_CACHE_DIR"}, Usage: "response cache `DIR`", DefaultText: "the user cache directory's newslens folder"}
}

// engineOptions choose how summaries are made and how strictly they are
// held to their articles.
type engineOptions struct {
	Engine string // auto, llm or extractive
	Strict bool
}

func engineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "engine", EnvVars: []string{"NEWSLENS_ENGINE"}, Value: "auto", Usage: "`ENGINE`: auto (llm when an endpoint is configured, else extractive), llm or extractive"},
		&cli.BoolFlag{Name: "strict", Usage: "exit 1 when any grounding check fails (the output is still written)"},
	}
}

func engineFrom(c *cli.Context) engineOptions {
	return engineOptions{Engine: c.String("engine"), Strict: c.Bool("strict")}
}

// inputOptions limit what is accepted as an article.
type inputOptions struct {
	MaxBytes     int64
	FetchTimeout time.Duration
}

func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: "max-bytes", Value: 2 << 20, Usage: "largest article accepted, in bytes"},
		&cli.DurationFlag{Name: "fetch-timeout", Value: 20 * time.Second, Usage: "time allowed for fetching each article URL"},
	}
}

func inputFrom(c *cli.Context) inputOptions {
	return inputOptions{MaxBytes: c.Int64("max-bytes"), FetchTimeout: c.Duration("fetch-timeout")}
}

// outputOptions say where a command's result goes and in what form.
type outputOptions struct {
	Format string // as given; each command checks it against its own formats
	Path   string // "" or "-" for stdout
}

// outputFlags are the output flags of a command whose formats are named
// in formats, the default first: the --format usage lists exactly the
// formats the command accepts.
func outputFlags(formats []string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formats[0], Usage: "output `FORMAT`: " + strings.Join(formats, ", ")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no notices or progress on stderr"},
	}
}

func outputFrom(c *cli.Context) outputOptions {
	return outputOptions{Format: c.String("format"), Path: c.String("output")}
}

// promptOptions pick the prompt version and where extra prompts live.
type promptOptions struct {
	Prompt string
	Dir    string
}

func promptFlags(def string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "prompt", Value: def, Usage: "prompt `NAME[@VERSION]` (see: newslens prompts list)"},
		promptsDirFlag(),
	}
}

func promptsDirFlag() cli.Flag {
	return &cli.StringFlag{Name: "prompts-dir", EnvVars: []string{"NEWSLENS_PROMPTS_DIR"}, Usage: "`DIR` of prompts that add to or override the embedded ones"}
}

func promptFrom(c *cli.Context) promptOptions {
	return promptOptions{Prompt: c.String("prompt"), Dir: c.String("prompts-dir")}
}

func concat(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
