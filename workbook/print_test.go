package workbook

import "testing"

// A sheet fits the page's width when it prints at 70 % or more: 1026
// pixels of A4 landscape hold 1026/(7 × 0.70) = 209.6 units of column width.
func TestPrintFits(t *testing.T) {
	tests := []struct {
		width float64
		want  bool
	}{
		{136, true},  // the budget Summary: 50 + 5×14 + 16
		{209, true},  // 209×7×0.7 = 1024.1 pixels
		{210, false}, // 1029 pixels
		{360, false}, // thirty columns of 12
	}
	for _, tt := range tests {
		if got := printFits(tt.width); got != tt.want {
			t.Errorf("printFits(%v) = %v, want %v", tt.width, got, tt.want)
		}
	}
}

// A narrow table sheet is fitted to one page wide; a wide one prints at
// 70 %, its header row repeated on every page.
func TestPageSetupByWidth(t *testing.T) {
	b := NewBook()
	narrow := Sheet{Name: "Narrow", Columns: []Col{{Header: "a", Width: 30}, {Header: "b", Width: 30}}}
	wide := Sheet{Name: "Wide"}
	for range 30 {
		wide.Columns = append(wide.Columns, Col{Header: "x", Width: 12})
	}
	b.AddSheet(narrow)
	b.PageSetup("Narrow", "$1:$1", "")
	b.AddSheet(wide)
	b.PageSetup("Wide", "$1:$1", "")
	if err := b.Err(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sh    string
		fit   bool
		scale uint
	}{{"Narrow", true, 100}, {"Wide", false, 70}} {
		props, err := b.File.GetSheetProps(tt.sh)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || *props.FitToPage != tt.fit {
			t.Errorf("%s: fit to page %v, want %v", tt.sh, props.FitToPage, tt.fit)
		}
		pl, err := b.File.GetPageLayout(tt.sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.AdjustTo == nil || *pl.AdjustTo != tt.scale {
			t.Errorf("%s: scale %v, want %d", tt.sh, pl.AdjustTo, tt.scale)
		}
	}
	names := b.File.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == "Wide" && n.RefersTo == "'Wide'!$1:$1" {
			found = true
		}
	}
	if !found {
		t.Errorf("no print titles on the wide sheet: %+v", names)
	}
}
