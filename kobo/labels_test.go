package kobo

import (
	"slices"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestLabelExport: a label export's headers are told from names, and
// mapped to the questions' paths through the form in either language,
// with or without group labels; option columns get the choice's code;
// headers the form does not label stay. Expected names read off the form.
func TestLabelExport(t *testing.T) {
	path := xlsxtest.Write(t, "form.xlsx",
		xlsxtest.Sheet{Name: "survey", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "type", "name", "label::English (en)", "label::Українська (uk)"),
			xlsxtest.Row(2, "begin_group", "hh", "Household", "Домогосподарство"),
			xlsxtest.Row(3, "select_one yn", "idp", "Displaced?", "ВПО?"),
			xlsxtest.Row(4, "select_multiple needs", "needs", "Needs", "Потреби"),
			xlsxtest.Row(5, "end_group"),
			xlsxtest.Row(6, "integer", "days", "Days", "Дні"),
		)},
		xlsxtest.Sheet{Name: "choices", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "list_name", "name", "label::English (en)", "label::Українська (uk)"),
			xlsxtest.Row(2, "yn", "yes", "Yes", "Так"),
			xlsxtest.Row(3, "needs", "day_care", "Day care", "Денний догляд"),
			xlsxtest.Row(4, "needs", "dnk", "Don't know", "Не знаю"),
		)},
	)
	form, err := ReadXLSForm(path)
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"Household/Displaced?", "Needs", "Needs/Day care", "Потреби/Не знаю", "ВПО?", "Дні", "weight", "_uuid"}
	want := []string{"hh/idp", "hh/needs", "hh/needs/day_care", "hh/needs/dnk", "hh/idp", "days", "weight", "_uuid"}
	got, mapped := form.Names(header)
	if !slices.Equal(got, want) || mapped != 6 {
		t.Errorf("Names = %q, %d; want %q, 6", got, mapped, want)
	}
	if c, ok := form.ChoiceName("yn", "так"); !ok || c != "yes" {
		t.Errorf("ChoiceName(yn, так) = %q, %v; want yes", c, ok)
	}
	for _, c := range []struct {
		header []string
		want   bool
	}{
		{header, true},
		{[]string{"hh/idp", "needs/day_care", "weight", "_uuid", "Some label?"}, false},
		{[]string{"start", "end", "A_2_consent", "_id"}, false},
		{[]string{"Do you agree?", "Weight", "_id"}, true},
	} {
		if got := LooksLikeLabels(c.header); got != c.want {
			t.Errorf("LooksLikeLabels(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}
