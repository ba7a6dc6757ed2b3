package workbook

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestCapWarnings: a workbook lists at most MaxWarningLines warnings and
// counts the rest, so that writing 300,000 warnings (a line each, each a
// merged range, took excelize minutes) stays quick.
func TestCapWarnings(t *testing.T) {
	many := func(n int) []string {
		m := make([]string, n)
		for i := range m {
			m[i] = fmt.Sprintf("w%d", i)
		}
		return m
	}
	for _, c := range []struct {
		n, lines int
		last     string
	}{
		{0, 0, ""},
		{200, 200, "w199"},                  // at the cap: all of them
		{201, 201, "… and 1 more warnings"}, // 200 + the count line
		{300_000, 201, "… and 299800 more warnings: the command"}, // 300,000 − 200
	} {
		got := CapWarnings(many(c.n), hromada.English)
		if len(got) != c.lines || (c.lines > 0 && !strings.HasPrefix(got[len(got)-1], c.last)) {
			t.Errorf("%d warnings: %d lines ending %q, want %d ending %q", c.n, len(got), got[len(got)-1:], c.lines, c.last)
		}
	}
	if got := CapWarnings(many(250), hromada.Ukrainian); !strings.Contains(got[200], "ще 50 попереджень") {
		t.Errorf("Ukrainian count line %q", got[200])
	}
}
