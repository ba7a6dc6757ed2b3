package kobo

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestXLSFormREACH reads the REACH MSNA 2024 form, which has a README
// sheet, an empty first column, extra columns and empty rows. The counts
// were checked against the survey and choices sheets read with Python's
// zipfile and ElementTree: 321 typed rows, of which 46 group markers; 58
// choice lists with 451 choices.
func TestXLSFormREACH(t *testing.T) {
	form, err := ReadXLSForm(filepath.Join(xlsxtest.SharedData(t), "kobo", "REACH_2024_MSNA-kobo-tool_draft_v11.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	choices := 0
	for _, l := range form.Lists {
		choices += len(l)
	}
	if len(form.Questions) != 275 || len(form.Lists) != 58 || choices != 451 {
		t.Errorf("%d questions, %d lists, %d choices; want 275, 58, 451", len(form.Questions), len(form.Lists), choices)
	}
	types := map[string]int{}
	for _, q := range form.Questions {
		types[q.Type]++
	}
	if types["select_one"] != 94 || types["select_multiple"] != 19 || types["integer"] != 61 || types["calculate"] != 46 {
		t.Errorf("types %v", types)
	}
	if !reflect.DeepEqual(form.Languages, []string{"english", "french"}) {
		t.Errorf("Languages = %q", form.Languages)
	}
	if got := form.Repeats(); !reflect.DeepEqual(got, []string{"roster", "edu_ind", "health_ind", "nut_ind"}) {
		t.Errorf("Repeats() = %q, want the four repeat sheets of the export", got)
	}
	q, ok := form.Question("wgq_vision")
	if !ok {
		t.Fatal("no question wgq_vision")
	}
	if q.Type != "select_one" || q.List != "l_difficulty" || q.Repeat != "roster" ||
		q.Path != "consented/demographics/roster/group_wgss/ind_difficulty_list/wgq_vision" || q.Row != 62 {
		t.Errorf("wgq_vision = %+v", q)
	}
	if q, _ := form.Question("aap_priority_challenge"); q.Type != "select_multiple" || q.Repeat != "" || q.Path != "consented/aap/aap_priority_challenge" {
		t.Errorf("aap_priority_challenge = %+v", q)
	}
	if got := q.Label("english", ""); !strings.HasPrefix(got, "Does he/she has difficulty seeing") {
		t.Errorf("label = %q", got)
	}
	en, ok1 := form.ChoiceLabel("l_difficulty", "cannot_do", "english")
	fr, ok2 := form.ChoiceLabel("l_difficulty", "cannot_do", "French")
	if !ok1 || !ok2 || en == "" || fr == "" || en == fr {
		t.Errorf("ChoiceLabel(cannot_do) = %q / %q", en, fr)
	}
	if _, ok := form.ChoiceLabel("l_difficulty", "no_such_code", "english"); ok {
		t.Error("ChoiceLabel found a code the list does not have")
	}
	if len(form.Problems) != 0 {
		t.Errorf("Problems = %v, want none", form.Problems)
	}
}

func TestXLSFormStructure(t *testing.T) {
	path := xlsxtest.Write(t, "form.xlsx",
		xlsxtest.Sheet{Name: "Survey", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "Type", "Name", "label", "label::Українська (uk)", "relevant"),
			xlsxtest.Row(2, "begin group", "hh", "Household"),
			xlsxtest.Row(3, "select one yn or_other", "idp", "IDP?", "ВПО?"),
			xlsxtest.Row(4, "begin_repeat", "members"),
			xlsxtest.Row(5, "integer", "age", "Age"),
			xlsxtest.Row(6, "select_multiple difficulty", "difficulty", nil, nil, "${age} < 18"),
			xlsxtest.Row(7, "end_group", nil), // closes the repeat with end_group
			xlsxtest.Row(8, "end group"),
			xlsxtest.Row(9, "end_group"), // nothing open
			xlsxtest.Row(10, "text", "idp"),
			xlsxtest.Row(11, "select_one nolist", "x"),
			xlsxtest.Row(12, nil, "orphan_name"),
			xlsxtest.Row(13, "begin_group", "open"),
		)},
		xlsxtest.Sheet{Name: "choices", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "list_name", "name", "label", "label::Українська (uk)"),
			xlsxtest.Row(2, "yn", "yes", "Yes", "Так"),
			xlsxtest.Row(3, "yn", "no", "No", "Ні"),
			xlsxtest.Row(5, "difficulty", "seeing", "Seeing"),
		)},
		xlsxtest.Sheet{Name: "settings", Cells: xlsxtest.Cells(xlsxtest.Row(1, "form_title", "default_language"), xlsxtest.Row(2, "Test", "Українська (uk)"))},
	)
	form, err := ReadXLSForm(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, q := range form.Questions {
		names = append(names, q.Path+"@"+q.Repeat)
	}
	want := []string{"hh/idp@", "hh/members/age@members", "hh/members/difficulty@members", "idp@", "x@"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("questions %q, want %q", names, want)
	}
	idp, _ := form.Question("IDP")
	if idp.Type != "select_one" || idp.List != "yn" || !idp.OrOther || idp.Label("uk", "") != "ВПО?" || idp.Label("", "") != "IDP?" {
		t.Errorf("idp = %+v", idp)
	}
	if d, _ := form.Question("difficulty"); d.Relevant != "${age} < 18" || d.Label("en", "") != "difficulty" {
		t.Errorf("difficulty = %+v", d)
	}
	if form.Settings["default_language"] != "Українська (uk)" {
		t.Errorf("Settings = %v", form.Settings)
	}
	// The default language is Ukrainian: asked for English, which the
	// choices lack, the label falls back to it.
	if got, _ := form.ChoiceLabel("yn", "yes", "english"); got != "Так" {
		t.Errorf("ChoiceLabel(yn, yes, english) = %q, want Так", got)
	}
	if got, _ := form.ChoiceLabel("yn", "no", "uk"); got != "Ні" {
		t.Errorf("ChoiceLabel(yn, no, uk) = %q, want Ні", got)
	}
	xlsxtest.BilingualProblems(t, form.Problems)
	if got, want := form.Problems[0].Msg.UK, `end_group закриває "members", що відкривається в рядку 4 як повтор`; got != want {
		t.Errorf("first problem in Ukrainian: %q, want %q", got, want)
	}
	var msgs []string
	for _, p := range form.Problems {
		msgs = append(msgs, p.Cell+": "+p.Msg.EN)
	}
	wantMsgs := []string{
		`A7: end_group closes "members", opened on row 4 as a repeat`,
		`A9: end_group with no group open`,
		`A10: question name "idp" is used twice, on rows 3 and 10`,
		`A12: question "orphan_name" has no type`,
		`row 13: group "open" is not closed`,
		`row 11: question "x" uses choice list "nolist", which the choices sheet does not have`,
	}
	if !reflect.DeepEqual(msgs, wantMsgs) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
	}
}

func TestXLSFormNotAForm(t *testing.T) {
	_, err := ReadXLSForm(xlsxtest.Write(t, "data.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Row(1, "a")}))
	wantCause(t, err, ErrNotXLSForm)
	_, err = ReadXLSForm(xlsxtest.Write(t, "data.xlsx", xlsxtest.Sheet{Name: "survey", Cells: xlsxtest.Row(1, "kind", "name")}))
	if ie := wantCause(t, err, ErrNotXLSForm); !strings.Contains(ie.Msg.EN, `no column "type"`) {
		t.Errorf("error %v", ie)
	}
	_, err = ReadXLSForm(xlsxtest.WriteFile(t, "form.csv", []byte("type,name\ntext,a\n")))
	wantCause(t, err, ErrNotXLSForm)
}
