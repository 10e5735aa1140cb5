package main

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeCommands checks that the README's Commands block shows every
// command and every subcommand the app has.
func TestReadmeCommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "\n## Commands\n\n```\n")
	if !ok {
		t.Fatal("README.md has no Commands block")
	}
	block, _, _ := strings.Cut(after, "```")
	lines := strings.Split(block, "\n")
	app := newApp(strings.NewReader(""), io.Discard, io.Discard)
	for _, c := range app.Commands {
		if c.Hidden {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			if !hasLine(lines, "newslens "+c.Name, "") {
				t.Errorf("README Commands block has no line for newslens %s", c.Name)
			}
			for _, sub := range c.Subcommands {
				if sub.Hidden || sub.Name == "help" {
					continue
				}
				if !hasLine(lines, "newslens "+c.Name, sub.Name) {
					t.Errorf("README Commands block has no line for newslens %s %s", c.Name, sub.Name)
				}
			}
		})
	}
}

// hasLine reports whether a line starts with prefix followed by a space
// and, unless word is "", has word as a whole word after it.
func hasLine(lines []string, prefix, word string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\b`)
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, prefix+" ")
		if ok && (word == "" || re.MatchString(rest)) {
			return true
		}
	}
	return false
}
