package pipeline

import (
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

// Quick is an assessment of one bare survey file, without a project (the
// quick mode of hromada assess): its columns named by the person.
type Quick struct {
	Survey, Sheet, Password      string
	Weight, Strata, Cluster, FPC string
	By, Need, Mean               []string
	Where                        []project.Where
	Counts                       map[string]assess.Count // registry counts by group; nil: none
	Reach                        bool                    // REACH's conventions (analysistools)
	Children, Persons            string
	Lonely                       assess.LonelyPSU
	CommunityCol, CommunityValue string
	Estimate                     EstimateOptions
	Lang                         hromada.Lang
	// Out is the workbook to write; "" when none is written.
	Out string
}

// SurveyMap reads the survey columns q names: every option of a
// select_multiple need column (as the XLSForm says, when given) is a
// service.
func (q *Quick) SurveyMap(form *kobo.Form) project.SurveyMap {
	m := project.SurveyMap{
		File: q.Survey, Sheet: q.Sheet, Password: q.Password,
		Weight: q.Weight, Stratum: q.Strata, Cluster: q.Cluster, FPC: q.FPC,
		Community: q.CommunityCol, CommunityValue: q.CommunityValue,
		Children: q.Children, HouseholdSize: q.Persons,
		Lonely: q.Lonely,
	}
	m.KeepMissing = q.Reach
	m.Form = form
	m.Where = append(m.Where, q.Where...)
	for _, b := range q.By {
		m.Groups = append(m.Groups, project.GroupColumn{ID: b, Column: b, ByValue: true})
	}
	for _, n := range q.Need {
		nc := project.NeedColumn{Column: n, AllOptions: true}
		if form != nil {
			if fq, ok := form.Question(n); ok {
				switch fq.Type {
				case "select_multiple":
				case "select_one":
					nc.AllOptions, nc.SelectOne = false, true
				default:
					nc.AllOptions = false
				}
			}
		}
		m.Needs = append(m.Needs, nc)
	}
	for _, c := range q.Mean {
		m.Needs = append(m.Needs, project.NeedColumn{Column: c, Mean: true})
	}
	return m
}

// Analyse estimates the needs of the survey s read with q's map. When a
// workbook is written (Out), a warning names the groups whose demand rests
// on the survey's weights for want of a registry count.
func (q *Quick) Analyse(s *project.Survey) (assess.Result, error) {
	opt := q.Estimate.Assess()
	opt.DesignDF = q.Reach
	opt.NoSurveyBasisWarning = true
	opt.Counts = q.Counts
	res, err := assess.Analyse(s.Survey, opt)
	if err != nil {
		return res, err
	}
	// The survey's weighted counts stand in for registry counts only in
	// the demand, which the workbook shows: one warning, with the way out.
	if q.Out != "" {
		if w := RegistryWarning(s, q.Counts); !w.IsZero() {
			res.Warnings = append(res.Warnings, w)
		}
	}
	return res, nil
}

// Workbook is the assessment workbook of a quick assessment: the survey
// s read with the map m (SurveyMap) and its load problems ps, the result
// res of Analyse, the services named from form when given.
func (q *Quick) Workbook(s *project.Survey, m project.SurveyMap, form *kobo.Form, ps hromada.Problems, res assess.Result) *assessbook.Assessment {
	report := q.Estimate.Report()
	report.Reach = q.Reach
	report.Where = whereText(m.Where)
	name := filepath.Base(q.Survey)
	a := &assessbook.Assessment{
		Lang:      q.Lang,
		Community: hromada.Community{Name: hromada.Text{UK: name, EN: name}},
		Survey:    SurveyInfo(s, m),
		Options:   report,
		Services:  QuickServices(s, m, form, q.Lang),
		Groups:    QuickGroups(s),
		Result:    res,
		Quality:   s.Quality,
		Warnings:  append(append(ProblemLines(RelProblems(filepath.Dir(q.Out), ps), q.Lang), TextLines(s.Notes, q.Lang)...), TextLines(res.Warnings, q.Lang)...),
	}
	a.Survey.Skipped += s.Filtered
	if q.Out != "" {
		a.Survey.File = safefile.Rel(filepath.Dir(q.Out), q.Survey)
	}
	return a
}

func whereText(ws []project.Where) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.String()
	}
	return strings.Join(parts, ", ")
}

// RegistryWarning says once which groups' demand rests on the survey's
// weights for want of a registry count; none when every group has one.
func RegistryWarning(s *project.Survey, counts map[string]assess.Count) hromada.Text {
	var missing []string
	if _, ok := counts[assess.AllGroup]; !ok {
		missing = append(missing, assess.AllGroup)
	}
	for _, g := range s.Survey.Groups {
		if _, ok := counts[g.Group]; !ok {
			missing = append(missing, g.Group)
		}
	}
	if len(missing) == 0 {
		return hromada.Text{}
	}
	what := hromada.T("зважену кількість сімей з опитування", "the survey's weighted count of families")
	if s.Design != nil && s.Design.NormalisedWeights() {
		what = hromada.T("зважену кількість з опитування, яка з цими вагами рахує респондентів, а не сім'ї",
			"the survey's weighted count, which with these weights counts respondents, not families")
	}
	names := strings.Join(missing[:min(5, len(missing))], ", ")
	if len(missing) > 5 {
		names += ", …"
	}
	return hromada.T("групи без даних реєстру (%d: %s): їхня потреба в робочій книзі спирається на %s; задайте --count ГРУПА=N, наприклад --count %s=1200",
		"no registry count for %d group(s) (%s): their demand in the workbook uses %s; give --count GROUP=N, such as --count %s=1200",
		len(missing), names, what, missing[len(missing)-1])
}

// QuickServices names the services of a quick assessment: the option or
// column name, or its label in the XLSForm.
func QuickServices(s *project.Survey, m project.SurveyMap, form *kobo.Form, lang hromada.Lang) map[string]hromada.Service {
	out := map[string]hromada.Service{}
	for _, n := range s.Needs {
		name := n.Service
		if form != nil {
			for _, nc := range m.Needs {
				if q, ok := form.Question(nc.Column); ok && q.List != "" {
					if l, ok := form.ChoiceLabel(q.List, n.Service, string(lang)); ok && l != "" {
						name = l
						break
					}
				}
				if q, ok := form.Question(n.Service); ok {
					if l := q.Label(string(lang), ""); l != "" {
						name = l
					}
				}
			}
		}
		out[n.Service] = hromada.Service{Key: n.Service, Name: hromada.Text{UK: name, EN: name}, Unit: hromada.Family}
	}
	return out
}

// QuickGroups are the groups of a quick assessment: all households, any
// of the groups, and each value of each grouping column.
func QuickGroups(s *project.Survey) map[string]hromada.Group {
	out := map[string]hromada.Group{
		assess.AllGroup: {ID: assess.AllGroup, Name: hromada.Text{UK: "Усі домогосподарства", EN: "All households"}, Unit: hromada.Family},
		assess.AnyGroup: {ID: assess.AnyGroup, Name: hromada.Text{UK: "Будь-яка з груп", EN: "Any of the groups"}, Unit: hromada.Family},
	}
	for _, g := range s.GroupVars {
		name := g.Column + " = " + g.Value
		out[g.ID] = hromada.Group{ID: g.ID, Name: hromada.Text{UK: name, EN: name}, Unit: hromada.Family}
	}
	return out
}
