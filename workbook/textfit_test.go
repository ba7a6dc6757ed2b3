package workbook

import (
	"math"
	"strings"
	"testing"
)

// The widths below are Carlito's advance widths (Calibri's metrics) in
// thousandths of the digit 0, as glyphWidths holds them: «сукупне» 6599,
// «місцеве» 6598, a space 446, «0» 1000, bold «Спроможність» 12273.
// A column n units wide holds (7n−6)/7 widths of 0, as LibreOffice draws
// it (Excel's is 5 pixels wider), of which text is fitted to 98 %.

func TestCellCapacity(t *testing.T) {
	tests := []struct {
		indent int
		widths []float64
		want   float64
	}{
		{0, []float64{10}, 64.0 / 7 * 0.98},            // 70−6 = 64 px
		{0, []float64{50, 14}, (448 - 6) / 7.0 * 0.98}, // two columns merged: 350+98, no padding
		{1, []float64{50}, 344.0/7*0.98 - 3*0.446},     // an indent is three spaces
		// nine columns of the plan's Summary, 169.5 units: 1180.5 px, 168.64
		// widths of 0, 165.27 fitted — too few for its 169.193-wide bold
		// warning about «Денний догляд», which LibreOffice wrapped onto a
		// second line.
		{0, []float64{44, 13, 13, 13, 13.5, 13, 13, 13, 34}, (1186.5 - 6) / 7 * 0.98},
	}
	for _, tt := range tests {
		if got := cellCapacity(tt.indent, tt.widths...); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("cellCapacity(%d, %v) = %v, want %v", tt.indent, tt.widths, got, tt.want)
		}
	}
}

func TestTextRowHeight(t *testing.T) {
	tests := []struct {
		text, kind string
		width      float64
		want       float64
	}{
		// 6.599+0.446+6.598 = 13.643 wide; a 14-unit column holds 92/7·0.98 = 12.88.
		{"сукупне місцеве", "", 14, 30},
		// a 15-unit column holds 99/7·0.98 = 13.86: one line.
		{"сукупне місцеве", "", 15, 15},
		// ten zeros, 10 wide, in a 10-unit column (8.96): broken over two lines.
		{"0000000000", "", 10, 30},
		// a line break starts a line.
		{"0\n0", "", 10, 30},
		// a heading's line: 12 pt × 15/11 = 16.36, to the quarter point above.
		{"0", "heading", 10, 16.5},
		// a title's: 14 × 15/11 = 19.09 → 19.25.
		{"0", "title", 10, 19.25},
	}
	for _, tt := range tests {
		if got := TextRowHeight(tt.text, tt.kind, 0, tt.width); got != tt.want {
			t.Errorf("textRowHeight(%q, %q, %v) = %v, want %v", tt.text, tt.kind, tt.width, got, tt.want)
		}
	}
}

func TestHeaderRowHeight(t *testing.T) {
	// Bold «Спроможність» is 12.273 wide: a 13-unit column holds 85/7·0.98
	// = 11.9, two lines (2×15+4); a 14-unit one 92/7·0.98 = 12.88, one line.
	if got := HeaderRowHeight([]string{"Спроможність"}, []float64{13}); got != 34 {
		t.Errorf("width 13: %v, want 34", got)
	}
	if got := HeaderRowHeight([]string{"Спроможність", ""}, []float64{14, 8}); got != 19 {
		t.Errorf("width 14: %v, want 19", got)
	}
	// bold «Бал пріоритету», 1.096+0.974+1.038+0.446+9.281 = 12.835, in
	// the plan Summary's 13-unit column (11.9): two lines, as LibreOffice
	// drew it (Excel's 12.857 held it on one).
	if got := HeaderRowHeight([]string{"Бал пріоритету"}, []float64{13}); got != 34 {
		t.Errorf("«Бал пріоритету» in 13: %v, want 34", got)
	}
}

// A Ukrainian text is wider than an English one of as many letters, so its
// row is sized from its own letters, not from a count of characters.
func TestTextWidthCyrillicWider(t *testing.T) {
	uk := "сукупне місцеве зобов'язання сукупне місцеве зобов'язання"
	en := "overall local commitment, overall local commitments ....."
	if len([]rune(uk)) != len([]rune(en)) {
		t.Fatalf("texts differ in length: %d, %d", len([]rune(uk)), len([]rune(en)))
	}
	if wu, we := textWidth(uk, fontOf("")), textWidth(en, fontOf("")); wu < 1.05*we {
		t.Errorf("Ukrainian %v, English %v: want Ukrainian at least 5 %% wider", wu, we)
	}
}

func TestWordFitWidth(t *testing.T) {
	tests := []struct {
		s    string
		want float64
	}{
		// bold «Спроможність» 12.273 × 1.05 / 0.98 = 13.150, + 6/7 = 14.01 → 14.5
		{"Спроможність", 14.5},
		// the widest word decides: «спроможність» 12.055 × 1.05 / 0.98 + 6/7 = 13.77 → 14
		{"Нова спроможність", 14},
		{"", 0},
	}
	for _, tt := range tests {
		if got := WordFitWidth(tt.s, "header"); got != tt.want {
			t.Errorf("wordFitWidth(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if tt.want > 0 && wrappedLines(tt.s, fontOf("header"), cellCapacity(0, tt.want)) > len(strings.Fields(tt.s)) {
			t.Errorf("%q breaks inside a word at width %v", tt.s, tt.want)
		}
	}
}

// TestTextRowHeightAsLibreOfficeWrapped: paragraphs whose rows LibreOffice
// cut (rendered to PDF) get the lines it drew.
func TestTextRowHeightAsLibreOfficeWrapped(t *testing.T) {
	tests := []struct {
		name, text, kind string
		widths           []float64
		want             float64
	}{
		// The budget Summary's note across 50+5×14+16 = 136 units: 267.131
		// widths of 0 in italic; LibreOffice drew three lines (the last
		// «hromada.»), in a row sized for two.
		{"budget howto", "Книга жива: змініть жовту клітинку на аркуші «Припущення» (ІСЦ року, частку донора, оклад), і в Excel та LibreOffice перерахуються основні показники, таблиця за роками й діаграма цього аркуша та таблиці інших аркушів. Речення розділу «Для звіту» — незмінний текст із числами, як їх обчислив hromada.",
			"note", []float64{50, 14, 14, 14, 14, 14, 16}, 45},
		// The plan Summary's bold warning, 169.193 wide across 169.5 units:
		// two lines, as LibreOffice drew it over the next warning.
		{"plan warning", "Попередження: «Денний догляд» — нова послуга; її мінімальний штат (5 ставки) обслуговуватиме лише 4 дитини — 0,8 на ставку, менше за половину навантаження (1,6). Див. аркуш «Персонал».",
			"warn", []float64{44, 13, 13, 13, 13.5, 13, 13, 13, 34}, 30},
	}
	for _, tt := range tests {
		if got := TextRowHeight(tt.text, tt.kind, 0, tt.widths...); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
