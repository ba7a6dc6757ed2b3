package workbook

import (
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestMethodsConventions: the Methods sheet states which don't-know
// convention and which degrees of freedom the estimates follow — hromada's
// own (one denominator per question, the domain's df) or REACH's with
// --reach — and the rows --where kept.
func TestMethodsConventions(t *testing.T) {
	for _, c := range []struct {
		name       string
		opt        AssessOptions
		want, none []string
	}{
		{"own", AssessOptions{Suppress: true},
			[]string{"One denominator per question", "Clusters with an answering member of the group"},
			[]string{"--reach", "Rows kept"}},
		{"reach", AssessOptions{Suppress: true, Reach: true, Where: "A_2_consent=yes"},
			[]string{"REACH's conventions (--reach, as analysistools)", "cut to the rows that answered the question", "Only the rows where A_2_consent=yes (--where)"},
			[]string{"One denominator per question"}},
	} {
		a := testAssessment(t, hromada.English, true)
		a.Options = c.opt
		path := writeTestAssessment(t, c.name, a)
		var text strings.Builder
		for _, r := range sheetRows(t, path, "Methods") {
			text.WriteString(strings.Join(r, " ") + "\n")
		}
		for _, w := range c.want {
			if !strings.Contains(text.String(), w) {
				t.Errorf("%s: Methods does not say %q", c.name, w)
			}
		}
		for _, w := range c.none {
			if strings.Contains(text.String(), w) {
				t.Errorf("%s: Methods says %q", c.name, w)
			}
		}
	}
}
