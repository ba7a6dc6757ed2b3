package main

import (
	"runtime"
	"sync"
)

// forEach calls do(i) for i in [0, n), at most jobs at a time; jobs ≤ 0
// means as many as the cores Go may use. Each call must write only its
// own results, so that the outcome does not depend on the order.
func forEach(n, jobs int, do func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
