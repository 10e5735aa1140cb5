package htmlpage_test

// The pages are checked in a real browser, headless Chromium driven
// through the DevTools protocol by chromedp: escaping tests on the HTML
// text can say that no <script> element was written, but only a browser
// can say that nothing on the page runs, that the stylesheet passes the
// page's own Content-Security-Policy, and that the layout fits.

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newslens/newslens/compare"
	"github.com/newslens/newslens/compare/versions"
	"github.com/newslens/newslens/internal/article"
	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
	"github.com/newslens/newslens/summarize"
)

var docShot = flag.String("docshot", "", "write a screenshot of the summit comparison page to this PNG file (for the README)")

const summitDir = "../../testdata/articles/summit"

// planted is markup an article might carry: were any of it to run, it
// would set data-pwned on the document element.
const planted = `<script>document.documentElement.setAttribute('data-pwned','script')</script>` +
	`<img src=x onerror="document.documentElement.setAttribute('data-pwned','onerror')">`

// browser starts headless Chromium for the test, or skips it when no
// browser is installed, except in CI (CI=true), where that fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium on PATH; CI must install it (apt-get install -y chromium), .ci/run does")
		}
		t.Skip("chromium is not installed (apt-get install -y chromium); skipping the browser checks of the HTML reports")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // the tests may run as root, where Chromium's sandbox will not start
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

func load(t *testing.T, name string) *article.Article {
	t.Helper()
	a, err := article.Load(t.Context(), filepath.Join(summitDir, name), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// hostile is the wire report with the planted markup in its title, in a
// sentence other outlets share, in one only it has, in a quotation, and a
// javascript: URL as its address.
func hostile(t *testing.T) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(summitDir, "wire.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	text = strings.Replace(text, "title: ", "title: </style>"+planted+" ", 1)
	text = strings.Replace(text, "url: https://wire.example.com/world/asia/putin-kim-pact-20240619", "url: javascript:document.documentElement.setAttribute('data-pwned','link')", 1)
	text = strings.Replace(text, "in a motorcade.", "in a motorcade "+planted+".", 1)
	text = strings.Replace(text, "deepen military ties.", "deepen military ties, <a href=\"javascript:alert(1)\">they said</a>.", 1)
	text = strings.Replace(text, `"strongest ever treaty"`, `"strongest ever treaty </style>`+planted+`"`, 1)
	a, err := article.Load(t.Context(), "wire=-", article.Options{Stdin: strings.NewReader(text)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// pages renders every kind of report with the planted markup in it.
func pages(t *testing.T) map[string][]byte {
	t.Helper()
	evil := hostile(t)
	arts := []*article.Article{evil}
	for _, n := range []string{"kcna.txt", "broadsheet.txt", "regional.txt", "rustate.txt"} {
		arts = append(arts, load(t, n))
	}
	r, err := compare.Sources(t.Context(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]byte)
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	out["compare"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := versions.Diff(load(t, "wire.txt"), evil).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	out["diff"] = bytes.Clone(b.Bytes())
	b.Reset()
	s, err := summarize.Article(t.Context(), evil, summarize.Extractive{})
	if err != nil {
		t.Fatal(err)
	}
	s.Quotes = append(s.Quotes, summarize.Quote{Speaker: "Kim", Text: "</style>" + planted, Sentence: 4})
	summarize.Check(s, evil)
	if err := summarize.WriteHTML(&b, []*summarize.Summary{s}, []*article.Article{evil}); err != nil {
		t.Fatal(err)
	}
	out["summarize"] = bytes.Clone(b.Bytes())
	return out
}

func writePage(t *testing.T, name string, page []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + path
}

// pageState is what the test reads back from the rendered page.
type pageState struct {
	Pwned       string `json:"pwned"`
	ScriptLinks int    `json:"scriptLinks"`
	Styled      bool   `json:"styled"`
	ScrollWidth int    `json:"scrollWidth"`
	ClientWidth int    `json:"clientWidth"`
	Details     int    `json:"details"`
}

// readState opens every <details> (the widest state of the page) and
// reads the marker, the links, whether the stylesheet applied and the
// page's width. DevTools evaluation is not the page's script, so the
// policy does not stop it.
const readState = `(() => {
	document.querySelectorAll('details').forEach(d => d.open = true);
	const de = document.documentElement;
	return {
		pwned: de.getAttribute('data-pwned') || '',
		scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
		styled: getComputedStyle(document.body).marginTop === '0px' && getComputedStyle(document.querySelector('main')).maxWidth !== 'none',
		scrollWidth: de.scrollWidth,
		clientWidth: de.clientWidth,
		details: document.querySelectorAll('details').length,
	};
})()`

// TestBrowserControl checks that the marker works: the planted markup,
// unescaped and without the policy, does run in this browser. Without
// it, the other tests could pass because scripts never run at all.
func TestBrowserControl(t *testing.T) {
	ctx := browser(t)
	url := writePage(t, "control", []byte("<!DOCTYPE html><html><body><main>"+planted+"</main></body></html>"))
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.getAttribute('data-pwned') || ''`))
	if err != nil {
		t.Fatal(err)
	}
	if got == "" {
		t.Fatal("the planted script did not run on a plain page, so the marker cannot show anything")
	}
}

// TestBrowserReports opens each report with planted markup at 1280 px and
// checks that nothing of it ran or became a link, that the stylesheet
// applied under the page's Content-Security-Policy, that no content is
// wider than the window with every <details> open, and that a screenshot
// shows a page rather than a blank.
func TestBrowserReports(t *testing.T) {
	ctx := browser(t)
	for name, page := range pages(t) {
		t.Run(name, func(t *testing.T) {
			url := writePage(t, name, page)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readState))
			if err != nil {
				t.Fatal(err)
			}
			if st.Pwned != "" {
				t.Errorf("planted markup ran: data-pwned=%q", st.Pwned)
			}
			if st.ScriptLinks != 0 {
				t.Errorf("got %d javascript: links, want none", st.ScriptLinks)
			}
			if !st.Styled {
				t.Errorf("the stylesheet did not apply: its hash does not match the Content-Security-Policy")
			}
			if st.ScrollWidth > st.ClientWidth {
				t.Errorf("page is %d px wide in a %d px window: it overflows horizontally", st.ScrollWidth, st.ClientWidth)
			}
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if inked := inkShare(t, shot); inked < 0.02 {
				t.Errorf("screenshot is %.1f%% ink, want a rendered page (at least 2%%)", 100*inked)
			}
		})
	}
}

// inkShare decodes a PNG and returns the share of its pixels that are not
// near-white.
func inkShare(t *testing.T, data []byte) float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xe000 || g < 0xe000 || bl < 0xe000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

// TestBrowserDocShot writes the README's screenshot of the summit
// comparison when -docshot is set.
func TestBrowserDocShot(t *testing.T) {
	if *docShot == "" {
		t.Skip("set -docshot to write the README screenshot")
	}
	ctx := browser(t)
	var arts []*article.Article
	for _, n := range []string{"wire.txt", "kcna.txt", "broadsheet.txt", "regional.txt", "rustate.txt"} {
		arts = append(arts, load(t, n))
	}
	r, err := compare.Sources(t.Context(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	url := writePage(t, "summit", b.Bytes())
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 1330), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := image.Decode(bytes.NewReader(shot)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*docShot, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}
