package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// committed is the example project in the repository.
const committed = "../zhytomyr"

var (
	once   sync.Once
	genDir string
	genEx  *example
	genErr error
)

// generated runs the generator once for all tests, into a temporary
// folder removed by TestMain.
func generated(t *testing.T) (string, *example) {
	t.Helper()
	once.Do(func() {
		genDir, genErr = os.MkdirTemp("", "hromada-example-")
		if genErr == nil {
			genEx, genErr = Generate(genDir, DefaultSeed)
		}
	})
	if genErr != nil {
		t.Fatalf("Generate: %v", genErr)
	}
	return genDir, genEx
}

func TestMain(m *testing.M) {
	code := m.Run()
	if genDir != "" {
		if err := os.RemoveAll(genDir); err != nil {
			fmt.Fprintln(os.Stderr, "removing the generated example:", err)
		}
	}
	os.Exit(code)
}

// TestCommittedExampleIsUpToDate regenerates the example and compares
// every file with examples/zhytomyr byte for byte.
func TestCommittedExampleIsUpToDate(t *testing.T) {
	dir, _ := generated(t)
	want, err := listFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := listFiles(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("examples/zhytomyr holds %q, the generator writes %q; run go generate ./examples/...", got, want)
	}
	for _, name := range want {
		a, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("examples/zhytomyr/%s differs from what the generator writes; run go generate ./examples/...", name)
		}
	}
}

// listFiles returns the files under dir, as sorted slash paths.
func listFiles(dir string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		names = append(names, filepath.ToSlash(rel))
		return err
	})
	slices.Sort(names)
	return names, err
}

// TestGenerateIsDeterministic checks that the seed alone fixes the bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	dir, _ := generated(t)
	again := t.TempDir()
	if _, err := Generate(again, DefaultSeed); err != nil {
		t.Fatal(err)
	}
	names, err := listFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		a, errA := os.ReadFile(filepath.Join(dir, name))
		b, errB := os.ReadFile(filepath.Join(again, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
}

// TestSurveyDesign checks what the README promises about the surveys.
func TestSurveyDesign(t *testing.T) {
	_, ex := generated(t)
	for _, s := range ex.Surveys {
		name := s.Community.EN
		if n := len(s.Interviews); n < minSample || n > maxSample {
			t.Errorf("%s: %d households, want %d–%d", name, n, minSample, maxSample)
		}
		clusters := map[string]map[string]bool{}
		sumW := map[string]float64{}
		refused := 0
		for _, iv := range s.Interviews {
			st := iv.Settlement.Stratum
			if clusters[st] == nil {
				clusters[st] = map[string]bool{}
			}
			clusters[st][iv.Settlement.Name] = true
			sumW[st] += iv.Weight
			if !iv.Consent {
				refused++
			}
		}
		total := 0
		for _, d := range s.Design {
			k := len(clusters[d.Stratum])
			total += k
			if k < 2 {
				t.Errorf("%s: %d clusters in stratum %s, want at least 2", name, k, d.Stratum)
			}
			if rel := math.Abs(sumW[d.Stratum]-float64(d.Households)) / float64(d.Households); rel > 1e-3 {
				t.Errorf("%s %s: weights sum to %.1f, households %d", name, d.Stratum, sumW[d.Stratum], d.Households)
			}
		}
		if total < 8 || total > maxClusters {
			t.Errorf("%s: %d clusters, want 8–%d", name, total, maxClusters)
		}
		if share := float64(refused) / float64(len(s.Interviews)); share < 0.005 || share > 0.04 {
			t.Errorf("%s: %.1f %% refused, want about 2 %%", name, 100*share)
		}
	}
}

// TestSurveyPrevalences checks the weighted group shares of all surveys
// together against the ranges the README states, and that the settlement
// effects give a design effect above 1.
func TestSurveyPrevalences(t *testing.T) {
	_, ex := generated(t)
	var w, idp, low, withChildren, disability, large float64
	answers := map[string]int{}
	for _, s := range ex.Surveys {
		for _, iv := range s.Interviews {
			if !iv.Consent {
				continue
			}
			w += iv.Weight
			for q, a := range iv.Answers {
				answers[a]++
				if a != "yes" {
					continue
				}
				switch q {
				case "idp":
					idp += iv.Weight
				case "low_income":
					low += iv.Weight
				case "child_disability":
					disability += iv.Weight
				case "large_family":
					large += iv.Weight
				}
			}
			if iv.Household.Children > 0 {
				withChildren += iv.Weight
			}
		}
	}
	// Published figures (examples/internal/sim/sources.go), with room for
	// the sample: 38.1 % of Zhytomyr oblast's households have children; 6.6 %
	// of families with children are displaced (15,600 IDP children ÷ the
	// oblast's 236.7 thousand); 3.4 % of them receive low-income
	// assistance, plus the households without children that do; 2.5 % of
	// children have a disability (a family with children has 1.3); 2.9 %
	// of families with children have three or more, and a few more say so
	// while an older child studies.
	checks := []struct {
		name    string
		p       float64
		lo, hi  float64
		ofWhole string
	}{
		{"families with children", withChildren / w, 0.34, 0.42, "households"},
		{"IDP families with children", idp / withChildren, 0.04, 0.10, "families with children"},
		{"low-income", low / w, 0.012, 0.035, "households"},
		{"child with a disability", disability / withChildren, 0.02, 0.05, "families with children"},
		{"large family", large / withChildren, 0.025, 0.06, "families with children"},
	}
	for _, c := range checks {
		if c.p < c.lo || c.p > c.hi {
			t.Errorf("%s: %.3f of %s, want %.3f–%.3f", c.name, c.p, c.ofWhole, c.lo, c.hi)
		}
	}
	if answers["dnk"] == 0 || answers["pnta"] == 0 {
		t.Errorf("answers %v: want a few dnk and pnta", answers)
	}
	// The design effect of one estimate is itself noisy, the more so in a
	// survey of 300 households: check the mean over the four most common
	// needs and all communities, and that no community's mean is far below 1.
	common := []string{"information", "counselling", "natural_aid", "psychosocial"}
	var all float64
	for _, s := range ex.Surveys {
		mean := 0.0
		for _, key := range common {
			k := slices.IndexFunc(project.NeedOptions, func(o project.NeedOption) bool { return o.Key == key })
			mean += deff(s, k) / float64(len(common))
		}
		all += mean / float64(len(ex.Surveys))
		if mean < 0.5 {
			t.Errorf("%s: mean design effect of %v is %.2f, want about 1 or more", s.Community.EN, common, mean)
		}
	}
	if all <= 1 {
		t.Errorf("mean design effect of %v over the communities is %.2f, want > 1", common, all)
	}
}

// deff returns the design effect of the share of households needing
// option k: the stratified cluster (Taylor) variance over the variance of
// a simple random sample of the same size (METHODS.md §1.2).
func deff(s *survey, k int) float64 {
	var sw, swy float64
	var n int
	for _, iv := range s.Interviews {
		if iv.Consent {
			sw += iv.Weight
			n++
			if iv.Household.Needs[k] {
				swy += iv.Weight
			}
		}
	}
	p := swy / sw
	psu := map[string]map[string]float64{} // stratum → settlement → total of z
	var s2 float64
	for _, iv := range s.Interviews {
		if !iv.Consent {
			continue
		}
		y := b2f(iv.Household.Needs[k])
		st := iv.Settlement.Stratum
		if psu[st] == nil {
			psu[st] = map[string]float64{}
		}
		psu[st][iv.Settlement.Name] += iv.Weight * (y - p) / sw
		s2 += iv.Weight * (y - p) * (y - p) / sw
	}
	var v float64
	for _, totals := range psu {
		var mean float64
		for _, z := range totals {
			mean += z
		}
		mean /= float64(len(totals))
		h := float64(len(totals))
		for _, z := range totals {
			v += h / (h - 1) * (z - mean) * (z - mean)
		}
	}
	s2 *= float64(n) / float64(n-1)
	vsrs := s2 * (sw - float64(n)) / (sw * float64(n))
	return v / vsrs
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// TestExportMatchesQuestionnaire checks that the survey files use the
// group names, options and title of the XLSForm in questionnaire.xlsx, as
// a Kobo export of that form would.
func TestExportMatchesQuestionnaire(t *testing.T) {
	dir, ex := generated(t)
	form, err := workbook.Dump(filepath.Join(dir, project.FormFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"begin_group"`, `"` + sim.FormGroups["needs"] + `"`, `"` + sim.NoNeed + `"`, `"` + sim.FormTitle + `"`} {
		if !strings.Contains(form, want) {
			t.Errorf("questionnaire.xlsx has no cell %s, which the survey export assumes", want)
		}
	}
	cols, err := sim.ExportColumns(ex.Surveys[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		group, _, ok := strings.Cut(c.Header, "/")
		if ok && !strings.Contains(form, `string "`+group+`"`) {
			t.Errorf("export column %s: the form has no group %s", c.Header, group)
		}
	}
	// The roster sheet is named after the form's repeat group, and its
	// questions are under that group's path.
	if !strings.Contains(form, `string "begin_repeat"`) || !strings.Contains(form, `string "`+project.RosterSheet+`"`) {
		t.Errorf("questionnaire.xlsx has no repeat group %q, which the roster sheet assumes", project.RosterSheet)
	}
	rcols, err := sim.RosterColumns(ex.Surveys[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rcols {
		group, q, ok := strings.Cut(c.Header, "/")
		if ok && (group != project.RosterSheet || !strings.Contains(form, `string "`+strings.Split(q, "/")[0]+`"`)) {
			t.Errorf("roster column %s: not a question of the form's repeat group %s", c.Header, project.RosterSheet)
		}
	}
}

// TestRegistryMatchesPublishedRates checks the registry counts of the six
// communities together, per 1,000 residents, against the published
// figures they are calibrated to (examples/internal/sim/sources.go):
// children with disabilities 6,031 in an oblast of 1,179,032 = 5.1;
// IDP families with children about 15,600 IDP children ÷ 1.317 children a
// family ÷ 1,179,032 = 10.0 (the example's towns take more than the
// oblast's villages); low-income families with children 6,193 ÷ 1,179,032
// = 5.3, and with the households without children that receive the
// assistance more; large families 2.9 % of 179,685 families with children
// ÷ 1,179,032 = 4.4. Bands allow for the synthetic draw and the registers'
// blur (RegistryBias).
func TestRegistryMatchesPublishedRates(t *testing.T) {
	_, ex := generated(t)
	sum := map[string]float64{}
	for _, row := range registryRows(ex) {
		sum[row[1].(string)] += float64(row[3].(int))
	}
	pop := 0.0
	for _, p := range places {
		pop += float64(p.Pop)
	}
	for _, c := range []struct {
		group  string
		lo, hi float64
	}{
		{"child_disability", 4.3, 5.9},
		{"idp", 8, 14},
		{"low_income", 5.3, 11},
		{"large_family", 3.5, 5.5},
		{"sjo", 0.4, 1.2},
	} {
		if per := 1000 * sum[c.group] / pop; per < c.lo || per > c.hi {
			t.Errorf("registry %s: %.1f per 1,000 residents, want %.1f–%.1f", c.group, per, c.lo, c.hi)
		}
	}
}
