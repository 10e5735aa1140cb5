//go:build tools

package tools

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/mattn/go-isatty"
	_ "github.com/neurosnap/sentences/english"
	_ "github.com/pkoukk/tiktoken-go"
	_ "github.com/pkoukk/tiktoken-go-loader"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/sashabaranov/go-openai"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "github.com/urfave/cli/v2"
)
