package hromada

import (
	"errors"
	"io/fs"
	"testing"
)

func TestT(t *testing.T) {
	inner := Text{UK: "немає стовпця", EN: "no column"}
	got := T("%s «%s» (рядок %d)", "%s %q (row %d)", inner, "weight", 7)
	// Each language's format gets the Text argument in its own language.
	want := Text{UK: "немає стовпця «weight» (рядок 7)", EN: `no column "weight" (row 7)`}
	if got != want {
		t.Errorf("T = %+v, want %+v", got, want)
	}
}

func TestErrorf(t *testing.T) {
	cause := Errorf("файл не знайдено", "file not found")
	err := Errorf("не вдалося прочитати %s: %w", "cannot read %s: %w", "costs.xlsx", cause)
	if got, want := Message(err, Ukrainian), "не вдалося прочитати costs.xlsx: файл не знайдено"; got != want {
		t.Errorf("Message(uk) = %q, want %q", got, want)
	}
	if got, want := err.Error(), "cannot read costs.xlsx: file not found"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, cause) {
		t.Error("errors.Is does not see the %w argument")
	}
	wrapped := Errorf("відкрити: %w", "open: %w", fs.ErrNotExist)
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Error("errors.Is does not see a standard error given for %w")
	}
	// %v does not wrap.
	if errors.Is(Errorf("%v", "%v", fs.ErrNotExist), fs.ErrNotExist) {
		t.Error("an argument formatted with verb v is wrapped")
	}
	// Padding and flags before the verb are skipped when counting.
	if !errors.Is(Errorf("%-5d %w", "%-5d %w", 3, fs.ErrNotExist), fs.ErrNotExist) {
		t.Error("%w after a padded verb is not found")
	}
	if got := Message(errors.New("plain"), Ukrainian); got != "plain" {
		t.Errorf("Message of a plain error = %q", got)
	}
	if Message(nil, English) != "" {
		t.Error("Message(nil) is not empty")
	}
}

func TestProblemIn(t *testing.T) {
	p := Problem{File: "registry.xlsx", Sheet: "Реєстр", Cell: "row 4",
		Msg: T("одиниця %q не відома", "unit %q is not known", "household"), Hint: T("дозволено: сім'я", "allowed: family")}
	if got, want := p.In(Ukrainian), `registry.xlsx: Реєстр, рядок 4: одиниця "household" не відома; дозволено: сім'я`; got != want {
		t.Errorf("In(uk) = %q, want %q", got, want)
	}
	ps := Problems{p, {Severity: Warning, Msg: Text{UK: "увага", EN: "note"}}}
	if got, want := ps.In(English), "error: registry.xlsx: Реєстр, row 4: unit \"household\" is not known; allowed: family\nwarning: note"; got != want {
		t.Errorf("Problems.In(en) = %q, want %q", got, want)
	}
	if got, want := Message(ps, Ukrainian), "помилка: registry.xlsx: Реєстр, рядок 4: одиниця \"household\" не відома; дозволено: сім'я\nпопередження: увага"; got != want {
		t.Errorf("Message(Problems, uk) = %q, want %q", got, want)
	}
	// The lines and columns of a CSV file are written in Ukrainian.
	for _, tc := range [][2]string{
		{"line 3, column 7", "рядок 3, стовпець 7"},
		{"line 1", "рядок 1"},
		{"D16 (line 19)", "D16 (рядок 19)"},
		{"line 2, column 6 (caseload)", "рядок 2, стовпець 6 (caseload)"},
		{"B7 (column)", "B7 (column)"},
	} {
		if got := (Problem{File: "s.csv", Cell: tc[0], Msg: Text{UK: "м", EN: "m"}}).In(Ukrainian); got != "s.csv: "+tc[1]+": м" {
			t.Errorf("cell %q in Ukrainian: %q, want %q", tc[0], got, "s.csv: "+tc[1]+": м")
		}
	}
	// A message with English words only prints them in Ukrainian.
	if got := (Problem{Msg: Text{EN: "bad"}}).In(Ukrainian); got != "bad" {
		t.Errorf("untranslated = %q", got)
	}
}

// CellIn writes a problem's place in the language asked; the expected
// words are cellUK's rules: "row N" and "line N" → «рядок N», ", column N"
// → «, стовпець N», " (line N)" → « (рядок N)»; a plain reference and
// any English place stay as they are.
func TestCellIn(t *testing.T) {
	tests := []struct {
		cell string
		lang Lang
		want string
	}{
		{"row 17", Ukrainian, "рядок 17"},
		{"row 17", English, "row 17"},
		{"line 3, column 7", Ukrainian, "рядок 3, стовпець 7"},
		{"line 3, column 7", English, "line 3, column 7"},
		{"D16 (line 19)", Ukrainian, "D16 (рядок 19)"},
		{"C5", Ukrainian, "C5"},
		{"C5", English, "C5"},
		{"", Ukrainian, ""},
	}
	for _, tt := range tests {
		if got := CellIn(tt.cell, tt.lang); got != tt.want {
			t.Errorf("CellIn(%q, %s) = %q, want %q", tt.cell, tt.lang, got, tt.want)
		}
	}
}
