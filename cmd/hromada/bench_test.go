package main

import (
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hromada-tool/hromada/examples/scale/synth"
)

// BenchmarkAssessSurvey100k is the whole quick-mode assessment of a
// 100,000-household × 40-column Kobo-style XLSX survey — reading,
// estimating 14 needs × 13 groups with intervals, printing JSON — as
//
//	hromada assess --survey s.xlsx --weight weight --strata stratum --cluster settlement \
//	  --by idp,low_income,child_disability,large_family,difficult_circumstances,has_children \
//	  --need needs --json
//
// It reports the peak Go heap in use while assessing. testdata/bench/
// assess_survey.R does the same work in R for comparison.
func BenchmarkAssessSurvey100k(b *testing.B) {
	for _, ext := range []string{"xlsx", "csv"} {
		b.Run(ext, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "survey."+ext)
			if err := synth.Write(path, 100_000, 2026); err != nil {
				b.Fatal(err)
			}
			args := strings.Fields("assess --survey " + path + " --weight weight --strata stratum --cluster settlement" +
				" --by idp,low_income,child_disability,large_family,difficult_circumstances,has_children --need needs --json")
			peak := watchHeap()
			b.ResetTimer()
			for b.Loop() {
				if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
					b.Fatalf("assess exited %d", code)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
		})
	}
}

// watchHeap samples the heap in use every 10 ms until the returned
// function is called, which gives the peak above the starting heap.
func watchHeap() func() uint64 {
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
				if m.HeapInuse > base.HeapInuse && m.HeapInuse-base.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse - base.HeapInuse)
				}
			}
		}
	}()
	return func() uint64 {
		close(done)
		return peak.Load()
	}
}

// BenchmarkRunExample is the README's main command: check, assess, plan
// and budget the example's six communities and write their 18 workbooks
// and the consolidated workbook.
func BenchmarkRunExample(b *testing.B) {
	out := b.TempDir()
	args := []string{"run", filepath.Join("..", "..", "examples", "zhytomyr"), "-o", out, "-q"}
	peak := watchHeap()
	for b.Loop() {
		if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("run exited %d", code)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
}
