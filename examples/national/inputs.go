package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
)

// The project's input workbooks, written through inputbook.WriteFile as the
// example's are: the same sheets and settings, groups and needs, and rows
// for every community.

const (
	projectName    = "Мінімальний пакет соціальних послуг — усі громади (синтетичний приклад)"
	firstYear      = 2026
	years          = 5
	registrySource = "synthetic, from the synthetic population of examples/national"
)

var asOf = time.Date(firstYear, 1, 1, 0, 0, 0, 0, time.UTC)

// writeInputs writes project.xlsx, registry.xlsx, providers.xlsx,
// costs.xlsx and questionnaire.xlsx into dir.
func writeInputs(dir string, n *national, cat *catalogue.Catalogue) error {
	var kekv []string
	for _, bc := range cat.BudgetCodes() {
		if bc.Kind == "kekv" {
			kekv = append(kekv, bc.Code)
		}
	}
	starter := project.Starter{Name: projectName, Lang: hromada.Ukrainian, Services: cat.Services(), Groups: cat.Groups(), KEKV: kekv}
	lists := starter.Lists()
	for _, c := range n.Communities {
		lists["community"] = append(lists["community"], c.Place.Code)
	}
	code := func(key string) (string, error) {
		sv, ok := cat.ByKey(key)
		if !ok {
			return "", fmt.Errorf("the catalogue has no service with key %q", key)
		}
		return sv.Code, nil
	}

	proj, err := starter.Rows()
	if err != nil {
		return err
	}
	if n.Opt.Format == CSV {
		withoutRoster(proj)
	}
	proj[project.Settings.Key] = append(proj[project.Settings.Key], []any{"first_year", firstYear}, []any{"years", years})
	for _, c := range n.Communities {
		p := c.Place
		proj[project.Communities.Key] = append(proj[project.Communities.Key],
			[]any{p.Code, p.UK, p.EN, p.Pop, surveyFile(p, n.Opt.Format), nil, p.Code})
	}
	providers, err := providerRows(n, cat)
	if err != nil {
		return err
	}
	posts, other, startup, err := sim.ServiceRows(code)
	if err != nil {
		return err
	}
	var funding, revenue [][]any
	for i, c := range n.Communities {
		funding = append(funding, sim.FundingRows(c.Place.Code, firstYear, years)...)
		r := rand.New(rand.NewPCG(n.Opt.Seed, streamRevenue+uint64(i)))
		revenue = append(revenue, sim.RevenueRow(c.Place.Code, c.Place.Pop, firstYear, r))
	}
	all := map[string]map[string][][]any{
		project.ProjectFile:   proj,
		project.RegistryFile:  {project.Registry.Key: registryRows(n), project.KnownClients.Key: knownRows(n)},
		project.ProvidersFile: {project.Providers.Key: providers},
		project.CostsFile: {
			project.Posts.Key:      posts,
			project.OtherCosts.Key: other,
			project.Startup.Key:    startup,
			project.Funding.Key:    funding,
			project.Revenue.Key:    revenue,
		},
	}
	for _, f := range project.Files {
		if err := inputbook.WriteFile(filepath.Join(dir, f.Name), f, hromada.Ukrainian, all[f.Name], lists); err != nil {
			return err
		}
	}
	return inputbook.WriteXLSForm(filepath.Join(dir, project.FormFile), project.QuestionnaireForm(hromada.Ukrainian))
}

// registryRows are the registry counts (Annex 1): each group's count in
// the community's synthetic population, blurred as registers differ from
// residents (sim.RegistryBias).
func registryRows(n *national) [][]any {
	var rows [][]any
	for i, c := range n.Communities {
		r := rand.New(rand.NewPCG(n.Opt.Seed, streamRegistry+uint64(i)))
		for _, g := range project.DefaultGroups {
			lo, hi := sim.RegistryBias(g.Group)
			count := int(math.Round(float64(c.Counts[g.Group]) * (lo + (hi-lo)*r.Float64())))
			rows = append(rows, []any{c.Place.Code, g.Group, string(g.Unit), count, asOf, registrySource})
		}
	}
	return rows
}

// providerRows are the rows of providers.xlsx: each community's providers
// after its template (templateFor), with the template's staff scaled to
// the community's population and the capacity that staff gives
// (sim.StaffedProviderRow).
func providerRows(n *national, cat *catalogue.Catalogue) ([][]any, error) {
	var rows [][]any
	for i, c := range n.Communities {
		r := rand.New(rand.NewPCG(n.Opt.Seed, streamProviders+uint64(i)))
		tpl := templateFor(i, c.Place.Pop)
		for _, p := range templates[tpl] {
			name := providerName(p.Name, c.Place)
			for _, o := range p.Offers {
				sv, ok := cat.ByKey(o.Key)
				if !ok {
					return nil, fmt.Errorf("provider %q offers %q, which the catalogue does not have", p.Name, o.Key)
				}
				row, err := sim.StaffedProviderRow(c.Place.Code, name, p.Ownership, o.Key, sv, scaledStaff(o, tpl, c.Place.Pop), r)
				if err != nil {
					return nil, fmt.Errorf("provider %q: %w", p.Name, err)
				}
				rows = append(rows, row)
			}
		}
	}
	return rows, nil
}

// knownRows are the rows of the Known clients sheet, each community's as
// its summary holds them.
func knownRows(n *national) [][]any {
	var rows [][]any
	for _, c := range n.Communities {
		rows = append(rows, c.Known...)
	}
	return rows
}

// withoutRoster removes the clients columns (clients_repeat,
// clients_column) from the starter's Needs rows, for a project of CSV
// surveys: a CSV file is one table and cannot hold the roster of household
// members, so its child and person services count one client per
// household in need, with the warning that says so.
func withoutRoster(rows map[string][][]any) {
	for i, r := range rows[project.Needs.Key] {
		if len(r) > 3 {
			rows[project.Needs.Key][i] = r[:3]
		}
	}
}
