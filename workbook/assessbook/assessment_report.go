package assessbook

// pageSetup sets a sheet of the assessment to print as [workbook.Book.PageSetup]
// does, the community and the sheet named in the footer.
func (w *assessWriter) pageSetup(sh, titleRows string) {
	w.b.PageSetup(sh, titleRows, w.a.Community.Name.In(w.lang)+" — "+sh)
}
