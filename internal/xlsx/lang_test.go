package xlsx

import (
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestValueErrorsInUkrainian: the value errors a cell can hold, in
// Ukrainian, message and hint as a Ukrainian project prints them; the
// English stays as the other tests assert it. The expected texts are the
// Ukrainian formats of read_value.go filled in by hand.
func TestValueErrorsInUkrainian(t *testing.T) {
	long := strings.Repeat("я", 75)
	for _, tc := range []struct {
		name string
		err  error
		uk   string
	}{
		{"number with a unit", second(ParseNumber("12 kg")),
			`"12 kg" — не число; пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5`},
		{"share with a sign", second(ParseNumber("сорок %")),
			`"сорок %" — не число; пишіть частку числом (0,45), без знака %`},
		{"two separators", second(ParseNumber("1,234.5x")),
			`"1,234.5x" — не число; пишіть один десятковий роздільник і без ком між тисячами: 1234,5, 1234.5 або 1 234,5`},
		{"yes/no", second(ParseYesNo("так?")),
			`"так?" — не «так» і не «ні»; дозволено: так, ні, yes, no, 1, 0`},
		{"date with slashes", second(ParseDate("07/30/2024", false)),
			`"07/30/2024" — не дата; пишіть дати як 30.07.2024 або 2024-07-30, або як клітинку з датою`},
		{"error value", ErrorValue("#DIV/0!"),
			`клітинка містить помилку #DIV/0! (ділення на нуль), а не значення; виправте формулу або очистьте клітинку, якщо значення невідоме`},
		// A value of 75 characters is cut at 60, with its length: 75
		// takes the form «символів» (5–20, 25–30 … end in it).
		{"long value", second(ParseNumber(long)),
			`"` + strings.Repeat("я", 60) + `"… (75 символів) — не число; пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5`},
	} {
		if got := hromada.Message(tc.err, hromada.Ukrainian); got != tc.uk {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.uk)
		}
		xlsxtest.Bilingual(t, tc.err)
	}
}

// second returns the error of a Parse… function.
func second[T any](_ T, err error) error { return err }

// TestFileAndTableProblemsInUkrainian: problems of a whole file, of CSV
// text and of a table's layout carry Ukrainian words, and every one of
// them differs from its English.
func TestFileAndTableProblemsInUkrainian(t *testing.T) {
	dup := xlsxtest.Write(t, "dup.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "age", "idp", "age"),
		xlsxtest.Row(2, 30, "no", 31, nil, "x", "y"),
		xlsxtest.Row(3, 40, "yes", 41),
		// rows 4 to 6 are empty: with MaxEmptyRows 3 reading stops there
		xlsxtest.Row(7, 50, "no", 51),
	)})
	_, tb := openTableWith(t, dup, OpenOptions{MaxEmptyRows: 3})
	readAll(t, tb)
	ps := tb.Problems()
	xlsxtest.BilingualProblems(t, ps)
	want := []struct{ cell, uk string }{
		{"C1", `назва стовпця "age" повторюється: у A1 і C1; перейменуйте один зі стовпців: hromada не може визначити, котрий із них мається на увазі`},
		{"row 4", "3 порожні рядки поспіль (з 4 по 6); читання на цьому зупинено; " +
			"нижче рядка 6 нічого не прочитано; видаліть порожні рядки, якщо далі є дані, або видаліть усе під даними, якщо аркуш лише здається довгим"},
		// E2 and F2: two values in two columns, the forms of 2 («значення»,
		// «стовпцях»).
		{"E2", "2 значення у 2 стовпцях (E, F) праворуч від останнього стовпця з назвою; значення у стовпцях без назви не читаються; " +
			"дайте стовпцям назви в рядку заголовків або видаліть значення"},
	}
	if len(ps) != len(want) {
		t.Fatalf("%d problems, want %d:\n%s", len(ps), len(want), ps.In(hromada.Ukrainian))
	}
	for i, w := range want {
		p := ps[i]
		got := p.Msg.UK + "; " + p.Hint.UK
		if p.Cell != w.cell || got != w.uk {
			t.Errorf("problem %d at %s:\n got %s\nwant %s at %s", i, p.Cell, got, w.uk, w.cell)
		}
	}
	if got, want := ps[1].In(hromada.Ukrainian), dup+": main, рядок 4: 3 порожні рядки поспіль"; !strings.HasPrefix(got, want) {
		t.Errorf("In(uk) = %q, want it to start %q", got, want)
	}

	f, err := Open(dup, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = f.Table("Нема")
	wantCause(t, err, ErrNoSheet)
	if got, want := hromada.Message(err, hromada.Ukrainian), dup+`: у книзі немає аркуша "Нема"; її аркуші: "main"`; got != want {
		t.Errorf("no sheet:\n got %s\nwant %s", got, want)
	}

	pdf := xlsxtest.WriteFile(t, "survey.xlsx", []byte("%PDF-1.7\n"))
	_, err = Open(pdf, OpenOptions{})
	wantCause(t, err, ErrNotSpreadsheet)
	if got, want := hromada.Message(err, hromada.Ukrainian),
		pdf+": це документ PDF, а не електронна таблиця; hromada читає книги Excel (.xlsx, .xlsm) і текстові таблиці CSV (.csv, .tsv, .txt)"; got != want {
		t.Errorf("PDF:\n got %s\nwant %s", got, want)
	}
}

// TestCSVProblemsInUkrainian: a quote in an unquoted field and a
// Windows-1251 file, in Ukrainian.
func TestCSVProblemsInUkrainian(t *testing.T) {
	_, tb := openTable(t, xlsxtest.WriteFile(t, "bad.csv", []byte("a,b\n1,2\n3,say \"yes\"\n")))
	readAll := func() {
		for tb.Next() {
		}
	}
	readAll()
	ie := wantCause(t, tb.Err(), ErrCSV)
	if got, want := ie.Msg.UK, `поле містить ", але не взяте в лапки`; got != want {
		t.Errorf("bare quote: %q, want %q", got, want)
	}
	if got, want := ie.Hint.UK, `візьміть усе поле в подвійні лапки, а кожну лапку всередині подвойте: "say ""yes"""`; got != want {
		t.Errorf("bare quote hint: %q, want %q", got, want)
	}

	// «громада» in Windows-1251 on line 2: its first byte is 0xE3.
	cp1251 := []byte{0xE3, 0xF0, 0xEE, 0xEC, 0xE0, 0xE4, 0xE0, '\n'}
	_, err := Open(xlsxtest.WriteFile(t, "registry.csv", append([]byte("x;y\n"), cp1251...)), OpenOptions{})
	ie = wantCause(t, err, ErrEncoding)
	if got, want := ie.Msg.UK, "текст не в кодуванні UTF-8 (байт 0xE3); схоже на Windows-1251 (кирилицю), у рядку 2"; got != want {
		t.Errorf("Windows-1251: %q, want %q", got, want)
	}
}

// TestPluralUK: the three Ukrainian forms of a noun after a number, by
// the rule of Ukrainian grammar (1, 21, 101 …; 2–4, 22–24 …; the rest,
// 11–14 included).
func TestPluralUK(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "рядків"}, {1, "рядок"}, {2, "рядки"}, {4, "рядки"}, {5, "рядків"},
		{11, "рядків"}, {12, "рядків"}, {14, "рядків"}, {21, "рядок"}, {22, "рядки"},
		{25, "рядків"}, {101, "рядок"}, {111, "рядків"}, {112, "рядків"}, {1000, "рядків"}, {-3, "рядки"},
	} {
		if got := PluralUK(tc.n, "рядок", "рядки", "рядків"); got != tc.want {
			t.Errorf("PluralUK(%d) = %s, want %s", tc.n, got, tc.want)
		}
	}
}

// TestByteSize: sizes in each language, with the decimal comma in
// Ukrainian; 3 << 29 bytes is 1.5 GiB, 5 << 19 is 2.5 MiB; the byte
// counts take the forms of 2, 301 and 300.
func TestByteSize(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		uk, en string
	}{
		{3 << 29, "1,5 ГіБ", "1.5 GiB"},
		{5 << 19, "2,5 МіБ", "2.5 MiB"},
		{2, "2 байти", "2 bytes"},
		{301, "301 байт", "301 bytes"},
		{300, "300 байтів", "300 bytes"},
	} {
		if got := byteSize(tc.n); got.UK != tc.uk || got.EN != tc.en {
			t.Errorf("byteSize(%d) = %q / %q, want %q / %q", tc.n, got.UK, got.EN, tc.uk, tc.en)
		}
	}
}
