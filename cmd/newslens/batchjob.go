package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/safefile"
	"github.com/newslens/newslens/summarize"
)

// The Batch API's limits on one input file.
var (
	batchMaxRequests = 50000
	batchMaxBytes    = 200 << 20
)

// defaultState is where submit records a job when --state is not given.
const defaultState = "newslens-batch.json"

// jobState is the state file submit writes and status and collect read:
// what the requests were made from, so collect can make them again and
// match the results, and the batches. It never holds the API key.
type jobState struct {
	Version       int        `json:"version"`
	BaseURL       string     `json:"base_url"`
	Model         string     `json:"model"`
	Prompt        string     `json:"prompt"`
	PromptsDir    string     `json:"prompts_dir,omitempty"`
	Temperature   *float32   `json:"temperature,omitempty"`
	MaxTokens     int        `json:"max_tokens,omitempty"`
	ContextTokens int        `json:"context_tokens,omitempty"`
	MaxBytes      int64      `json:"max_bytes"`
	Articles      []string   `json:"articles"`
	Output        string     `json:"output,omitempty"`
	Batches       []jobBatch `json:"batches"`
}

type jobBatch struct {
	ID          string `json:"id"`
	InputFileID string `json:"input_file_id"`
	Requests    int    `json:"requests"`
	Status      string `json:"status"`
}

func saveState(path string, st *jobState) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := safefile.WriteFile(path, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("write the batch state file: %w", err)
	}
	return nil
}

func loadState(path string) (*jobState, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usagef("newslens batch submit ARTICLE...  (or pass the state file: newslens batch status FILE)", "no batch job: %s does not exist", path)
	}
	if err != nil {
		return nil, err
	}
	var st jobState
	if err := json.Unmarshal(b, &st); err != nil || st.Version != 1 {
		return nil, usagef("pass the state file newslens batch submit wrote", "%s is not a newslens batch state file", path)
	}
	return &st, nil
}

// chunks splits a batch file into input files within the API's limits,
// one line per Write, as json.Encoder writes them.
type chunks struct {
	files [][]byte
	lines []int
}

func (c *chunks) Write(p []byte) (int, error) {
	n := len(c.files)
	if n == 0 || c.lines[n-1] >= batchMaxRequests || len(c.files[n-1])+len(p) > batchMaxBytes {
		c.files = append(c.files, nil)
		c.lines = append(c.lines, 0)
		n++
	}
	c.files[n-1] = append(c.files[n-1], p...)
	c.lines[n-1]++
	return len(p), nil
}

func runBatchSubmit(ctx context.Context, opts *BatchOptions) error {
	if len(opts.Articles) == 0 {
		return usagef("newslens batch submit article.txt...", "no articles given")
	}
	for _, a := range opts.Articles {
		if a == "-" || strings.HasSuffix(a, "=-") {
			return usagef("save the article to a file first", "batch submit cannot read standard input: collect must read the articles again")
		}
	}
	if fi, err := os.Stat(opts.State); strings.HasSuffix(opts.State, string(os.PathSeparator)) || err == nil && fi.IsDir() {
		return usagef("name a file inside it, such as --state "+filepath.Join(opts.State, "job.json"), "cannot write --state %s: it names a directory", opts.State)
	} else if err == nil {
		return usagef("newslens batch collect, or --state another.json", "%s already records a batch job", opts.State)
	}
	if err := safefile.CheckOutput(opts.State); err != nil {
		return usagef("--state DIR/job.json", "cannot write --state %s: %v", opts.State, err)
	}
	e, b, err := llmEngine(opts.Endpoint, opts.Prompt, opts.IO)
	if err != nil {
		return err
	}
	defer b.close()
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, b.splits())
	if err != nil {
		return err
	}
	var fst fileStats
	var ch chunks
	if err := writeBatchFile(ctx, &ch, e, b, arts, &fst); err != nil {
		return err
	}
	fst.report(opts.IO, "the batch")
	st := newState(opts, e)
	for i, data := range ch.files {
		job, err := submitOne(ctx, b.client, fmt.Sprintf("newslens-batch-%d.jsonl", i+1), data)
		if err != nil {
			if len(st.Batches) > 0 {
				err = errors.Join(err, saveState(opts.State, st))
			}
			return fmt.Errorf("batch %d of %d: %w", i+1, len(ch.files), err)
		}
		st.Batches = append(st.Batches, jobBatch{ID: job.ID, InputFileID: job.InputFileID, Requests: ch.lines[i], Status: job.Status})
		fmt.Fprintf(opts.IO.Out, "%s  %s  %s\n", job.ID, job.Status, plural(ch.lines[i], "request"))
	}
	if err := saveState(opts.State, st); err != nil {
		return err
	}
	opts.IO.notice("job recorded in %s; see it with newslens batch status, then newslens batch collect", opts.State)
	return nil
}

func submitOne(ctx context.Context, c *llm.Client, name string, data []byte) (*llm.Batch, error) {
	id, err := c.UploadBatchFile(ctx, name, data)
	if err != nil {
		return nil, fmt.Errorf("upload %s: %w", name, err)
	}
	return c.CreateBatch(ctx, id)
}

func newState(opts *BatchOptions, e *summarize.LLM) *jobState {
	base := opts.Endpoint.BaseURL
	if u, err := url.Parse(base); err == nil {
		u.User = nil
		base = u.String()
	}
	return &jobState{
		Version:       1,
		BaseURL:       base,
		Model:         e.Client.Model(),
		Prompt:        e.Prompt.ID(),
		PromptsDir:    opts.Prompt.Dir,
		Temperature:   opts.Endpoint.Temperature,
		MaxTokens:     opts.Endpoint.MaxTokens,
		ContextTokens: opts.Endpoint.ContextTokens,
		MaxBytes:      opts.Input.MaxBytes,
		Articles:      opts.Articles,
		Output:        opts.Output.Path,
		Batches:       []jobBatch{},
	}
}

// jobFrom points opts at the job's state file: the one positional
// argument, or --state, and makes the requests as submit made them.
func jobFrom(opts *BatchOptions) (*jobState, error) {
	switch len(opts.Articles) {
	case 0:
	case 1:
		opts.State = opts.Articles[0]
	default:
		return nil, usagef("newslens batch collect [STATE]  (or --from RESULTS ARTICLE...)", "too many arguments: give at most one batch state file")
	}
	st, err := loadState(opts.State)
	if err != nil {
		return nil, err
	}
	if opts.Endpoint.BaseURL == "" {
		opts.Endpoint.BaseURL = st.BaseURL
	}
	opts.Endpoint.Model = st.Model
	opts.Endpoint.Temperature = st.Temperature
	opts.Endpoint.MaxTokens = st.MaxTokens
	opts.Endpoint.ContextTokens = st.ContextTokens
	opts.Prompt = promptOptions{Prompt: st.Prompt, Dir: st.PromptsDir}
	opts.Input.MaxBytes = st.MaxBytes
	opts.Articles = st.Articles
	if opts.Output.Path == "" {
		opts.Output.Path = st.Output
	}
	return st, nil
}

func runBatchStatus(ctx context.Context, opts *BatchOptions) error {
	st, err := jobFrom(opts)
	if err != nil {
		return err
	}
	c, err := jobClient(opts)
	if err != nil {
		return err
	}
	now, _ := summarize.Clock()
	for i, jb := range st.Batches {
		b, err := c.RetrieveBatch(ctx, jb.ID)
		if err != nil {
			return fmt.Errorf("batch %s: %w", jb.ID, err)
		}
		st.Batches[i].Status = b.Status
		fmt.Fprintf(opts.IO.Out, "%s  %-11s  completed %d  failed %d  total %d  %s\n", b.ID, b.Status, b.Completed, b.Failed, b.Total, timeLeft(b, now))
	}
	if len(st.Batches) == 0 {
		fmt.Fprintln(opts.IO.Out, "no batches: every article was in the response cache")
	}
	return saveState(opts.State, st)
}

func timeLeft(b *llm.Batch, now time.Time) string {
	switch {
	case b.Finished():
		return "finished"
	case b.ExpiresAt == 0:
		return "expiry not given"
	}
	left := time.Unix(b.ExpiresAt, 0).Sub(now).Round(time.Minute)
	if left <= 0 {
		return "past its window"
	}
	return "expires in " + left.String()
}

// jobClient is the client status and collect talk to the API with.
func jobClient(opts *BatchOptions) (*llm.Client, error) {
	b, err := openBackend(opts.Endpoint, opts.IO)
	if err != nil {
		return nil, err
	}
	b.close()
	return b.client, nil
}

// runBatchJobCollect downloads the results of every finished batch of
// the job and collects them; articles of batches still running, or that
// did not complete, are error entries, named on stderr. A later run
// finds what this one collected in the response cache.
func runBatchJobCollect(ctx context.Context, opts *BatchOptions) error {
	st, err := jobFrom(opts)
	if err != nil {
		return err
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	c, err := jobClient(opts)
	if err != nil {
		return err
	}
	results := make(map[string]*resultLine)
	for i, jb := range st.Batches {
		b, err := c.RetrieveBatch(ctx, jb.ID)
		if err != nil {
			return fmt.Errorf("batch %s: %w", jb.ID, err)
		}
		st.Batches[i].Status = b.Status
		if err := download(ctx, opts.IO, c, b, results); err != nil {
			return err
		}
	}
	if err := saveState(opts.State, st); err != nil {
		return err
	}
	return collect(ctx, opts, results, "the batch results")
}

// download reads a batch's output and error files into results and says
// on stderr what a batch that did not complete means.
func download(ctx context.Context, s stdio, c *llm.Client, b *llm.Batch, results map[string]*resultLine) error {
	switch b.Status {
	case "completed":
	case "failed":
		s.notice("batch %s failed: %s; its articles are error entries", b.ID, strings.Join(b.Errors, "; "))
	case "expired", "cancelled":
		s.notice("batch %s %s with %d of %d requests completed; the others are error entries (batch submit sends only those again)", b.ID, b.Status, b.Completed, b.Total)
	default:
		s.notice("batch %s is %s (%d of %d done); its articles are error entries until it finishes: run newslens batch collect again then", b.ID, b.Status, b.Completed+b.Failed, b.Total)
		return nil
	}
	for _, id := range []string{b.OutputFileID, b.ErrorFileID} {
		if id == "" {
			continue
		}
		data, err := c.FileContent(ctx, id)
		if err != nil {
			return fmt.Errorf("batch %s: download %s: %w", b.ID, id, err)
		}
		if err := readResults(strings.NewReader(string(data)), id, results); err != nil {
			return err
		}
	}
	return nil
}
