package summarize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newslens/newslens/internal/article"
)

// long summarises an article planned in several parts: the parts
// concurrently, then their partial summaries merged in as many levels as
// it takes for every merge request to fit the context budget. add is
// called with each result, in a fixed order (parts, then each level's
// merges), so usage and warnings do not depend on timing. It returns the
// final merge and the warning that says what was done.
func (e *LLM) long(ctx context.Context, a *article.Article, parts []span, add func(*result)) (*result, string, error) {
	// The total grows if the merges take more than one level, which is
	// known only once the parts are back.
	var done atomic.Int64
	total := int64(len(parts) + 1)
	step := func() {
		if e.Progress != nil {
			e.Progress(a, int(done.Add(1)), int(total))
		}
	}
	results, err := run(ctx, len(parts), func(ctx context.Context, i int) (*result, error) {
		defer step()
		r, err := e.complete(ctx, a, e.Prompt, promptVars(a, parts[i], len(parts)), map[string]string{"Part": fmt.Sprintf("%d/%d", i+1, len(parts))})
		if err != nil {
			return nil, fmt.Errorf("part %d of %d: %w", i+1, len(parts), err)
		}
		return r, nil
	})
	if err != nil {
		return nil, "", err
	}
	partials := make([]*modelOutput, len(results))
	for i, r := range results {
		add(r)
		partials[i] = r.out
	}
	var final *result
	levels := 0
	for final == nil {
		levels++
		groups, err := e.mergeGroups(a, partials)
		if err != nil {
			return nil, "", err
		}
		total = done.Load() + int64(requests(groups))
		if len(groups) > 1 {
			total++ // at least one more level
		}
		merged, err := run(ctx, len(groups), func(ctx context.Context, g int) (*result, error) {
			if len(groups[g]) == 1 {
				return &result{out: groups[g][0], cached: true}, nil
			}
			defer step()
			tags := map[string]string{}
			if len(groups) > 1 {
				tags["Merge"] = fmt.Sprintf("%d.%d", levels, g+1)
			}
			r, err := e.complete(ctx, a, e.Merge, mergeVars(a, groups[g]), tags)
			if err != nil {
				return nil, fmt.Errorf("merge: %w", err)
			}
			return r, nil
		})
		if err != nil {
			return nil, "", err
		}
		partials = make([]*modelOutput, 0, len(merged))
		for g, r := range merged {
			if len(groups[g]) > 1 {
				add(r)
			}
			partials = append(partials, r.out)
		}
		if len(merged) == 1 {
			final = merged[0]
		}
	}
	warning := fmt.Sprintf("the article does not fit the context budget of %d tokens; it was summarised in %d parts (sentences %s) and merged with %s", e.ContextTokens, len(parts), partRanges(parts), e.Merge.ID())
	if levels > 1 {
		warning += fmt.Sprintf(" in %d levels, so that every merge request fits", levels)
	}
	return final, warning, nil
}

// requests counts the groups that need a merge request.
func requests(groups [][]*modelOutput) int {
	n := 0
	for _, g := range groups {
		if len(g) > 1 {
			n++
		}
	}
	return n
}

// run calls f for 0..n-1 concurrently and returns the results in order.
// The first failure cancels the others and is returned; a failure that is
// only that cancellation never hides the one that caused it.
func run(ctx context.Context, n int, f func(ctx context.Context, i int) (*result, error)) ([]*result, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]*result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r, err := f(ctx, i)
			if err != nil {
				cancel(err)
				return
			}
			out[i] = r
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// acquire takes one of the engine's Parallel request slots, waiting for
// one to free up, and returns the function that gives it back.
func (e *LLM) acquire(ctx context.Context) (func(), error) {
	e.slotsOnce.Do(func() { e.slots = make(chan struct{}, max(e.Parallel, 1)) })
	select {
	case e.slots <- struct{}{}:
		return func() { <-e.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// mergeGroups splits partials, in order, into runs whose merge request
// fits the context budget with room for the reply. A run of one needs no
// merge and passes to the next level as it is. With no budget, or when
// all fit, there is one run.
func (e *LLM) mergeGroups(a *article.Article, partials []*modelOutput) ([][]*modelOutput, error) {
	whole := [][]*modelOutput{partials}
	if e.ContextTokens <= 0 || e.Tokens == nil || len(partials) < 2 {
		return whole, nil
	}
	vars := mergeVars(a, nil)
	vars["partials"] = ""
	system, user, err := e.Merge.Render(vars)
	if err != nil {
		return nil, fmt.Errorf("render prompt %s: %w", e.Merge.ID(), err)
	}
	room := e.ContextTokens - e.replyTokens() - (e.Tokens(system) + e.Tokens(user) + 16)
	cost := make([]int, len(partials))
	sum := 4 // the array's brackets
	for i, p := range partials {
		b, err := json.MarshalIndent(p, "  ", "  ")
		if err != nil {
			return nil, fmt.Errorf("encode partial summary: %w", err)
		}
		cost[i] = e.Tokens(string(b)) + 2 // indent and separator
		sum += cost[i]
	}
	if sum <= room {
		return whole, nil
	}
	var groups [][]*modelOutput
	from, used := 0, 4
	for i := range partials {
		if i > from && used+cost[i] > room {
			groups = append(groups, partials[from:i])
			from, used = i, 4
		}
		used += cost[i]
	}
	groups = append(groups, partials[from:])
	if len(groups) == len(partials) {
		return nil, errors.New(tooSmallToMerge(e.ContextTokens))
	}
	return groups, nil
}

func tooSmallToMerge(window int) string {
	return fmt.Sprintf("the partial summaries of this article are too long to merge even two at a time within a context of %d tokens; raise --context-tokens", window)
}

// replyTokens is the room kept for the reply in every request.
func (e *LLM) replyTokens() int {
	if e.MaxTokens > 0 {
		return e.MaxTokens
	}
	return min(defaultReplyTokens, e.ContextTokens/4)
}

func partRanges(parts []span) string {
	r := make([]string, len(parts))
	for i, p := range parts {
		r[i] = fmt.Sprintf("%d-%d", p.from, p.to)
	}
	return strings.Join(r, ", ")
}
