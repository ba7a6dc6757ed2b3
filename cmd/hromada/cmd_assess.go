package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	*app
	dir          string
	out          string
	json         bool
	noSuppress   bool
	passwordFile string
	communities  []string

	// quick mode
	survey, sheet, form           string
	weight, strata, cluster, fpc  string
	by, need                      []string
	children, persons             string
	ci, lonely                    string
	level                         float64
	minCount                      int
	communityCol, communityFilter string
}

func newAssessCmd(a *app) *cobra.Command {
	o := &assessOptions{app: a}
	cmd := &cobra.Command{
		Use:   "assess [PROJECT]",
		Short: "Estimate need rates and demand per population group and service",
		Long: `assess estimates, from a household survey, the share of households in each
population group that need each social service — with design-correct
confidence intervals (Taylor linearisation, as R survey) — and the demand in
families, children or persons, using the registry counts.

Project mode reads a project folder and writes one assessment workbook per
community into the output folder. Quick mode reads a bare survey file named
by --survey, with its columns named by flags, and needs no project.

Estimates that fail the NCHS reliability standards, and cells from fewer
respondents than the minimum count, are suppressed in the outputs with the
reason shown; --no-suppress shows them, for internal use only.`,
		Example: `  # project mode: every community of the project
  hromada assess examples/zhytomyr -o out

  # quick mode on a Kobo export: each option of the select_multiple "needs" is a service
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id \
    --by idp_status,low_income --need needs --ci logit --json

  # an unweighted survey, yes/no need columns, a workbook
  hromada assess --survey survey.csv --need need_day_care,need_counselling -o quick.xlsx`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			if o.survey != "" {
				if o.dir != "" {
					return usagef("give either a PROJECT folder or --survey, not both")
				}
				return runQuickAssess(o, cmd)
			}
			for _, f := range []string{"weight", "strata", "cluster", "fpc", "by", "need", "sheet", "form", "children", "persons", "ci", "level", "lonely-psu", "min-count", "community-column", "community-value"} {
				if cmd.Flags().Changed(f) {
					return usagef("--%s goes with --survey (quick mode); a project sets it in project.xlsx", f)
				}
			}
			if o.dir == "" {
				o.dir = "."
			}
			return runProjectAssess(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "output: a folder in project mode (default out), an .xlsx file in quick mode")
	f.BoolVar(&o.json, "json", false, "print the estimates as JSON (the analysistools result columns) instead of a table")
	f.BoolVar(&o.noSuppress, "no-suppress", false, "show unreliable estimates and small counts (internal use only)")
	f.StringSliceVar(&o.communities, "community", nil, "project mode: only these communities (code or name; repeatable)")
	addPasswordFlag(cmd, &o.passwordFile)
	f.StringVar(&o.survey, "survey", "", "quick mode: the survey file (XLSX or CSV), one row per household")
	f.StringVar(&o.sheet, "sheet", "", "quick mode: the survey's sheet (default: the first)")
	f.StringVar(&o.form, "form", "", "quick mode: the XLSForm of the survey, for question types and choice labels")
	f.StringVar(&o.weight, "weight", "", "quick mode: weight column (default: every weight 1)")
	f.StringVar(&o.strata, "strata", "", "quick mode: stratum column (default: one stratum)")
	f.StringVar(&o.cluster, "cluster", "", "quick mode: cluster (PSU) column (default: each household its own PSU)")
	f.StringVar(&o.fpc, "fpc", "", "quick mode: column with the number of PSUs in the stratum's population")
	f.StringSliceVar(&o.by, "by", nil, "quick mode: grouping columns; each value is a group")
	f.StringSliceVar(&o.need, "need", nil, "quick mode: need columns: select_multiple questions (each option a service) or yes/no / 0/1 columns")
	f.StringVar(&o.children, "children", "", "quick mode: number-of-children column, for demand in children")
	f.StringVar(&o.persons, "persons", "", "quick mode: household-size column, for demand in persons")
	f.StringVar(&o.ci, "ci", "logit", "quick mode: interval method: logit, wald, wilson or beta")
	f.Float64Var(&o.level, "level", 0.95, "quick mode: confidence level")
	f.StringVar(&o.lonely, "lonely-psu", "adjust", "quick mode: a stratum with one PSU: adjust, remove, average or fail")
	f.IntVar(&o.minCount, "min-count", assess.DefaultMinCount, "quick mode: fewest respondents behind a published estimate")
	f.StringVar(&o.communityCol, "community-column", "", "quick mode: column naming the community, with --community-value")
	f.StringVar(&o.communityFilter, "community-value", "", "quick mode: keep only the rows with this value in --community-column")
	return cmd
}

func runProjectAssess(o *assessOptions) error {
	st, err := openStage(o.app, o.dir, o.passwordFile, o.communities)
	if err != nil {
		return err
	}
	p, ps, pw, lang, coms := st.p, st.problems, st.password, st.lang, st.communities
	eo, err := pipeline.ProjectEstimateOptions(p, o.noSuppress)
	if err != nil {
		return err
	}
	out := o.out
	if out == "" {
		out = "out"
	}
	outputs, err := pipeline.StageOutputs(out, coms, pipeline.Assessment)
	if err != nil {
		return err
	}
	if err := guardOutputs(outputs, append(pipeline.ProjectInputs(p), o.passwordFile)); err != nil {
		return err
	}
	safefile.SetPrivate(o.noSuppress)
	var all []*workbook.Assessment
	warnings := ps
	for _, c := range coms {
		a, cps := pipeline.ReadAndAssess(p, c, pw, eo, lang)
		if cps.Errors() > 0 {
			return append(warnings, cps...)
		}
		warnings = append(warnings, cps...)
		all = append(all, a)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder: %w", err)
	}
	o.sweep(out)
	for _, a := range all {
		path := pipeline.WorkbookPath(out, a.Community, pipeline.Assessment)
		if err := workbook.WriteAssessment(path, a); err != nil {
			return err
		}
		if !o.json && !o.quiet {
			fmt.Fprintf(o.stderr, "wrote %s\n", path)
		}
	}
	printWarnings(o.stderr, warnings)
	if o.json {
		return writeJSON(o.stdout, pipeline.ProjectJSON(all))
	}
	if !o.quiet {
		for _, a := range all {
			fmt.Fprintf(o.stdout, "\n%s — %d households\n", a.Community.Name.In(lang), a.Survey.Rows)
			writeTable(o.stdout, assessHeader(lang), summaryRows(a))
		}
	}
	return nil
}

func assessHeader(lang hromada.Lang) []string {
	if lang == hromada.English {
		return []string{"service", "need, all households (95 % CI)", "in need, any target group (95 % CI)"}
	}
	return []string{"послуга", "потреба, усі домогосподарства (95 % ДІ)", "потребують, будь-яка цільова група (95 % ДІ)"}
}

func printWarnings(w io.Writer, ps hromada.Problems) {
	for _, p := range ps {
		if p.Severity == hromada.Warning {
			fmt.Fprintf(w, "warning: %s\n", p.Error())
		}
	}
}

// selectCommunities picks the communities named by --community.
func selectCommunities(p *project.Project, names []string) ([]project.Community, error) {
	if len(names) == 0 {
		return p.Communities, nil
	}
	var out []project.Community
	for _, n := range names {
		found := false
		for _, c := range p.Communities {
			if strings.EqualFold(n, c.Code) || strings.EqualFold(n, c.Name.UK) || strings.EqualFold(n, c.Name.EN) || strings.EqualFold(n, pipeline.Slug(c.Community)) {
				out = append(out, c)
				found = true
				break
			}
		}
		if !found {
			var codes []string
			for _, c := range p.Communities {
				codes = append(codes, c.Code+" ("+c.Name.UK+")")
			}
			return nil, usagef("community %q is not in the project; it has: %s", n, strings.Join(codes, ", "))
		}
	}
	return out, nil
}

// quickUsage checks the flags of quick mode and returns its interval
// method.
func quickUsage(o *assessOptions, cmd *cobra.Command) (assess.CIMethod, error) {
	if len(o.need) == 0 {
		return "", usagef("quick mode needs --need: the column(s) saying which households need a service")
	}
	if cmd.Flags().Changed("community") {
		return "", usagef("--community goes with a project; in quick mode use --community-column and --community-value")
	}
	if (o.communityCol == "") != (o.communityFilter == "") {
		return "", usagef("--community-column and --community-value go together")
	}
	ci, err := assess.ParseCIMethod(o.ci)
	if err != nil {
		return "", usageError{err}
	}
	switch assess.LonelyPSU(o.lonely) {
	case assess.LonelyAdjust, assess.LonelyRemove, assess.LonelyAverage, assess.LonelyFail:
	default:
		return "", usagef("--lonely-psu %q is not known; allowed: adjust, remove, average, fail", o.lonely)
	}
	if o.level <= 0 || o.level >= 1 {
		return "", usagef("--level %v must be between 0 and 1, such as 0.95", o.level)
	}
	return ci, nil
}

func runQuickAssess(o *assessOptions, cmd *cobra.Command) error {
	ci, err := quickUsage(o, cmd)
	if err != nil {
		return err
	}
	lang, err := o.language("")
	if err != nil {
		return err
	}
	if _, err := os.Stat(o.survey); err != nil {
		return usagef("survey file %s not found", o.survey)
	}
	if o.out != "" && !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usagef("-o %s: in quick mode the output is an .xlsx file", o.out)
	}
	if err := guardInputs(o.survey, o.form, o.passwordFile); err != nil {
		return err
	}
	if err := guardOutputs([]string{o.out}, []string{o.survey, o.form, o.passwordFile}); err != nil {
		return err
	}
	safefile.SetPrivate(o.noSuppress)
	pw, err := password(o.passwordFile)
	if err != nil {
		return err
	}
	var form *kobo.Form
	if o.form != "" {
		if form, err = kobo.ReadXLSForm(o.form); err != nil {
			return hromada.Problems{pipeline.ProblemOf(o.form, err)}
		}
	}
	m := quickSurveyMap(o, pw, form)
	s, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		return ps
	}
	eo := pipeline.EstimateOptions{CI: ci, Level: o.level, MinCount: o.minCount, Suppress: !o.noSuppress}
	opt := eo.Assess()
	res, err := assess.Analyse(s.Survey, opt)
	if err != nil {
		return append(ps, hromada.Problem{File: o.survey, Msg: err.Error()})
	}
	printWarnings(o.stderr, ps)
	for _, w := range res.Warnings {
		fmt.Fprintf(o.stderr, "warning: %s\n", w)
	}
	a := &workbook.Assessment{
		Lang:      lang,
		Community: hromada.Community{Name: hromada.Text{UK: filepath.Base(o.survey), EN: filepath.Base(o.survey)}},
		Survey:    pipeline.SurveyInfo(s, m),
		Options:   eo.Report(),
		Services:  quickServices(s, m, form, lang),
		Groups:    quickGroups(s),
		Result:    res,
		Quality:   s.Quality,
		Warnings:  append(pipeline.ProblemLines(pipeline.RelProblems(filepath.Dir(o.out), ps)), res.Warnings...),
	}
	if o.out != "" {
		a.Survey.File = safefile.Rel(filepath.Dir(o.out), o.survey)
		o.sweep(filepath.Dir(o.out))
		if err := workbook.WriteAssessment(o.out, a); err != nil {
			return err
		}
		if !o.quiet && !o.json {
			fmt.Fprintf(o.stderr, "wrote %s\n", o.out)
		}
	}
	if o.json {
		return writeJSON(o.stdout, pipeline.PublishedRates(res.Rates, eo.Suppress))
	}
	if !o.quiet {
		writeTable(o.stdout, quickHeader(), quickRows(a))
	}
	return nil
}

// quickSurveyMap reads the survey columns named by the flags of quick
// mode: every option of a select_multiple need column (as the XLSForm
// says, when given) is a service.
func quickSurveyMap(o *assessOptions, pw string, form *kobo.Form) project.SurveyMap {
	m := project.SurveyMap{
		File: o.survey, Sheet: o.sheet, Password: pw,
		Weight: o.weight, Stratum: o.strata, Cluster: o.cluster, FPC: o.fpc,
		Community: o.communityCol, CommunityValue: o.communityFilter,
		Children: o.children, HouseholdSize: o.persons,
		Lonely: assess.LonelyPSU(o.lonely),
	}
	for _, b := range o.by {
		m.Groups = append(m.Groups, project.GroupColumn{ID: b, Column: b, ByValue: true})
	}
	for _, n := range o.need {
		nc := project.NeedColumn{Column: n, AllOptions: true}
		if form != nil {
			if q, ok := form.Question(n); ok && q.Type != "select_multiple" {
				nc.AllOptions = false
			}
		}
		m.Needs = append(m.Needs, nc)
	}
	return m
}

// quickServices names the services of quick mode: the option or column
// name, or its label in the XLSForm.
func quickServices(s *project.Survey, m project.SurveyMap, form *kobo.Form, lang hromada.Lang) map[string]hromada.Service {
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

func quickGroups(s *project.Survey) map[string]hromada.Group {
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

func quickHeader() []string {
	return []string{"group", "service", "need (95 % CI)", "n", "flags"}
}

func quickRows(a *workbook.Assessment) [][]string {
	var rows [][]string
	for _, r := range a.Result.Rates {
		group := "all"
		if r.GroupVar != "" {
			group = r.GroupVar + " = " + r.GroupVarValue
		}
		rate, n := fmtRate(r), fmt.Sprint(r.NTotal)
		if a.Options.Suppress && r.Verdict.Suppress {
			rate = "suppressed"
			if r.NTotal < a.Options.MinCount {
				n = "<" + fmt.Sprint(a.Options.MinCount)
			}
		}
		var flags []string
		for _, f := range r.Verdict.Reasons {
			flags = append(flags, string(f))
		}
		rows = append(rows, []string{group, truncate(a.Services[r.Service].Name.In(a.Lang), 40), rate, n, strings.Join(flags, " ")})
	}
	return rows
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
