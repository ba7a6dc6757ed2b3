package project_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
)

// TestParseListValue: a value of a fixed list is read in either language,
// any case, any apostrophe; the expected codes are those of FixedLists.
func TestParseListValue(t *testing.T) {
	for _, tc := range []struct {
		list, in, want string
	}{
		{"unit", "family", "family"},
		{"unit", "Family", "family"},
		{"unit", "сім'я", "family"},
		{"unit", "Сім’я", "family"}, // typographic apostrophe, as Word and Excel autocorrect type it
		{"unit", "сімʼя", "family"}, // the modifier letter of the Ukrainian orthography
		{"unit", "дитина", "child"},
		{"unit", " ОСОБА ", "person"},
		// Plural and genitive words a planner types for the unit a register
		// counts in («родини», «сімей», «дітей», «осіб»).
		{"unit", "Родини", "family"},
		{"unit", "родин", "family"},
		{"unit", "сімей", "family"},
		{"unit", "сім’ї", "family"},
		{"unit", "дітей", "child"},
		{"unit", "осіб", "person"},
		{"ownership", "комунальна", "communal"},
		{"ownership", "державна", "state"},
		{"ownership", "громадська", "ngo"},
		{"ownership", "громадська організація", "ngo"}, // the meaning the instructions give
		{"ownership", "NGO", "ngo"},
		{"ownership", "приватна", "private"},
		{"cost_basis", "Per_Client", "per_client"},
		{"cost_basis", "per client", "per_client"},
		{"cost_basis", "на клієнта", "per_client"},
		{"cost_basis", "фіксовані", "fixed"},
		{"cost_basis", "Fixed", "fixed"},
		{"path", "рівномірно", "linear"},
		{"path", "Step", "step"},
		{"path", "за частками", "ramp"},
		{"use", "мінімум", "floor"},
		{"use", "Demand", "demand"},
		{"yesno", "так", "yes"},
		{"yesno", "Ні", "no"},
		{"ci_method", "Logit", "logit"},
		{"lonely_psu", "ADJUST", "adjust"},
		{"language", "English", "en"},
		{"fte_step", "0,5", "0.5"},
	} {
		got, ok := project.ParseListValue(tc.list, tc.in)
		if !ok || got != tc.want {
			t.Errorf("ParseListValue(%q, %q) = %q, %v; want %q", tc.list, tc.in, got, ok, tc.want)
		}
	}
	for _, tc := range [][2]string{{"unit", "household"}, {"ownership", "municipal"}, {"cost_basis", "monthly"}, {"service", "002.0"}, {"unit", ""}} {
		if got, ok := project.ParseListValue(tc[0], tc[1]); ok {
			t.Errorf("ParseListValue(%q, %q) = %q; want not a value of the list", tc[0], tc[1], got)
		}
	}
}

// writeCodesProject writes a one-community project (UA1) whose registry,
// providers and cost sheets hold the given rows, in lang, and loads it.
func writeCodesProject(t *testing.T, lang hromada.Lang, rows map[string][][]any) (*project.Project, hromada.Problems, string) {
	t.Helper()
	return writeProjectWith(t, lang, rows, nil)
}

// writeProjectWith is writeCodesProject with edit, when not nil, called
// on the project's folder after the files are written and before they are
// loaded. Rows given for the settings replace the starter's settings and
// its first planning year (2026).
func writeProjectWith(t *testing.T, lang hromada.Lang, rows map[string][][]any, edit func(dir string)) (*project.Project, hromada.Problems, string) {
	t.Helper()
	cat, err := catalogue.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := project.Starter{Name: "test", Lang: lang, Services: cat.Services(), Groups: cat.Groups(), KEKV: []string{"2240", "3110"}}
	base, err := s.Rows()
	if err != nil {
		t.Fatal(err)
	}
	base[project.Settings.Key] = append(base[project.Settings.Key], []any{"first_year", 2026})
	base[project.Communities.Key] = [][]any{{"UA1", "Перша", "First", 20000, "survey/first.xlsx"}}
	dir := t.TempDir()
	lists := s.Lists()
	lists["community"] = []string{"UA1"}
	for _, f := range project.Files {
		r := map[string][][]any{}
		for _, sh := range f.Sheets {
			if v, ok := rows[sh.Key]; ok {
				r[sh.Key] = v
			} else if v, ok := base[sh.Key]; ok {
				r[sh.Key] = v
			}
		}
		if err := inputbook.WriteFile(filepath.Join(dir, f.Name), f, lang, r, lists); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(dir)
	}
	p, ps := project.Load(dir, project.LoadOptions{})
	xlsxtest.BilingualProblems(t, ps)
	return p, ps, dir
}

// TestCodesStoredAsCodes: values of the code lists typed in Ukrainian or
// in another case are stored as the codes the stages compare with, so
// that a value check accepts, run accepts too.
func TestCodesStoredAsCodes(t *testing.T) {
	p, ps, _ := writeCodesProject(t, hromada.Ukrainian, map[string][][]any{
		project.Registry.Key: {
			{"UA1", "idp", "Family", 120, "2026-01-01", "ЄІССС"},
			{"UA1", "idp", "особа", 300, "2026-01-01", "ЄІССС"},
			{"UA1", "low_income", "Сім’я", 80, "2026-01-01", "ЄІССС"},
		},
		project.Providers.Key: {
			{"UA1", "ЦНСП", "комунальна", "002.0", 100, 80},
			{"UA1", "Карітас", "Громадська", "002.0", 20, 10},
		},
		project.Posts.Key:      {{"002.0", "соціальний працівник", 1, 9000, 1}},
		project.OtherCosts.Key: {{"002.0", "транспорт", "Per_Client", 1200, "2240"}, {"002.0", "оренда", "фіксовані", 50000, "2240"}},
		project.Targets.Key:    {{"002.0", 0.8, nil, "рівномірно", 3}},
		project.Needs.Key:      {{"002.0", "needs", "counselling"}},
	})
	for _, pr := range ps {
		if pr.Severity == hromada.Error && !strings.Contains(pr.Msg.EN, "survey file") { // no survey is written
			t.Errorf("%v", pr)
		}
	}
	var units []string
	for _, r := range p.Registry {
		units = append(units, string(r.Unit))
	}
	if got, want := strings.Join(units, " "), "family person family"; got != want {
		t.Errorf("registry units %q, want %q", got, want)
	}
	var owners []string
	for _, pv := range p.Providers {
		owners = append(owners, pv.Ownership)
	}
	if got, want := strings.Join(owners, " "), "communal ngo"; got != want {
		t.Errorf("ownership %q, want %q", got, want)
	}
	var bases []string
	for _, oc := range p.OtherCosts {
		bases = append(bases, oc.Basis)
	}
	if got, want := strings.Join(bases, " "), "per_client fixed"; got != want {
		t.Errorf("cost bases %q, want %q", got, want)
	}
	if len(p.Targets) != 1 || p.Targets[0].Path != "linear" {
		t.Errorf("targets %+v, want the path linear", p.Targets)
	}
}

// TestCodeErrorNamesTheColumn: a value outside a list is an error at its
// cell in registry.xlsx that names the column as the sheet heads it and
// the values the sheet's drop-down offers.
func TestCodeErrorNamesTheColumn(t *testing.T) {
	for _, tc := range []struct {
		lang hromada.Lang
		want string
	}{
		{hromada.Ukrainian, `Одиниця: "household" is not allowed; allowed: сім'я, дитина, особа (or family, child, person)`},
		{hromada.English, `Unit: "household" is not allowed; allowed: family, child, person`},
	} {
		_, ps, dir := writeCodesProject(t, tc.lang, map[string][][]any{
			project.Registry.Key: {{"UA1", "idp", "household", 120, "2026-01-01", "ЄІССС"}},
		})
		found := false
		for _, pr := range ps {
			if pr.Severity != hromada.Error || pr.File != filepath.Join(dir, project.RegistryFile) {
				continue
			}
			found = true
			if pr.Cell != "C2" || pr.Msg.EN != tc.want || pr.Sheet != project.Registry.Name.In(tc.lang) {
				t.Errorf("%s: %s!%s %q; want %s!C2 %q", tc.lang, pr.Sheet, pr.Cell, pr.Msg.EN, project.Registry.Name.In(tc.lang), tc.want)
			}
		}
		if !found {
			t.Errorf("%s: no error in registry.xlsx: %v", tc.lang, ps)
		}
	}
}

// TestServiceLabelsRead: a code cell holding the code and the service's
// name, as the templates' drop-downs offer it, reads as the code; a long
// name is cut in the label, never the code.
func TestServiceLabelsRead(t *testing.T) {
	p, ps, _ := writeCodesProject(t, hromada.Ukrainian, map[string][][]any{
		project.Needs.Key:     {{"002.0 — Консультування", "needs", "counselling"}},
		project.Providers.Key: {{"UA1", "ЦНСП", "комунальна", "002.0 — Консультування", 100, 80}},
		project.Posts.Key:     {{"002.0 — будь-яка назва", "психолог", 1, 9000, 1}},
	})
	for _, pr := range ps {
		if pr.Severity == hromada.Error && !strings.Contains(pr.Msg.EN, "survey file") {
			t.Errorf("%v", pr)
		}
	}
	if len(p.Needs) != 1 || p.Needs[0].Service.Code != "002.0" || len(p.Providers) != 1 || p.Providers[0].Service != "002.0" ||
		len(p.Posts) != 1 || p.Posts[0].Service != "002.0" {
		t.Errorf("needs %+v, providers %+v, posts %+v: want service 002.0 in each", p.Needs, p.Providers, p.Posts)
	}
	long := hromada.Service{Code: "021.0", Name: hromada.Text{UK: strings.Repeat("я", 80)}}
	if got := project.ServiceLabel(long, hromada.Ukrainian); got != "021.0 — "+strings.Repeat("я", 59)+"…" {
		t.Errorf("label %q, want the name cut at 60 characters", got)
	}
}
