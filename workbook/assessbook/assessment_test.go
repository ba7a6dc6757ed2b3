package assessbook

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
	"github.com/xuri/excelize/v2"
)

// assessmentCase is a workbook the golden tests write: published
// (suppress) or internal.
type assessmentCase struct {
	name     string
	lang     hromada.Lang
	suppress bool
}

// assessmentCases are the workbooks the golden tests write.
var assessmentCases = []assessmentCase{
	{"uk", hromada.Ukrainian, true},
	{"en", hromada.English, true},
	{"en_internal", hromada.English, false},
}

// assessmentWrites are the workbooks of assessmentCases, for the golden
// and determinism tests.
var assessmentWrites = booktest.WriterTest[assessmentCase]{Golden: "assessment", Cases: assessmentCases,
	Name: func(c assessmentCase) string { return c.name },
	Write: func(t *testing.T, c assessmentCase, file string) string {
		return writeTestAssessment(t, file, testAssessment(t, c.lang, c.suppress))
	}}

func writeTestAssessment(t *testing.T, name string, a *Assessment) string {
	t.Helper()
	return booktest.WriteTemp(t, name, func(path string) error { return Write(path, a) })
}

// TestWriteAssessmentGolden compares a text dump of the workbook — every
// sheet, cell, number format, width and frozen pane — with the golden
// files in testdata/assessment (go test -run Golden -update rewrites them).
func TestWriteAssessmentGolden(t *testing.T) { assessmentWrites.GoldenDumps(t) }

// TestWriteAssessmentDeterministic writes the same assessment several
// times: the files must be equal byte for byte, charts included.
func TestWriteAssessmentDeterministic(t *testing.T) { assessmentWrites.SameBytes(t, 5) }

// TestAssessmentCharts checks the two charts of the Summary and their
// error bars: one series for the union's demand, one per group with a
// publishable rate.
func TestAssessmentCharts(t *testing.T) {
	path := writeTestAssessment(t, "en", testAssessment(t, hromada.English, true))
	demand := booktest.ZipPart(t, path, "xl/charts/chart1.xml")
	rates := booktest.ZipPart(t, path, "xl/charts/chart2.xml")
	for _, c := range []struct {
		name, xml string
		series    int
	}{{"demand", demand, 1}, {"rates", rates, 2}} { // all families and IDP families; the others are suppressed
		if n := strings.Count(c.xml, "<ser>"); n != c.series {
			t.Errorf("%s chart: %d series, want %d", c.name, n, c.series)
		}
		if n := strings.Count(c.xml, "<errBars>"); n != c.series {
			t.Errorf("%s chart: %d error bars, want %d", c.name, n, c.series)
		}
		if !strings.Contains(c.xml, `<errValType val="cust"/>`) || !strings.Contains(c.xml, "<plus><numRef><f>&#39;_charts&#39;!$") {
			t.Errorf("%s chart: error bars are not custom ranges of the chart data:\n%s", c.name, c.xml)
		}
	}
	if !strings.Contains(demand, "Demand by service") || !strings.Contains(rates, "Need rate by group") {
		t.Error("chart titles are missing")
	}
}

// TestAssessmentSuppression checks the published workbook: a suppressed
// estimate shows a note with its reason in every number cell — never a
// blank — and no count of respondents below the minimum is shown.
func TestAssessmentSuppression(t *testing.T) {
	a := testAssessment(t, hromada.English, true)
	path := writeTestAssessment(t, "en", a)

	rows := booktest.SheetRows(t, path, "Demand")
	suppressed := 0
	for i, d := range slices.Concat(a.Result.Demand, a.Result.Union) {
		row := rows[i+1]
		if row[0] != d.Group || row[2] != d.Service {
			t.Fatalf("Demand row %d is %s/%s, want %s/%s", i+2, row[0], row[2], d.Group, d.Service)
		}
		for _, key := range []string{"rate", "rate_low", "rate_upp", "people", "people_low", "people_upp"} {
			cell := row[demandColumn(key)]
			notObs := assess.HideDemand(d, 5).NotObserved // a small group is no longer "not observed"
			switch {
			case notObs && !strings.HasPrefix(cell, "not observed"):
				t.Errorf("Demand!%s%d (%s, %s, %s) = %q, want a note that it is not observed", workbook.ColumnName(demandColumn(key)), i+2, d.Group, d.Service, key, cell)
			case notObs:
			case d.Rate.Verdict.Suppress && !strings.HasPrefix(cell, "suppressed: "):
				t.Errorf("Demand!%s%d (%s, %s, %s) = %q, want a note that it is suppressed", workbook.ColumnName(demandColumn(key)), i+2, d.Group, d.Service, key, cell)
			case !d.Rate.Verdict.Suppress && cell == "":
				t.Errorf("Demand!%s%d is blank", workbook.ColumnName(demandColumn(key)), i+2)
			}
		}
		if d.Rate.Verdict.Suppress {
			suppressed++
		}
	}
	if suppressed == 0 {
		t.Fatal("the test assessment has no suppressed demand")
	}
	// The tiny group: fewer than 5 respondents, no degrees of freedom.
	// None needs counselling: not observed, but in a group of fewer than 5
	// a small cell, published like the others — not as "not observed".
	if got := rows[1+9][demandColumn("rate")]; got != "suppressed: df = 0" {
		t.Errorf("large families' first rate = %q, want %q", got, "suppressed: df = 0")
	}
	if got := rows[1+10][demandColumn("rate")]; got != "suppressed: df = 0" {
		t.Errorf("large families' second rate = %q, want %q", got, "suppressed: df = 0")
	}

	est := booktest.SheetRows(t, path, "Estimates")
	header := est[0]
	// Every count of a suppressed estimate holds the same mark,
	// "suppressed", and its figures the note of its stat: a count of 0
	// cannot be told from a small one, and no review flag (p_0_or_1) says
	// what the hidden share is.
	col := func(name string) int { return slices.Index(header, name) }
	hiddenRows := 0
	for _, row := range est[1:] {
		stat := row[col("stat")]
		if !strings.HasPrefix(stat, "suppressed: ") {
			continue
		}
		hiddenRows++
		for _, h := range []string{"n", "n_total", "n_w", "n_w_total", "df"} {
			if row[col(h)] != "suppressed" {
				t.Errorf("Estimates %s of %s = %q, want %q", h, row[col("analysis_key")], row[col(h)], "suppressed")
			}
		}
		for _, h := range []string{"se", "deff", "n_eff"} {
			if row[col(h)] != stat {
				t.Errorf("Estimates %s of %s = %q, want %q as its stat", h, row[col("analysis_key")], row[col(h)], stat)
			}
		}
		if strings.Contains(row[col("flags")], "p_0_or_1") || strings.Contains(row[col("flags")], "df_lt_8") {
			t.Errorf("Estimates flags of suppressed %s = %q, want suppression reasons only", row[col("analysis_key")], row[col("flags")])
		}
	}
	if hiddenRows == 0 {
		t.Fatal("the test assessment has no suppressed estimate")
	}
	for _, row := range est[1:] {
		for c, h := range header {
			if c >= len(row) || !slices.Contains([]string{"n", "n_total", "n_w", "n_w_total"}, h) {
				continue
			}
			var v float64
			if _, err := fmt.Sscan(row[c], &v); err == nil && v > 0 && v < 5 && (h == "n" || h == "n_total") {
				t.Errorf("Estimates %s = %s for %s: a count below 5 is shown", h, row[c], row[len(header)-7])
			}
		}
	}
}

// TestReadDemandRoundTrip writes assessments and reads their Demand sheet
// back: the same groups, services and numbers, in both languages; the
// suppressed rows of a published workbook come back as suppressed.
func TestReadDemandRoundTrip(t *testing.T) {
	for _, c := range assessmentCases {
		t.Run(c.name, func(t *testing.T) {
			a := testAssessment(t, c.lang, c.suppress)
			path := writeTestAssessment(t, c.name, a)
			rows, ps := ReadDemand(path)
			if len(ps) > 0 {
				t.Fatalf("ReadDemand: %v", ps)
			}
			want := slices.Concat(a.Result.Demand, a.Result.Union)
			if len(rows) != len(want) {
				t.Fatalf("ReadDemand gave %d rows, want %d", len(rows), len(want))
			}
			for i, d := range want {
				r := rows[i]
				if r.Group != d.Group || r.Service != d.Service || r.Unit != d.Unit || r.Basis != d.Basis ||
					r.CountUnit != d.CountUnit || r.CountOf != d.CountOf || r.AsOf != d.AsOf || r.Source != d.Source || r.Row != i+2 {
					t.Errorf("row %d = %+v, want %+v", i+2, r, d)
				}
				if !booktest.Same(r.Count, d.Count) {
					t.Errorf("row %d: count %v, want %v", i+2, r.Count, d.Count)
				}
				if hide := c.suppress && d.Rate.Verdict.Suppress || d.NotObserved; hide {
					notObs := d.NotObserved
					if c.suppress {
						notObs = assess.HideDemand(d, 5).NotObserved // a small group published as suppressed
					}
					if !r.Suppressed || !math.IsNaN(r.People) || !math.IsNaN(r.Rate) || r.NotObserved != notObs {
						t.Errorf("row %d: suppressed %v, not observed %v, people %v, rate %v; want suppressed, %v, NaN, NaN", i+2, r.Suppressed, r.NotObserved, r.People, r.Rate, notObs)
					}
					continue
				}
				for _, v := range [][3]any{
					{"rate", r.Rate, d.Rate.Stat}, {"rate_low", r.RateLow, d.Rate.StatLow}, {"rate_upp", r.RateUpp, d.Rate.StatUpp},
					{"people", r.People, d.People}, {"people_low", r.PeopleLow, d.PeopleLow}, {"people_upp", r.PeopleUpp, d.PeopleUpp},
				} {
					if !booktest.Same(v[1].(float64), v[2].(float64)) {
						t.Errorf("row %d: %s %v, want %v", i+2, v[0], v[1], v[2])
					}
				}
				if r.Suppressed {
					t.Errorf("row %d is read as suppressed", i+2)
				}
			}
		})
	}
}

// TestReadDemandEdited reads a Demand sheet a person changed in Excel: a
// demand overridden, a row removed, a column header written as its key,
// and a number cell made text.
func TestReadDemandEdited(t *testing.T) {
	a := testAssessment(t, hromada.Ukrainian, true)
	path := writeTestAssessment(t, "uk", a)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sh := "Потреба"
	people := workbook.ColumnName(demandColumn("people"))
	// Row 2 is all families, counselling: the planner sets 1 500.
	booktest.Must(t, f.SetCellValue(sh, people+"2", 1500))
	// Row 3 (all families, social support): the low bound becomes text.
	booktest.Must(t, f.SetCellValue(sh, workbook.ColumnName(demandColumn("people_low"))+"3", "близько 500"))
	// The header of the service code is written as its key.
	booktest.Must(t, f.SetCellValue(sh, workbook.ColumnName(demandColumn("service_code"))+"1", "service_code"))
	// Row 4 (all families, day care) is deleted: the rows below move up.
	booktest.Must(t, f.RemoveRow(sh, 4))
	booktest.Must(t, f.Save())
	booktest.Must(t, f.Close())

	rows, ps := ReadDemand(path)
	if len(ps) != 1 {
		t.Fatalf("ReadDemand problems = %v, want one", ps)
	}
	p := ps[0]
	wantCell := workbook.ColumnName(demandColumn("people_low")) + "3"
	if p.Severity != hromada.Error || p.File != path || p.Sheet != sh || p.Cell != wantCell ||
		!strings.Contains(p.Msg.EN, `"близько 500" is not a number`) || !strings.Contains(p.Msg.EN, "Потребують: ДІ від") {
		t.Errorf("problem = %+v, want an error at %s!%s saying the text is not a number", p, sh, wantCell)
	}
	all := len(a.Result.Demand) + len(a.Result.Union)
	if len(rows) != all-2 { // one row removed, one with a problem
		t.Fatalf("ReadDemand gave %d rows, want %d", len(rows), all-2)
	}
	if r := rows[0]; r.Group != assess.AllGroup || r.Service != tCounselling || r.People != 1500 {
		t.Errorf("first row = %s/%s people %v, want all/%s 1500 as edited", r.Group, r.Service, r.People, tCounselling)
	}
	for _, r := range rows {
		if r.Group == assess.AllGroup && r.Service == tDayCare {
			t.Errorf("the removed row all/%s is read", tDayCare)
		}
	}
}

// TestReadDemandProblems checks what ReadDemand says about workbooks it
// cannot read: no Demand sheet, a missing column, a unit it does not know,
// a row given twice.
func TestReadDemandProblems(t *testing.T) {
	none := xlsxtest.Write(t, "other.xlsx", xlsxtest.Sheet{Name: "Summary", Cells: xlsxtest.Cells(xlsxtest.Row(1, "x"))})
	if _, ps := ReadDemand(none); len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, `no sheet "Demand" or "Потреба"`) {
		t.Errorf("ReadDemand without a Demand sheet: %v", ps)
	}
	noPeople := xlsxtest.Write(t, "nopeople.xlsx", xlsxtest.Sheet{Name: "Demand", Cells: xlsxtest.Cells(xlsxtest.Row(1, "Group ID", "Service code"), xlsxtest.Row(2, "idp", "002.0"))})
	if _, ps := ReadDemand(noPeople); len(ps) != 1 || ps[0].Cell != "row 1" || !strings.Contains(ps[0].Msg.EN, `"In need"`) {
		t.Errorf("ReadDemand without the demand column: %v", ps)
	}
	bad := xlsxtest.Write(t, "bad.xlsx", xlsxtest.Sheet{Name: "Demand", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "group_id", "Service code", "unit", "people"),
		xlsxtest.Row(2, "idp", "002.0", "households", 10),
		xlsxtest.Row(3, "idp", "010.1", "сімей", 20),
		xlsxtest.Row(4, "idp", "010.1", "families", 30),
		xlsxtest.Row(5, "", "010.1", "families", 5),
	)})
	rows, ps := ReadDemand(bad)
	var got []string
	for _, p := range ps {
		got = append(got, p.Cell+": "+p.Msg.EN)
	}
	want := []string{
		`C2: unit "households" is not known`,
		`B4: the demand of group "idp" for service "010.1" is given twice, in rows 3 and 4`,
		`A5: the row has no group ID`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 1 || rows[0].People != 20 || rows[0].Unit != hromada.Family {
		t.Errorf("rows = %+v, want the one good row", rows)
	}
}

// TestAssessmentTexts checks the table of texts: every key the code uses
// is there, in both languages, with the same verbs.
func TestAssessmentTexts(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[sdv]`)
	for key, txt := range assessText {
		if txt.UK == "" || txt.EN == "" {
			t.Errorf("text %q lacks a language: %+v", key, txt)
		}
		u, e := len(verbs.FindAllString(txt.UK, -1)), len(verbs.FindAllString(txt.EN, -1))
		if u != e && !strings.Contains(txt.EN, "%[") {
			t.Errorf("text %q: %d verbs in Ukrainian, %d in English", key, u, e)
		}
		if u == 0 {
			continue // not a format: written as it is
		}
		n := u
		for _, m := range verbs.FindAllStringSubmatch(txt.UK+txt.EN, -1) {
			var k int
			if _, err := fmt.Sscanf(m[1], "[%d]", &k); err == nil {
				n = max(n, k) // explicit argument indexes
			}
		}
		args := make([]any, n)
		for i := range args {
			args[i] = "x"
		}
		for i, v := range verbs.FindAllString(txt.UK, -1) {
			if strings.HasSuffix(v, "d") {
				args[i] = 1
			}
		}
		for _, f := range []string{txt.UK, txt.EN} {
			if out := fmt.Sprintf(f, args...); strings.Contains(out, "%!") {
				t.Errorf("text %q formats badly: %s", key, out)
			}
		}
	}
	var used []string
	call := regexp.MustCompile(`(?:w\.t|tr\(\w+(?:\.\w+)?,)\s*\(?"([a-z_.]+)"`)
	for _, k := range booktest.SourceMatches(t, "assessment*.go", call) {
		if !strings.HasSuffix(k, ".") { // "unit."+u: checked below
			used = append(used, k)
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d uses of texts; is the pattern out of date?", len(used))
	}
	for _, u := range []string{"family", "child", "person"} {
		used = append(used, "unit."+u+".per")
	}
	for _, f := range []assess.Flag{assess.FlagNoData, assess.FlagNoDF, assess.FlagNoSE, assess.FlagP0or1, assess.FlagDFLow,
		assess.FlagNEffLow, assess.FlagWideCI, assess.FlagWideRelativeCI, assess.FlagSmallCount, assess.FlagLonelyPSU, assess.FlagHighRSE} {
		used = append(used, "flag."+string(f))
	}
	for _, r := range []assess.LonelyPSU{assess.LonelyAdjust, assess.LonelyRemove, assess.LonelyAverage, assess.LonelyFail} {
		used = append(used, "lonely."+string(r))
	}
	for _, m := range []assess.CIMethod{assess.Logit, assess.Wald, assess.Wilson, assess.Beta} {
		used = append(used, "m.ci."+string(m))
	}
	for _, c := range demandColumns {
		used = append(used, "demand."+c.key)
	}
	used = append(used, "basis.registry", "basis.survey")
	for _, key := range used {
		if _, ok := assessText[key]; !ok {
			t.Errorf("text %q is used but not in assessText", key)
		}
	}
}

// TestDemandHeadersDistinct checks that no header of the Demand sheet, in
// either language, names two columns: ReadDemand matches them by name.
func TestDemandHeadersDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, c := range demandColumns {
		txt := assessText["demand."+c.key]
		for _, h := range []string{c.key, txt.UK, txt.EN} {
			k := workbook.HeaderKey(h)
			if other, ok := seen[k]; ok && other != c.key {
				t.Errorf("header %q names both %s and %s", h, other, c.key)
			}
			seen[k] = c.key
		}
	}
}

// TestAssessmentSentences checks the sentences for a report: the union's
// largest demands with their intervals and the right unit words, and no
// suppressed figure.
func TestAssessmentSentences(t *testing.T) {
	en := newAssessWriter(testAssessment(t, hromada.English, true)).sentences()
	uk := newAssessWriter(testAssessment(t, hromada.Ukrainian, true)).sentences()
	for _, want := range []string{
		"An estimated 996 families (95\u00a0% CI 711–1,285) in the target groups need counselling (incl. psychological counselling)",
		"and 514 children (95\u00a0% CI 173–855) need day care",
		"Need is highest among IDP families with children, for social support",
		"The size of groups without a registry count (low-income families, large families (three or more children)) is estimated from the survey's weights.",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("English sentences lack %q:\n%s", want, en)
		}
	}
	for _, want := range []string{
		"За оцінкою, серед сімей цільових груп послуги «Консультування» потребують 996 сімей (95\u00a0% ДІ: 711–1\u00a0285)",
		"послуги «Денний догляд» — 514 дітей (95\u00a0% ДІ: 173–855).",
	} {
		if !strings.Contains(uk, want) {
			t.Errorf("Ukrainian sentences lack %q:\n%s", want, uk)
		}
	}
	if strings.Contains(en, "low-income families for") || strings.Contains(en, "large families (three or more children),") {
		t.Errorf("a suppressed estimate is in the sentences:\n%s", en)
	}
}

// TestWriteAssessmentQuick writes the assessment of a bare survey (quick
// mode): no weights, no target groups, no registry counts, services named
// by their columns. The sentences speak of the community, the Demand sheet
// reads back, and an assessment without needs still gives a workbook.
func TestWriteAssessmentQuick(t *testing.T) {
	const n = 60
	y1, y2 := make([]float64, n), make([]float64, n)
	for i := range n {
		y1[i], y2[i] = b2f(mix(i, 1) < 40), b2f(mix(i, 2) < 20)
	}
	d, err := assess.NewDesign(assess.DesignSpec{Rows: n})
	if err != nil {
		t.Fatal(err)
	}
	res, err := assess.Analyse(assess.Survey{Design: d, Needs: []assess.Need{{Service: "need_counselling", Y: y1}, {Service: "need_transport", Y: y2}}}, assess.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := &Assessment{
		Lang:      hromada.English,
		Community: hromada.Community{Name: hromada.Text{UK: "survey.csv", EN: "survey.csv"}},
		Survey:    SurveyInfo{File: "survey.csv", Rows: n},
		Options:   AssessOptions{Suppress: true},
		Services: map[string]hromada.Service{
			"need_counselling": {Name: hromada.Text{UK: "need_counselling", EN: "need_counselling"}},
			"need_transport":   {Name: hromada.Text{UK: "need_transport", EN: "need_transport"}},
		},
		Result: res,
	}
	path := writeTestAssessment(t, "quick", a)
	s := newAssessWriter(a).sentences()
	if !strings.HasPrefix(s, "An estimated 46.7\u00a0% of the community's families (95\u00a0% CI ") || !strings.Contains(s, "need need_counselling") ||
		!strings.Contains(s, "The survey has no weights") {
		t.Errorf("sentences of a quick assessment:\n%s", s)
	}
	rows, ps := ReadDemand(path)
	if len(ps) > 0 || len(rows) != 2 || rows[0].Group != assess.AllGroup || rows[0].Basis != assess.BasisSurvey || rows[0].Count != n {
		t.Errorf("ReadDemand of a quick assessment = %+v, %v", rows, ps)
	}

	empty := writeTestAssessment(t, "empty", &Assessment{Lang: hromada.Ukrainian, Options: AssessOptions{Suppress: true}})
	if _, ps := ReadDemand(empty); len(ps) != 0 {
		t.Errorf("ReadDemand of an assessment without needs: %v", ps)
	}
}
