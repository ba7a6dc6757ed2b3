package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// estimateOptions are the estimation settings, from the project or flags.
type estimateOptions struct {
	ci       assess.CIMethod
	level    float64
	minCount int
	suppress bool
}

func (e estimateOptions) assess() assess.Options {
	return assess.Options{CI: e.ci, Level: e.level, MinCount: e.minCount}
}

func (e estimateOptions) report() workbook.AssessOptions {
	min := e.minCount
	if min == 0 {
		min = assess.DefaultMinCount
	}
	level := e.level
	if level == 0 {
		level = 0.95
	}
	return workbook.AssessOptions{CI: e.ci, Level: level, MinCount: min, Suppress: e.suppress}
}

// projectEstimateOptions reads the estimation settings of a project.
func projectEstimateOptions(p *project.Project, noSuppress bool) (estimateOptions, error) {
	ci, err := assess.ParseCIMethod(p.Survey.CI)
	if err != nil {
		return estimateOptions{}, err
	}
	return estimateOptions{ci: ci, level: p.Survey.Level, minCount: p.Survey.MinCount, suppress: p.Survey.Suppress && !noSuppress}, nil
}

// readAndAssess reads a community's survey and assesses it.
func readAndAssess(p *project.Project, c project.Community, pw string, eo estimateOptions, lang hromada.Lang) (*workbook.Assessment, hromada.Problems) {
	m := p.SurveyMap(c, pw)
	s, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		return nil, ps
	}
	opt, registry := communityAssessOptions(p, c, eo)
	a, err := assessCommunity(p, c, s, m, eo, opt, registry, lang)
	if err != nil {
		return nil, append(ps, hromada.Problem{File: m.File, Msg: err.Error()})
	}
	a.Warnings = append(problemLines(ps), a.Warnings...)
	return a, ps
}

// communityAssessOptions are the estimation options of community c: the
// services' units and the registry counts, with the registry rows as the
// assessment workbook lists them.
func communityAssessOptions(p *project.Project, c project.Community, eo estimateOptions) (assess.Options, []workbook.RegistryRow) {
	opt := eo.assess()
	opt.Units = map[string]hromada.Unit{}
	for _, n := range p.Needs {
		opt.Units[n.Service.Code] = n.Service.Unit
	}
	groups := assessGroups(p)
	opt.Counts = map[string]assess.Count{}
	opt.Registered = map[string]map[hromada.Unit]float64{}
	var registry []workbook.RegistryRow
	for _, r := range p.Registry {
		if r.Community != c.Code {
			continue
		}
		g, known := groups[r.Group]
		prev, seen := opt.Counts[r.Group]
		// A group counted in several units: the count in the group's own
		// unit is the base of its demand.
		if !seen || (known && r.Unit == g.Unit && prev.Unit != g.Unit) {
			opt.Counts[r.Group] = assess.Count{Value: r.Count, Unit: r.Unit, AsOf: r.AsOf.Format("2006-01-02"), Source: r.Source}
		}
		registry = append(registry, workbook.RegistryRow{Group: r.Group, Unit: r.Unit, Count: r.Count, AsOf: r.AsOf.Format("2006-01-02"), Source: r.Source})
		if opt.Registered[r.Group] == nil { // for the plausibility check: the group's size in every unit
			opt.Registered[r.Group] = map[hromada.Unit]float64{}
		}
		opt.Registered[r.Group][r.Unit] = r.Count
	}
	opt.Population = float64(c.Population)
	return opt, registry
}

// assessGroups are the project's groups by ID, with all households and any
// target group.
func assessGroups(p *project.Project) map[string]hromada.Group {
	groups := map[string]hromada.Group{
		assess.AllGroup: {ID: assess.AllGroup, Name: hromada.Text{UK: "Усі домогосподарства", EN: "All households"}, Unit: hromada.Family},
		assess.AnyGroup: {ID: assess.AnyGroup, Name: hromada.Text{UK: "Будь-яка цільова група", EN: "Any target group"}, Unit: hromada.Family},
	}
	for _, g := range p.Groups {
		groups[g.ID] = g.Group
	}
	return groups
}

// assessCommunity estimates a community's needs and demand from its survey
// s, read with m, with the options and registry rows of
// communityAssessOptions.
func assessCommunity(p *project.Project, c project.Community, s *project.Survey, m project.SurveyMap, eo estimateOptions, opt assess.Options, registry []workbook.RegistryRow, lang hromada.Lang) (*workbook.Assessment, error) {
	services := map[string]hromada.Service{}
	for _, n := range p.Needs {
		services[n.Service.Code] = n.Service
	}
	groups := assessGroups(p)
	res, err := assess.Analyse(s.Survey, opt)
	if err != nil {
		return nil, err
	}
	return &workbook.Assessment{
		Lang:      lang,
		Project:   p.Name,
		Community: c.Community,
		Survey:    surveyInfo(s, m),
		Options:   eo.report(),
		Services:  services,
		Groups:    groups,
		Registry:  registry,
		Result:    res,
		Quality:   s.Quality,
		Warnings:  res.Warnings,
		Catalogue: catalogueSource,
	}, nil
}

const catalogueSource = "hromada built-in catalogue (catalogue/services.csv; sources in catalogue/SOURCES.md), as of 2026-11-22"

func surveyInfo(s *project.Survey, m project.SurveyMap) workbook.SurveyInfo {
	info := workbook.SurveyInfo{
		File: m.File, Sheet: s.Sheet, Rows: s.Rows, Skipped: s.Skipped, Strata: s.Strata, PSUs: s.PSUs,
		Weight: m.Weight, Stratum: m.Stratum, Cluster: m.Cluster, FPC: m.FPC, LonelyPSU: string(m.Lonely),
	}
	if info.LonelyPSU == "" {
		info.LonelyPSU = string(assess.LonelyAdjust)
	}
	if s.Design != nil {
		info.LonelyStrata = s.Design.LonelyStrata()
		info.NormalisedWeights = s.Design.NormalisedWeights()
	}
	return info
}

func problemLines(ps hromada.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug names a community's output files: its English name in lower case,
// else its code.
func slug(c hromada.Community) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(c.Name.EN), "-"), "-")
	if s == "" {
		s = strings.ToLower(c.Code)
	}
	if s == "" {
		s = "community"
	}
	return s
}

// summaryRows are the terminal summary of an assessment: per service, the
// need among all households and the unduplicated demand of the groups.
func summaryRows(a *workbook.Assessment) [][]string {
	union := map[string]assess.Demand{}
	for _, d := range a.Result.Union {
		union[d.Service] = d
	}
	var rows [][]string
	for _, r := range a.Result.Rates {
		if r.Group != assess.AllGroup {
			continue
		}
		name := a.Services[r.Service].Name.In(a.Lang)
		if name == "" {
			name = r.Service
		}
		rate, people := "suppressed", ""
		if !(a.Options.Suppress && r.Verdict.Suppress) {
			rate = fmtRate(r)
		}
		if d, ok := union[r.Service]; ok {
			if a.Options.Suppress && d.Rate.Verdict.Suppress {
				people = "suppressed"
			} else {
				people = fmt.Sprintf("%s (%s–%s) %s", fmtInt(d.People), fmtInt(d.PeopleLow), fmtInt(d.PeopleUpp), d.Unit.Name(a.Lang))
			}
		}
		rows = append(rows, []string{truncate(name, 48), rate, people})
	}
	return rows
}

func fmtRate(r assess.Rate) string {
	if r.Stat != r.Stat {
		return "–"
	}
	if r.StatLow != r.StatLow {
		return fmt.Sprintf("%.1f %%", 100*r.Stat)
	}
	return fmt.Sprintf("%.1f %% (%.1f–%.1f)", 100*r.Stat, 100*r.StatLow, 100*r.StatUpp)
}

// fmtInt writes a whole number with thin spaces between thousands.
func fmtInt(x float64) string {
	if x != x {
		return "–"
	}
	s := fmt.Sprintf("%.0f", x)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
