package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/hromada-tool/hromada/workbook"
)

var listWords = flag.Bool("list-foreign-words", false, "TestOneLanguage: log every foreign word of the outputs with its count, allowed or not")

// A Ukrainian project speaks Ukrainian and an English one English: every
// line printed and every text of every workbook. TestOneLanguage runs the
// commands a planner runs — init, check, a quick assess, run on the
// example, plan and budget of one community, consolidate, and check and run
// on a project with planted mistakes — once with --lang uk and once with
// --lang en, and looks for English words in the Ukrainian outputs and
// Cyrillic words in the English ones.
//
// What a text may hold in the other alphabet is listed, with why, in
// latinAllowed and cyrillicAllowed below, and skipText names the sheets
// left out; the user's own words (dataWords: the example's names, posts,
// providers, sources, sheet and column names, and the values planted) may
// be quoted in either language; tokens that are codes, keys, file names,
// numbers or formula notation are not words (notWord). Run with
// -list-foreign-words to see every foreign word met, allowed or not.
func TestOneLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the example twice")
	}
	data := dataWords(t, filepath.Join("..", "..", "examples", "zhytomyr"))
	for _, w := range plantedWords {
		data[w] = true
	}
	for _, lang := range []string{"uk", "en"} {
		t.Run(lang, func(t *testing.T) {
			texts := languageTour(t, lang)
			seen := map[string]int{}
			for _, tx := range texts {
				sheet := ""
				for _, line := range strings.Split(tx.text, "\n") {
					if sh, ok := strings.CutPrefix(line, "== sheet "); ok {
						sheet = sh
					}
					if skipText(tx.name, sheet) {
						continue
					}
					if bad := foreignWords(lang, line, data, seen); len(bad) > 0 {
						t.Errorf("%s %s: %s in %q", tx.name, sheet, strings.Join(bad, ", "), clip(line))
					}
				}
			}
			if *listWords {
				logWords(t, seen)
			}
		})
	}
}

// TestForeignWords checks the detector on lines written for it, so that
// TestOneLanguage cannot pass for want of looking: an English message
// planted in Ukrainian output and a Ukrainian one in English output are
// found; codes, file names, flags and the allowed names are not.
func TestForeignWords(t *testing.T) {
	data := map[string]bool{"Налаштування": true, "Мінімальний": true, "пакет": true}
	tests := []struct {
		lang, line string
		want       string // the foreign words, joined by ", "
	}{
		{"uk", "помилка: proj/registry.xlsx: Реєстр!C2: Unit is not allowed", "Unit, is, not, allowed"},
		{"uk", "попередження: у «Ставок 2027» — «3», але budget бере 2", "budget"},
		{"uk", "Коли заповните, запустіть «hromada check ПАПКА_ПРОЄКТУ»", ""},
		{"uk", "  3. Перевірте проєкт: hromada check /tmp/x/new", ""},
		{"uk", `A2 string "first_year" fmt="@"`, ""},
		{"uk", `A2 string "counselling" fmt="@"`, ""},
		{"uk", `A3 string "Сім'ї (weekly report)"`, "weekly, report"},
		{"uk", `Q7 formula "" =IF(L7="","",CEILING(MAX(0,L7/$Y7),$AA7))`, ""},
		{"uk", `== sheet "Funding" visible=true`, "Funding"},
		{"uk", `файл опитування "survey/olevska.xlsx" не знайдено; стовпець household/idp (AG), --lang en`, ""},
		{"uk", "як у пакеті R survey; експорт KoboToolbox, Excel або LibreOffice; Σ w·y / Σ w", ""},
		{"uk", "Дозволено: adjust — центрувати; remove — страта не додає дисперсії", ""},
		{"en", "error: proj/project.xlsx: Settings!C4: First planning year is empty", ""},
		{"en", "warning: Olevska: немає персоналу в реєстрі", "немає, персоналу, в, реєстрі"},
		{"en", `A2 string "010.1 — Соціальний супровід"`, "Соціальний, супровід"},
		{"en", "error: project.xlsx: Налаштування!C4: Мінімальний пакет", ""},
		{"en", "ЄСВ: the employer's single social contribution", ""},
	}
	for _, tc := range tests {
		got := strings.Join(foreignWords(tc.lang, tc.line, data, map[string]int{}), ", ")
		if got != tc.want {
			t.Errorf("%s %q: foreign words %q, want %q", tc.lang, tc.line, got, tc.want)
		}
	}
}

// languageText is one output read: the lines a command printed, or a
// workbook's text.
type languageText struct{ name, text string }

// plantedWords are the values typed into the project with mistakes: the
// user's words, which an error quotes as they are.
var plantedWords = []string{"коробка", "п'ять", "багато"}

// languageTour runs the commands of TestOneLanguage in lang and returns
// what they printed and the text of every workbook they wrote.
func languageTour(t *testing.T, lang string) []languageText {
	t.Helper()
	dir := t.TempDir()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var texts []languageText
	cmd := func(args ...string) {
		t.Helper()
		var out bytes.Buffer
		args = append(args, "--lang", lang)
		code := run(args, strings.NewReader(""), &out, &out)
		texts = append(texts, languageText{"hromada " + strings.Join(args, " ") + " (exit " + strconv.Itoa(code) + ")", out.String()})
		if code > exitData {
			t.Fatalf("hromada %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
		}
	}
	cp := func(from, to string) {
		t.Helper()
		if out, err := exec.Command("cp", "-r", from, to).CombinedOutput(); err != nil {
			t.Fatalf("cp %s %s: %v\n%s", from, to, err, out)
		}
	}
	edit := func(path string, cells map[string]string) {
		t.Helper()
		if err := workbook.Edit(path, cells); err != nil {
			t.Fatal(err)
		}
	}
	at := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }

	// A new project: the templates, and check on them as they come.
	cmd("init", at("new"))
	cmd("check", at("new"))

	// The example: run, then one community's plan and budget again, then
	// consolidate; a quick assessment of one survey.
	ex := at("ex")
	cp(filepath.Join(root, "examples", "zhytomyr"), ex)
	cmd("check", ex)
	cmd("run", ex, "-o", at("out"))
	cmd("plan", ex, "-o", at("out"), "--community", "andrushivska")
	cmd("budget", ex, "-o", at("out"), "--community", "andrushivska")
	cmd("consolidate", ex, "-o", at("out"))
	cmd("assess", "--survey", filepath.Join(ex, "survey", "olevska.xlsx"), "--need", "service_needs/needs",
		"--by", "household/idp", "--weight", "weight", "--strata", "location/stratum", "-o", at("quick.xlsx"))
	// A plan with FTE typed over its formulas, read by budget.
	actions := map[string]string{"uk": "Дії!Q2", "en": "Actions!Q2"}[lang]
	edit(at("out", "olevska-plan.xlsx"), map[string]string{actions: "9"})
	cmd("budget", ex, "-o", at("out"), "--community", "olevska")

	// Planted mistakes: a unit no list has, an empty required setting, a
	// word where a number belongs, a survey column renamed away.
	bad := at("bad")
	cp(ex, bad)
	edit(filepath.Join(bad, "registry.xlsx"), map[string]string{"Реєстр!C2": plantedWords[0]})
	edit(filepath.Join(bad, "project.xlsx"), map[string]string{"Налаштування!C4": "", "Налаштування!C5": plantedWords[1]})
	edit(filepath.Join(bad, "costs.xlsx"), map[string]string{"Посади!D2": plantedWords[2]})
	edit(filepath.Join(bad, "survey", "olevska.xlsx"), map[string]string{"Потреби домогосподарств у соціа!K1": "household/idp_status"})
	cmd("check", bad)
	cmd("run", bad, "-o", at("badout"))

	for _, d := range []string{at("new"), at("out"), at("quick.xlsx")} {
		err := filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err != nil || filepath.Ext(p) != ".xlsx" {
				return err
			}
			// The communities' workbooks differ only in their figures:
			// two of them (one with an edited plan) and the consolidated.
			if d == at("out") && !strings.HasPrefix(filepath.Base(p), "andrushivska-") && !strings.HasPrefix(filepath.Base(p), "olevska-") && filepath.Base(p) != "consolidated.xlsx" {
				return nil
			}
			s, err := workbook.Dump(p)
			if err != nil {
				return err
			}
			texts = append(texts, languageText{strings.TrimPrefix(p, dir+string(filepath.Separator)), s})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return texts
}

// latinAllowed are the Latin words a Ukrainian text may hold: names of
// programs, formats and methods that are written in Latin letters in
// Ukrainian too, and codes the user types, shown beside their meaning.
var latinAllowed = map[string]bool{
	// Programs, packages, file formats and keys, named as their makers
	// write them.
	"hromada": true, "KoboToolbox": true, "Kobo": true, "Excel": true, "LibreOffice": true,
	"XLSForm": true, "XLSX": true, "CSV": true, "JSON": true, "R": true, "survey": true,
	"svyciprop": true, "svydesign": true, "svymean": true, "svyratio": true, "ids": true, "strata": true,
	"weights": true, "nest": true, "TRUE": true, "REACH": true, "analysistools": true, "SUMIFS": true,
	"Ctrl": true, "Shift": true, "Alt": true, "F9": true, "method": true, // R's svyciprop(…, method = "logit")
	"consolidate": true, // the package of hromada that sums the communities, named in the Methods sheet
	// Names of documents and institutions: the NCHS reliability rules,
	// the project's METHODS document.
	"NCHS": true, "METHODS": true,
	// Terms and notation of survey statistics and finance that Ukrainian
	// reports use untranslated: primary sampling unit, finite population
	// correction, degrees of freedom, standard error, design effect, the
	// equivalent annual cost, present value, max and min in formulas.
	"PSU": true, "FPC": true, "df": true, "SE": true, "se": true, "deff": true, "EAC": true, "PV": true,
	"max": true, "min": true, "expit": true, "logit": true,
	// Codes of the settings' dropdowns, shown beside their meaning
	// («adjust — центрувати …»), and the English codes still accepted,
	// named as such («приймаються й англійські коди: family, child,
	// person»).
	"uk": true, "en": true, "wald": true, "wilson": true, "beta": true,
	"adjust": true, "remove": true, "average": true, "fail": true,
	"family": true, "child": true, "person": true, "communal": true, "state": true, "ngo": true, "private": true,
	"fixed": true, "linear": true, "step": true, "ramp": true, "demand": true, "floor": true,
	// The group key quick mode's --count takes (--count all=5400).
	"all": true,
}

// cyrillicAllowed are the Cyrillic words an English text may hold: names
// of Ukrainian budget classifications and legal terms, each explained in
// English beside it («ЄСВ: the employer's single social contribution»,
// "the salary (посадовий оклад)").
var cyrillicAllowed = map[string]bool{
	"ЄСВ": true, "КПКВК": true, "МБ": true, "КЕКВ": true, "МЗП": true, "ІСЦ": true,
	"посадовий": true, "оклад": true,
	// The example of the groups' «Name (Ukrainian)» column, Ukrainian
	// by design: «Сім'ї ВПО».
	"ВПО": true,
}

// skipText reports whether a workbook or sheet is left out of the check,
// with why: the questionnaire is an XLSForm, bilingual by design (labels in
// both languages, KoboToolbox's keywords as headers); hidden sheets hold
// chart data and lists, not text a person reads; the assessment's
// estimates sheet is the machine-readable result, in analysistools'
// column names and codes.
func skipText(file, sheet string) bool {
	return strings.HasSuffix(file, "questionnaire.xlsx") || strings.HasSuffix(sheet, "visible=false") ||
		strings.HasPrefix(sheet, `"Оцінки"`) || strings.HasPrefix(sheet, `"Estimates"`)
}

var (
	// notWord matches tokens that are not words of a sentence: codes and
	// keys (with _ . / - @ or digits), file names, flags, cell
	// references and column letters, formulas' notation.
	notWord = regexp.MustCompile(`^(--?[a-z-]+|.*[_./\\@#$%=:0-9{}^~·×+−].*|[A-Z]{1,2}|[\p{L}-]+\.(xlsx|csv|md|txt|zip))$`)
	// command is a hromada command as the user types it.
	command    = regexp.MustCompile(`hromada (init|check|assess|plan|budget|run|consolidate|serve)\b`)
	tokenSplit = regexp.MustCompile(`[\s"«»“”„()\[\],;!?…—–|│┌┐└┘├┤┬┴┼─]+`)
	cellLine   = regexp.MustCompile(`^[A-Z]{1,3}[0-9]+ `)
	// oneCode is a cell holding a single code or key: a Kobo option, a
	// group ID, a setting's key.
	oneCode = regexp.MustCompile(`^"[a-z0-9_]+"`)
)

// foreignWords returns the words of line in the other alphabet than
// lang's, less the allowed ones and those of data (the user's own
// words); seen counts every foreign word met, allowed or not.
func foreignWords(lang, line string, data map[string]bool, seen map[string]int) []string {
	switch {
	case strings.HasPrefix(line, "== sheet "):
		line = strings.TrimSuffix(strings.TrimSuffix(line[len("== sheet "):], " visible=true"), " visible=false")
	case cellLine.MatchString(line):
		// A dump line: only the text of string cells, not formulas or
		// number formats.
		_, rest, _ := strings.Cut(line, " ")
		v, ok := strings.CutPrefix(rest, "string ")
		if !ok || oneCode.MatchString(v) {
			return nil
		}
		if j := strings.LastIndex(v, ` fmt="`); j >= 0 {
			v = v[:j]
		}
		line = v
	case strings.HasPrefix(line, "validation "):
		if f := strings.SplitN(line, " ", 5); len(f) == 5 {
			line = f[4] // the prompt's title
		} else {
			return nil
		}
	case strings.HasPrefix(line, "widths ") || strings.HasPrefix(line, "merge ") || strings.HasPrefix(line, "freeze "):
		return nil
	}
	line = command.ReplaceAllString(line, "")
	var bad []string
	for _, tok := range tokenSplit.Split(line, -1) {
		tok = strings.Trim(tok, ".:'’*")
		if tok == "" || notWord.MatchString(tok) {
			continue
		}
		latin, cyr := alphabets(tok)
		switch {
		case lang == "uk" && latin && !cyr && len([]rune(tok)) > 1:
			seen[tok]++
			if !latinAllowed[tok] && !data[tok] {
				bad = append(bad, tok)
			}
		case lang == "en" && cyr:
			seen[tok]++
			if !cyrillicAllowed[tok] && !data[tok] {
				bad = append(bad, tok)
			}
		}
	}
	return bad
}

// dataWords returns the words typed into the example project's inputs:
// the names of its sheets and columns and the text of its cells (a
// project's name, posts, providers, sources), less the instruction
// sheets, which are hromada's own text. An output may quote them in
// either language.
func dataWords(t *testing.T, dir string) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || filepath.Ext(p) != ".xlsx" {
			return err
		}
		s, err := workbook.Dump(p)
		if err != nil {
			return err
		}
		skip := false
		for _, line := range strings.Split(s, "\n") {
			if sh, ok := strings.CutPrefix(line, "== sheet "); ok {
				skip = strings.HasPrefix(sh, `"Інструкція"`) || strings.HasPrefix(sh, `"Instructions"`)
			}
			if skip {
				continue
			}
			for _, w := range tokenSplit.Split(line, -1) {
				words[strings.Trim(w, ".:'’*")] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return words
}

// alphabets reports whether s has Latin and Cyrillic letters.
func alphabets(s string) (latin, cyr bool) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		}
	}
	return latin, cyr
}

// clip shortens a long line for a test message.
func clip(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}

// logWords logs the foreign words met, most frequent first.
func logWords(t *testing.T, seen map[string]int) {
	var ws []string
	for w := range seen {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return seen[ws[i]] > seen[ws[j]] || seen[ws[i]] == seen[ws[j]] && ws[i] < ws[j] })
	for _, w := range ws {
		t.Logf("%6d %s", seen[w], w)
	}
}
