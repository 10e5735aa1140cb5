// Package prompts holds the versioned prompt templates newslens sends to a
// chat-completions endpoint, and renders them with an article's text.
//
// Every prompt has a name and a version, written name@N ("summarize@2").
// The released versions are embedded in the binary from
// prompts/<name>/v<N>.tmpl. A released version never changes: its SHA-256
// is recorded in prompts.lock and a test fails if the embedded bytes stop
// matching, so a summary's provenance (prompt ID and digest) always names
// exactly the text that produced it. To improve a prompt, add v<N+1>.
//
// # File format
//
// A template file is UTF-8 text in three parts: a header, a system
// section and a user section.
//
//	# Lines starting with '#' and blank lines in the header are ignored.
//	description: Summarise one article as plain text
//	temperature: 0.2
//	schema: summary
//
//	--- system
//	You are a careful news editor. ...
//	<schema>
//	{{schema}}
//	</schema>
//	--- user
//	<article>
//	{{article}}
//	</article>
//
// Header keys are description (required), temperature (optional, 0 to 2;
// absent leaves it to the endpoint) and schema (required: "summary" or
// "synthesis", the output schema the caller supplies). The lines
// "--- system" and "--- user" start the two sections, in that order; each
// section's text is everything up to the next section line or the end of
// the file, without leading and trailing blank lines.
//
// # Placeholders
//
// {{name}} (or {{ name }}) in a section is replaced by the variable of
// that name. Render
// makes one pass over the template and inserts each value literally: a
// value is never scanned for placeholders or parsed as a template, so
// article text full of "{{", "$" or "%" arrives byte for byte. There is no
// escape for a literal "{{" in a template. An unknown placeholder, or one
// whose variable the caller did not pass, is an error; pass "" for a value
// that is unknown.
//
// The variables are:
//
//	summarize  label, title, date, sentence_count, article (plain text),
//	           numbered_article (one sentence a line, "[n] sentence"),
//	           schema (JSON Schema of the reply; may be "" when the
//	           endpoint enforces structured output), part ("" for a whole
//	           article, else e.g. "part 2 of 3, sentences 41-80")
//	merge      label, title, sentence_count, partials (JSON array of the
//	           partial summaries, in article order), schema
//	compare    sources (JSON array of per-outlet summaries with their
//	           labels), findings (JSON of the deterministic comparison
//	           findings), schema
//
// A prompt with another name may use any of these variables.
//
// # Fences
//
// Untrusted text (title, article, numbered_article, partials, sources,
// findings) must sit between fence lines: a line "<tag>" and a later line
// "</tag>" in the same section, such as <article> and </article>. Loading
// a template that leaves one of them unfenced fails. When rendering, every
// value has each closing fence of the prompt neutralised ("</article>"
// becomes "</ article>", in any letter case), so article text cannot close
// its fence and pose as instructions.
//
// # Overrides
//
// Load overlays a directory with the same layout on the embedded
// templates: a file there replaces the embedded version of the same name
// and number, or adds a new one. Errors in such files name the file and
// line.
//
// It imports only the standard library: prompts are data that summarize
// and compare render, and know nothing of either.
package prompts
