package project

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/workbook"
)

// testStarter is a starter with a catalogue made up for the tests: one
// service per need option, one group per default group.
func testStarter(lang hromada.Lang) Starter {
	s := Starter{Name: "test", Lang: lang, KEKV: []string{"2240", "3110"}}
	for i, o := range NeedOptions {
		s.Services = append(s.Services, hromada.Service{Code: fmt.Sprintf("%03d.0", i+1), Key: o.Key, Name: o.Label})
	}
	for _, g := range DefaultGroups {
		s.Groups = append(s.Groups, hromada.Group{ID: g.Group, Name: hromada.Text{UK: "група " + g.Group, EN: "group " + g.Group}, Unit: g.Unit, Vulnerability: 1.5})
	}
	return s
}

func TestWriteFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), ProjectFile)
	rows := map[string][][]any{
		"settings":    {{"name", "Андрушівка"}, {"first_year", 2027.0}, {"suppress", "no"}},
		"communities": {{"UA18020010000059904", "Андрушівська", nil, 19530.0, "survey/a.xlsx"}},
	}
	lists := map[string][]string{"service": {"001.0", "002.0"}, "community": {"UA18020010000059904"}}
	if err := WriteFile(path, Files[0], hromada.Ukrainian, rows, lists); err != nil {
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
	if len(values) != len(Settings.Fields) {
		t.Errorf("settings sheet has %d settings, want %d", len(values), len(Settings.Fields))
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
		path := filepath.Join(t.TempDir(), ProjectFile)
		err := WriteFile(path, Files[0], hromada.English, tc.rows, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: WriteFile error = %v, want one containing %q", tc.name, err, tc.want)
		}
		if _, serr := xlsx.ReadSheets(path); serr == nil {
			t.Errorf("%s: WriteFile left a file behind", tc.name)
		}
	}
}

func TestStarterRows(t *testing.T) {
	s := testStarter(hromada.English)
	rows, err := s.Rows()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows["needs"]), len(NeedOptions); got != want {
		t.Errorf("%d needs rows, want one per need option (%d)", got, want)
	}
	for i, r := range rows["needs"] {
		// The code cell shows the service's name beside the code.
		label := s.Services[i].Code + " — " + s.Services[i].Name.EN
		if r[0] != label || r[1] != NeedsQuestion || r[2] != NeedOptions[i].Key {
			t.Errorf("needs row %d = %v, want {%s %s %s}", i+1, r, label, NeedsQuestion, NeedOptions[i].Key)
		}
	}
	if got, want := len(rows["groups"]), len(DefaultGroups); got != want {
		t.Errorf("%d groups rows, want %d", got, want)
	}
	g := rows["groups"][3]
	if g[0] != DefaultGroups[3].Group || g[2] != "group "+DefaultGroups[3].Group || g[3] != DefaultGroups[3].Column || g[6] != string(DefaultGroups[3].Unit) || g[7] != 1.5 {
		t.Errorf("groups row 4 = %v", g)
	}
	settings := map[any]any{}
	for _, kv := range rows["settings"] {
		settings[kv[0]] = kv[1]
	}
	for key, want := range map[string]string{"name": "test", "language": "en", "weight": "weight", "stratum": "stratum",
		"cluster": "settlement", "community": "hromada", "children": "n_children", "household_size": "hh_size"} {
		if settings[key] != want {
			t.Errorf("setting %s = %v, want %q", key, settings[key], want)
		}
	}
}

func TestStarterRowsNeedTheCatalogue(t *testing.T) {
	s := testStarter(hromada.Ukrainian)
	s.Services = slices.DeleteFunc(s.Services, func(sv hromada.Service) bool { return sv.Key == "mediation" })
	if _, err := s.Rows(); err == nil || !strings.Contains(err.Error(), "no service with key mediation") {
		t.Errorf("Rows without the mediation service: error %v", err)
	}
	s = testStarter(hromada.Ukrainian)
	s.Groups = s.Groups[1:]
	if _, err := s.Rows(); err == nil || !strings.Contains(err.Error(), "no group "+DefaultGroups[0].Group) {
		t.Errorf("Rows without the first group: error %v", err)
	}
}

// The settings of a new project name the questionnaire's questions, so an
// export of the form is read with no mapping.
func TestXLSFormMatchesProjectDefaults(t *testing.T) {
	sheets := xlsformSheets(hromada.Ukrainian)
	names := map[string]string{} // name → type
	for _, r := range sheets["survey"][1:] {
		names[r[1]] = r[0]
	}
	for _, kv := range StarterSettings {
		if kv[0] == "weight" {
			continue // added to the export from the sample design
		}
		if _, ok := names[kv[1]]; !ok {
			t.Errorf("setting %s = %q names no question of the form", kv[0], kv[1])
		}
	}
	for _, g := range DefaultGroups {
		if _, ok := names[g.Column]; !ok {
			t.Errorf("group %s: column %q is no question of the form", g.Group, g.Column)
		}
	}
	if got, want := names[NeedsQuestion], "select_multiple "+NeedsQuestion; got != want {
		t.Errorf("type of %s = %q, want %q", NeedsQuestion, got, want)
	}
	var options []string
	for _, r := range sheets["choices"][1:] {
		if r[0] == NeedsQuestion {
			options = append(options, r[1])
		}
	}
	for _, o := range NeedOptions {
		if !slices.Contains(options, o.Key) {
			t.Errorf("need option %q is not in the choices of %s", o.Key, NeedsQuestion)
		}
	}
	if !slices.Contains(options, noNeed) {
		t.Errorf("the needs list has no %q option for a household without needs", noNeed)
	}
}
