/*
Newslens summarises news articles into structured, checked summaries,
compares how several outlets cover one event, and diffs two versions of one
article. It talks to any OpenAI-compatible chat-completions endpoint, or
works offline.

Usage:

	newslens summarize [flags] ARTICLE...
	newslens compare   [flags] ARTICLE ARTICLE...
	newslens diff      [flags] OLD NEW
	newslens sentences [flags] ARTICLE...
	newslens prompts   list | show NAME[@N] | diff NAME@A NAME@B
	newslens cache     stats | clear
	newslens batch     submit | status | collect | file [flags] ...

An ARTICLE is a file, "-" for standard input, or an http(s) URL, and may be
prefixed with LABEL= to name the outlet ("bbc=story.html"). Plain text may
start with a header block of "key: value" lines (title, source, date, url)
ended by a blank line; HTML files and pages have their main text, title,
site name and date extracted locally. The text is split into sentences
numbered from 1, and those numbers are what summaries and comparisons cite.
Flags may come before or after the articles; everything after "--" is an
article.

Every article is loaded and checked before any request is made, and an
-o file that cannot be written is refused before that, so bad input costs
nothing.

# Summarize

Summarize turns each article into a headline, a summary, key points with
the sentence numbers they rest on, entities, quotes with speakers and
figures, then checks the result against the article: quotes must occur
verbatim, figures must occur in the text, cited sentences must share words
with their point, and names must occur. Failed checks are reported as
warnings; with --strict they also make the exit code 1.

With --engine auto (the default) a language model is used when an endpoint
is configured (OPENAI_API_KEY or OPENAI_BASE_URL, or --api-key / --base-url),
and otherwise the offline extractive engine, which says so on stderr.
--engine llm requires an endpoint; --engine extractive never uses one.

# Compare

Compare aligns the sentences of two or more outlets' articles and reports
what all of them carry, what only one has, figures that disagree, the names
each uses and how each renders the same quote. With an endpoint it also
summarises each article and asks the model for a synthesis of the findings.
--threshold sets the similarity (0 to 1) at which two sentences count as
reporting the same thing.

# Diff

Diff shows a word-level diff of two versions of one article. Its exit code
is 0 when they are identical and 1 when they differ.

# Sentences

Sentences (or text) prints each article as newslens reads it: its label,
title, date, URL or path, digest and sentence count, then every sentence
on a line of its own after its number. Use it to check what was
extracted from a page and what a summary's "evidence": [3] cites. It
makes no request. The json form has the same "source" block as a
summary and a "sentences" list of {"n", "text"}.

# Prompts and the cache

The prompts subcommands list, print and diff the versioned prompts, the
embedded ones and those in --prompts-dir. The cache subcommands show the
response cache's size and last run, or clear it.

# Batch

Batch hands many articles to a batch engine instead of a request loop.
"batch file -o requests.jsonl ARTICLE..." writes, one line per article,
exactly the request summarize would send, in OpenAI batch input format,
leaving out articles whose reply is already in the response cache.
"batch collect --from results.jsonl ARTICLE..." reads the engine's result
file (OpenAI's output format, which vLLM's run_batch also writes) and
writes what summarize --format jsonl would write for the same replies,
filling the response cache. Pass collect the same articles and flags as
file. "batch submit ARTICLE..." uploads the requests to the OpenAI Batch
API and records the job in newslens-batch.json (--state), mode 0600 and
without the API key; "batch status" shows its progress and "batch collect"
writes the summaries once it has finished, and may be run again to finish
what was missing.

# Output

--format chooses text (the default), markdown, json or, for summarize,
jsonl. Results go to standard output, notices and progress to standard
error, so "newslens summarize -f json a.txt | jq" works. Text is coloured
only on a terminal and only when NO_COLOR is unset.

For several articles, json is an array and jsonl a line with one entry
per article given, in order, whatever failed: an article that failed keeps
its place as {"source": {...}, "error": "..."}, and the run exits 1 after
listing the failures on standard error.

-o FILE writes the result to FILE instead. The whole result is rendered
first, so a failed run writes nothing. A regular file is replaced
atomically, keeping its mode; a symbolic link has its target replaced; a
new file gets mode 0666 less the umask; a FIFO, a device or /dev/stdout is
written to directly.

# Exit codes

	0    success (diff: the versions are identical)
	1    a run-time failure: the endpoint failed, a reply was unusable,
	     some articles of a batch failed, --strict checks failed
	     (diff: the versions differ)
	2    bad usage or bad input (an article, a flag, an -o file that
	     cannot be written), reported before any request
	130  interrupted

# Environment

OPENAI_API_KEY, OPENAI_BASE_URL, NEWSLENS_MODEL, NEWSLENS_ENGINE,
NEWSLENS_PROMPTS_DIR, NEWSLENS_CACHE_DIR and NEWSLENS_NO_CACHE set the
flags of the same meaning. SOURCE_DATE_EPOCH fixes the time stamped on
output, for reproducible runs. The API key is sent only in the request's
Authorization header and never written anywhere else.

# Layout

This package only wires things together. Each command's action fills one
options struct from its flags (flags.go) and passes it to a run function
(summarize.go, compare.go, diff.go, prompts.go, cache.go). Articles are
loaded in load.go; the endpoint client and the response cache are built
once per run in backend.go; output formats and the -o file are handled in
output.go; errors become exit codes in one place, errors.go. It may import
every package of the module.
*/
package main
