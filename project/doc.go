// Package project is the input side of hromada: what a project folder
// holds and how it is read.
//
// A project is a folder of four input workbooks ([Files]: project.xlsx,
// registry.xlsx, providers.xlsx, costs.xlsx), the household questionnaire
// ([FormFile]) and a folder of survey exports. The schema ([File],
// [Sheet], [Field], [Kind]) names every sheet and column in Ukrainian and
// English, with its kind, default, example and drop-down list
// ([FixedLists]); the template writer (package workbook/inputbook) and
// the loader both work from it, so a template reads back as written.
//
// [Load] reads a whole project into a typed [Project] (units, cost bases,
// codes and paths as values, not text), and locates every problem by
// file, sheet and cell ([hromada.Problems]); an optional catalogue.xlsx
// replaces the built-in catalogue. [LoadCosts] and
// [LoadInventory] read one workbook on its own. [ReadSurvey] reads a
// community's survey export as its [SurveyMap] says, into the answers
// package assess estimates from, with the counts of each column's answers.
//
// A new project starts from a [Starter] (its rows and drop-down lists);
// the household questionnaire is [QuestionnaireForm], kobo's form model of
// [Questionnaire], so that the form hromada init writes is read and
// checked by the same code as a form a person designed.
package project
