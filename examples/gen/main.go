// Command gen rebuilds the example project examples/zhytomyr: six
// communities of Zhytomyr oblast with their real 2022 population and
// everything else synthetic, made from a fixed seed so every run writes
// the same bytes.
//
// It builds a synthetic population of households for each community,
// draws a stratified cluster sample from it and writes the sample as
// KoboToolbox exports (survey/*.xlsx), then writes the project's input
// workbooks — settings, registry counts, providers, costs — and the
// questionnaire, consistent with that population.
//
// Usage, from the repository root:
//
//	go run ./examples/gen [-o DIR] [-seed N]
//
// or go generate ./examples/...
package main

//go:generate go run . -o ../zhytomyr

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/examples/internal/sim"
)

// DefaultSeed is the seed of the committed example.
const DefaultSeed = 20260101

func main() {
	out := flag.String("o", "examples/zhytomyr", "write the example project into `DIR`")
	seed := flag.Uint64("seed", DefaultSeed, "seed of the random generator")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gen: no arguments expected; use -o DIR")
		os.Exit(2)
	}
	if _, err := Generate(*out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// example is what Generate made, for the README and the tests.
type example struct {
	Seed        uint64
	Communities []*community
	Surveys     []*survey
	Units       []hromada.Unit // the catalogue's unit of each needs option
	Known       [][]any        // rows of the Known clients sheet, by community then sim.KnownServices
}

// Generate writes the example project into dir from seed. Each community
// draws from its own random stream, so changing one does not change the
// others.
func Generate(dir string, seed uint64) (*example, error) {
	if err := os.MkdirAll(filepath.Join(dir, "survey"), 0o755); err != nil {
		return nil, err
	}
	ex := &example{Seed: seed}
	for i, p := range places {
		r := rand.New(rand.NewPCG(seed, uint64(i+1)))
		c, err := sim.BuildCommunity(p, r)
		if err != nil {
			return nil, err
		}
		s := drawSurvey(c, r)
		if err := sim.WriteXLSX(filepath.Join(dir, surveyFile(p)), s); err != nil {
			return nil, err
		}
		ex.Communities = append(ex.Communities, c)
		ex.Surveys = append(ex.Surveys, s)
	}
	rows, err := writeInputs(dir, ex)
	if err != nil {
		return nil, err
	}
	return ex, writeReadme(dir, ex, rows)
}

// surveyFile is the path of p's survey in the project folder.
func surveyFile(p place) string { return "survey/" + p.Slug + ".xlsx" }
