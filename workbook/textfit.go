package workbook

import (
	"math"
	"strings"
)

// Row heights for wrapped text. A spreadsheet does not grow a row to show
// the text it wraps when the file is opened, so the writers set each row's
// height from its text. Ukrainian text runs about a tenth wider than English
// in Calibri (Cyrillic letters are wider than Latin ones), so the height is
// measured from the text itself, character by character, in the widths of
// Calibri's glyphs (Carlito, the font LibreOffice draws in Calibri's place,
// has the same metrics): a row sized for English text would cut the last
// line of the same paragraph in Ukrainian.

// textFont is a font that cells are written in: its face (0 regular, 1 bold,
// 2 italic, as in glyphWidths) and size in points.
type textFont struct {
	face int
	size float64
}

// fontOf is the font of a cell of the given style kind (see Book.style).
func fontOf(kind string) textFont {
	switch kind {
	case "title":
		return textFont{1, 14}
	case "heading":
		return textFont{1, 12}
	case "header", "header.right", "header.indent", "bold", "warn", "group", "top":
		return textFont{1, 11}
	case "note":
		return textFont{2, 11}
	}
	return textFont{0, 11}
}

// textWidth is the width of s in the widths of the digit 0 of Calibri 11,
// the unit of a column's width. A character glyphWidths does not hold is
// counted as wide as the letter «ш».
func textWidth(s string, f textFont) float64 {
	w := 0
	for _, r := range s {
		g, ok := glyphWidths[r]
		if !ok {
			g = glyphWidths['ш']
		}
		w += int(g[f.face])
	}
	return float64(w) / 1000 * f.size / 11
}

// Column widths and the text they hold, in pixels at 100 % zoom. Excel
// draws a column n units wide n·7+5 pixels, 7 the width of the digit 0 of
// Calibri 11; LibreOffice draws it n widths of 0, without the 5 pixels
// (measured on its PDF: a 44-unit column 197.7 pt, the digit 0 4.49 pt, at
// the same scale). A merged cell of nine columns is thus 6 widths of 0
// narrower in LibreOffice, and a paragraph sized for Excel's width runs
// onto a line its row has no room for. Text is therefore fitted to
// LibreOffice's narrower cells, of which it has all but its margins (and
// fitShare of that); in Excel it fits with room to spare.
const (
	pixelsPerUnit = 7.0
	cellMargins   = 6.0 // both sides, with a pixel to spare for rounding
	zeroPixels    = 7.0
)

// cellCapacity is the width of text that fits across cells of the given
// column widths merged into one, in widths of the digit 0 (see textWidth),
// less indent levels of indentation (an indent is three spaces' width).
func cellCapacity(indent int, widths ...float64) float64 {
	px := -cellMargins
	for _, w := range widths {
		px += w * pixelsPerUnit
	}
	return max(1, px/zeroPixels*fitShare-float64(indent)*3*glyphSpace)
}

// fitShare is the share of a cell's width that text is fitted to.
// LibreOffice lays text out at its own resolution and wraps a line a little
// before the glyph widths add up to the cell's width: on the budget's
// Summary a line of 134.8 widths of 0 wrapped in a cell of 135.1. Two
// hundredths to spare keep such a line's row from cutting its last line.
const fitShare = 0.98

// glyphSpace is the width of a space, in widths of the digit 0.
var glyphSpace = float64(glyphWidths[' '][0]) / 1000

// wrappedLines counts the lines s takes in a cell capacity wide (see
// cellCapacity), wrapped at spaces as a spreadsheet wraps it, each line
// break in s starting a line; a word wider than the cell is broken across
// lines.
func wrappedLines(s string, f textFont, capacity float64) int {
	lines := 0
	space := glyphSpace * f.size / 11
	for _, para := range strings.Split(s, "\n") {
		lines++
		used := 0.0
		for _, word := range strings.Fields(para) {
			n := textWidth(word, f)
			switch {
			case used == 0:
			case used+space+n <= capacity:
				used += space + n
				continue
			default:
				lines++
			}
			if n > capacity { // a long word runs over lines of its own
				extra := int(math.Ceil(n/capacity)) - 1
				lines += extra
				n -= float64(extra) * capacity
			}
			used = n
		}
	}
	return lines
}

// lineHeight is the height of a line of text in f, in points: 15 for
// Calibri 11, as a spreadsheet's default row.
func lineHeight(f textFont) float64 { return math.Ceil(f.size*15/11*4) / 4 }

// TextRowHeight is the height in points a row needs to show s, in the font of
// style kind, wrapped across cells of the given column widths merged into
// one (a single cell: one width) less indent levels: the lines it takes, a
// line's height each. Every writer sizes its wrapped rows by it.
func TextRowHeight(s, kind string, indent int, widths ...float64) float64 {
	f := fontOf(kind)
	return float64(wrappedLines(s, f, cellCapacity(indent, widths...))) * lineHeight(f)
}

// HeaderRowHeight is the height of a header row whose headers wrap in
// columns of the given widths, at most four lines, with room for the band's
// border.
func HeaderRowHeight(headers []string, widths []float64) float64 {
	lines := 1
	f := fontOf("header")
	for i, h := range headers {
		if i < len(widths) {
			lines = max(lines, wrappedLines(h, f, cellCapacity(0, widths[i])))
		}
	}
	return float64(min(lines, 4))*lineHeight(f) + 4
}

// WordFitWidth is the least column width, to half a unit, whose cells hold
// the widest word of s in the font of style kind on one line, so that a
// header wraps between words and never inside one («Спроможніст/ь»).
func WordFitWidth(s, kind string) float64 {
	f := fontOf(kind)
	widest := 0.0
	for _, word := range strings.Fields(s) {
		widest = max(widest, textWidth(word, f))
	}
	if widest == 0 {
		return 0
	}
	// cellCapacity(0, w) ≥ widest: (7w − 6)/7 · fitShare ≥ widest, with a
	// twentieth to spare for a program that rounds each glyph up to whole
	// pixels.
	w := (widest*1.05/fitShare*zeroPixels + cellMargins) / pixelsPerUnit
	return math.Ceil(w*2) / 2
}

// glyphWidths are the advance widths of Calibri's glyphs (as Carlito's,
// which has Calibri's metrics), regular, bold and italic, in thousandths of
// the width of the digit 0: Latin, Cyrillic with the Ukrainian letters, and
// the punctuation the workbooks use.
var glyphWidths = map[rune][3]uint16{
	0x20: {446, 446, 446}, 0x21: {643, 643, 643}, 0x22: {791, 865, 791}, 0x23: {983, 983, 983},
	0x24: {1000, 1000, 1000}, 0x25: {1410, 1438, 1410}, 0x26: {1346, 1390, 1346}, 0x27: {435, 461, 435},
	0x28: {598, 615, 598}, 0x29: {598, 615, 598}, 0x2a: {983, 983, 983}, 0x2b: {983, 983, 983},
	0x2c: {492, 509, 492}, 0x2d: {604, 604, 604}, 0x2e: {498, 527, 498}, 0x2f: {762, 848, 765},
	0x30: {1000, 1000, 1000}, 0x31: {1000, 1000, 1000}, 0x32: {1000, 1000, 1000}, 0x33: {1000, 1000, 1000},
	0x34: {1000, 1000, 1000}, 0x35: {1000, 1000, 1000}, 0x36: {1000, 1000, 1000}, 0x37: {1000, 1000, 1000},
	0x38: {1000, 1000, 1000}, 0x39: {1000, 1000, 1000}, 0x3a: {528, 544, 528}, 0x3b: {528, 544, 528},
	0x3c: {983, 983, 983}, 0x3d: {983, 983, 983}, 0x3e: {983, 983, 983}, 0x3f: {914, 914, 914},
	0x40: {1764, 1773, 1764}, 0x41: {1142, 1196, 1142}, 0x42: {1073, 1106, 1073}, 0x43: {1052, 1044, 1031},
	0x44: {1214, 1244, 1214}, 0x45: {963, 962, 963}, 0x46: {907, 906, 907}, 0x47: {1245, 1257, 1245},
	0x48: {1229, 1245, 1229}, 0x49: {497, 526, 497}, 0x4a: {629, 653, 629}, 0x4b: {1025, 1079, 1025},
	0x4c: {829, 834, 829}, 0x4d: {1687, 1724, 1687}, 0x4e: {1274, 1300, 1272}, 0x4f: {1306, 1334, 1291},
	0x50: {1019, 1050, 1019}, 0x51: {1328, 1354, 1310}, 0x52: {1071, 1111, 1071}, 0x53: {907, 933, 892},
	0x54: {961, 977, 961}, 0x55: {1266, 1288, 1266}, 0x56: {1119, 1167, 1119}, 0x57: {1755, 1788, 1756},
	0x58: {1024, 1087, 1024}, 0x59: {961, 1025, 961}, 0x5a: {924, 943, 924}, 0x5b: {605, 641, 605},
	0x5c: {762, 848, 758}, 0x5d: {605, 641, 605}, 0x5e: {983, 983, 983}, 0x5f: {983, 983, 983},
	0x60: {574, 592, 574}, 0x61: {945, 974, 1014}, 0x62: {1037, 1059, 1014}, 0x63: {834, 826, 821},
	0x64: {1037, 1059, 1014}, 0x65: {982, 993, 942}, 0x66: {602, 624, 602}, 0x67: {929, 935, 1014},
	0x68: {1037, 1059, 1014}, 0x69: {453, 485, 453}, 0x6a: {472, 504, 472}, 0x6b: {897, 947, 897},
	0x6c: {453, 485, 453}, 0x6d: {1576, 1605, 1561}, 0x6e: {1037, 1059, 1014}, 0x6f: {1040, 1061, 1013},
	0x70: {1037, 1059, 1014}, 0x71: {1037, 1059, 1014}, 0x72: {688, 701, 676}, 0x73: {772, 787, 768},
	0x74: {661, 684, 661}, 0x75: {1037, 1059, 1014}, 0x76: {891, 934, 880}, 0x77: {1410, 1470, 1410},
	0x78: {855, 907, 855}, 0x79: {893, 934, 882}, 0x7a: {779, 784, 779}, 0x7b: {620, 678, 620},
	0x7c: {908, 937, 908}, 0x7d: {620, 678, 620}, 0x7e: {983, 983, 983}, 0x400: {963, 962, 963},
	0x401: {963, 962, 963}, 0x402: {1232, 1254, 1232}, 0x403: {848, 853, 848}, 0x404: {1080, 1063, 1080},
	0x405: {907, 933, 892}, 0x406: {497, 526, 497}, 0x407: {497, 526, 497}, 0x408: {629, 653, 629},
	0x409: {1721, 1767, 1721}, 0x40a: {1729, 1769, 1729}, 0x40b: {1220, 1248, 1220}, 0x40c: {1071, 1111, 1071},
	0x40d: {1266, 1286, 1266}, 0x40e: {1040, 1080, 1040}, 0x40f: {1223, 1240, 1223}, 0x410: {1142, 1196, 1142},
	0x411: {1061, 1096, 1061}, 0x412: {1073, 1106, 1073}, 0x413: {848, 853, 848}, 0x414: {1271, 1328, 1271},
	0x415: {963, 962, 963}, 0x416: {1580, 1643, 1580}, 0x417: {934, 951, 934}, 0x418: {1266, 1286, 1266},
	0x419: {1266, 1286, 1266}, 0x41a: {1071, 1111, 1071}, 0x41b: {1205, 1241, 1205}, 0x41c: {1687, 1724, 1687},
	0x41d: {1229, 1245, 1229}, 0x41e: {1306, 1334, 1291}, 0x41f: {1226, 1243, 1226}, 0x420: {1019, 1050, 1019},
	0x421: {1052, 1044, 1031}, 0x422: {961, 977, 961}, 0x423: {1040, 1080, 1040}, 0x424: {1376, 1428, 1376},
	0x425: {1024, 1087, 1024}, 0x426: {1260, 1298, 1260}, 0x427: {1096, 1123, 1096}, 0x428: {1713, 1770, 1713},
	0x429: {1755, 1829, 1755}, 0x42a: {1213, 1261, 1213}, 0x42b: {1503, 1575, 1503}, 0x42c: {1048, 1092, 1048},
	0x42d: {1081, 1063, 1081}, 0x42e: {1734, 1803, 1735}, 0x42f: {1095, 1133, 1095}, 0x430: {945, 974, 1014},
	0x431: {1051, 1050, 1051}, 0x432: {945, 976, 945}, 0x433: {682, 699, 810}, 0x434: {1101, 1148, 1038},
	0x435: {982, 993, 942}, 0x436: {1359, 1454, 1551}, 0x437: {834, 842, 834}, 0x438: {1066, 1098, 1014},
	0x439: {1066, 1098, 1014}, 0x43a: {915, 976, 915}, 0x43b: {1007, 1038, 1007}, 0x43c: {1334, 1408, 1334},
	0x43d: {1055, 1076, 1039}, 0x43e: {1040, 1061, 1013}, 0x43f: {1027, 1054, 1027}, 0x440: {1037, 1059, 1014},
	0x441: {834, 826, 821}, 0x442: {764, 769, 1561}, 0x443: {893, 934, 882}, 0x444: {1231, 1332, 1390},
	0x445: {855, 907, 855}, 0x446: {1068, 1109, 1055}, 0x447: {925, 963, 925}, 0x448: {1437, 1506, 1532},
	0x449: {1478, 1557, 1573}, 0x44a: {1058, 1101, 1058}, 0x44b: {1314, 1405, 1314}, 0x44c: {927, 976, 920},
	0x44d: {874, 862, 874}, 0x44e: {1424, 1486, 1422}, 0x44f: {935, 983, 935}, 0x450: {982, 993, 942},
	0x451: {982, 993, 942}, 0x452: {1066, 1092, 1059}, 0x453: {682, 699, 810}, 0x454: {876, 863, 876},
	0x455: {772, 787, 768}, 0x456: {453, 485, 453}, 0x457: {453, 485, 453}, 0x458: {472, 504, 472},
	0x459: {1482, 1532, 1481}, 0x45a: {1518, 1566, 1518}, 0x45b: {1051, 1080, 1027}, 0x45c: {915, 976, 915},
	0x45d: {1066, 1098, 1014}, 0x45e: {893, 934, 882}, 0x45f: {1036, 1060, 1014}, 0x490: {854, 856, 854},
	0x491: {698, 724, 698}, 0xab: {1011, 1063, 1011}, 0xbb: {1011, 1063, 1011}, 0x2014: {1786, 1786, 1786},
	0x2013: {983, 983, 983}, 0x2019: {492, 509, 492}, 0x2116: {2022, 2064, 2016}, 0x2026: {1362, 1404, 1361},
	0xa0: {1000, 1000, 1000}, 0x2212: {983, 983, 983}, 0x2264: {983, 983, 983}, 0x2265: {983, 983, 983},
	0xd7: {983, 983, 983}, 0xb7: {498, 528, 498}, 0x2022: {983, 983, 983}, 0x201c: {826, 858, 826},
	0x201d: {826, 858, 826}, 0x20b4: {907, 1024, 907},
}
