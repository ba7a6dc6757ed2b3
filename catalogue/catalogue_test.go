package catalogue

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
)

func mustDefault(t *testing.T) *Catalogue {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatalf("built-in catalogue does not parse:\n%v", err)
	}
	return c
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDefaultParses(t *testing.T) {
	c := mustDefault(t)
	if len(c.Warnings()) != 0 {
		t.Errorf("built-in files give warnings:\n%v", c.Warnings())
	}
	if n := len(c.Services()); n != 22 {
		t.Errorf("built-in services: %d, want 22", n)
	}
	if n := len(c.Groups()); n != 6 {
		t.Errorf("built-in groups: %d, want 6", n)
	}
	if len(c.Parameters().All()) == 0 || len(c.BudgetCodes()) == 0 {
		t.Error("parameters or budget codes are empty")
	}
	// Two calls give independent catalogues.
	a, b := mustDefault(t), mustDefault(t)
	a.rows["010.1"] = Row{}
	if s, _ := b.Service("010.1"); s.Caseload == 0 {
		t.Error("Default returns shared state")
	}
}

func TestServiceCodesUniqueAndWellFormed(t *testing.T) {
	c := mustDefault(t)
	seen := map[string]bool{}
	for _, s := range c.Services() {
		if seen[s.Code] {
			t.Errorf("code %s appears twice", s.Code)
		}
		seen[s.Code] = true
		if !ValidCode(s.Code) {
			t.Errorf("code %q does not match the classifier pattern NNN.N", s.Code)
		}
		placeholderText := strings.Contains(s.Source, "PLACEHOLDER CODE")
		if IsPlaceholder(s.Code) != placeholderText {
			t.Errorf("%s: placeholder code and 'PLACEHOLDER CODE' in source must go together", s.Code)
		}
	}
	for _, bad := range []string{"10.1", "010", "010.12", "a10.1", " 010.1"} {
		if ValidCode(bad) {
			t.Errorf("ValidCode(%q) = true", bad)
		}
	}
}

func TestEveryRowHasSourceAndDate(t *testing.T) {
	c := mustDefault(t)
	for _, r := range c.Rows() {
		if strings.TrimSpace(r.Source) == "" {
			t.Errorf("service %s has no source", r.Code)
		}
		if r.AsOf.IsZero() {
			t.Errorf("service %s has no as-of date", r.Code)
		}
		if r.Name.UK == "" || r.Name.EN == "" {
			t.Errorf("service %s lacks a name", r.Code)
		}
		// A caseload is either a cited norm or a labelled assumption.
		if !strings.Contains(r.Source, "caseload: ASSUMPTION") && !strings.Contains(r.Source, "caseload:") {
			t.Errorf("service %s does not say where its caseload comes from", r.Code)
		}
		if r.BudgetProgramme != "" {
			if _, ok := c.BudgetCode("kpkvk", r.BudgetProgramme); !ok {
				t.Errorf("service %s: budget programme %s is not in budget_codes.csv", r.Code, r.BudgetProgramme)
			}
		}
	}
	for _, g := range c.GroupRows() {
		if g.Source == "" || g.Vulnerability <= 0 {
			t.Errorf("group %s: source %q, weight %v", g.ID, g.Source, g.Vulnerability)
		}
	}
	for _, p := range c.Parameters().All() {
		if p.Source == "" || p.ValidFrom.IsZero() {
			t.Errorf("parameter %s from %v has no source or start date", p.Name, p.ValidFrom)
		}
	}
	for _, b := range c.BudgetCodes() {
		if b.Source == "" {
			t.Errorf("budget code %s %s has no source", b.Kind, b.Code)
		}
	}
}

func TestMinimumPackageAndBasicServicesPresent(t *testing.T) {
	c := mustDefault(t)
	want := map[string]hromada.Unit{
		"010.1": hromada.Family, // social support of families in difficult life circumstances
		"015.3": hromada.Child,  // day care, for children with disabilities
		"012.0": hromada.Family, // crisis and emergency intervention
		"018.1": hromada.Child,  // respite care
		"903.0": hromada.Family, // early intervention (placeholder code)
	}
	for code, unit := range want {
		s, ok := c.Service(code)
		if !ok {
			t.Errorf("service %s missing", code)
			continue
		}
		if !s.MinimumPackage || s.Unit != unit {
			t.Errorf("service %s: minimum package %v, unit %s", code, s.MinimumPackage, s.Unit)
		}
	}
	if s, _ := c.Service("015.1"); !s.Basic {
		t.Error("home care 015.1 must be a basic service")
	}
}

func TestMerge(t *testing.T) {
	base := mustDefault(t)
	csvText := "Caseload;code;name_uk;unit;basic;minimum_package;source;replaces\n" +
		"30;010.1;Соціальний супровід сімей у СЖО;сім'я;так;так;project norm 2026;\n" +
		"12;022.0;Нова послуга;особа;ні;ні;project;\n" +
		"150;005.0;Соціальна профілактика;family;yes;yes;checked against z0643-20;901.0\n"
	over, err := Load(strings.NewReader(csvText), "override.csv")
	if err != nil {
		t.Fatalf("override does not load: %v", err)
	}
	m := base.Merge(over)

	s, _ := m.Service("010.1")
	if s.Caseload != 30 || s.Source != "project norm 2026" || s.Coverage != DefaultCoverage || s.MinStaff != 0 {
		t.Errorf("replaced row: %+v", s)
	}
	if _, ok := m.Service("022.0"); !ok {
		t.Error("new code not added")
	}
	if _, ok := m.Service("901.0"); ok {
		t.Error("placeholder 901.0 still there after replaces=901.0")
	}
	if s, ok := m.Service("005.0"); !ok || s.Caseload != 150 || s.Key != "social_prevention" {
		t.Errorf("row 005.0 not added with the placeholder's key: %+v", s)
	}
	if s, ok := m.ByKey("social_support"); !ok || s.Code != "010.1" || s.Caseload != 30 {
		t.Errorf("override row lost the built-in key: %+v", s)
	}
	if got, want := len(m.Services()), len(base.Services())+1; got != want {
		t.Errorf("merged catalogue has %d services, want %d", got, want)
	}
	// The built-in catalogue is unchanged.
	if s, _ := base.Service("010.1"); s.Caseload != 24 {
		t.Errorf("Merge changed its receiver: caseload %v", s.Caseload)
	}
	if _, ok := base.Service("901.0"); !ok {
		t.Error("Merge removed a row from its receiver")
	}
	// Groups and parameters come along.
	if len(m.Groups()) != len(base.Groups()) || m.Parameters().MinimumWage(date(2026, 3, 1)) != 8647 {
		t.Error("Merge lost groups or parameters")
	}
	if base.Merge(nil) == nil {
		t.Error("Merge(nil) returned nil")
	}
}

// problems returns the problems of err, failing the test when err is not a
// hromada.Problems or when a problem is not worded in Ukrainian.
func problems(t *testing.T, err error) hromada.Problems {
	t.Helper()
	var ps hromada.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v (%T) is not hromada.Problems", err, err)
	}
	bilingual(t, ps)
	return ps
}

// bilingual fails the test unless every problem's message, and its hint
// when it has one, is worded in Ukrainian: not empty and not the English
// words.
func bilingual(t *testing.T, ps hromada.Problems) {
	t.Helper()
	for _, p := range ps {
		if p.Msg.UK == "" || p.Msg.UK == p.Msg.EN || p.Hint.EN != "" && (p.Hint.UK == "" || p.Hint.UK == p.Hint.EN) {
			t.Errorf("problem %q has no Ukrainian wording", p.Error())
		}
	}
}

// TestProblemsInUkrainian: problems of a catalogue file in Ukrainian,
// message and hint; the expected texts are the Ukrainian formats of
// catalogue.go filled in by hand.
func TestProblemsInUkrainian(t *testing.T) {
	header := "code,name_uk,unit,basic,minimum_package,caseload,source\n"
	for _, tc := range []struct {
		name, body, msg, hint string
	}{
		{"bad caseload", header + "010.1,Супровід,family,yes,yes,many,src\n",
			`caseload "many" — не число`,
			"вкажіть кількість клієнтів, яких один фахівець на повну ставку обслуговує за рік, число більше 0"},
		{"bad unit", header + "010.1,Супровід,household,yes,yes,10,src\n",
			`одиниця "household" невідома; дозволено: family, child, person (сім'я, дитина, особа)`, ""},
		{"bad flag", header + "010.1,Супровід,family,maybe,yes,10,src\n",
			`basic "maybe" — не «так» і не «ні»`, "дозволено: так, ні (yes, no, true, false, 1, 0)"},
		{"duplicate", header + "010.1,A,family,yes,yes,10,s\n010.1,B,family,yes,yes,10,s\n",
			"код 010.1 трапляється двічі", "уперше в рядку 2; залиште один рядок на послугу"},
		{"missing column", "code,name_uk,unit\n010.1,A,family\n",
			"немає стовпців: basic, minimum_package, caseload, source", "рядок заголовків має містити: code, name_uk, unit, basic, minimum_package, caseload, source"},
		{"empty file", "", "файл порожній", "перший рядок має містити назви стовпців: " + strings.Join(ServiceColumns, ", ")},
	} {
		_, err := Load(strings.NewReader(tc.body), "over.csv")
		ps := problems(t, err)
		if len(ps) == 0 || ps[0].Msg.UK != tc.msg || ps[0].Hint.UK != tc.hint {
			t.Errorf("%s: %s, want %q; %q", tc.name, ps.In(hromada.Ukrainian), tc.msg, tc.hint)
		}
	}
	c, err := Load(strings.NewReader("code,name_uk,unit,basic,minimum_package,caseload,source,comment\n010.1,A,family,yes,yes,10,s,x\n"), "over.csv")
	if err != nil {
		t.Fatal(err)
	}
	bilingual(t, c.Warnings())
	if w := c.Warnings(); len(w) != 1 || w[0].Msg.UK != `стовпець "comment" невідомий, його пропущено` {
		t.Errorf("warnings: %s", w.In(hromada.Ukrainian))
	}
}

func TestLoadErrorsNameFileLineColumn(t *testing.T) {
	header := "code,name_uk,unit,basic,minimum_package,caseload,source\n"
	cases := []struct {
		name, body string
		want       []string
	}{
		{"bad caseload", "010.1,Супровід,family,yes,yes,many,src\n",
			[]string{"over.csv: line 2, column 6 (caseload)", `caseload "many" is not a number`}},
		{"zero caseload", "010.1,Супровід,family,yes,yes,0,src\n",
			[]string{"line 2, column 6 (caseload)", "out of range"}},
		{"bad unit", "010.1,Супровід,household,yes,yes,10,src\n",
			[]string{"line 2, column 3 (unit)", "unit \"household\" is not known"}},
		{"bad code", "10.1,Супровід,family,yes,yes,10,src\n",
			[]string{"line 2, column 1 (code)", "not a code of the classifier"}},
		{"bad flag", "010.1,Супровід,family,maybe,yes,10,src\n",
			[]string{"line 2, column 4 (basic)", "not yes or no"}},
		{"no source", "010.1,Супровід,family,yes,yes,10,\n",
			[]string{"line 2, column 7 (source)", "source is empty"}},
		{"duplicate", "010.1,A,family,yes,yes,10,s\n\n010.1,B,family,yes,yes,10,s\n",
			[]string{"line 4, column 1 (code)", "appears twice", "first at line 2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(header+tc.body), "over.csv")
			if err == nil {
				t.Fatal("no error")
			}
			msg := problems(t, err).Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}

	t.Run("bad key", func(t *testing.T) {
		_, err := Load(strings.NewReader("key,"+header+"Social Support,010.1,A,family,yes,yes,10,s\n"), "over.csv")
		msg := problems(t, err).Error()
		if !strings.Contains(msg, "over.csv: line 2, column 1 (key): key \"Social Support\" is not a short name") {
			t.Errorf("message: %q", msg)
		}
	})
	t.Run("missing column", func(t *testing.T) {
		_, err := Load(strings.NewReader("code,name_uk,unit\n010.1,A,family\n"), "over.csv")
		msg := problems(t, err).Error()
		if !strings.Contains(msg, "over.csv: line 1: missing column(s): basic, minimum_package, caseload, source") {
			t.Errorf("message: %q", msg)
		}
	})
	t.Run("unknown column is a warning", func(t *testing.T) {
		c, err := Load(strings.NewReader(header+"010.1,A,family,yes,yes,10,s\n"), "over.csv")
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Warnings()) != 0 {
			t.Errorf("unexpected warnings %v", c.Warnings())
		}
		c, err = Load(strings.NewReader("code,name_uk,unit,basic,minimum_package,caseload,source,comment\n010.1,A,family,yes,yes,10,s,x\n"), "over.csv")
		if err != nil {
			t.Fatal(err)
		}
		if w := c.Warnings(); len(w) != 1 || w[0].Severity != hromada.Warning || w[0].Cell != "line 1, column 8 (comment)" {
			t.Errorf("warnings: %v", w)
		}
	})
	t.Run("broken quotes", func(t *testing.T) {
		_, err := Load(strings.NewReader(header+"010.1,\"A,family,yes,yes,10,s\n"), "over.csv")
		msg := problems(t, err).Error()
		if !strings.Contains(msg, "over.csv: line 2") || !strings.Contains(msg, "not valid CSV") {
			t.Errorf("message: %q", msg)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		_, err := Load(strings.NewReader(""), "over.csv")
		if !strings.Contains(problems(t, err).Error(), "over.csv: the file is empty") {
			t.Errorf("message: %v", err)
		}
	})
}

func TestLoadAcceptsUkrainianSpreadsheetHabits(t *testing.T) {
	body := "\xef\xbb\xbfSource;Code;Name UK;Unit;Basic;Minimum package;Caseload;Coverage target;As of\n" +
		"норма громади;010.1;Супровід;сім'ї;Так;ні;12,5;75%;01.03.2026\n"
	c, err := Load(strings.NewReader(body), "over.csv")
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Row("010.1")
	if !ok || r.Caseload != 12.5 || r.Coverage != 0.75 || !r.Basic || r.MinimumPackage ||
		r.Unit != hromada.Family || !r.AsOf.Equal(date(2026, 3, 1)) {
		t.Errorf("row: %+v", r)
	}
}

func TestFromRowsNamesCells(t *testing.T) {
	header := []string{"code", "name_uk", "unit", "basic", "minimum_package", "caseload", "source"}
	rows := [][]string{
		{"010.1", "Супровід", "family", "yes", "yes", "24", "s"},
		{"012.0", "Кризове", "family", "yes", "yes", "-3", "s"},
	}
	_, err := FromRows(header, rows, "project.xlsx")
	ps := problems(t, err)
	if len(ps) != 1 || ps[0].File != "project.xlsx" || ps[0].Cell != "F3 (caseload)" {
		t.Errorf("problems: %v", ps)
	}
	c, err := FromRows(header, rows[:1], "project.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c.Service("010.1"); s.Caseload != 24 {
		t.Errorf("service: %+v", s)
	}
	if got := columnLetters(27); got != "AB" {
		t.Errorf("columnLetters(27) = %s", got)
	}
}

func TestMinimumWageAcrossSteps(t *testing.T) {
	p := mustDefault(t).Parameters()
	cases := []struct {
		at   time.Time
		want float64
	}{
		{date(2021, 6, 1), 0}, // before the table starts
		{date(2023, 5, 1), 6700},
		{date(2024, 1, 1), 7100},
		{date(2024, 3, 31), 7100}, // last day before the April 2024 step
		{date(2024, 4, 1), 8000},  // the step itself
		{date(2024, 12, 31), 8000},
		{date(2025, 6, 15), 8000},
		{date(2026, 1, 1), 8647},
		{time.Date(2026, 1, 1, 23, 59, 0, 0, time.FixedZone("EET", 2*3600)), 8647},
		{date(2027, 1, 1), 8647}, // open-ended: last known level
	}
	for _, tc := range cases {
		if got := p.MinimumWage(tc.at); got != tc.want {
			t.Errorf("MinimumWage(%s) = %v, want %v", tc.at.Format("2006-01-02"), got, tc.want)
		}
	}
	// 2024: three months at 7,100 and nine at 8,000 = 21,300 + 72,000.
	if got := p.MinimumWageYear(2024); got != 93300 {
		t.Errorf("MinimumWageYear(2024) = %v, want 93300", got)
	}
	if got := p.MinimumWageYear(2026); got != 12*8647 {
		t.Errorf("MinimumWageYear(2026) = %v, want %v", got, 12*8647)
	}
	m := p.MinimumWageMonths(2024)
	if m[2] != 7100 || m[3] != 8000 {
		t.Errorf("months 2024: %v", m)
	}
}

func TestOtherParameters(t *testing.T) {
	p := mustDefault(t).Parameters()
	if got := p.ESVRate(date(2026, 5, 1)); got != 0.22 {
		t.Errorf("ESV rate = %v", got)
	}
	if got := p.SubsistenceMinimum(date(2025, 12, 31)); got != 2920 {
		t.Errorf("subsistence minimum end 2025 = %v", got)
	}
	if got := p.SubsistenceMinimum(date(2026, 2, 1)); got != 3209 {
		t.Errorf("subsistence minimum 2026 = %v", got)
	}
	if v, ok := p.CPIForecast(2026); !ok || v != 0.099 {
		t.Errorf("CPI 2026 = %v %v", v, ok)
	}
	// Later years: the draft Budget Declaration 2026-2028 path (7.1 %,
	// 5.6 %); the 2028 row is open-ended, so 2030 holds 5.6 %.
	for _, c := range []struct {
		year int
		want float64
	}{{2027, 0.071}, {2028, 0.056}, {2030, 0.056}} {
		if v, ok := p.CPIForecast(c.year); !ok || v != c.want {
			t.Errorf("CPI %d = %v %v, want %v", c.year, v, ok, c.want)
		}
	}
	if _, ok := p.CPIForecast(2025); ok {
		t.Error("CPI 2025 should be unknown")
	}
	if v, ok := p.WorkingHours(2026); !ok || v != 1990 {
		t.Errorf("working hours 2026 = %v %v", v, ok)
	}
	if v, ok := p.Value(ParamMinimumWageHourly, date(2024, 4, 1)); !ok || v != 48 {
		t.Errorf("hourly minimum wage April 2024 = %v %v", v, ok)
	}
}

func TestForecastsAndPlausibilityBands(t *testing.T) {
	p := mustDefault(t).Parameters()
	// Wage growth follows the minimum wage path: 8,647/8,000 = 1.0809 (2026,
	// budget law), 9,347/8,647 = 1.0810 (2027) and 9,997/9,347 = 1.0695
	// (2028, Ministry of Finance letter of 15.08.2025); 2029 holds 2028's.
	for _, c := range []struct {
		year  int
		ratio float64
	}{{2026, 8647.0 / 8000}, {2027, 9347.0 / 8647}, {2028, 9997.0 / 9347}, {2029, 9997.0 / 9347}} {
		v, ok := p.WageGrowthForecast(c.year)
		if !ok || math.Abs(v-(c.ratio-1)) > 0.0006 {
			t.Errorf("wage growth %d = %v %v, want %.4f", c.year, v, ok, c.ratio-1)
		}
	}
	if _, ok := p.WageGrowthForecast(2025); ok {
		t.Error("wage growth 2025 should be unknown")
	}
	// Bands: hromada's stated choices, 1 new post per 1,000 residents and
	// a staff that more than doubles.
	if v, ok := p.NewPostsPer1000High(date(2026, 1, 1)); !ok || v != 1 {
		t.Errorf("new posts per 1,000 high = %v %v", v, ok)
	}
	if v, ok := p.WorkforceGrowthHigh(date(2031, 6, 1)); !ok || v != 2 {
		t.Errorf("workforce growth high = %v %v", v, ok)
	}
	if _, ok := p.NewPostsPer1000High(date(2025, 12, 31)); ok {
		t.Error("the band starts in 2026")
	}
}

// TestCaseloadArithmetic checks that the calibrated caseloads are the
// arithmetic their source text states.
func TestCaseloadArithmetic(t *testing.T) {
	c := mustDefault(t)
	get := func(code string) Row {
		t.Helper()
		r, ok := c.Row(code)
		if !ok {
			t.Fatalf("no service %s", code)
		}
		return r
	}
	const post = 1990.0 // working hours of a full-time post (parameters.csv)
	for _, x := range []struct {
		code      string
		caseload  float64
		minStaff  float64
		tolerance float64
		why       string
	}{
		// day care: 2 sessions a day x a group of 8 children / a team of 5.
		{"015.3", 2 * 8.0 / 5, 5, 0, "16 children per team of 5"},
		// respite: 1,990 h / (30 days x 24 h / 2 children per carer) = 5.53.
		{"018.1", post / (30 * 24 / 2.0), 0.5, 0.05, "360 care hours a child"},
		// supported living: 8 h x 365 days = 2,920 h = 1.47 posts a flat.
		{"009.1", 4, 8 * 365 / post, 0.05, "a flat of 4-6 with a worker 8 h a day"},
		// early intervention: 30 families a year per team of 3 FTE.
		{"903.0", 30.0 / 3, 3, 0, "30 families per team"},
		// inclusive education: one child per assistant.
		{"020.0", 1, 1, 0, "one-to-one"},
		// home care: 9-10 and 11.2 clients per social worker reported.
		{"015.1", 10, 1, 0, "communities report 9-11"},
	} {
		r := get(x.code)
		if math.Abs(r.Caseload-x.caseload) > x.tolerance+1e-9 || math.Abs(r.MinStaff-x.minStaff) > x.tolerance+1e-9 {
			t.Errorf("%s (%s): caseload %v min_staff %v, want %v and %v", x.code, x.why, r.Caseload, r.MinStaff, x.caseload, x.minStaff)
		}
	}
}

func TestNeedsAssessmentProcedureCitation(t *testing.T) {
	for _, s := range []string{NeedsAssessmentProcedure.UK, NeedsAssessmentProcedure.EN} {
		for _, want := range []string{"130-Н", "19.04.2023", "11.07.2023", "1169/40225"} {
			if !strings.Contains(s, want) {
				t.Errorf("citation %q lacks %q", s, want)
			}
		}
	}
}

// TestPlanLimits checks that a plan's plausibility limits are read from
// the parameters in force on 1 July of its first year, with their
// source, and are 0 where the table has none.
func TestPlanLimits(t *testing.T) {
	csv := "name,value,unit,valid_from,valid_to,source,note\n" +
		"new_posts_per_1000_high,1.2,posts per 1000 residents,2026-01-01,2026-12-31,benchmark A,\n" +
		"new_posts_per_1000_high,0.9,posts per 1000 residents,2027-01-01,,benchmark B,\n" +
		"workforce_growth_high,2.5,factor,2027-01-01,,choice,\n"
	tb, ps := readCSV(strings.NewReader(csv), "parameters.csv")
	if tb == nil || ps.Err() != nil {
		t.Fatal(ps)
	}
	p, ps := parseParameters(tb)
	if ps.Err() != nil {
		t.Fatal(ps)
	}
	tests := []struct {
		year   int
		posts  float64
		source string
		growth float64
	}{
		{2025, 0, "", 0},              // before the table
		{2026, 1.2, "benchmark A", 0}, // no growth limit yet
		{2028, 0.9, "benchmark B", 2.5},
	}
	for _, tt := range tests {
		posts, src, growth := p.PlanLimits(tt.year)
		if posts != tt.posts || src != tt.source || growth != tt.growth {
			t.Errorf("PlanLimits(%d) = %v %q %v, want %v %q %v", tt.year, posts, src, growth, tt.posts, tt.source, tt.growth)
		}
	}
}

// TestPlainSources checks the council-facing sources of the built-in
// services: both languages given, no research marker in them, and a row
// whose code is a placeholder or inferred says plainly that it is
// provisional.
func TestPlainSources(t *testing.T) {
	c := mustDefault(t)
	markers := []string{"PLACEHOLDER", "ASSUMPTION", "INFERRED", "as recalled", "planner to override", "NOT verified"}
	for _, r := range c.Rows() {
		if r.Plain.UK == "" || r.Plain.EN == "" {
			t.Errorf("service %s lacks source_uk or source_en", r.Code)
		}
		for _, m := range markers {
			if strings.Contains(r.Plain.UK, m) || strings.Contains(r.Plain.EN, m) {
				t.Errorf("service %s: plain source carries the research marker %q", r.Code, m)
			}
		}
		provisional := strings.HasPrefix(r.Source, "PLACEHOLDER CODE") || strings.Contains(r.Source, "code INFERRED")
		says := strings.HasPrefix(r.Plain.UK, "Умовний код") && strings.HasPrefix(r.Plain.EN, "Provisional code")
		if provisional != says {
			t.Errorf("service %s: provisional code %v, but the plain source says %v: %q", r.Code, provisional, says, r.Plain.EN)
		}
	}
}

// TestPlainSourcesOfReferenceData checks the council-facing sources of
// the built-in parameters, groups and budget codes as TestPlainSources
// does those of the services: both languages, no research marker, and an
// assumption or a forecast said as one.
func TestPlainSourcesOfReferenceData(t *testing.T) {
	c := mustDefault(t)
	markers := []string{"PLACEHOLDER", "ASSUMPTION", "INFERRED", "as recalled", "planner to override", "NOT verified", "documented choice"}
	check := func(what string, plain hromada.Text, research string) {
		t.Helper()
		if plain.UK == "" || plain.EN == "" {
			t.Errorf("%s lacks source_uk or source_en", what)
			return
		}
		for _, m := range markers {
			if strings.Contains(plain.UK, m) || strings.Contains(plain.EN, m) {
				t.Errorf("%s: plain source carries the research marker %q", what, m)
			}
		}
		// A value of hromada's own is said to be one; a forecast is said not to be law.
		if assumed := strings.Contains(research, "ASSUMPTION") || strings.Contains(research, "documented choice"); assumed &&
			!(strings.Contains(plain.UK, "hromada") && strings.Contains(plain.EN, "hromada's")) {
			t.Errorf("%s is hromada's own value, but the plain source does not say so: %q", what, plain.EN)
		}
		if strings.Contains(research, "forecast") && strings.HasPrefix(what, "parameter cpi") &&
			!(strings.Contains(plain.UK, "прогноз, не закон") && strings.Contains(plain.EN, "a forecast, not law")) {
			t.Errorf("%s is a forecast, but the plain source does not say so: %q", what, plain.EN)
		}
	}
	for _, r := range c.Parameters().rows {
		check("parameter "+r.Name+" from "+r.ValidFrom.Format("2006-01-02"), r.Plain, r.Source)
	}
	for _, g := range c.GroupRows() {
		check("group "+g.ID, g.Plain, g.Source)
	}
	for _, b := range c.BudgetCodes() {
		check("budget code "+b.Code, b.Plain, b.Source)
	}
}

// TestParameterPlainSources: the plain sources of the minimum wage in
// force over 2025–2026 are the 2025 and 2026 budget laws (parameters.csv:
// the 2025 row runs 2025-01-01 to 2025-12-31, the 2026 row from
// 2026-01-01), each once; over 2026 alone, the 2026 law.
func TestParameterPlainSources(t *testing.T) {
	p := mustDefault(t).Parameters()
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	got := p.PlainSources(ParamMinimumWage, d(2025, 1, 1), d(2026, 12, 31))
	if len(got) != 2 || !strings.Contains(got[0].UK, "№ 4059-IX") || !strings.Contains(got[1].EN, "No 4695-IX") {
		t.Errorf("minimum wage 2025–2026: %q, want the 2025 and 2026 budget laws", got)
	}
	if got := p.PlainSources(ParamMinimumWage, d(2026, 1, 1), d(2030, 12, 31)); len(got) != 1 || !strings.Contains(got[0].EN, "for 2026") {
		t.Errorf("minimum wage 2026–2030: %q, want the 2026 budget law", got)
	}
	if got := p.PlainSources("no_such_parameter", d(2026, 1, 1), d(2026, 12, 31)); len(got) != 0 {
		t.Errorf("an unknown parameter: %q, want none", got)
	}
}
