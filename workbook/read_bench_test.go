package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeBigSurvey writes a survey-like sheet of rows × cols cells with the
// stream writer: numbers, yes/no answers, dates and codes of a
// select_multiple question.
func writeBigSurvey(b *testing.B, rows, cols int) string {
	b.Helper()
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	values := make([]any, cols)
	for c := range values {
		values[c] = fmt.Sprintf("q%d", c+1)
	}
	if err := sw.SetRow("A1", values); err != nil {
		b.Fatal(err)
	}
	answers := []string{"yes", "no", "dnk", "food shelter", "2024-07-30T15:50:17+0200"}
	for r := 2; r <= rows+1; r++ {
		for c := range values {
			switch c % 4 {
			case 0:
				values[c] = r * c
			case 1:
				values[c] = float64(r) / 7
			default:
				values[c] = answers[(r+c)%len(answers)]
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(ref, values); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := x.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkTable streams a 100,000-row × 40-column workbook and touches
// every cell. It reports the file's bytes per second and the peak heap in
// use while reading, sampled every 10 ms (ReadMemStats stops the world, so not more often).
func BenchmarkTable(b *testing.B) {
	const rows, cols = 100_000, 40
	path := writeBigSurvey(b, rows, cols)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()

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

	b.ResetTimer()
	for b.Loop() {
		f, err := Open(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		tb, err := f.Table("")
		if err != nil {
			b.Fatal(err)
		}
		n, width := 0, 0
		for tb.Next() {
			for _, v := range tb.Row() {
				width += len(v)
			}
			n++
		}
		if err := tb.Err(); err != nil {
			b.Fatal(err)
		}
		if n != rows || width == 0 {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
		if err := tb.Close(); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(done)
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapInuse))/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(rows*cols)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
}
