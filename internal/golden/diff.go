package golden

import (
	"bytes"
	"fmt"
	"strings"
)

const (
	// context is how many unchanged lines surround each change.
	context = 2
	// maxDiffLines bounds the diff shown; the first lines locate a change.
	maxDiffLines = 80
	// maxCells bounds the table of the longest-common-subsequence search;
	// past it the differing middle is shown as all removed, all added.
	maxCells = 1 << 22
)

// op is one line of a diff: ' ' kept, '-' only in want, '+' only in got.
type op struct {
	kind byte
	line string
}

// Diff returns a line diff of want and got, marking lines only in want
// with "-" and lines only in got with "+", with a little unchanged
// context around each change; a last line without a newline is marked.
func Diff(want, got []byte) string {
	ops := diffLines(splitLines(want), splitLines(got))
	var b strings.Builder
	shown := 0
	wantLine, gotLine := 1, 1
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			wantLine, gotLine, i = wantLine+1, gotLine+1, i+1
			continue
		}
		start := max(0, i-context)
		end := hunkEnd(ops, i)
		fmt.Fprintf(&b, "@@ want line %d, got line %d @@\n", wantLine-(i-start), gotLine-(i-start))
		for _, o := range ops[start:end] {
			if shown == maxDiffLines {
				fmt.Fprintf(&b, "... (diff cut at %d lines)\n", maxDiffLines)
				return b.String()
			}
			writeOp(&b, o)
			shown++
		}
		for _, o := range ops[i:end] {
			if o.kind != '+' {
				wantLine++
			}
			if o.kind != '-' {
				gotLine++
			}
		}
		i = end
	}
	return b.String()
}

// hunkEnd returns the end of the hunk whose first change is at i: past
// the last change that is within 2*context unchanged lines of the one
// before it, plus context.
func hunkEnd(ops []op, i int) int {
	last := i
	for j := i; j < len(ops) && j-last <= 2*context; j++ {
		if ops[j].kind != ' ' {
			last = j
		}
	}
	return min(len(ops), last+1+context)
}

func writeOp(b *strings.Builder, o op) {
	b.WriteByte(o.kind)
	b.WriteString(strings.TrimSuffix(o.line, "\n"))
	b.WriteByte('\n')
	if !strings.HasSuffix(o.line, "\n") {
		b.WriteString("\\ no newline at end of file\n")
	}
}

// splitLines splits b after each newline; a final line may lack one.
func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			i = len(b) - 1
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}

// diffLines returns the edit from a to b: the common prefix and suffix
// kept, and the middle aligned on a longest common subsequence.
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	ops = append(ops, middle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}

// middle aligns a and b on a longest common subsequence of lines.
func middle(a, b []string) []op {
	var ops []op
	if len(a)*len(b) > maxCells {
		for _, l := range a {
			ops = append(ops, op{'-', l})
		}
		for _, l := range b {
			ops = append(ops, op{'+', l})
		}
		return ops
	}
	// lcs[i][j] is the length of a longest common subsequence of a[i:]
	// and b[j:].
	w := len(b) + 1
	lcs := make([]int, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	return ops
}
