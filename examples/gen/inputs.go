package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
)

// The project's input workbooks, written through inputbook.WriteFile so they
// are the templates a planner fills in, with the example's rows in them.

// Planning horizon and reference dates of the example.
const (
	projectName = "Мінімальний пакет соціальних послуг — Житомирщина (синтетичний приклад)"
	firstYear   = 2026
	years       = 5
)

var asOf = time.Date(firstYear, 1, 1, 0, 0, 0, 0, time.UTC)

// registrySource is the source every registry count names, in the
// project's language (Ukrainian): synthetic counts scaled to the
// population by Ukrstat, 2022.
const registrySource = "синтетичні дані, масштабовані до чисельності населення (Держстат, 2022)"

// writeInputs writes project.xlsx, registry.xlsx, providers.xlsx,
// costs.xlsx and questionnaire.xlsx into dir. It returns, by file name,
// how many rows of data each holds, for the README.
func writeInputs(dir string, ex *example) (map[string]string, error) {
	cat, err := catalogue.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in catalogue: %w", err)
	}
	var kekv []string
	for _, bc := range cat.BudgetCodes() {
		if bc.Kind == "kekv" {
			kekv = append(kekv, bc.Code)
		}
	}
	starter := project.Starter{Name: projectName, Lang: hromada.Ukrainian, Services: cat.Services(), Groups: cat.Groups(), KEKV: kekv}
	lists := starter.Lists()
	for _, p := range places {
		lists["community"] = append(lists["community"], p.Code)
	}
	code := func(key string) (string, error) {
		sv, ok := cat.ByKey(key)
		if !ok {
			return "", fmt.Errorf("the catalogue has no service with key %q", key)
		}
		return sv.Code, nil
	}

	rows, err := projectRows(starter)
	if err != nil {
		return nil, err
	}
	ex.Units = make([]hromada.Unit, len(project.NeedOptions))
	for k, o := range project.NeedOptions {
		if sv, ok := cat.ByKey(o.Key); ok {
			ex.Units[k] = sv.Unit
		}
	}
	known, err := knownRows(ex, cat)
	if err != nil {
		return nil, err
	}
	ex.Known = known
	all := map[string]map[string][][]any{
		project.ProjectFile:  rows,
		project.RegistryFile: {project.Registry.Key: registryRows(ex), project.KnownClients.Key: known},
	}
	if all[project.ProvidersFile], err = providerRows(ex, cat); err != nil {
		return nil, err
	}
	if all[project.CostsFile], err = costRows(ex, code); err != nil {
		return nil, err
	}
	counts := map[string]string{}
	for _, f := range project.Files {
		if err := inputbook.WriteFile(filepath.Join(dir, f.Name), f, hromada.Ukrainian, all[f.Name], lists); err != nil {
			return nil, err
		}
		var parts []string
		for _, s := range f.Sheets {
			if n := len(all[f.Name][s.Key]); n > 0 && s.Key != project.Settings.Key {
				parts = append(parts, fmt.Sprintf("%s: %d", s.Name.EN, n))
			}
		}
		counts[f.Name] = strings.Join(parts, ", ")
	}
	for _, s := range ex.Surveys {
		counts[surveyFile(s.Community.Place)] = thousands(len(s.Interviews)) + " households"
	}
	counts[project.FormFile] = fmt.Sprintf("%d questions, %d services asked about", len(project.Questionnaire), len(project.NeedOptions))
	return counts, inputbook.WriteXLSForm(filepath.Join(dir, project.FormFile), project.QuestionnaireForm(hromada.Ukrainian))
}

// projectRows are the rows of project.xlsx: the starter's settings, groups
// and needs, the planning years, and the six communities.
func projectRows(starter project.Starter) (map[string][][]any, error) {
	rows, err := starter.Rows()
	if err != nil {
		return nil, err
	}
	rows[project.Settings.Key] = append(rows[project.Settings.Key],
		[]any{"first_year", firstYear},
		[]any{"years", years},
	)
	for _, p := range places {
		rows[project.Communities.Key] = append(rows[project.Communities.Key],
			[]any{p.Code, p.UK, p.EN, p.Pop, surveyFile(p), nil, p.Code})
	}
	return rows, nil
}

// registryRows are the registry counts (Annex 1): each group's count in
// the synthetic population, blurred the way registers differ from the
// people living in a community: displaced families stay registered after
// they move on, families in difficult circumstances are registered only
// once a service has assessed them, and so on.
func registryRows(ex *example) [][]any {
	var rows [][]any
	for i, c := range ex.Communities {
		r := rand.New(rand.NewPCG(ex.Seed, uint64(100+i)))
		truth := c.GroupCounts()
		for _, g := range project.DefaultGroups {
			lo, hi := sim.RegistryBias(g.Group)
			n := int(math.Round(float64(truth[g.Group]) * (lo + (hi-lo)*r.Float64())))
			rows = append(rows, []any{c.Code, g.Group, string(g.Unit), n, asOf, registrySource})
		}
	}
	return rows
}

// knownRows are the rows of the Known clients sheet: for each community,
// the clients of its rare services that case records know
// (sim.KnownServices), drawn from the synthetic population.
func knownRows(ex *example, cat *catalogue.Catalogue) ([][]any, error) {
	code := func(key string) (string, hromada.Unit, error) {
		sv, ok := cat.ByKey(key)
		if !ok {
			return "", "", fmt.Errorf("the catalogue has no service with key %q", key)
		}
		return sv.Code, sv.Unit, nil
	}
	var rows [][]any
	for i, c := range ex.Communities {
		r := rand.New(rand.NewPCG(ex.Seed, uint64(400+i)))
		rs, err := sim.KnownClientsRows(c, asOf, code, hromada.Ukrainian, r)
		if err != nil {
			return nil, err
		}
		rows = append(rows, rs...)
	}
	return rows, nil
}
