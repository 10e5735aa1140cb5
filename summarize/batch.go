package summarize

import (
	"context"
	"sync"

	"github.com/newslens/newslens/internal/article"
)

// All summarises every article with at most n in flight at once (n < 1
// means 1). Results and errors keep the input order; one failure does not
// stop the others. done, if not nil, is called once per article as it
// finishes, from the worker goroutine. When ctx is cancelled, articles not
// yet started fail with ctx's error and those in flight are cancelled.
func All(ctx context.Context, arts []*article.Article, engine Engine, n int, done func(i int, err error)) ([]*Summary, []error) {
	if n < 1 {
		n = 1
	}
	if n > len(arts) {
		n = len(arts)
	}
	sums := make([]*Summary, len(arts))
	errs := make([]error, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := ctx.Err(); err != nil {
					errs[i] = err
				} else {
					sums[i], errs[i] = Article(ctx, arts[i], engine)
				}
				if done != nil {
					done(i, errs[i])
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return sums, errs
}
