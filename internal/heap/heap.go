// Package heap measures the peak Go heap of a piece of work, for the
// benchmarks that report memory beside time.
package heap

import (
	"runtime"
	"sync/atomic"
	"time"
)

// Watch samples the heap in use every 10 ms until the returned function is
// called, which returns the peak above the heap at the start, in MiB.
func Watch() func() float64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	return func() float64 {
		close(done)
		return float64(peak.Load()-min(peak.Load(), base.HeapInuse)) / (1 << 20)
	}
}
