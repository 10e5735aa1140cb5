package summarize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

var (
	fenceRE = regexp.MustCompile("(?s)```[a-zA-Z]*[ \t]*\r?\n(.*?)\r?\n?```")
	thinkRE = regexp.MustCompile(`(?s)<think>.*?</think>`)
)

// ExtractJSON finds the JSON object in a model reply: the whole reply, a
// ```json fence, or the first object embedded in surrounding prose.
// Reasoning blocks some local models emit (<think>...</think>) are skipped.
func ExtractJSON(reply string) ([]byte, error) {
	reply = strings.TrimSpace(thinkRE.ReplaceAllString(reply, ""))
	if reply == "" {
		return nil, fmt.Errorf("the reply is empty")
	}
	if json.Valid([]byte(reply)) {
		return []byte(reply), nil
	}
	for _, m := range fenceRE.FindAllStringSubmatch(reply, -1) {
		body := strings.TrimSpace(m[1])
		if json.Valid([]byte(body)) {
			return []byte(body), nil
		}
	}
	// The first '{' from which one complete JSON value decodes.
	for i := 0; i < len(reply); i++ {
		if reply[i] != '{' {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(reply[i:]))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == nil {
			return raw, nil
		}
	}
	snippet := reply
	if len(snippet) > 60 {
		snippet = snippet[:60] + "..."
	}
	return nil, fmt.Errorf("no JSON object found in the reply (it begins %q)", snippet)
}

// parseReply extracts, validates and decodes a summary reply for an article
// of n sentences. Structural problems (no JSON, schema violations) make the
// reply unusable; range problems (a sentence number the article does not
// have) leave it usable, to be flagged by the grounding checks if a repair
// request does not fix them. Every problem is returned so a repair request
// can name them all.
func parseReply(reply string, n int) (out *modelOutput, structural, ranges []string) {
	raw, err := ExtractJSON(reply)
	if err != nil {
		return nil, []string{err.Error()}, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, []string{"invalid JSON: " + err.Error()}, nil
	}
	if problems := summarySchema().Validate(v); len(problems) > 0 {
		return nil, problems, nil
	}
	out = new(modelOutput)
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(out); err != nil {
		return nil, []string{"decode: " + err.Error()}, nil
	}
	var problems []string
	inRange := func(path string, k int, zeroOK bool) {
		if (k == 0 && zeroOK) || (k >= 1 && k <= n) {
			return
		}
		problems = append(problems, fmt.Sprintf("%s: sentence %d does not exist (the article has sentences 1 to %d)", path, k, n))
	}
	for i, p := range out.KeyPoints {
		for j, k := range p.Evidence {
			inRange(fmt.Sprintf("$.key_points[%d].evidence[%d]", i, j), k, false)
		}
	}
	for i, q := range out.Quotes {
		inRange(fmt.Sprintf("$.quotes[%d].sentence", i), q.Sentence, true)
	}
	for i, f := range out.Figures {
		inRange(fmt.Sprintf("$.figures[%d].sentence", i), f.Sentence, true)
	}
	if strings.TrimSpace(out.Headline) == "" {
		structural = append(structural, "$.headline: empty")
	}
	if strings.TrimSpace(out.Summary) == "" {
		structural = append(structural, "$.summary: empty")
	}
	if len(structural) > 0 {
		return nil, structural, problems
	}
	return out, nil, problems
}
