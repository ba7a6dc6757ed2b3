package workbook

import (
	"fmt"

	"github.com/hromada-tool/hromada"
)

// MaxWarningLines is the most warnings a workbook lists, one a line; the
// rest are counted in a last line. A hostile or badly broken input can
// give hundreds of thousands of warnings, and a line each would make the
// workbook slow to write and useless to read.
const MaxWarningLines = 200

// CapWarnings returns the first MaxWarningLines of msgs, and a line that
// counts the others, in lang.
func CapWarnings(msgs []string, lang hromada.Lang) []string {
	if len(msgs) <= MaxWarningLines {
		return msgs
	}
	more := hromada.Text{
		UK: fmt.Sprintf("… і ще %d попереджень: їх усі друкує команда, що створила цю книгу.", len(msgs)-MaxWarningLines),
		EN: fmt.Sprintf("… and %d more warnings: the command that wrote this workbook prints them all.", len(msgs)-MaxWarningLines),
	}
	return append(msgs[:MaxWarningLines:MaxWarningLines], more.In(lang))
}
