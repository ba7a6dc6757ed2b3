package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook"
)

// TestSlug: the file name of a community is its English name, else its
// code, made safe (lower case, other runs one hyphen): no separator or
// ".." survives, so no community writes outside the output folder.
func TestSlug(t *testing.T) {
	tests := []struct{ en, code, want string }{
		{"Olevska", "UA18060190000071101", "olevska"},
		{"OLEVSKA", "UA1", "olevska"},
		{"", "../../pwned", "pwned"},
		{"", `..\..\pwned`, "pwned"},
		{"../x", "UA1", "x"},
		{"Олевська", "UA18060190000071101", "ua18060190000071101"},
		{"", "..", "community"},
	}
	for _, tt := range tests {
		if got := Slug(hromada.Community{Code: tt.code, Name: hromada.Text{EN: tt.en}}); got != tt.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tt.en, tt.code, got, tt.want)
		}
	}
}

// TestSlugClash: two communities whose files would have one name are
// refused at load, the second row's cell naming the first's. In the
// example, Communities row 2 is Andrushivska (English name in C2) and
// row 3 Zhytomyrska (C3).
func TestSlugClash(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("../examples/zhytomyr", ProjectFile))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, ProjectFile)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := workbook.Edit(path, map[string]string{Communities.Name.UK + "!C3": "ANDRUSHIVSKA"}); err != nil {
		t.Fatal(err)
	}
	_, ps := Load(dir, LoadOptions{})
	xlsxtest.BilingualProblems(t, ps)
	var found []string
	for _, p := range ps {
		if strings.Contains(p.Msg.EN, "same name") {
			found = append(found, p.Error())
			if p.Severity != hromada.Error || p.Cell != "C3" || !strings.Contains(p.Msg.EN, "C2") || !strings.Contains(p.Msg.EN, "andrushivska-") {
				t.Errorf("clash problem %q (severity %v, cell %s): want an error at C3 naming C2 and the name andrushivska", p.Error(), p.Severity, p.Cell)
			}
		}
	}
	if len(found) != 1 {
		t.Errorf("clash problems %q, want one", found)
	}
}
