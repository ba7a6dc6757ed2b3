package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
)

// Options are what to generate.
type Options struct {
	Communities int
	Households  int    // surveyed, over all communities
	Format      string // survey files: "xlsx" or "csv"
	Seed        uint64
	Workers     int // communities made at once; 0: one per CPU
}

// Formats of the survey files.
const (
	XLSX = "xlsx"
	CSV  = "csv"
)

// Random streams: each use draws from its own stream of the seed, and
// each community from its own stream of that use, so a community's
// households do not depend on how many communities there are before it.
const (
	streamPlaces    = 0
	streamCommunity = 1 << 32
	streamRegistry  = 2 << 32
	streamProviders = 3 << 32
	streamRevenue   = 4 << 32
	streamKnown     = 5 << 32
)

// summary is what the project's inputs need of a community once its
// households are gone: the sizes of its groups and its demand.
type summary struct {
	Place      nplace
	Households int
	Rows       int   // households surveyed
	Clusters   []int // settlements sampled, by stratum
	Strata     []string
	Counts     map[string]int // Community.GroupCounts
	Demand     []float64      // Community.Demand, by needs option
	Known      [][]any        // rows of the Known clients sheet (sim.KnownClientsRows)
}

// national is what Generate made, for main's report and the tests.
type national struct {
	Opt         Options
	Communities []summary
}

// Generate writes the national project into dir, which it creates.
func Generate(dir string, opt Options) (*national, error) {
	if opt.Format != XLSX && opt.Format != CSV {
		return nil, fmt.Errorf("format %q: want %s or %s", opt.Format, XLSX, CSV)
	}
	if opt.Communities < 1 {
		return nil, fmt.Errorf("%d communities: want at least 1", opt.Communities)
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	cat, err := catalogue.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in catalogue: %w", err)
	}
	units := make([]hromada.Unit, len(project.NeedOptions))
	for k, o := range project.NeedOptions {
		sv, ok := cat.ByKey(o.Key)
		if !ok {
			return nil, fmt.Errorf("the catalogue has no service with key %q", o.Key)
		}
		units[k] = sv.Unit
	}
	code := func(key string) (string, hromada.Unit, error) {
		sv, ok := cat.ByKey(key)
		if !ok {
			return "", "", fmt.Errorf("the catalogue has no service with key %q", key)
		}
		return sv.Code, sv.Unit, nil
	}
	places, err := makePlaces(opt.Communities, rand.New(rand.NewPCG(opt.Seed, streamPlaces)))
	if err != nil {
		return nil, err
	}
	hh := make([]int, len(places))
	for i, p := range places {
		u, r := households(p.Place)
		hh[i] = u + r
	}
	samples, err := allocate(opt.Households, hh)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, project.SurveyDir), 0o755); err != nil {
		return nil, err
	}

	out := &national{Opt: opt, Communities: make([]summary, len(places))}
	jobs := make(chan int)
	errs := make([]error, len(places))
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for i := range jobs {
				out.Communities[i], errs[i] = community(dir, places[i], i, samples[i], units, code, opt)
			}
		})
	}
	for i := range places {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := writeInputs(dir, out, cat); err != nil {
		return nil, err
	}
	return out, writeReadme(dir, out)
}

// surveyFile is the path of p's survey in the project folder.
func surveyFile(p nplace, format string) string {
	return project.SurveyDir + "/" + p.Slug + "." + format
}

// community makes the households of place p (the i-th community), samples
// n of them and writes their survey file; code gives a needs option's
// classifier code and unit, for the Known clients rows.
func community(dir string, p nplace, i, n int, units []hromada.Unit, code func(string) (string, hromada.Unit, error), opt Options) (summary, error) {
	r := rand.New(rand.NewPCG(opt.Seed, streamCommunity+uint64(i)))
	c, err := sim.BuildCommunity(p.Place, r)
	if err != nil {
		return summary{}, err
	}
	design, err := designFor(c, n)
	if err != nil {
		return summary{}, err
	}
	s := sim.DrawSurvey(c, design, r)
	if len(s.Interviews) != n {
		return summary{}, fmt.Errorf("%s: %d households surveyed, %d planned", p.EN, len(s.Interviews), n)
	}
	// The expansion weight unrounded, so the weights add up to the
	// community's households.
	weight := map[string]float64{}
	for _, d := range s.Design {
		weight[d.Stratum] = float64(d.Households) / float64(d.Sample)
	}
	for _, iv := range s.Interviews {
		iv.Weight = weight[iv.Settlement.Stratum]
	}
	path := filepath.Join(dir, filepath.FromSlash(surveyFile(p, opt.Format)))
	if opt.Format == CSV {
		err = sim.WriteCSV(path, s)
	} else {
		err = sim.StreamXLSX(path, s)
	}
	if err != nil {
		return summary{}, err
	}
	known, err := sim.KnownClientsRows(c, asOf, code, hromada.Ukrainian, rand.New(rand.NewPCG(opt.Seed, streamKnown+uint64(i))))
	if err != nil {
		return summary{}, err
	}
	sum := summary{Place: p, Rows: len(s.Interviews), Counts: c.GroupCounts(), Demand: c.Demand(units), Known: known}
	for _, d := range s.Design {
		sum.Households += d.Households
		sum.Strata = append(sum.Strata, d.Stratum)
		sum.Clusters = append(sum.Clusters, d.Clusters)
	}
	return sum, nil
}
