package llm

import (
	"encoding/json"
	"fmt"

	openai "github.com/sashabaranov/go-openai"
)

// Body returns the JSON body Complete would send first for req, without
// sending it: the model, messages, parameters and the response_format the
// Client currently uses. It is what a batch input file carries for req.
func (c *Client) Body(req Request) ([]byte, error) {
	if len(req.Messages) == 0 {
		return nil, &Error{Kind: KindBadRequest, Message: "chat completion request has no messages"}
	}
	level := levelNone
	c.mu.Lock()
	if req.Schema != nil {
		level = c.level
	}
	legacy := c.legacyTokens
	c.mu.Unlock()
	b, err := json.Marshal(c.chatRequest(req, level))
	if err != nil {
		return nil, fmt.Errorf("encode chat request: %w", err)
	}
	if req.Temperature != nil && *req.Temperature == 0 {
		b = setZeroTemperature(b)
	}
	if legacy {
		b = legacyMaxTokens(b)
	}
	return b, nil
}

// Reply turns a chat completion body that arrived some other way, such
// as a line of a batch result file, into a Response as Complete would
// return it for a request sent with Body: refusals, content filters and
// cut-off replies are *Error, and the API key is scrubbed from the text.
func (c *Client) Reply(body []byte) (*Response, error) {
	var resp openai.ChatCompletionResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, &Error{Kind: KindBadResponse, Message: fmt.Sprintf("the result is not a chat completion: %v", err)}
	}
	c.mu.Lock()
	level := c.level
	c.mu.Unlock()
	return c.response(&resp, level, nil, 0)
}
