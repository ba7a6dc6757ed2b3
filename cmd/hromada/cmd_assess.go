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
	"github.com/hromada-tool/hromada/internal/xlsx"
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

// newAssessCmd is the assess command. Its help, in Ukrainian and English, is
// commandHelp["assess"] (help_text.go).
func newAssessCmd(a *app) *cobra.Command {
	o := &assessOptions{app: a}
	cmd := &cobra.Command{
		Use:  "assess [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			if o.survey != "" {
				if o.dir != "" {
					return usagef("укажіть або папку проєкту PROJECT, або --survey, не обидва", "give either a PROJECT folder or --survey, not both")
				}
				return runQuickAssess(o, cmd)
			}
			for _, f := range []string{"weight", "strata", "cluster", "fpc", "by", "need", "mean", "where", "count", "reach", "sheet", "form", "children", "persons", "ci", "level", "lonely-psu", "min-count", "community-column", "community-value"} {
				if cmd.Flags().Changed(f) {
					return usagef("--%s задають разом із --survey (швидкий режим); у проєкті це налаштування — у project.xlsx", "--%s goes with --survey (quick mode); a project sets it in project.xlsx", f)
				}
			}
			if o.dir == "" {
				o.dir = "."
			}
			return runProjectAssess(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "")
	f.BoolVar(&o.json, "json", false, "")
	f.BoolVar(&o.noSuppress, "no-suppress", false, "")
	f.StringSliceVar(&o.communities, "community", nil, "")
	addPasswordFlag(cmd, &o.passwordFile)
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	f.StringVar(&o.survey, "survey", "", "")
	f.StringVar(&o.sheet, "sheet", "", "")
	f.StringVar(&o.form, "form", "", "")
	f.StringVar(&o.weight, "weight", "", "")
	f.StringVar(&o.strata, "strata", "", "")
	f.StringVar(&o.cluster, "cluster", "", "")
	f.StringVar(&o.fpc, "fpc", "", "")
	f.StringSliceVar(&o.by, "by", nil, "")
	f.StringSliceVar(&o.need, "need", nil, "")
	f.StringSliceVar(&o.mean, "mean", nil, "")
	f.StringArrayVar(&o.where, "where", nil, "")
	f.StringArrayVar(&o.count, "count", nil, "")
	f.BoolVar(&o.reach, "reach", false, "")
	f.StringVar(&o.children, "children", "", "")
	f.StringVar(&o.persons, "persons", "", "")
	f.StringVar(&o.ci, "ci", "logit", "")
	o.level = 0.95
	f.Var(decimalFlag{&o.level}, "level", "")
	f.StringVar(&o.lonely, "lonely-psu", "adjust", "")
	f.IntVar(&o.minCount, "min-count", assess.DefaultMinCount, "")
	f.StringVar(&o.communityCol, "community-column", "", "")
	f.StringVar(&o.communityFilter, "community-value", "", "")
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
		return errOutFolder(err)
	}
	o.sweep(out)
	for _, a := range all {
		path := pipeline.WorkbookPath(out, a.Community, pipeline.Assessment)
		if err := assessbook.Write(path, a); err != nil {
			return err
		}
		if !o.json && !o.quiet {
			fmt.Fprintf(o.stderr, tr(lang, "записано %s\n", "wrote %s\n"), path)
		}
	}
	printWarnings(o.warnings(), warnings, lang)
	if o.json {
		return writeJSON(o.stdout, pipeline.ProjectJSON(all))
	}
	if !o.quiet {
		for _, a := range all {
			fmt.Fprintf(o.stdout, tr(lang, "\n%s — домогосподарств: %s\n", "\n%s — %s households\n"), a.Community.Name.In(lang), fmtCount(float64(a.Survey.Rows), lang))
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

// printWarnings prints the warnings among ps in lang.
func printWarnings(w io.Writer, ps hromada.Problems, lang hromada.Lang) {
	for _, p := range ps {
		if p.Severity == hromada.Warning {
			fmt.Fprintf(w, "%s: %s\n", p.Severity.In(lang), p.In(lang))
		}
	}
}

// errOutFolder is the error of an output folder that cannot be made.
func errOutFolder(err error) error {
	return hromada.Errorf("не вдалося створити папку для результатів: %w", "cannot create the output folder: %w", err)
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
			return nil, usagef("громади «%s» немає в проєкті; у ньому є: %s", "community %q is not in the project; it has: %s", n, strings.Join(codes, ", "))
		}
	}
	return out, nil
}

// quickUsage checks the flags of quick mode and returns its interval
// method.
func quickUsage(o *assessOptions, cmd *cobra.Command) (assess.CIMethod, error) {
	if len(o.need) == 0 && len(o.mean) == 0 {
		return "", usagef("швидкому режиму потрібен --need: стовпці, що кажуть, яким домогосподарствам потрібна послуга (або --mean)", "quick mode needs --need: the column(s) saying which households need a service (or --mean)")
	}
	if cmd.Flags().Changed("community") {
		return "", usagef("--community задають із проєктом; у швидкому режимі — --community-column і --community-value", "--community goes with a project; in quick mode use --community-column and --community-value")
	}
	if (o.communityCol == "") != (o.communityFilter == "") {
		return "", usagef("--community-column і --community-value задають разом", "--community-column and --community-value go together")
	}
	ci, err := assess.ParseCIMethod(o.ci)
	if err != nil {
		return "", usageError{err}
	}
	if o.reach {
		if cmd.Flags().Changed("ci") && ci != assess.Wald {
			return "", usagef("--reach дає інтервали Вальда, як analysistools; приберіть --ci %s", "--reach gives Wald intervals, as analysistools does; leave out --ci %s", o.ci)
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
		return "", usagef("--lonely-psu «%s» невідоме; можливі: adjust, remove, average, fail", "--lonely-psu %q is not known; allowed: adjust, remove, average, fail", o.lonely)
	}
	if o.level <= 0 || o.level >= 1 {
		return "", usagef("--level %v має бути між 0 і 1, наприклад 0,95", "--level %v must be between 0 and 1, such as 0.95", decimalText(o.level))
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
		return usagef("файл опитування %s не знайдено", "survey file %s not found", o.survey)
	}
	if o.out != "" && !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usagef("-o %s: у швидкому режимі результат — файл .xlsx", "-o %s: in quick mode the output is an .xlsx file", o.out)
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
	q := quickOf(o, ci, pw, lang)
	m := q.SurveyMap(form)
	s, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		return suggestWhere(m, ps)
	}
	for g := range q.Counts {
		if g != assess.AllGroup && g != assess.AnyGroup && !slices.ContainsFunc(s.Survey.Groups, func(m assess.Membership) bool { return m.Group == g }) {
			return usagef("--count %s: немає групи «%s»; групи: %s", "--count %s: no group %q; the groups are %s", g, g, groupList(s))
		}
	}
	res, err := q.Analyse(s)
	if err != nil {
		return append(ps, hromada.Problem{File: o.survey, Msg: hromada.ErrText(err)})
	}
	ws := o.warnings()
	for _, n := range s.Notes {
		fmt.Fprintf(ws, "%s: %s\n", tr(lang, "примітка", "note"), n.In(lang))
	}
	printWarnings(ws, ps, lang)
	for _, w := range res.Warnings {
		fmt.Fprintf(ws, "%s: %s\n", hromada.Warning.In(lang), w.In(lang))
	}
	a := q.Workbook(s, m, form, ps, res)
	eo := q.Estimate
	if o.out != "" {
		if err := makeOutDir(o.out); err != nil {
			return err
		}
		o.sweep(filepath.Dir(o.out))
		if err := assessbook.Write(o.out, a); err != nil {
			return err
		}
		if !o.quiet && !o.json {
			fmt.Fprintf(o.stderr, tr(lang, "записано %s\n", "wrote %s\n"), o.out)
		}
	}
	if o.json {
		return writeJSON(o.stdout, pipeline.PublishedRates(res.Rates, eo.Suppress, eo.Report().MinCount))
	}
	if !o.quiet {
		writeTable(o.stdout, quickHeader(lang), quickRows(a))
	}
	return nil
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
	return project.Where{}, usagef("--where «%s»: укажіть СТОВПЕЦЬ=ЗНАЧЕННЯ або СТОВПЕЦЬ!=ЗНАЧЕННЯ, наприклад --where A_2_consent=yes", "--where %q: give COL=VALUE or COL!=VALUE, such as --where A_2_consent=yes", s)
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
			return nil, usagef("--count «%s»: укажіть ГРУПА=N, наприклад --count idp_status=yes=1200 або --count all=5400", "--count %q: give GROUP=N, such as --count idp_status=yes=1200 or --count all=5400", c)
		}
		g, n := strings.TrimSpace(c[:i]), strings.TrimSpace(c[i+1:])
		v, err := strconv.ParseFloat(n, 64)
		if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, usagef("--count «%s»: «%s» — не кількість сімей (число від 0)", "--count %q: %q is not a count of families (a number of 0 or more)", c, n)
		}
		if _, dup := out[g]; dup {
			return nil, usagef("--count задає групу «%s» двічі", "--count gives group %q twice", g)
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
			return usagef("--need %s: в анкеті це число (%s), а не потреба; для його середнього задайте --mean %s", "--need %s: the questionnaire makes it a number (%s), not a need; give --mean %s for its mean", n, q.Type, n)
		}
	}
	for _, b := range o.by {
		if q, ok := form.Question(b); ok && q.Type == "select_multiple" {
			return usagef("--by %s: в анкеті це select_multiple, тож кожне поєднання відповідей стало б групою; групуйте за стовпцем одного варіанта (%s/ВАРІАНТ) або за питанням select_one", "--by %s: the questionnaire makes it a select_multiple, so each combination of answers would be a group; group by one option's column (%s/OPTION) or by a select_one question", b, b)
		}
	}
	return nil
}

// quickOf is the quick assessment the flags of quick mode ask for, with
// the interval method ci, the password pw and the outputs' language.
func quickOf(o *assessOptions, ci assess.CIMethod, pw string, lang hromada.Lang) *pipeline.Quick {
	q := &pipeline.Quick{
		Survey: o.survey, Sheet: o.sheet, Password: pw,
		Weight: o.weight, Strata: o.strata, Cluster: o.cluster, FPC: o.fpc,
		By: o.by, Need: o.need, Mean: o.mean,
		Reach: o.reach, Children: o.children, Persons: o.persons,
		Lonely:       assess.LonelyPSU(o.lonely),
		CommunityCol: o.communityCol, CommunityValue: o.communityFilter,
		Estimate: pipeline.EstimateOptions{CI: ci, Level: o.level, MinCount: o.minCount, Suppress: !o.noSuppress},
		Lang:     lang, Out: o.out,
	}
	for _, w := range o.where {
		wh, _ := parseWhere(w) // checked by quickUsage
		q.Where = append(q.Where, wh)
	}
	q.Counts, _ = parseCounts(o.count) // checked by quickUsage
	return q
}

func quickHeader(lang hromada.Lang) []string {
	if lang == hromada.English {
		return []string{"group", "question", "answer", "estimate (95 % CI)", "n", "n_total", "flags"}
	}
	return []string{"група", "питання", "відповідь", "оцінка (95 % ДІ)", "n", "n_total", "позначки"}
}

func quickRows(a *assessbook.Assessment) [][]string {
	var rows [][]string
	for _, r := range a.Result.Rates {
		group := tr(a.Lang, "усі", "all")
		if r.GroupVar != "" {
			group = r.GroupVar + " = " + r.GroupVarValue
		}
		rate, n, nt := fmtRate(r, a.Lang), fmt.Sprint(r.N), fmt.Sprint(r.NTotal)
		if r.Kind != assess.KindProportion {
			rate = fmtMean(r, a.Lang)
		}
		if a.Options.Suppress && r.Verdict.Suppress {
			rate = tr(a.Lang, "приховано", "suppressed")
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

// fmtMean writes a mean with its interval: "3.45 (2.49–4.42)",
// «3,45 (2,49–4,42)».
func fmtMean(r assess.Rate, lang hromada.Lang) string {
	switch {
	case r.Stat != r.Stat:
		return "–"
	case r.StatLow != r.StatLow:
		return fmtDecimal(r.Stat, 2, lang)
	}
	return fmtDecimal(r.Stat, 2, lang) + " (" + fmtDecimal(r.StatLow, 2, lang) + "–" + fmtDecimal(r.StatUpp, 2, lang) + ")"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// decimalFlag is a number flag that takes a decimal comma as well as a
// full stop ("0,9" or "0.9"), as a Ukrainian planner writes numbers.
type decimalFlag struct{ p *float64 }

func (d decimalFlag) String() string {
	if d.p == nil {
		return ""
	}
	return strconv.FormatFloat(*d.p, 'g', -1, 64)
}

func (d decimalFlag) Set(s string) error {
	x, err := xlsx.ParseNumber(s)
	if err != nil {
		return err
	}
	*d.p = x
	return nil
}

func (d decimalFlag) Type() string { return "float64" }

// decimalText is a number as typed in each language: «0,3», "0.3".
func decimalText(x float64) hromada.Text {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	return hromada.Text{UK: strings.Replace(s, ".", ",", 1), EN: s}
}
