package build

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestPool runs more jobs than cores, at most as many at once as there
// are cores, with a waiting function that adds jobs once a page count is
// set by a job: Wait returns after all of them.
func TestPool(t *testing.T) {
	p := newPool()
	var running, most, done atomic.Int64
	job := func() {
		n := running.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		for range 100 {
			runtime.Gosched() // let the others start, if the pool let them
		}
		running.Add(-1)
		done.Add(1)
	}
	count := newPageCount()
	var got int
	p.Waiting(func() {
		pages, err := count.wait()
		if err != nil {
			t.Error(err)
		}
		got = pages
		for range 10 {
			p.Go(job)
		}
	})
	for i := range 20 {
		p.Go(func() {
			if i == 7 {
				count.set(12, nil)
				count.set(99, nil) // only the first counts
			}
			job()
		})
	}
	p.Wait()
	if done.Load() != 30 {
		t.Errorf("%d jobs ran, want 30", done.Load())
	}
	if got != 12 {
		t.Errorf("the waiting function got %d pages, want 12", got)
	}
	if m := most.Load(); m > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d jobs ran at once on %d cores", m, runtime.GOMAXPROCS(0))
	}
}
