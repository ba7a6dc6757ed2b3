// Command national writes a synthetic hromada project of any number of
// communities — by default 1,469, as many as Ukraine has, with a household
// survey of 1,000,000 households in all — for measuring hromada (and R) at
// the scale of the whole country.
//
// The project is laid out as the example project examples/zhytomyr: the
// same project.xlsx settings, groups and needs, registry.xlsx,
// providers.xlsx, costs.xlsx and questionnaire.xlsx, and one KoboToolbox
// export per community in survey/, with the example's columns. Its
// households, samples and answers come from the example's models
// (examples/internal/sim). Everything in it is synthetic: the
// communities' names, their KATOTTG-like codes and their populations too.
//
// Usage, from the repository root:
//
//	go run ./examples/national -o /tmp/national-xlsx
//	go run ./examples/national -communities 1469 -households 1000000 -format csv -o /tmp/national-csv
//	go run ./examples/national -communities 20 -households 10000 -o /tmp/small
//
// Flags: -communities N, -households N (surveyed, over all communities:
// in proportion to households, at least 150 a community, at most a
// quarter of its households), -format xlsx|csv, -o DIR, -seed N, -workers
// N (communities made at once; default one per CPU, which changes no byte).
// The same flags write the same files. Survey files are written a row at
// a time; one community's population and sample are in memory at once per
// worker.
//
// examples/national/bench compares hromada with R's survey package and with
// the time unzip takes to read the survey sheets; see its bench.sh.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hromada-tool/hromada/project"
)

func main() {
	var opt Options
	flag.IntVar(&opt.Communities, "communities", 1469, "number of communities")
	flag.IntVar(&opt.Households, "households", 1_000_000, "households surveyed, over all communities")
	flag.StringVar(&opt.Format, "format", XLSX, "survey files: xlsx or csv")
	flag.Uint64Var(&opt.Seed, "seed", 2026, "seed of the random generator")
	flag.IntVar(&opt.Workers, "workers", 0, "communities made at once (0: one per CPU)")
	out := flag.String("o", "national", "write the project into `DIR`")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "national: no arguments expected; use -o DIR")
		os.Exit(2)
	}
	start := time.Now()
	n, err := Generate(*out, opt)
	if err != nil {
		fmt.Fprintln(os.Stderr, "national:", err)
		os.Exit(1)
	}
	inputs, surveys, files, err := sizes(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "national:", err)
		os.Exit(1)
	}
	rows := 0
	for _, c := range n.Communities {
		rows += c.Rows
	}
	fmt.Printf("%s: %d communities, %d households surveyed, in %.1f s\n", *out, len(n.Communities), rows, time.Since(start).Seconds())
	fmt.Printf("inputs %.1f MB, %d survey files %.1f MB\n", mb(inputs), files, mb(surveys))
}

// sizes returns the bytes of the project's input workbooks and of its
// survey files, and how many survey files there are.
func sizes(dir string) (inputs, surveys int64, files int, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if strings.HasPrefix(filepath.ToSlash(rel), project.SurveyDir+"/") {
			surveys += info.Size()
			files++
		} else {
			inputs += info.Size()
		}
		return nil
	})
	return
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }
