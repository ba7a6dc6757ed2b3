package workbook

import (
	"errors"
	"io"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// HeaderKey folds a header for matching: case, spaces and the characters
// Excel users put around names do not matter.
func HeaderKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("\u00a0", " ", "_", " ", "’", "'", "ʼ", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// ProblemOf turns an error of this package into a problem; others get the
// file only.
func ProblemOf(err error, path string) hromada.Problem {
	var ie *xlsx.InputError
	if errors.As(err, &ie) {
		p := ie.Problem
		p.Severity = hromada.Error
		return p
	}
	return hromada.Problem{Severity: hromada.Error, File: path, Msg: hromada.ErrText(err)}
}

// CloseInto closes c and adds a problem of path to ps when that fails:
// deferred by a reader of an edited workbook, which returns its problems.
func CloseInto(c io.Closer, path string, ps *hromada.Problems) {
	if err := c.Close(); err != nil {
		*ps = append(*ps, ProblemOf(err, path))
	}
}
