package main

import (
	"bytes"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

// small is the instance the tests generate: a few communities, a small
// survey.
var small = Options{Communities: 4, Households: 1500, Seed: 2026}

// TestSmallProjectChecks generates a small project in each format and
// reads it as 'hromada check' does — every input workbook, the
// questionnaire against the project, every community's survey — wanting
// no problem at all, but for CSV surveys, which hold no roster, the
// warning of one client per household in need of each child and person
// service; the surveys hold the households asked for, and each
// community's weights add up to its households.
func TestSmallProjectChecks(t *testing.T) {
	for _, format := range []string{XLSX, CSV} {
		t.Run(format, func(t *testing.T) {
			opt := small
			opt.Format = format
			dir := t.TempDir()
			n, err := Generate(dir, opt)
			if err != nil {
				t.Fatal(err)
			}
			p, problems := project.Load(dir, project.LoadOptions{})
			oneClient := 0
			for _, pr := range problems {
				// A CSV survey holds no roster: each child and person
				// service counts one client per household in need, and
				// says so in a warning.
				if format == CSV && pr.Severity == hromada.Warning && strings.Contains(pr.Msg.EN, "each household in need counts as one client") {
					oneClient++
					continue
				}
				t.Errorf("%s: %v", pr.Severity, pr)
			}
			if want := map[string]int{XLSX: 0, CSV: len(project.MemberNeedOptions)}[format]; oneClient != want {
				t.Errorf("%d warnings of one client per household in need, want %d (one per child and person service with CSV surveys)", oneClient, want)
			}
			if len(p.Communities) != opt.Communities {
				t.Fatalf("loaded %d communities, want %d", len(p.Communities), opt.Communities)
			}
			form := filepath.Join(dir, project.FormFile)
			fps, err := kobo.CheckXLSFormFile(form)
			if err != nil {
				t.Fatal(err)
			}
			f, err := kobo.ReadXLSForm(form)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range append(fps, p.CheckAgainstForm(f)...) {
				t.Errorf("%s: %v", pr.Severity, pr)
			}
			rows := 0
			for i, c := range p.Communities {
				if want := surveyFile(n.Communities[i].Place, format); c.SurveyFile != want {
					t.Errorf("%s: survey file %s, want %s", c.Code, c.SurveyFile, want)
				}
				s, problems := project.ReadSurvey(p.SurveyMap(c, ""))
				for _, pr := range problems {
					t.Errorf("%s: %v", pr.Severity, pr)
				}
				rows += s.Rows
				if s.Rows < min(minSample, n.Communities[i].Households/4) {
					t.Errorf("%s: %d households surveyed", c.Name.EN, s.Rows)
				}
				households := float64(n.Communities[i].Households)
				if w := s.Design.WeightSum(); math.Abs(w-households) > 1e-6*households {
					t.Errorf("%s: weights add up to %.3f, households %.0f", c.Name.EN, w, households)
				}
				res, err := assess.Analyse(s.Survey, assess.Options{})
				if err != nil {
					t.Fatalf("%s: %v", c.Name.EN, err)
				}
				// Not degenerate: most services' need among all households
				// is estimated strictly between 0 and 1.
				estimated, all := 0, 0
				for _, r := range res.Rates {
					if r.Group == assess.AllGroup {
						all++
						if r.Stat > 0 && r.Stat < 1 {
							estimated++
						}
					}
				}
				if all != len(project.NeedOptions) || estimated < all/2 {
					t.Errorf("%s: %d of %d need rates of all households strictly between 0 and 1", c.Name.EN, estimated, all)
				}
			}
			if rows != opt.Households {
				t.Errorf("the surveys hold %d households, want %d", rows, opt.Households)
			}
		})
	}
}

// TestGenerateIsDeterministic generates the small project twice, with
// different numbers of workers, and wants the same bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	opt := small
	opt.Format = XLSX
	a, b := t.TempDir(), t.TempDir()
	opt.Workers = 1
	if _, err := Generate(a, opt); err != nil {
		t.Fatal(err)
	}
	opt.Workers = 3
	if _, err := Generate(b, opt); err != nil {
		t.Fatal(err)
	}
	names, err := files(a)
	if err != nil {
		t.Fatal(err)
	}
	other, err := files(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names, other) {
		t.Fatalf("two runs wrote %q and %q", names, other)
	}
	for _, name := range names {
		x, errX := os.ReadFile(filepath.Join(a, name))
		y, errY := os.ReadFile(filepath.Join(b, name))
		if errX != nil || errY != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same flags", name)
		}
	}
}

// TestNamesAndCodes checks that a full-size set of communities has unique
// names, slugs and codes of the KATOTTG shape.
func TestNamesAndCodes(t *testing.T) {
	places, err := makePlaces(1469, rand.New(rand.NewPCG(small.Seed, streamPlaces)))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, p := range places {
		for _, key := range []string{"code " + p.Code, "name " + p.UK, "english " + p.EN, "slug " + p.Slug} {
			if prev, dup := seen[key]; dup {
				t.Errorf("%s of %s is %s's too", key, p.EN, prev)
			}
			seen[key] = p.EN
		}
		if !katottg.MatchString(p.Code) {
			t.Errorf("%s: code %s is not UA and 17 digits", p.EN, p.Code)
		}
		if p.Pop < popMin || p.Pop > popMax || p.Urban < 0 || p.Urban > p.Pop-1000 || (p.Urban > 0 && p.Urban < 1000) {
			t.Errorf("%s: population %d, urban %d", p.EN, p.Pop, p.Urban)
		}
	}
}

// katottg is the shape of a KATOTTG code, as project.Load checks it.
var katottg = regexp.MustCompile(`^UA\d{17}$`)

// files returns the files under dir, as sorted slash paths.
func files(dir string) ([]string, error) {
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
