package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	*app
	dir             string
	out             string
	json            bool
	noSuppress      bool
	passwordFile    string
	overwriteEdited bool
	communities     []string

	// quick mode
	survey, sheet, form           string
	weight, strata, cluster, fpc  string
	by, need, mean                []string
	where, count                  []string
	reach                         bool
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
reason shown; --no-suppress shows them, for internal use only.

An assessment workbook a person edited since hromada wrote it is not
replaced: assess writes nothing, names it and exits 2; --overwrite-edited
replaces it.`,
		Example: `  # project mode: every community of the project
  hromada assess examples/zhytomyr -o out

  # quick mode on a Kobo export: each option of the select_multiple "needs" is a service
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id \
    --by idp_status,low_income --need needs --ci logit --json

  # an unweighted survey, yes/no need columns, a workbook
  hromada assess --survey survey.csv --need need_day_care,need_counselling -o quick.xlsx

  # as a REACH analyst: analysistools' conventions, consenting households only
  hromada assess --survey export.xlsx --form tool.xlsx --weight weight --strata admin2 \
    --cluster cluster_id --by idp_status --need needs --mean days_help \
    --where A_2_consent=yes --reach --json`,
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
			for _, f := range []string{"weight", "strata", "cluster", "fpc", "by", "need", "mean", "where", "count", "reach", "sheet", "form", "children", "persons", "ci", "level", "lonely-psu", "min-count", "community-column", "community-value"} {
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
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	f.StringVar(&o.survey, "survey", "", "quick mode: the survey file (XLSX or CSV), one row per household")
	f.StringVar(&o.sheet, "sheet", "", "quick mode: the survey's sheet (default: the first)")
	f.StringVar(&o.form, "form", "", "quick mode: the XLSForm of the survey, for question types and choice labels")
	f.StringVar(&o.weight, "weight", "", "quick mode: weight column (default: every weight 1)")
	f.StringVar(&o.strata, "strata", "", "quick mode: stratum column (default: one stratum)")
	f.StringVar(&o.cluster, "cluster", "", "quick mode: cluster (PSU) column (default: each household its own PSU)")
	f.StringVar(&o.fpc, "fpc", "", "quick mode: column with the number of PSUs in the stratum's population")
	f.StringSliceVar(&o.by, "by", nil, "quick mode: grouping columns; each value is a group")
	f.StringSliceVar(&o.need, "need", nil, "quick mode: need columns: select_multiple or select_one questions (each option a share) or yes/no / 0/1 columns")
	f.StringSliceVar(&o.mean, "mean", nil, "quick mode: numeric columns whose mean to estimate")
	f.StringArrayVar(&o.where, "where", nil, "quick mode: keep the rows where COL=VALUE (or COL!=VALUE); repeatable")
	f.StringArrayVar(&o.count, "count", nil, "quick mode: registry count of a group, GROUP=N (group as the table names it, e.g. idp_status=yes=1200, or all=5400); repeatable")
	f.BoolVar(&o.reach, "reach", false, "quick mode: REACH's conventions, as analysistools: don't know and refused are answers, every option is reported, Wald intervals on the degrees of freedom of every answered row, whatever the group")
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
	if err := outFolder(out); err != nil {
		return err
	}
	outputs, err := pipeline.StageOutputs(out, coms, pipeline.Assessment)
	if err != nil {
		return err
	}
	if err := guardOutputs(outputs, append(pipeline.ProjectInputs(p), o.passwordFile)); err != nil {
		return err
	}
	if err := guardEdited(outputs, o.overwriteEdited); err != nil {
		return err
	}
	safefile.SetPrivate(o.noSuppress)
	var all []*assessbook.Assessment
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
		if err := assessbook.Write(path, a); err != nil {
			return err
		}
		if !o.json && !o.quiet {
			fmt.Fprintf(o.stderr, "wrote %s\n", path)
		}
	}
	printWarnings(o.warnings(), warnings)
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
	if len(o.need) == 0 && len(o.mean) == 0 {
		return "", usagef("quick mode needs --need: the column(s) saying which households need a service (or --mean)")
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
	if o.reach {
		if cmd.Flags().Changed("ci") && ci != assess.Wald {
			return "", usagef("--reach gives Wald intervals, as analysistools does; leave out --ci %s", o.ci)
		}
		ci = assess.Wald
	}
	for _, w := range o.where {
		if _, err := parseWhere(w); err != nil {
			return "", err
		}
	}
	if _, err := parseCounts(o.count); err != nil {
		return "", err
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
	if err := guardFile(o.out, o.overwriteEdited, o.survey, o.form, o.passwordFile); err != nil {
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
		if err := formTypes(o, form); err != nil {
			return err
		}
	}
	m := quickSurveyMap(o, pw, form)
	s, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		return suggestWhere(m, ps)
	}
	counts, _ := parseCounts(o.count)
	for g := range counts {
		if g != assess.AllGroup && g != assess.AnyGroup && !slices.ContainsFunc(s.Survey.Groups, func(m assess.Membership) bool { return m.Group == g }) {
			return usagef("--count %s: no group %q; the groups are %s", g, g, groupList(s))
		}
	}
	eo := pipeline.EstimateOptions{CI: ci, Level: o.level, MinCount: o.minCount, Suppress: !o.noSuppress}
	opt := eo.Assess()
	opt.DesignDF = o.reach
	opt.NoSurveyBasisWarning = true
	opt.Counts = counts
	res, err := assess.Analyse(s.Survey, opt)
	if err != nil {
		return append(ps, hromada.Problem{File: o.survey, Msg: err.Error()})
	}
	// The survey's weighted counts stand in for registry counts only in
	// the demand, which the workbook shows: one warning, with the way out.
	if o.out != "" {
		if w := registryWarning(s, counts); w != "" {
			res.Warnings = append(res.Warnings, w)
		}
	}
	ws := o.warnings()
	for _, n := range s.Notes {
		fmt.Fprintf(ws, "note: %s\n", n)
	}
	printWarnings(ws, ps)
	for _, w := range res.Warnings {
		fmt.Fprintf(ws, "warning: %s\n", w)
	}
	report := eo.Report()
	report.Reach = o.reach
	report.Where = whereText(m.Where)
	a := &assessbook.Assessment{
		Lang:      lang,
		Community: hromada.Community{Name: hromada.Text{UK: filepath.Base(o.survey), EN: filepath.Base(o.survey)}},
		Survey:    pipeline.SurveyInfo(s, m),
		Options:   report,
		Services:  quickServices(s, m, form, lang),
		Groups:    quickGroups(s),
		Result:    res,
		Quality:   s.Quality,
		Warnings:  append(append(pipeline.ProblemLines(pipeline.RelProblems(filepath.Dir(o.out), ps)), s.Notes...), res.Warnings...),
	}
	a.Survey.Skipped += s.Filtered
	if o.out != "" {
		if err := makeOutDir(o.out); err != nil {
			return err
		}
		a.Survey.File = safefile.Rel(filepath.Dir(o.out), o.survey)
		o.sweep(filepath.Dir(o.out))
		if err := assessbook.Write(o.out, a); err != nil {
			return err
		}
		if !o.quiet && !o.json {
			fmt.Fprintf(o.stderr, "wrote %s\n", o.out)
		}
	}
	if o.json {
		return writeJSON(o.stdout, pipeline.PublishedRates(res.Rates, eo.Suppress, eo.Report().MinCount))
	}
	if !o.quiet {
		writeTable(o.stdout, quickHeader(), quickRows(a))
	}
	return nil
}

// registryWarning says once which groups' demand rests on the survey's
// weights for want of a registry count; "" when every group has one.
func registryWarning(s *project.Survey, counts map[string]assess.Count) string {
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
		return ""
	}
	what := "the survey's weighted count of families"
	if s.Design != nil && s.Design.NormalisedWeights() {
		what = "the survey's weighted count, which with these weights counts respondents, not families"
	}
	names := strings.Join(missing[:min(5, len(missing))], ", ")
	if len(missing) > 5 {
		names += ", …"
	}
	return fmt.Sprintf("no registry count for %d group(s) (%s): their demand in the workbook uses %s; give --count GROUP=N, such as --count %s=1200",
		len(missing), names, what, missing[len(missing)-1])
}

func groupList(s *project.Survey) string {
	names := []string{assess.AllGroup}
	for _, g := range s.Survey.Groups {
		names = append(names, g.Group)
	}
	return strings.Join(names, ", ")
}

// parseWhere reads a --where filter: COL=VALUE or COL!=VALUE.
func parseWhere(s string) (project.Where, error) {
	if col, val, ok := strings.Cut(s, "!="); ok && strings.TrimSpace(col) != "" {
		return project.Where{Column: strings.TrimSpace(col), Value: strings.TrimSpace(val), Not: true}, nil
	}
	if col, val, ok := strings.Cut(s, "="); ok && strings.TrimSpace(col) != "" {
		return project.Where{Column: strings.TrimSpace(col), Value: strings.TrimSpace(val)}, nil
	}
	return project.Where{}, usagef("--where %q: give COL=VALUE or COL!=VALUE, such as --where A_2_consent=yes", s)
}

func whereText(ws []project.Where) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.String()
	}
	return strings.Join(parts, ", ")
}

// parseCounts reads --count GROUP=N: the group is all that comes before
// the last "=", so that a group such as idp_status=yes can be named.
func parseCounts(list []string) (map[string]assess.Count, error) {
	if len(list) == 0 {
		return nil, nil
	}
	out := map[string]assess.Count{}
	for _, c := range list {
		i := strings.LastIndex(c, "=")
		if i <= 0 {
			return nil, usagef("--count %q: give GROUP=N, such as --count idp_status=yes=1200 or --count all=5400", c)
		}
		g, n := strings.TrimSpace(c[:i]), strings.TrimSpace(c[i+1:])
		v, err := strconv.ParseFloat(n, 64)
		if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, usagef("--count %q: %q is not a count of families (a number of 0 or more)", c, n)
		}
		if _, dup := out[g]; dup {
			return nil, usagef("--count gives group %q twice", g)
		}
		out[g] = assess.Count{Value: v, Unit: hromada.Family, Source: "--count"}
	}
	return out, nil
}

// formTypes checks the columns of --need and --by against the question
// types of the XLSForm.
func formTypes(o *assessOptions, form *kobo.Form) error {
	for _, n := range o.need {
		q, ok := form.Question(n)
		if !ok {
			continue
		}
		switch q.Type {
		case "integer", "decimal", "range":
			return usagef("--need %s: the questionnaire makes it a number (%s), not a need; give --mean %s for its mean", n, q.Type, n)
		}
	}
	for _, b := range o.by {
		if q, ok := form.Question(b); ok && q.Type == "select_multiple" {
			return usagef("--by %s: the questionnaire makes it a select_multiple, so each combination of answers would be a group; group by one option's column (%s/OPTION) or by a select_one question", b, b)
		}
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
	m.KeepMissing = o.reach
	m.Form = form
	for _, w := range o.where {
		wh, _ := parseWhere(w) // checked by quickUsage
		m.Where = append(m.Where, wh)
	}
	for _, b := range o.by {
		m.Groups = append(m.Groups, project.GroupColumn{ID: b, Column: b, ByValue: true})
	}
	for _, n := range o.need {
		nc := project.NeedColumn{Column: n, AllOptions: true}
		if form != nil {
			if q, ok := form.Question(n); ok {
				switch q.Type {
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
	for _, c := range o.mean {
		m.Needs = append(m.Needs, project.NeedColumn{Column: c, Mean: true})
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
	return []string{"group", "question", "answer", "estimate (95 % CI)", "n", "n_total", "flags"}
}

func quickRows(a *assessbook.Assessment) [][]string {
	var rows [][]string
	for _, r := range a.Result.Rates {
		group := "all"
		if r.GroupVar != "" {
			group = r.GroupVar + " = " + r.GroupVarValue
		}
		rate, n, nt := fmtRate(r), fmt.Sprint(r.N), fmt.Sprint(r.NTotal)
		if r.Kind != assess.KindProportion {
			rate = fmtMean(r)
		}
		if a.Options.Suppress && r.Verdict.Suppress {
			rate = "suppressed"
			if h := assess.Hide(r, a.Options.MinCount); h.Hidden {
				// Every count hidden alike, as in JSON and the workbook.
				r = h
				n, nt = "", ""
			}
		}
		var flags []string
		for _, f := range r.Flags {
			flags = append(flags, string(f))
		}
		answer := r.AnalysisVarValue
		if name := a.Services[r.Service].Name.In(a.Lang); name != "" && name != r.AnalysisVar && r.AnalysisVarValue != "yes" && r.AnalysisVarValue != "" {
			answer = name
		}
		rows = append(rows, []string{group, truncate(r.AnalysisVar, 30), truncate(answer, 40), rate, n, nt, strings.Join(flags, " ")})
	}
	return rows
}

// fmtMean writes a mean with its interval: "3.45 (2.49–4.42)".
func fmtMean(r assess.Rate) string {
	switch {
	case r.Stat != r.Stat:
		return "–"
	case r.StatLow != r.StatLow:
		return fmt.Sprintf("%.2f", r.Stat)
	}
	return fmt.Sprintf("%.2f (%.2f–%.2f)", r.Stat, r.StatLow, r.StatUpp)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
