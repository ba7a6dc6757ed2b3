package planbook

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
)

// TestPlainSourcesShown: the council-facing sources given in plain words
// are what the sheets show — a group's weight source on the plan's
// Methods, in the workbook's language, and the code classification on
// the budget's code sheets; without them the sheets show none.
func TestPlainGroupSourcesShown(t *testing.T) {
	dir := t.TempDir()
	p := testPlan(t, hromada.Ukrainian, 3)
	if len(p.Input.Groups) == 0 {
		t.Fatal("the test plan has no groups")
	}
	g := p.Input.Groups[0].ID
	p.GroupSources = map[string]hromada.Text{g: {UK: "Вага — вибір hromada", EN: "Weight: hromada's choice"}}
	path := filepath.Join(dir, "plan.xlsx")
	if err := Write(path, p); err != nil {
		t.Fatal(err)
	}
	methods := planText["sheet.methods"].UK
	if !booktest.SheetHas(t, path, methods, "Вага — вибір hromada") || booktest.SheetHas(t, path, methods, "hromada's choice") {
		t.Errorf("the plan's %s sheet does not show the group's source in Ukrainian only", methods)
	}
}
