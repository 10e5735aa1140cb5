package structured

import (
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

// Decode finds the JSON object in reply, checks it with validate (a
// JSON Schema validator, say, given the generically decoded value) and
// decodes it into a new T. The problems are ExtractJSON's error, invalid
// JSON, validate's list or a decoding error; a T is returned only when
// there are none.
func Decode[T any](reply string, validate func(v any) []string) (*T, []string) {
	raw, err := ExtractJSON(reply)
	if err != nil {
		return nil, []string{err.Error()}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, []string{"invalid JSON: " + err.Error()}
	}
	if validate != nil {
		if problems := validate(v); len(problems) > 0 {
			return nil, problems
		}
	}
	out := new(T)
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, []string{"decode: " + err.Error()}
	}
	return out, nil
}
