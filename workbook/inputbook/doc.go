// Package inputbook writes the workbooks people fill in for hromada: the
// input templates of a project ([WriteFile], [WriteFileWithCatalogue]),
// a whole new project folder ([WriteStarter], what hromada init makes)
// and the household questionnaire as an XLSForm for KoboToolbox
// ([WriteXLSForm]).
//
// A template has an Instructions sheet (what the file is for, each sheet
// and each column with its help, kind, default, example and allowed
// values), then one sheet per sheet of the project's schema (package
// project) with headers in the reader's language, required ones marked *,
// and yellow input rows with the column's drop-down and note. The
// questionnaire is written from kobo's form model, the one that reads and
// checks forms too, so that what init writes reads back as the same form
// (project.QuestionnaireForm builds it). The same arguments give the same
// bytes.
package inputbook
