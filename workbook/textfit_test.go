package workbook

import (
	"math"
	"strings"
	"testing"
)

// The widths below are Carlito's advance widths (Calibri's metrics) in
// thousandths of the digit 0, as glyphWidths holds them: «сукупне» 6599,
// «місцеве» 6598, a space 446, «0» 1000, bold «Спроможність» 12273.
// A column n units wide holds (7n+5−6)/7 widths of 0.

func TestCellCapacity(t *testing.T) {
	tests := []struct {
		indent int
		widths []float64
		want   float64
	}{
		{0, []float64{10}, 69.0 / 7},                 // 70+5−6 = 69 px
		{0, []float64{50, 14}, (448 + 10 - 6) / 7.0}, // two columns merged: 350+98, two paddings
		{1, []float64{50}, 349.0/7 - 3*0.446},        // an indent is three spaces
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
		// 6.599+0.446+6.598 = 13.643 wide; a 13-unit column holds 90/7 = 12.857.
		{"сукупне місцеве", "", 13, 30},
		// a 14-unit column holds 97/7 = 13.857: one line.
		{"сукупне місцеве", "", 14, 15},
		// ten zeros, 10 wide, in a 10-unit column (9.857): broken over two lines.
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
	// Bold «Спроможність» is 12.273 wide: a 12-unit column holds 83/7 =
	// 11.857, two lines (2×15+4); a 13-unit one 12.857, one line.
	if got := HeaderRowHeight([]string{"Спроможність"}, []float64{12}); got != 34 {
		t.Errorf("width 12: %v, want 34", got)
	}
	if got := HeaderRowHeight([]string{"Спроможність", ""}, []float64{13, 8}); got != 19 {
		t.Errorf("width 13: %v, want 19", got)
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
		// bold «Спроможність» 12.273 × 1.05 = 12.887, + 1/7 = 13.03 → 13.5
		{"Спроможність", 13.5},
		// the widest word decides: «спроможність» 12.055 × 1.05 + 1/7 = 12.80 → 13
		{"Нова спроможність", 13},
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
