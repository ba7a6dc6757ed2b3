package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada/workbook"
)

// TestEditedOutputs: of four outputs — missing, as written, edited, not
// hromada's — the last two are named, in order.
func TestEditedOutputs(t *testing.T) {
	dir := t.TempDir()
	written := filepath.Join(dir, "a.xlsx")
	b := workbook.NewBook()
	b.AddText("Примітки", "Примітки", nil)
	if err := b.Save(written); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(written)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(dir, "b.xlsx")
	if err := os.WriteFile(edited, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := workbook.Edit(edited, map[string]string{"Примітки!B5": "ні"}); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "c.xlsx")
	if err := os.WriteFile(foreign, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := EditedOutputs([]string{filepath.Join(dir, "missing.xlsx"), written, edited, foreign})
	want := []EditedWorkbook{{Path: edited}, {Path: foreign, NoFingerprint: true}}
	if len(got) != len(want) {
		t.Fatalf("EditedOutputs = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("EditedOutputs[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}
