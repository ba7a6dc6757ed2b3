package project_test

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
)

// writeKnownProject writes a project of one community, UA1, with the
// given Targets rows and Known clients rows, and loads it.
func writeKnownProject(t *testing.T, targets, known [][]any) (*project.Project, hromada.Problems, string) {
	t.Helper()
	cat, err := catalogue.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := project.Starter{Name: "test", Lang: hromada.Ukrainian, Services: cat.Services(), Groups: cat.Groups(), KEKV: []string{"2240", "3110"}}
	rows, err := s.Rows()
	if err != nil {
		t.Fatal(err)
	}
	rows[project.Settings.Key] = append(rows[project.Settings.Key], []any{"first_year", 2026})
	rows[project.Communities.Key] = [][]any{{"UA1", "Перша", "First", 20000, "survey/first.xlsx"}}
	rows[project.Targets.Key] = targets
	dir := t.TempDir()
	lists := s.Lists()
	lists["community"] = []string{"UA1"}
	for _, f := range project.Files[:2] { // project.xlsx and registry.xlsx
		r := rows
		if f.Name == project.RegistryFile {
			r = map[string][][]any{project.KnownClients.Key: known}
		}
		if err := inputbook.WriteFile(filepath.Join(dir, f.Name), f, hromada.Ukrainian, r, lists); err != nil {
			t.Fatal(err)
		}
	}
	p, ps := project.Load(dir, project.LoadOptions{})
	xlsxtest.BilingualProblems(t, ps)
	return p, ps, dir
}

// TestKnownClients checks the Known clients sheet: valid rows are read in
// the service's unit with their use (in either language, floor by
// default), and each bad row is an error naming its cell.
func TestKnownClients(t *testing.T) {
	known := [][]any{
		{"UA1", "015.3", 12, "child", "2026-01-01", "журнал обліку центру денного догляду", "мінімум"}, // row 2
		{"UA1", "009.1", 3, "person", "2026-01-01", "реєстр", "demand"},                                // row 3
		{"UA1", "018.1", 5, "child", "2026-01-01", "реєстр", nil},                                      // row 4: floor by default
		{"UA9", "015.3", 4, "child", "2026-01-01", "реєстр", "floor"},                                  // row 5: unknown community
		{"UA1", "999.9", 4, "child", "2026-01-01", "реєстр", "floor"},                                  // row 6: unknown service
		{"UA1", "020.0", 4, "family", "2026-01-01", "реєстр", "floor"},                                 // row 7: 020.0 counts children
		{"UA1", "905.0", -3, "person", "2026-01-01", "реєстр", "floor"},                                // row 8: negative
		{"UA1", "906.0", 2, "person", "2026-01-01", "реєстр", "most"},                                  // row 9: bad use
		{"UA1", "015.3", 13, "child", "2026-01-01", "реєстр", "floor"},                                 // row 10: second count
	}
	p, ps, dir := writeKnownProject(t, nil, known)
	reg := filepath.Join(dir, project.RegistryFile)
	var errs []string
	for _, pr := range ps {
		if pr.Severity == hromada.Error && pr.File == reg {
			if pr.Sheet != project.KnownClients.Name.UK {
				t.Errorf("%v: sheet %q", pr, pr.Sheet)
			}
			errs = append(errs, pr.Cell+" "+pr.Msg.EN)
		}
	}
	// Cells are checked as the sheet is read, rows after: sort by cell.
	slices.Sort(errs)
	// Columns are named as the Ukrainian sheet heads them (Кількість, Використання).
	want := []string{"A5 community", "B6 service code", "C10 a second count", "C8 Кількість", "D7 unit", "G9 Використання"}
	if len(errs) != len(want) {
		t.Fatalf("errors %q, want one per bad row: %q", errs, want)
	}
	for i, w := range want {
		cell, text, _ := strings.Cut(w, " ")
		if !strings.HasPrefix(errs[i], cell+" ") || !strings.Contains(errs[i], text) {
			t.Errorf("error %q, want at %s about %q", errs[i], cell, text)
		}
	}
	got := make([]string, len(p.Known))
	for i, k := range p.Known {
		got[i] = strings.Join([]string{k.Community, k.Service, string(k.Unit), k.Use, k.AsOf.Format("2006-01-02")}, " ")
		if k.Source == "" || !strings.Contains(k.Ref, "Відомі клієнти!C") {
			t.Errorf("%+v: no source or ref", k)
		}
	}
	wantRows := []string{"UA1 015.3 child floor 2026-01-01", "UA1 009.1 person demand 2026-01-01", "UA1 018.1 child floor 2026-01-01"}
	if !slices.Equal(got, wantRows) || p.Known[0].Count != 12 || p.Known[1].Count != 3 {
		t.Errorf("known clients %q (%+v), want %q", got, p.Known, wantRows)
	}
}

// TestTargetUptake checks the uptake column of the Targets sheet and the
// linear path without years (the plan's years).
func TestTargetUptake(t *testing.T) {
	targets := [][]any{
		{"015.3", 0.8, 0.6, "linear", 3}, // row 2
		{"009.1", nil, "50%", nil, nil},  // row 3: path linear by default, years empty
		{"020.0", nil, 0, "step", nil},   // row 4: uptake 0 is an error
		{"018.1", nil, 1.5, "step", nil}, // row 5: 1.5 is read as 1.5 %
	}
	p, ps, _ := writeKnownProject(t, targets, nil)
	var errs []string
	for _, pr := range ps {
		if pr.Severity == hromada.Error && pr.Sheet == project.Targets.Name.UK {
			errs = append(errs, pr.Cell+" "+pr.Msg.EN)
		}
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "C4 uptake 0") {
		t.Errorf("errors %q, want one at C4 about uptake 0", errs)
	}
	if len(p.Targets) != 4 {
		t.Fatalf("targets %+v, want 4", p.Targets)
	}
	type tg struct {
		uptake float64
		path   string
		years  int
	}
	// A share above 1 is read as a percentage (parseShare): 1.5 → 0.015.
	want := []tg{{0.6, "linear", 3}, {0.5, "linear", 0}, {math.NaN(), "step", 0}, {0.015, "step", 0}}
	for i, w := range want {
		g := p.Targets[i]
		if !(g.Uptake == w.uptake || math.IsNaN(g.Uptake) && math.IsNaN(w.uptake)) || g.Path != w.path || g.Years != w.years {
			t.Errorf("target %s: uptake %v path %s years %d; want %v %s %d", g.Service, g.Uptake, g.Path, g.Years, w.uptake, w.path, w.years)
		}
	}
}
