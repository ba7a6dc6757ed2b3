package inputbook

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

func TestWriteFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), project.ProjectFile)
	rows := map[string][][]any{
		"settings":    {{"name", "Андрушівка"}, {"first_year", 2027.0}, {"suppress", "no"}},
		"communities": {{"UA18020010000059904", "Андрушівська", nil, 19530.0, "survey/a.xlsx"}},
	}
	lists := map[string][]string{"service": {"001.0", "002.0"}, "community": {"UA18020010000059904"}}
	if err := WriteFile(path, project.Files[0], hromada.Ukrainian, rows, lists); err != nil {
		t.Fatal(err)
	}
	sheets, err := xlsx.ReadSheets(path)
	if err != nil {
		t.Fatal(err)
	}
	settings := sheets["Налаштування"]
	if got, want := settings[0], []string{"Ключ", "Параметр", "Значення", "Пояснення"}; !slices.Equal(got, want) {
		t.Errorf("settings header = %q, want %q", got, want)
	}
	values := map[string]string{}
	for _, r := range settings[1:] {
		for len(r) < 3 {
			r = append(r, "")
		}
		values[r[0]] = r[2]
	}
	for key, want := range map[string]string{
		"name":       "Андрушівка", // given
		"first_year": "2027",       // given, a number
		"suppress":   "ні",         // given as a code, shown in Ukrainian
		"years":      "5",          // default
		"level":      "0.95",       // default
		"ci_method":  "logit",      // default
		"weight":     "",           // no default
	} {
		if got := values[key]; got != want {
			t.Errorf("setting %s = %q, want %q", key, got, want)
		}
	}
	if len(values) != len(project.Settings.Fields) {
		t.Errorf("settings sheet has %d settings, want %d", len(values), len(project.Settings.Fields))
	}
	comm := sheets["Громади"]
	if got, want := comm[0][0], "Код КАТОТТГ *"; got != want {
		t.Errorf("communities header A1 = %q, want %q (required columns are marked *)", got, want)
	}
	if got := comm[1]; got[0] != "UA18020010000059904" || got[3] != "19530" || got[4] != "survey/a.xlsx" {
		t.Errorf("communities row 2 = %q", got)
	}
	if _, ok := sheets["Інструкція"]; !ok {
		t.Errorf("no instructions sheet in %v", slices.Sorted(maps.Keys(sheets)))
	}

	dump, err := workbook.Dump(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`validation A2:A301 list "001.0,002.0" Код послуги *`,          // a passed list
		`validation G2:G301 list "сім'я,дитина,особа" Одиниця реєстру`, // a fixed list, in the template's language
		`validation C17 list "так,ні"`,                                 // a per-row list of the settings sheet
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump has no line %q", want)
		}
	}
}

func TestWriteFileRejectsBadRows(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows map[string][][]any
		want string
	}{
		{"unknown sheet", map[string][][]any{"posts": {{"001.0"}}}, `sheet "posts"`},
		{"unknown setting", map[string][][]any{"settings": {{"colour", "red"}}}, "colour is not a setting"},
		{"setting without value", map[string][][]any{"settings": {{"name"}}}, "want {key, value}"},
		{"row too long", map[string][][]any{"needs": {{"001.0", "needs", "x", "roster", "member_needs", "extra"}}}, "row 1 has 6 values for 5 columns"},
	} {
		path := filepath.Join(t.TempDir(), project.ProjectFile)
		err := WriteFile(path, project.Files[0], hromada.English, tc.rows, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: WriteFile error = %v, want one containing %q", tc.name, err, tc.want)
		}
		if _, serr := xlsx.ReadSheets(path); serr == nil {
			t.Errorf("%s: WriteFile left a file behind", tc.name)
		}
	}
}
