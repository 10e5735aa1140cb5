package llmtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ParseReply parses a reply spec written as key=value words, as a
// testscript command receives it, for example
//
//	status=429 retry-after=1 times=1
//	content=@summary.json prompt=summarize@2 format=json_schema
//	drop times=1
//	body=@bad.html status=502
//	refusal="I can't help with that"
//	finish=length
//	delay=300ms
//	article=3fa2
//
// Keys: prompt, article, format, times, content, refusal, finish, status,
// message, param, body, header=Name:Value (repeatable), retry-after,
// retry-after-ms, delay, prompt-tokens, completion-tokens, and the flags
// drop, no-choices and empty-body. A value of content, refusal, message or body that
// starts with @ names a file, read relative to dir. A value may be
// double-quoted in Go syntax, and a quoted value split across several
// words is joined back with single spaces.
func ParseReply(dir string, args []string) (Reply, error) {
	var r Reply
	for i := 0; i < len(args); i++ {
		arg := args[i]
		key, val, hasVal := strings.Cut(arg, "=")
		if !hasVal {
			if err := r.setFlag(arg); err != nil {
				return Reply{}, err
			}
			continue
		}
		if strings.HasPrefix(val, `"`) {
			for !closedQuote(val) && i+1 < len(args) {
				i++
				val += " " + args[i]
			}
			uq, err := strconv.Unquote(val)
			if err != nil {
				return Reply{}, fmt.Errorf("reply spec %s: bad quoted value %s", key, val)
			}
			val = uq
		}
		if err := r.set(dir, key, val); err != nil {
			return Reply{}, err
		}
	}
	return r, nil
}

// setFlag sets a key written without a value.
func (r *Reply) setFlag(arg string) error {
	switch arg {
	case "drop":
		r.Drop = true
	case "no-choices", "nochoices":
		r.NoChoices = true
	case "empty-body":
		r.EmptyBody = true
	default:
		return fmt.Errorf("reply spec: %q is not key=value or a known flag (drop, no-choices, empty-body)", arg)
	}
	return nil
}

// set sets the field key names to val, a file's contents when val is
// @name for a key that takes text.
func (r *Reply) set(dir, key, val string) error {
	text := map[string]*string{"content": &r.Content, "refusal": &r.Refusal, "message": &r.Message, "body": &r.Body}
	ints := map[string]*int{"times": &r.Times, "prompt-tokens": &r.PromptTokens, "completion-tokens": &r.CompletionTokens}
	plain := map[string]*string{"prompt": &r.Prompt, "article": &r.Article, "finish": &r.FinishReason, "param": &r.Param}
	headers := map[string]string{"retry-after": "Retry-After", "retry-after-ms": "Retry-After-Ms"}
	var err error
	switch {
	case text[key] != nil:
		*text[key], err = readValue(dir, key, val)
	case ints[key] != nil:
		*ints[key], err = parseInt(key, val)
	case plain[key] != nil:
		*plain[key] = val
	case headers[key] != "":
		r.setHeader(headers[key], val)
	case key == "format":
		if val != "json_schema" && val != "json_object" && val != "none" && val != embeddingsFormat {
			return fmt.Errorf("reply spec format=%s: want json_schema, json_object, none or embeddings", val)
		}
		r.Format = val
	case key == "status":
		r.Status, err = parseInt(key, val)
		if err == nil && (r.Status < 100 || r.Status > 599) {
			err = fmt.Errorf("reply spec status=%s: not an HTTP status", val)
		}
	case key == "header":
		name, v, ok := strings.Cut(val, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return fmt.Errorf("reply spec header=%s: want header=Name:Value", val)
		}
		r.setHeader(strings.TrimSpace(name), strings.TrimSpace(v))
	case key == "delay":
		r.Delay, err = time.ParseDuration(val)
		if err != nil {
			err = fmt.Errorf("reply spec delay=%s: %w", val, err)
		}
	default:
		return fmt.Errorf("reply spec: unknown key %q", key)
	}
	return err
}

func (r *Reply) setHeader(name, value string) {
	if r.Header == nil {
		r.Header = make(map[string]string)
	}
	r.Header[name] = value
}

// closedQuote reports whether s, which starts with a double quote, ends
// with an unescaped closing one.
func closedQuote(s string) bool {
	if len(s) < 2 || !strings.HasSuffix(s, `"`) {
		return false
	}
	backslashes := 0
	for i := len(s) - 2; i > 0 && s[i] == '\\'; i-- {
		backslashes++
	}
	return backslashes%2 == 0
}

func parseInt(key, val string) (int, error) {
	n, err := strconv.Atoi(val)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("reply spec %s=%s: want a non-negative integer", key, val)
	}
	return n, nil
}

func readValue(dir, key, val string) (string, error) {
	name, ok := strings.CutPrefix(val, "@")
	if !ok {
		return val, nil
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("reply spec %s=%s: %w", key, val, err)
	}
	return string(b), nil
}
