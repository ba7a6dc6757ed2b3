// Command scale writes a large synthetic household survey in the layout of
// the example project's Kobo exports, for measuring hromada on survey sizes
// beyond the example: by default 100,000 households × 40 columns.
//
//	go run ./examples/scale -households 100000 -o /tmp/survey100k.xlsx
//	go run ./examples/scale -households 100000 -o /tmp/survey100k.csv
//
// The figures are synthetic. The same flags give the same file.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hromada-tool/hromada/examples/scale/synth"
)

func main() {
	n := flag.Int("households", 100_000, "households (rows) to write")
	out := flag.String("o", "survey-large.xlsx", "output file: .xlsx or .csv")
	seed := flag.Uint64("seed", 2026, "random seed")
	flag.Parse()
	if err := synth.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}
