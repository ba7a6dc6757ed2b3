package budgetbook

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
)

// TestPlainCodeSourcesShown: the budget's code sheets say, in plain
// words, where their codes come from; without the sources they say none.
func TestPlainCodeSourcesShown(t *testing.T) {
	dir := t.TempDir()
	bg := testBudget(t, hromada.English, budgetInput())
	bg.CodeSources = map[string]hromada.Text{"kpkvk": {UK: "Типова програмна класифікація", EN: "The standard programme classification"},
		"kekv": {UK: "Економічна класифікація", EN: "The economic classification"}}
	bpath := filepath.Join(dir, "budget.xlsx")
	if err := Write(bpath, bg); err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string]string{"By programme code": "Codes and names: The standard programme classification.", "By economic code": "Codes and names: The economic classification."} {
		if !booktest.SheetHas(t, bpath, sheet, want) {
			t.Errorf("sheet %s does not say %q", sheet, want)
		}
	}
	bg.CodeSources = nil
	if err := Write(bpath, bg); err != nil {
		t.Fatal(err)
	}
	if booktest.SheetHas(t, bpath, "By programme code", "Codes and names") {
		t.Error("a budget without code sources says where its codes come from")
	}
}
