// Package structured runs structured completions: a chat request whose
// reply must be a JSON object that the caller can check, with at most one
// repair request when it cannot. It is the one place where a reply is
// found in the model's text, judged, repaired, counted and kept: package
// summarize (one request per article or part), package compare (the
// synthesis) and anything that receives replies some other way, such as
// a batch result file, all use it.
//
// Sending is split from judging. Complete sends the first request and
// hands its reply to Finish; a caller that already holds a reply calls
// Finish itself, which checks it and sends the repair request if needed.
//
// Only checked replies are kept by a response cache: each request carries
// an Accept function (see llm.Request) that the cache consults before it
// stores a reply and when it finds one, so an unusable reply is never
// stored and a stored one that fails the check counts as a miss.
//
// It may import internal/llm and the standard library, nothing else of
// newslens: the packages above it bring their own schema and checks.
package structured

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/newslens/newslens/internal/llm"
)

// Completer sends one chat request; *llm.Client and the response cache's
// wrapper provide it.
type Completer interface {
	Complete(ctx context.Context, req llm.Request) (*llm.Response, error)
}

// Check judges one reply's content. It returns the decoded value, or nil
// when the reply cannot be used, and every problem found, so that a repair
// request can name them all. A value returned with problems is usable but
// flawed (a sentence number out of range, say): a repair is asked for, and
// the value stands if the repair is no better.
type Check[T any] func(content string) (value *T, problems []string)

// Spec describes one structured completion.
type Spec[T any] struct {
	// Request is the first request: messages, schema, parameters, tags.
	Request llm.Request
	// Check judges each reply.
	Check Check[T]
	// What names what the reply must be, for errors: "summary".
	What string
	// Noun names the reply in the warning a successful repair leaves:
	// "reply" gives "the first reply was not valid (...)".
	Noun string
	// Label, if set, starts every error: the article's label.
	Label string
	// Raw, if non-nil, keeps a reply that could not be used, for the
	// user to inspect; its path is named in the error.
	Raw *RawStore
}

// Usage is the tokens the requests of one completion used.
type Usage struct {
	PromptTokens, CompletionTokens int
}

// Result is a checked reply.
type Result[T any] struct {
	Value *T
	// Usage adds up the first request and the repair, if any.
	Usage Usage
	// Warnings are the client's (such as a response_format fallback) and
	// one saying a repair request fixed the reply.
	Warnings []string
	// Model is the model the endpoint reports for the reply used.
	Model string
	// Cached is true when no request reached the endpoint.
	Cached bool
}

// Complete sends s.Request and returns its checked reply, after at most
// one repair request. Errors from the endpoint come back wrapped with
// s.Label; a reply that cannot be used even after the repair is a
// *ReplyError.
func Complete[T any](ctx context.Context, c Completer, s Spec[T]) (*Result[T], error) {
	req := s.Request
	req.Accept = accept(s.Check)
	resp, err := c.Complete(ctx, req)
	if err != nil {
		return nil, s.wrap(err)
	}
	return Finish(ctx, c, s, resp)
}

// Finish checks first, the reply to s.Request however it was obtained,
// and when it has problems sends one repair request through c: the
// request, the reply, and a user turn naming the problems.
func Finish[T any](ctx context.Context, c Completer, s Spec[T], first *llm.Response) (*Result[T], error) {
	r := &Result[T]{
		Usage:    Usage{first.PromptTokens, first.CompletionTokens},
		Warnings: slices.Clone(first.Warnings),
		Model:    first.Model,
		Cached:   first.Cached,
	}
	value, problems := s.Check(first.Content)
	if len(problems) == 0 && value != nil {
		r.Value = value
		return r, nil
	}
	if len(problems) == 0 {
		problems = []string{"the reply could not be decoded"}
	}
	resp, err := c.Complete(ctx, repairRequest(s, first.Content, problems))
	if err != nil {
		return nil, s.wrap(fmt.Errorf("repair request: %w", err))
	}
	r.Usage.PromptTokens += resp.PromptTokens
	r.Usage.CompletionTokens += resp.CompletionTokens
	r.Cached = r.Cached && resp.Cached
	for _, w := range resp.Warnings {
		if !slices.Contains(r.Warnings, w) {
			r.Warnings = append(r.Warnings, w)
		}
	}
	value2, problems2 := s.Check(resp.Content)
	switch {
	case value2 != nil:
		r.Value = value2
		r.Model = firstNonEmpty(resp.Model, r.Model)
		if len(problems2) == 0 {
			r.Warnings = append(r.Warnings, fmt.Sprintf("the first %s was not valid (%s); a repair request fixed it", s.Noun, JoinProblems(problems, 2)))
		}
	case value != nil:
		// The first reply stands, flaws and all: the caller's own checks
		// report them.
		r.Value = value
	default:
		return nil, s.replyError(resp, problems2)
	}
	return r, nil
}

// repairRequest is s.Request followed by the unusable reply and a turn
// naming its problems. It carries the tag Repair: 1.
func repairRequest[T any](s Spec[T], content string, problems []string) llm.Request {
	req := s.Request
	req.Messages = append(slices.Clone(req.Messages),
		llm.Message{Role: "assistant", Content: content},
		llm.Message{Role: "user", Content: RepairMessage(problems)},
	)
	req.Tags = map[string]string{"Repair": "1"}
	maps.Copy(req.Tags, s.Request.Tags)
	req.Accept = accept(s.Check)
	return req
}

// accept is the request's cache policy: keep only a reply check can use.
func accept[T any](check Check[T]) func(*llm.Response) bool {
	return func(r *llm.Response) bool {
		v, _ := check(r.Content)
		return v != nil
	}
}

func (s Spec[T]) wrap(err error) error {
	if s.Label == "" {
		return err
	}
	return fmt.Errorf("%s: %w", s.Label, err)
}

func (s Spec[T]) replyError(last *llm.Response, problems []string) *ReplyError {
	e := &ReplyError{Label: s.Label, What: s.What, Problems: problems}
	if s.Raw != nil {
		path, err := s.Raw.Save(s.Request.Tags, last.Content)
		if err != nil {
			e.RawErr = err
		}
		e.RawPath = path
	}
	return e
}

// Temperature is the temperature to send: override when it is set, else
// the prompt's own, else none.
func Temperature(override *float32, prompt *float64) *float32 {
	if override != nil {
		return override
	}
	if prompt != nil {
		t := float32(*prompt)
		return &t
	}
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
