package kobo

import (
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// validForm is a small form that passes the check; the cases below break
// it one way each.
func validForm() map[string][][]string {
	return map[string][][]string{
		"survey": {
			{"type", "name", "label::English (en)", "required", "relevant", "calculation"},
			{"start", "start"},
			{"begin_group", "household", "Household"},
			{"integer", "n_children", "How many children?", "yes"},
			{"calculate", "has_children", "", "", "", "if(${n_children} > 0, 'yes', 'no')"},
			{"select_one yn", "idp", "Displaced?", "yes", "${n_children} >= 0"},
			{"end_group"},
			{},
			{"select_multiple needs", "needs", "Needs?", "yes"},
		},
		"choices": {
			{"list_name", "name", "label::English (en)"},
			{"yn", "yes", "Yes"},
			{"yn", "no", "No"},
			{"needs", "counselling", "Counselling"},
			{"needs", "none", "None"},
		},
		"settings": {
			{"form_title", "form_id", "default_language"},
			{"Test", "test_form", "English (en)"},
		},
	}
}

func TestCheckXLSFormValid(t *testing.T) {
	if ps := CheckXLSForm("q.xlsx", validForm()); len(ps) > 0 {
		t.Errorf("CheckXLSForm(valid form) = %v, want no problems", ps)
	}
}

func TestCheckXLSFormProblems(t *testing.T) {
	type want struct {
		sev   hromada.Severity
		sheet string
		cell  string
		msg   string // a part of the message
	}
	for _, tc := range []struct {
		name   string
		mutate func(f map[string][][]string)
		want   want
	}{
		{"undefined list", func(f map[string][][]string) { f["survey"][5][0] = "select_one yesno" },
			want{hromada.Error, "survey", "A6", `list "yesno" is not defined`}},
		{"select without list", func(f map[string][][]string) { f["survey"][5][0] = "select_one" },
			want{hromada.Error, "survey", "A6", "select_one has no list name"}},
		{"duplicate name", func(f map[string][][]string) { f["survey"][5][1] = "n_children" },
			want{hromada.Error, "survey", "B6", `name "n_children" is used again (first at B4)`}},
		{"group named like a question", func(f map[string][][]string) { f["survey"][2][1] = "needs" },
			want{hromada.Error, "survey", "B9", `name "needs" is used again (first at B3)`}},
		{"name differing in case", func(f map[string][][]string) { f["survey"][5][1] = "N_Children" },
			want{hromada.Warning, "survey", "B6", "differs from"}},
		{"group never closed", func(f map[string][][]string) { f["survey"][6] = []string{} },
			want{hromada.Error, "survey", "A3", `begin_group "household" is never closed`}},
		{"end without begin", func(f map[string][][]string) { f["survey"][2] = []string{"note", "intro", "Hello"} },
			want{hromada.Error, "survey", "A7", "end_group without a begin_group"}},
		{"end_repeat closes a group", func(f map[string][][]string) { f["survey"][6][0] = "end_repeat" },
			want{hromada.Error, "survey", "A7", `end_repeat closes begin_group "household" begun at A3`}},
		{"invalid XML name", func(f map[string][][]string) { f["survey"][3][1] = "2children" },
			want{hromada.Error, "survey", "B4", `name "2children" is not a valid XML name`}},
		{"name with a space", func(f map[string][][]string) { f["survey"][5][1] = "is idp" },
			want{hromada.Error, "survey", "B6", "not a valid XML name"}},
		{"no name", func(f map[string][][]string) { f["survey"][5][1] = "" },
			want{hromada.Error, "survey", "B6", "select_one has no name"}},
		{"no label", func(f map[string][][]string) { f["survey"][3][2] = "" },
			want{hromada.Error, "survey", "C4", `question "n_children" has no label`}},
		{"no type", func(f map[string][][]string) { f["survey"][3][0] = "" },
			want{hromada.Error, "survey", "A4", "the row has no type"}},
		{"unknown type", func(f map[string][][]string) { f["survey"][3][0] = "numeric" },
			want{hromada.Warning, "survey", "A4", `type "numeric" is not an XLSForm question type`}},
		{"calculate without calculation", func(f map[string][][]string) { f["survey"][4][5] = "" },
			want{hromada.Error, "survey", "F5", `calculate "has_children" has no calculation`}},
		{"reference to no question", func(f map[string][][]string) { f["survey"][5][4] = "${children} > 0" },
			want{hromada.Error, "survey", "E6", "relevant refers to ${children}"}},
		{"no survey sheet", func(f map[string][][]string) { f["Survey1"] = f["survey"]; delete(f, "survey") },
			want{hromada.Error, "", "", "no sheet named survey"}},
		{"no name column", func(f map[string][][]string) { f["survey"][0][1] = "nom" },
			want{hromada.Error, "survey", "row 1", "no name column"}},
		{"no choices sheet", func(f map[string][][]string) { delete(f, "choices") },
			want{hromada.Error, "", "", "no sheet named choices"}},
		{"duplicate choice", func(f map[string][][]string) { f["choices"][2][1] = "yes" },
			want{hromada.Error, "choices", "B3", `choice "yes" appears twice in list "yn" (first at B2)`}},
		{"choice with a space", func(f map[string][][]string) { f["choices"][3][1] = "social support" },
			want{hromada.Error, "choices", "B4", "has a space"}},
		{"choice without list", func(f map[string][][]string) { f["choices"][3][0] = "" },
			want{hromada.Error, "choices", "A4", "no list_name"}},
		{"language without code", func(f map[string][][]string) { f["survey"][0][2] = "label::English" },
			want{hromada.Warning, "survey", "C1", `language "English" has no language code`}},
		{"default language not used", func(f map[string][][]string) { f["settings"][1][2] = "Ukrainian (uk)" },
			want{hromada.Warning, "settings", "C2", "not a language of the label columns"}},
		{"bad form_id", func(f map[string][][]string) { f["settings"][1][1] = "my form" },
			want{hromada.Error, "settings", "B2", "form_id"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := validForm()
			tc.mutate(f)
			ps := CheckXLSForm("q.xlsx", f)
			xlsxtest.BilingualProblems(t, ps)
			for _, p := range ps {
				if p.Severity == tc.want.sev && p.Sheet == tc.want.sheet && p.Cell == tc.want.cell && strings.Contains(p.Msg.EN, tc.want.msg) {
					if p.File != "q.xlsx" || p.Hint.EN == "" {
						t.Errorf("problem %v: want file q.xlsx and a hint", p)
					}
					return
				}
			}
			t.Errorf("CheckXLSForm = %v\nwant a %s at %s!%s containing %q", ps, tc.want.sev, tc.want.sheet, tc.want.cell, tc.want.msg)
		})
	}
}

func TestValidXMLName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"hh_size", true},
		{"_x", true},
		{"q1.a-b", true},
		{"громада", true},
		{"", false},
		{"1q", false},
		{"-q", false},
		{"has space", false},
		{"ns:q", false},
		{"q?", false},
	} {
		if got := ValidXMLName(tc.name); got != tc.want {
			t.Errorf("ValidXMLName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
