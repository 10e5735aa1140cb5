package structured

import (
	"fmt"
	"strings"
)

// JoinProblems joins the first n problems with "; " and counts the rest:
// "a; b; and 3 more". Errors and warnings about a model's reply use it.
func JoinProblems(p []string, n int) string {
	if len(p) <= n {
		return strings.Join(p, "; ")
	}
	return strings.Join(p[:n], "; ") + fmt.Sprintf("; and %d more", len(p)-n)
}

// RepairMessage is the user turn of a repair request: the problems found
// in the model's reply, at most 20 of them, and a request for corrected
// JSON.
func RepairMessage(problems []string) string {
	var b strings.Builder
	b.WriteString("Your reply could not be used:\n")
	for i, p := range problems {
		if i == 20 {
			fmt.Fprintf(&b, "- and %d more\n", len(problems)-i)
			break
		}
		b.WriteString("- " + p + "\n")
	}
	b.WriteString("Reply again with only the corrected JSON object, matching the schema exactly.")
	return b.String()
}

// ReplyError reports a model reply that could not be used even after one
// repair request.
type ReplyError struct {
	// Label names what was being completed, such as an article's label;
	// it may be empty.
	Label string
	// What the reply had to be, such as "summary" or "synthesis".
	What string
	// Problems are those of the last reply.
	Problems []string
	// RawPath names the file the last reply was saved to, if it was.
	RawPath string
	// RawErr is why the reply could not be saved, if it could not.
	RawErr error
}

func (e *ReplyError) Error() string {
	msg := fmt.Sprintf("the model's reply is not a valid %s (%s)", e.What, JoinProblems(e.Problems, 3))
	if e.Label != "" {
		msg = e.Label + ": " + msg
	}
	switch {
	case e.RawPath != "":
		msg += "; raw reply saved to " + e.RawPath
	case e.RawErr != nil:
		msg += "; the raw reply could not be saved: " + e.RawErr.Error()
	}
	return msg
}
