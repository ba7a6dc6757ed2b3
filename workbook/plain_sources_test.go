package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/xuri/excelize/v2"
)

// sheetHas reports whether a cell of the named sheet of the workbook at
// path holds text.
func sheetHas(t *testing.T, path, sheet, text string) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, c := range row {
			if strings.Contains(c, text) {
				return true
			}
		}
	}
	return false
}

// TestPlainSourcesShown: the council-facing sources given in plain words
// are what the sheets show — a group's weight source on the plan's
// Methods, in the workbook's language, and the code classification on
// the budget's code sheets; without them the sheets show none.
func TestPlainSourcesShown(t *testing.T) {
	dir := t.TempDir()
	p := testPlan(t, hromada.Ukrainian, 3)
	if len(p.Input.Groups) == 0 {
		t.Fatal("the test plan has no groups")
	}
	g := p.Input.Groups[0].ID
	p.GroupSources = map[string]hromada.Text{g: {UK: "Вага — вибір hromada", EN: "Weight: hromada's choice"}}
	path := filepath.Join(dir, "plan.xlsx")
	if err := WritePlan(path, p); err != nil {
		t.Fatal(err)
	}
	methods := planText["sheet.methods"].UK
	if !sheetHas(t, path, methods, "Вага — вибір hromada") || sheetHas(t, path, methods, "hromada's choice") {
		t.Errorf("the plan's %s sheet does not show the group's source in Ukrainian only", methods)
	}

	bg := testBudget(t, hromada.English, budgetInput())
	bg.CodeSources = map[string]hromada.Text{"kpkvk": {UK: "Типова програмна класифікація", EN: "The standard programme classification"},
		"kekv": {UK: "Економічна класифікація", EN: "The economic classification"}}
	bpath := filepath.Join(dir, "budget.xlsx")
	if err := WriteBudget(bpath, bg); err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string]string{"By programme code": "Codes and names: The standard programme classification.", "By economic code": "Codes and names: The economic classification."} {
		if !sheetHas(t, bpath, sheet, want) {
			t.Errorf("sheet %s does not say %q", sheet, want)
		}
	}
	bg.CodeSources = nil
	if err := WriteBudget(bpath, bg); err != nil {
		t.Fatal(err)
	}
	if sheetHas(t, bpath, "By programme code", "Codes and names") {
		t.Error("a budget without code sources says where its codes come from")
	}
}
