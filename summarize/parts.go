package summarize

import (
	"fmt"
	"strings"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/tokens"
)

// span is a run of sentences, 1-based and inclusive, that one request
// covers; index numbers the part from 1.
type span struct{ index, from, to int }

// defaultReplyTokens is the room kept for the reply when --max-tokens is
// not set.
const defaultReplyTokens = 4096

// plan splits a into parts whose prompts fit the context budget. With no
// budget, or when the whole article fits, there is one part. Sentences are
// never cut: a single sentence longer than a part's room is a part of its
// own.
func (e *LLM) plan(a *article.Article) ([]span, error) {
	whole := []span{{index: 1, from: 1, to: len(a.Sentences)}}
	if e.ContextTokens <= 0 || e.Tokens == nil {
		return whole, nil
	}
	if e.Merge == nil {
		return nil, fmt.Errorf("no merge prompt for long articles")
	}
	reply := e.replyTokens()
	empty := *a
	empty.Sentences = nil
	empty.Text = ""
	system, user, err := e.Prompt.Render(promptVars(&empty, span{index: 1, from: 1, to: 0}, 1))
	if err != nil {
		return nil, fmt.Errorf("render prompt %s: %w", e.Prompt.ID(), err)
	}
	// Most articles fit with room to spare. A token is at least one byte,
	// so byte counts bound the prompt from above and settle that without
	// loading an exact tokenizer, which costs a noticeable start-up time;
	// then a cheap estimate with a wide margin. Only articles near the
	// limit are counted exactly.
	if len(system)+len(user)+2*len(a.Text)+16+reply <= e.ContextTokens {
		return whole, nil
	}
	quick := tokens.Estimate(system) + tokens.Estimate(user) + 2*tokens.Estimate(a.Text)
	if 2*quick+reply <= e.ContextTokens {
		return whole, nil
	}
	overhead := e.Tokens(system) + e.Tokens(user) + 16 // message framing
	room := e.ContextTokens - reply - overhead
	if room < 64 {
		return nil, fmt.Errorf("the prompt alone needs %d tokens and the reply %d, leaving no room for the article in a context of %d tokens; raise --context-tokens", overhead, reply, e.ContextTokens)
	}
	cost := make([]int, len(a.Sentences))
	total := 0
	for i, s := range a.Sentences {
		// Each sentence is sent on a line as "[n] sentence".
		cost[i] = e.Tokens(fmt.Sprintf("[%d] %s\n", i+1, s))
		total += cost[i]
	}
	// The whole article is also sent as plain text by prompts that use it;
	// count it once more rather than guess which placeholders a prompt uses.
	if strings.Contains(e.Prompt.User+e.Prompt.System, "{{article}}") {
		total *= 2
		for i := range cost {
			cost[i] *= 2
		}
	}
	if total <= room {
		return whole, nil
	}
	var parts []span
	cur := span{index: 1, from: 1}
	used := 0
	for i := range a.Sentences {
		if used > 0 && used+cost[i] > room {
			cur.to = i
			parts = append(parts, cur)
			cur = span{index: len(parts) + 1, from: i + 1}
			used = 0
		}
		used += cost[i]
	}
	cur.to = len(a.Sentences)
	parts = append(parts, cur)
	return parts, nil
}
