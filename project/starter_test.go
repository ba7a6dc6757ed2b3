package project

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
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
	form := QuestionnaireForm(hromada.Ukrainian)
	for _, kv := range StarterSettings {
		if kv[0] == "weight" {
			continue // added to the export from the sample design
		}
		if _, ok := form.Question(kv[1]); !ok {
			t.Errorf("setting %s = %q names no question of the form", kv[0], kv[1])
		}
	}
	for _, g := range DefaultGroups {
		if _, ok := form.Question(g.Column); !ok {
			t.Errorf("group %s: column %q is no question of the form", g.Group, g.Column)
		}
	}
	if q, ok := form.Question(NeedsQuestion); !ok || q.Type != "select_multiple" || q.List != NeedsQuestion {
		t.Errorf("question %s = %+v, want a select_multiple of list %s", NeedsQuestion, q, NeedsQuestion)
	}
	var options []string
	for _, c := range form.Lists[NeedsQuestion] {
		options = append(options, c.Name)
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
