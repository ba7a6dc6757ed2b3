package pipeline

import (
	"errors"
	"io/fs"
	"os"

	"github.com/hromada-tool/hromada/workbook"
)

// EditedWorkbook is an output workbook that a command would replace and
// that a person has changed since hromada wrote it.
type EditedWorkbook struct {
	Path string
	// NoFingerprint is true when the workbook holds no fingerprint of
	// hromada's (another program wrote it, or its properties were
	// removed), so hromada cannot tell it is its own.
	NoFingerprint bool
}

// EditedOutputs are the workbooks among paths that exist and were changed
// since hromada wrote them, or hold no fingerprint (workbook.Check), in
// the order of paths. A command calls it before it writes anything and
// stops when there are any, unless told to overwrite them: a rerun never
// silently replaces a plan or an assessment a planner edited. A path that
// does not exist, or is not a regular file, is no edit; one that cannot be read as a workbook counts
// as holding no fingerprint.
func EditedOutputs(paths []string) []EditedWorkbook {
	var out []EditedWorkbook
	for _, p := range paths {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && !fi.Mode().IsRegular()) {
			continue // nothing to lose; a folder in the way fails the write, as it would without the check
		}
		c, err := workbook.Check(p)
		if err != nil {
			// Not a workbook hromada can read: not known to be its own.
			out = append(out, EditedWorkbook{Path: p, NoFingerprint: true})
			continue
		}
		switch c {
		case workbook.Edited:
			out = append(out, EditedWorkbook{Path: p})
		case workbook.NoFingerprint:
			out = append(out, EditedWorkbook{Path: p, NoFingerprint: true})
		}
	}
	return out
}
