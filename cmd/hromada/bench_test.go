package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/examples/scale/synth"
	"github.com/hromada-tool/hromada/internal/heap"
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
			peak := heap.Watch()
			b.ResetTimer()
			for b.Loop() {
				if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
					b.Fatalf("assess exited %d", code)
				}
			}
			b.StopTimer()
			b.ReportMetric(peak(), "peak-heap-MiB")
		})
	}
}

// BenchmarkRunExample is the README's main command: check, assess, plan
// and budget the example's six communities and write their 18 workbooks
// and the consolidated workbook.
func BenchmarkRunExample(b *testing.B) {
	out := b.TempDir()
	args := []string{"run", filepath.Join("..", "..", "examples", "zhytomyr"), "-o", out, "-q"}
	peak := heap.Watch()
	for b.Loop() {
		if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("run exited %d", code)
		}
	}
	b.StopTimer()
	b.ReportMetric(peak(), "peak-heap-MiB")
}
