package kobo

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestParseType reads every type alias of pyxform (pyxform/aliases.py,
// select, select_from_file and control, github.com/XLSForm/pyxform at
// 017d13075db020f75be9edcf063b31d37c4131d6) and the or_other forms of its
// select pattern (pyxform/xls2json.py: "or specify other|or_other|or
// other"). The expected base of each alias is the constant aliases.py maps
// it to, in hromada's spelling.
func TestParseType(t *testing.T) {
	for _, tc := range []struct {
		in      string
		base    string
		args    []string
		list    string
		orOther bool
		extra   bool
	}{
		// aliases.select
		{"add select one prompt using yn", "select_one", []string{"yn"}, "yn", false, false},
		{"add select multiple prompt using needs", "select_multiple", []string{"needs"}, "needs", false, false},
		{"select all that apply from needs", "select_multiple", []string{"needs"}, "needs", false, false},
		{"select one from yn", "select_one", []string{"yn"}, "yn", false, false},
		{"select1 yn", "select_one", []string{"yn"}, "yn", false, false},
		{"select_one yn", "select_one", []string{"yn"}, "yn", false, false},
		{"select one yn", "select_one", []string{"yn"}, "yn", false, false},
		{"select_multiple needs", "select_multiple", []string{"needs"}, "needs", false, false},
		{"select all that apply needs", "select_multiple", []string{"needs"}, "needs", false, false},
		{"select_one_external towns", "select_one_external", []string{"towns"}, "towns", false, false},
		{"rank priorities", "rank", []string{"priorities"}, "priorities", false, false},
		// aliases.select_from_file
		{"select_one_from_file towns.csv", "select_one_from_file", []string{"towns.csv"}, "towns.csv", false, false},
		{"select_multiple_from_file towns.csv", "select_multiple_from_file", []string{"towns.csv"}, "towns.csv", false, false},
		{"select one from file towns.csv", "select_one_from_file", []string{"towns.csv"}, "towns.csv", false, false},
		{"select multiple from file towns.csv", "select_multiple_from_file", []string{"towns.csv"}, "towns.csv", false, false},
		// aliases.control, after begin or end and a space or _
		{"begin group", "begin_group", []string{}, "", false, false},
		{"begin_group", "begin_group", []string{}, "", false, false},
		{"end group", "end_group", []string{}, "", false, false},
		{"end_group", "end_group", []string{}, "", false, false},
		{"begin repeat", "begin_repeat", []string{}, "", false, false},
		{"begin_repeat", "begin_repeat", []string{}, "", false, false},
		{"end_repeat", "end_repeat", []string{}, "", false, false},
		{"begin lgroup", "begin_repeat", []string{}, "", false, false},
		{"end_lgroup", "end_repeat", []string{}, "", false, false},
		{"begin looped group", "begin_repeat", []string{}, "", false, false},
		{"end looped group", "end_repeat", []string{}, "", false, false},
		{"begin loop over towns", "begin_loop", []string{"over", "towns"}, "", false, false},
		{"end loop", "end_loop", []string{}, "", false, false},
		// or_other and words pyxform refuses
		{"select_one yn or_other", "select_one", []string{"yn", "or_other"}, "yn", true, false},
		{"select_one yn or other", "select_one", []string{"yn", "or", "other"}, "yn", true, false},
		{"select_multiple needs or specify other", "select_multiple", []string{"needs", "or", "specify", "other"}, "needs", true, false},
		{"select_one yn and more", "select_one", []string{"yn", "and", "more"}, "yn", false, true},
		// case, spaces, the list name's case kept
		{"  Select_One   YesNo ", "select_one", []string{"YesNo"}, "YesNo", false, false},
		{"BEGIN GROUP", "begin_group", []string{}, "", false, false},
		// not aliases: the first word in lower case
		{"select multiple needs", "select", []string{"multiple", "needs"}, "", false, false},
		{"Integer", "integer", []string{}, "", false, false},
		{"select_one", "select_one", []string{}, "", false, false},
		{"", "", nil, "", false, false},
	} {
		got := ParseType(tc.in)
		if got.Base != tc.base || !slices.Equal(got.Args, tc.args) || got.List() != tc.list ||
			got.OrOther() != tc.orOther || got.ExtraArgs() != tc.extra {
			t.Errorf("ParseType(%q) = %q %q, list %q, or_other %v, extra %v; want %q %q, list %q, or_other %v, extra %v",
				tc.in, got.Base, got.Args, got.List(), got.OrOther(), got.ExtraArgs(), tc.base, tc.args, tc.list, tc.orOther, tc.extra)
		}
	}
}

// TestTypeReaderAndChecker reads and checks one form with the types the
// two XLSForm parsers once read differently: "select all that apply needs"
// (once select_all of list "that" to the reader), "select multiple yn" (a
// select_multiple to the reader, an unknown type to the checker; pyxform
// has no such alias), "select_one yn or other" (an error to the checker,
// which pyxform accepts), "begin lgroup" (a question to the reader).
func TestTypeReaderAndChecker(t *testing.T) {
	path := xlsxtest.Write(t, "form.xlsx",
		xlsxtest.Sheet{Name: "survey", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "type", "name", "label"),
			xlsxtest.Row(2, "select all that apply needs", "needs", "Needs?"),
			xlsxtest.Row(3, "select multiple yn", "odd", "Odd?"),
			xlsxtest.Row(4, "select_one yn or other", "idp", "Displaced?"),
			xlsxtest.Row(5, "begin lgroup", "roster", "Members"),
			xlsxtest.Row(6, "integer", "age", "Age?"),
			xlsxtest.Row(7, "end lgroup", "", ""),
		)},
		xlsxtest.Sheet{Name: "choices", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "list_name", "name", "label"),
			xlsxtest.Row(2, "needs", "food", "Food"),
			xlsxtest.Row(3, "yn", "yes", "Yes"),
		)},
	)
	form, err := ReadXLSForm(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Question{
		"needs": {Type: "select_multiple", List: "needs"},
		"odd":   {Type: "select"},
		"idp":   {Type: "select_one", List: "yn", OrOther: true},
		"age":   {Type: "integer", Repeat: "roster", Path: "roster/age"},
	}
	if len(form.Questions) != len(want) {
		t.Errorf("questions %d, want %d (the lgroup markers are no questions)", len(form.Questions), len(want))
	}
	for name, w := range want {
		q, ok := form.Question(name)
		if !ok {
			t.Errorf("no question %q", name)
			continue
		}
		if q.Type != w.Type || q.List != w.List || q.OrOther != w.OrOther || (w.Repeat != "" && (q.Repeat != w.Repeat || q.Path != w.Path)) {
			t.Errorf("question %q = %s %q or_other %v repeat %q path %q, want %s %q or_other %v repeat %q path %q",
				name, q.Type, q.List, q.OrOther, q.Repeat, q.Path, w.Type, w.List, w.OrOther, w.Repeat, w.Path)
		}
	}
	ps, err := CheckXLSFormFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// One problem only: row 3's type, which pyxform does not know either.
	if len(ps) != 1 || ps[0].Cell != "A3" || ps[0].Msg.EN != `type "select multiple yn" is not an XLSForm question type hromada knows` {
		t.Errorf("CheckXLSFormFile(%s) = %v, want one warning at A3", filepath.Base(path), ps)
	}
}
