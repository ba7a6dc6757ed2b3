package pipeline

import (
	"cmp"
	"errors"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

// CatalogueSource names the service catalogue in the workbooks' methods,
// in Ukrainian and English.
var CatalogueSource = hromada.Text{
	UK: "вбудований каталог hromada (catalogue/services.csv; джерела — catalogue/SOURCES.md), станом на 2026-11-22",
	EN: "hromada built-in catalogue (catalogue/services.csv; sources in catalogue/SOURCES.md), as of 2026-11-22",
}

// EstimateOptions are the estimation settings, from the project or flags.
type EstimateOptions struct {
	CI       assess.CIMethod
	Level    float64 // confidence level; 0: 0.95
	MinCount int     // fewest respondents behind a published estimate; 0: assess.DefaultMinCount
	Suppress bool    // hide unreliable estimates and small counts in the outputs
}

// Assess are the options of package assess.
func (e EstimateOptions) Assess() assess.Options {
	return assess.Options{CI: e.CI, Level: e.Level, MinCount: e.MinCount}
}

// Report are the options as the assessment workbook states them, with the
// defaults filled in.
func (e EstimateOptions) Report() assessbook.AssessOptions {
	min := e.MinCount
	if min == 0 {
		min = assess.DefaultMinCount
	}
	level := e.Level
	if level == 0 {
		level = 0.95
	}
	return assessbook.AssessOptions{CI: e.CI, Level: level, MinCount: min, Suppress: e.Suppress}
}

// ProjectEstimateOptions reads the estimation settings of a project;
// noSuppress (internal use only) shows what the project would suppress.
func ProjectEstimateOptions(p *project.Project, noSuppress bool) (EstimateOptions, error) {
	ci, err := assess.ParseCIMethod(p.Survey.CI)
	if err != nil {
		return EstimateOptions{}, err
	}
	return EstimateOptions{CI: ci, Level: p.Survey.Level, MinCount: p.Survey.MinCount, Suppress: p.Survey.Suppress && !noSuppress}, nil
}

// ReadAndAssess reads a community's survey and assesses it.
func ReadAndAssess(p *project.Project, c project.Community, pw string, eo EstimateOptions, lang hromada.Lang) (*assessbook.Assessment, hromada.Problems) {
	m := p.SurveyMap(c, pw)
	s, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		return nil, ps
	}
	opt, registry := CommunityAssessOptions(p, c, eo)
	a, err := AssessCommunity(p, c, s, m, eo, opt, registry, lang)
	if err != nil {
		return nil, append(ps, hromada.Problem{File: m.File, Msg: hromada.ErrText(err)})
	}
	a.Warnings = append(ProblemLines(RelProblems(p.Dir, ps), lang), a.Warnings...)
	return a, ps
}

// CommunityAssessOptions are the estimation options of community c: the
// services' units and the registry counts, with the registry rows as the
// assessment workbook lists them.
func CommunityAssessOptions(p *project.Project, c project.Community, eo EstimateOptions) (assess.Options, []assessbook.RegistryRow) {
	opt := eo.Assess()
	opt.Units = map[string]hromada.Unit{}
	for _, n := range p.Needs {
		opt.Units[n.Service.Code] = n.Service.Unit
	}
	groups := Groups(p)
	opt.Counts = map[string]assess.Count{}
	opt.Registered = map[string]map[hromada.Unit]float64{}
	var registry []assessbook.RegistryRow
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
		registry = append(registry, assessbook.RegistryRow{Group: r.Group, Unit: r.Unit, Count: r.Count, AsOf: r.AsOf.Format("2006-01-02"), Source: r.Source})
		if opt.Registered[r.Group] == nil { // for the plausibility check: the group's size in every unit
			opt.Registered[r.Group] = map[hromada.Unit]float64{}
		}
		opt.Registered[r.Group][r.Unit] = r.Count
	}
	opt.Population = float64(c.Population)
	return opt, registry
}

// Groups are the project's groups by ID, with all households and any
// target group.
func Groups(p *project.Project) map[string]hromada.Group {
	groups := map[string]hromada.Group{
		assess.AllGroup: {ID: assess.AllGroup, Name: hromada.Text{UK: "Усі домогосподарства", EN: "All households"}, Unit: hromada.Family},
		assess.AnyGroup: {ID: assess.AnyGroup, Name: hromada.Text{UK: "Будь-яка цільова група", EN: "Any target group"}, Unit: hromada.Family},
	}
	for _, g := range p.Groups {
		groups[g.ID] = g.Group
	}
	return groups
}

// AssessCommunity estimates a community's needs and demand from its survey
// s, read with m, with the options and registry rows of
// CommunityAssessOptions.
func AssessCommunity(p *project.Project, c project.Community, s *project.Survey, m project.SurveyMap, eo EstimateOptions, opt assess.Options, registry []assessbook.RegistryRow, lang hromada.Lang) (*assessbook.Assessment, error) {
	services := map[string]hromada.Service{}
	for _, n := range p.Needs {
		services[n.Service.Code] = n.Service
	}
	res, err := assess.Analyse(s.Survey, opt)
	if err != nil {
		return nil, err
	}
	info := SurveyInfo(s, m)
	info.File = safefile.Rel(p.Dir, m.File) // as the Communities sheet names it
	var known []assessbook.KnownClientRow
	for _, k := range p.Known {
		if k.Community != c.Code || services[k.Service].Code == "" {
			continue
		}
		kc := KnownClientsOf(c.Code, []project.KnownClient{k})[k.Service]
		known = append(known, assessbook.KnownClientRow{Service: k.Service, Unit: cmp.Or(k.Unit, services[k.Service].Unit),
			Count: kc.Count, AsOf: kc.AsOf, Source: kc.Source, Floor: kc.Use != plan.UseDemand})
	}
	return &assessbook.Assessment{
		Lang:      lang,
		Project:   p.Name,
		Community: c.Community,
		Survey:    info,
		Options:   eo.Report(),
		Services:  services,
		Groups:    Groups(p),
		Registry:  registry,
		Known:     known,
		Result:    res,
		Quality:   s.Quality,
		Warnings:  TextLines(res.Warnings, lang),
		Catalogue: CatalogueSource.In(lang),
	}, nil
}

// SurveyInfo is what the assessment workbook says of a survey s read
// with m.
func SurveyInfo(s *project.Survey, m project.SurveyMap) assessbook.SurveyInfo {
	info := assessbook.SurveyInfo{
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

// ProblemLines are problems as the lines of a workbook's warnings, in the
// workbook's language.
func ProblemLines(ps hromada.Problems, lang hromada.Lang) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.In(lang))
	}
	return out
}

// TextLines are texts as the lines of a workbook's warnings, in the
// workbook's language.
func TextLines(ts []hromada.Text, lang hromada.Lang) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.In(lang))
	}
	return out
}

// ProblemOf is err as a problem of file: the problem an input error
// carries, with its sheet and cell, else the error's message.
func ProblemOf(file string, err error) hromada.Problem {
	var ie *xlsx.InputError
	if errors.As(err, &ie) {
		return ie.Problem
	}
	return hromada.Problem{File: file, Msg: hromada.ErrText(err)}
}

// unjoin splits an error made by errors.Join into its parts.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
