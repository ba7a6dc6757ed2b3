package main

import (
	"io"

	"github.com/hromada-tool/hromada"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// writeTable prints a plain summary table for the terminal.
func writeTable(w io.Writer, header []string, rows [][]string) {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header(header)
	for _, r := range rows {
		_ = t.Append(r) // appends to memory only
	}
	_ = t.Render()
}

// tr picks the Ukrainian or English text of a terminal message.
func tr(lang hromada.Lang, uk, en string) string {
	return hromada.Text{UK: uk, EN: en}.In(lang)
}
