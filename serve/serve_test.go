package serve

import (
	"html"
	"io/fs"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/workbook/consbook"
)

// Every text of the page is in both languages, and every key the page's
// template names has its texts.
func TestTexts(t *testing.T) {
	for k, v := range texts {
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("%s: a language is missing: %q", k, v)
		}
	}
	b, err := fs.ReadFile(assets, "assets/page.html")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	for _, f := range []string{"check.go", "run.go", "results.go", "quick.go", "page.go", "upload.go"} {
		g, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src += string(g)
	}
	keys := regexp.MustCompile(`tr\(l, "([\w.]+)"\)|trf? \$?\.L "([\w.]+)"`).FindAllStringSubmatch(src, -1)
	if len(keys) < 50 {
		t.Fatalf("found %d texts named, expected the page's many", len(keys))
	}
	for _, k := range keys {
		key := k[1] + k[2]
		if _, ok := texts[key]; !ok {
			t.Errorf("no texts for %q", key)
		}
	}
}

// fmtNum groups thousands as each language writes them.
func TestFmtNum(t *testing.T) {
	for _, tt := range []struct {
		l      string
		x      float64
		digits int
		want   string
	}{
		{"uk", 1234567.4, 0, "1\u202f234\u202f567"},
		{"en", 1234567.4, 0, "1,234,567"},
		{"uk", 13, 2, "13,00"},
		{"en", 0.0194, 1, "0.0"},
		{"uk", -2500, 0, "−2\u202f500"},
		{"en", -0.04, 1, "0.0"}, // rounds to zero: no sign
		{"uk", math.NaN(), 0, "–"},
		{"en", 999, 0, "999"},
	} {
		if got := fmtNum(tt.l, tt.x, tt.digits); got != tt.want {
			t.Errorf("fmtNum(%s, %v, %d) = %q, want %q", tt.l, tt.x, tt.digits, got, tt.want)
		}
	}
}

// Project names typed in Ukrainian name their folders in Latin letters.
func TestTransliterate(t *testing.T) {
	for in, want := range map[string]string{
		"Андрушівка":          "andrushivka",
		"Житомирська громада": "zhytomyrska hromada",
		"Звягель 2026":        "zviahel 2026",
		"Щасливе, Ясенове":    "shchaslyve, iasenove",
		"Олевськ'":            "olevsk",
		"Test Ґ":              "test g",
	} {
		if got := safefile.Name(transliterate(in)); got != safefile.Name(want) {
			t.Errorf("transliterate(%q) = %q, want %q", in, got, safefile.Name(want))
		}
	}
}

// ticks are round steps: 0–1 234 by 500 (1 234/500 < 5 ≤ 1 234/200), 0–80
// by 20 (80/20 = 4).
func TestTicks(t *testing.T) {
	for _, tt := range []struct {
		top  float64
		want []float64
	}{
		{1234, []float64{0, 500, 1000}},
		{80, []float64{0, 20, 40, 60, 80}},
		{5, []float64{0, 1, 2, 3, 4, 5}},
	} {
		got := ticks(tt.top)
		if len(got) != len(tt.want) {
			t.Errorf("ticks(%v) = %v, want %v", tt.top, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Errorf("ticks(%v) = %v, want %v", tt.top, got, tt.want)
			}
		}
	}
}

// The headline figures are the consolidated row's, as written.
func TestFigures(t *testing.T) {
	nan := math.NaN()
	c := &consbook.Consolidated{
		Years:    []int{2026, 2027},
		Services: []hromada.Service{{Code: "015.3", Name: hromada.Text{UK: "Денний догляд", EN: "Day care"}}},
		Rows: []consolidate.Row{{
			Community: hromada.Community{Name: hromada.Text{UK: "Олевська", EN: "Olevska"}},
			Status:    consolidate.OK, Households: 460,
			Needs:    []consolidate.Need{{Group: assess.AllGroup, Families: 1971.4, Low: 1452, Upp: 2600.2}},
			Services: []consolidate.Service{{Code: "015.3", Demand: 120, Low: 80, Upp: 160}, {Code: "009.1", Demand: nan}},
			Create:   5, Enhance: 1, Unk: 9, Hires: 13,
			Donor: []float64{5505035, 2536531}, State: []float64{0, 0}, Local: []float64{0, 1087085}, Total: []float64{5505035, 3623616},
			CliffYear: 2029, MaxShare: 0.0194, MaxShareYear: 2030,
		}, {
			Community: hromada.Community{Name: hromada.Text{UK: "Хорошівська", EN: "Khoroshivska"}},
			Status:    consolidate.Failed, Problems: []string{"survey/x.xlsx: no such file"},
		}},
	}
	v := figures("en", c)
	if len(v.Communities) != 2 {
		t.Fatalf("%d communities", len(v.Communities))
	}
	got := v.Communities[0]
	for name, pair := range map[string][2]string{
		"households": {got.Households, "460"},
		"need":       {got.Need + " " + got.NeedCI, "1,971 1,452–2,600"},
		"create":     {got.Create, "5"}, "enhance": {got.Enhance, "1"}, "unknown": {got.Unknown, "9"},
		"hires": {got.Hires, "13.00"}, "cliff": {got.Cliff, "2029"},
		"share":       {got.Share, "1.9 % (2030)"},
		"2027 local":  {got.Years[1].Local, "1,087,085"},
		"2026 donor":  {got.Years[0].Donor, "5,505,035"},
		"failed":      {v.Communities[1].Failed, "The community was not run: survey/x.xlsx: no such file"},
		"demand name": {boolText(strings.Contains(string(got.DemandChart), ">Day care — 120<")), "true"},
		// 009.1 has no known demand: one bar only.
		"demand bars": {boolText(strings.Count(string(got.DemandChart), "<rect") == 1), "true"},
		// Two years, donor in both, local in 2027: three segments.
		"cost bars": {boolText(strings.Count(string(got.CostChart), "<rect") == 3+3), "true"},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s: %q, want %q", name, pair[0], pair[1])
		}
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// openExample copies the example project into the working folder of s
// and opens it.
func openExample(t *testing.T, s *Server) string {
	t.Helper()
	dir := filepath.Join(s.Work(), "zhytomyr")
	copyDir(t, example, dir)
	b, ct := form("path=" + dir)
	if w := do(s, action("POST", "/project/open", b, ct)); w.Code != http.StatusOK {
		t.Fatalf("open: %d %s", w.Code, w.Body)
	}
	return dir
}

// waitRun waits for the run of the open project to end and returns its
// status page.
func waitRun(t *testing.T, s *Server) string {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		w := do(s, action("GET", "/run/status", nil, ""))
		if w.Header().Get("X-Hromada-Poll") == "" {
			return w.Body.String()
		}
	}
	t.Fatal("the run did not end")
	return ""
}

// A second run of a project while one runs is refused; a workbook not
// written by hromada in the output folder stops the run until the box is
// ticked.
func TestRunRefusals(t *testing.T) {
	s := newTest(t, Options{})
	dir := openExample(t, s)
	s.mu.Lock()
	s.runs[dir] = &job{dir: dir, running: true}
	s.mu.Unlock()
	w := do(s, action("POST", "/run", nil, ""))
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), tr("uk", "r.busy")) {
		t.Errorf("second run: %d %s", w.Code, w.Body)
	}
	s.mu.Lock()
	delete(s.runs, dir)
	s.mu.Unlock()

	if err := os.MkdirAll(outDir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outDir(dir), "olevska-plan.xlsx"), []byte("a person's own file"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, ct := form("")
	w = do(s, action("POST", "/run", b, ct))
	if body := w.Body.String(); !strings.Contains(body, tr("uk", "r.edited")) || !strings.Contains(body, "olevska-plan.xlsx") {
		t.Fatalf("edited workbook not named: %s", body)
	}
	if got, _ := os.ReadFile(filepath.Join(outDir(dir), "olevska-plan.xlsx")); string(got) != "a person's own file" {
		t.Fatal("the edited workbook was replaced")
	}
	b, ct = form("overwrite=1")
	w = do(s, action("POST", "/run", b, ct))
	if w.Code != http.StatusAccepted {
		t.Fatalf("run with overwrite: %d %s", w.Code, w.Body)
	}
	body := waitRun(t, s)
	if !strings.Contains(body, "6 з 6") || !strings.Contains(body, "/download/out/consolidated.xlsx") {
		t.Errorf("the run did not finish every community: %s", body)
	}
	res := do(s, action("GET", "/results", nil, "")).Body.String()
	if strings.Count(res, `<article class="community"`) != 6 || strings.Count(res, "<svg") != 12 {
		t.Errorf("results: want 6 communities with 2 charts each:\n%s", res)
	}
}

// Check lists a problem planted in a workbook with its file, sheet and
// cell; a community whose survey is missing fails the run alone, and the
// status says why.
func TestCheckAndFailedCommunity(t *testing.T) {
	s := newTest(t, Options{})
	dir := openExample(t, s)
	if err := os.Remove(filepath.Join(dir, "survey", "olevska.xlsx")); err != nil {
		t.Fatal(err)
	}
	w := do(s, action("POST", "/check", nil, ""))
	body := w.Body.String()
	if !strings.Contains(body, "Помилок: 1") || !strings.Contains(body, "project.xlsx") || !strings.Contains(body, "olevska.xlsx") {
		t.Errorf("check: %s", body)
	}
	b, ct := form("")
	if w := do(s, action("POST", "/run", b, ct)); w.Code != http.StatusAccepted {
		t.Fatalf("run: %d %s", w.Code, w.Body)
	}
	body = waitRun(t, s)
	if !strings.Contains(body, "5 з 6") || !strings.Contains(body, `class="failed"`) || !strings.Contains(body, "olevska.xlsx") {
		t.Errorf("status: %s", body)
	}
}

// A protected survey: Check without the password asks for it in the
// page; with the password typed, the workbook opens (and is found to be
// no Kobo export, as hromada check finds).
func TestPassword(t *testing.T) {
	s := newTest(t, Options{})
	dir := openExample(t, s)
	enc, err := os.ReadFile("../internal/xlsx/testdata/encryptAES.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "survey", "andrushivska.xlsx"), enc, 0o644); err != nil {
		t.Fatal(err)
	}
	b, ct := form("password=")
	body := do(s, action("POST", "/check", b, ct)).Body.String()
	if !strings.Contains(body, `id="password-hint"`) || !strings.Contains(body, "andrushivska.xlsx") {
		t.Errorf("without the password: %s", body)
	}
	b, ct = form("password=password")
	body = do(s, action("POST", "/check", b, ct)).Body.String()
	if strings.Contains(body, "password-protected") || !strings.Contains(body, "andrushivska.xlsx") {
		t.Errorf("with the password: %s", body)
	}
}

// After the server is started again, the Run and Results steps show the
// last run rebuilt from the workbooks in the output folder, the same
// figures as right after the run; opened again after a workbook is
// removed, they show the workbooks as they now stand.
func TestResultsAfterRestart(t *testing.T) {
	s := newTest(t, Options{})
	dir := openExample(t, s)
	b, ct := form("")
	if w := do(s, action("POST", "/run", b, ct)); w.Code != http.StatusAccepted {
		t.Fatalf("run: %d %s", w.Code, w.Body)
	}
	waitRun(t, s)
	want := do(s, action("GET", "/results", nil, "")).Body.String()
	if strings.Count(want, "<svg") != 12 {
		t.Fatalf("results of the run: want 12 charts:\n%s", want)
	}

	// A new server, as after a restart, with the project given at the start.
	again := newTest(t, Options{Work: s.Work(), Project: dir})
	status := do(again, action("GET", "/run/status", nil, "")).Body.String()
	if !strings.Contains(status, tr("uk", "r.restored")) || !strings.Contains(status, "6 з 6") ||
		!strings.Contains(status, "/download/out/consolidated.xlsx") || !strings.Contains(status, "/download/out/olevska-budget.xlsx") {
		t.Errorf("status after a restart:\n%s", status)
	}
	if got := do(again, action("GET", "/results", nil, "")).Body.String(); got != want {
		t.Errorf("results after a restart differ from the run's:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(outDir(dir), "consolidated.xlsx")); err != nil {
		t.Fatal(err)
	}

	// A community's budget workbook removed: opened again, that community
	// fails at the budget and the other five keep their charts.
	if err := os.Remove(filepath.Join(outDir(dir), "olevska-budget.xlsx")); err != nil {
		t.Fatal(err)
	}
	b, ct = form("path=" + dir)
	if w := do(again, action("POST", "/project/open", b, ct)); w.Code != http.StatusOK {
		t.Fatalf("open: %d %s", w.Code, w.Body)
	}
	res := do(again, action("GET", "/results", nil, "")).Body.String()
	if strings.Count(res, "<svg") != 10 || !strings.Contains(res, "olevska-budget.xlsx") {
		t.Errorf("results with a budget workbook removed: want 10 charts and the missing workbook named:\n%s", res)
	}
	status = do(again, action("GET", "/run/status", nil, "")).Body.String()
	if !strings.Contains(status, "5 з 6") || !strings.Contains(status, `class="failed"`) {
		t.Errorf("status with a budget workbook removed:\n%s", status)
	}
	// Why, in the page's language (pipeline's missingWorkbook).
	for _, tt := range []struct{ lang, want string }{{"uk", "немає такої робочої книги"}, {"en", "no such workbook"}} {
		if res := do(again, action("GET", "/results?lang="+tt.lang, nil, "")).Body.String(); !strings.Contains(res, tt.want) {
			t.Errorf("results in %s do not say why olevska failed (%q):\n%s", tt.lang, tt.want, res)
		}
	}

	// A project whose output folder holds no workbook shows no results.
	empty := newTest(t, Options{})
	openExample(t, empty)
	if res := do(empty, action("GET", "/results", nil, "")).Body.String(); !strings.Contains(res, html.EscapeString(tr("uk", "l.none"))) {
		t.Errorf("results without a run:\n%s", res)
	}
}

// The check's table is in the page's language: the message, the hint and
// the place of a problem (a row of a sheet, a line and column of a CSV
// file, hromada.CellIn); a file whose problems say nothing apart from what
// is wrong has no "What to do" column.
func TestProblemsView(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	ps := hromada.Problems{
		{File: filepath.Join(dir, "registry.xlsx"), Sheet: "Реєстр", Cell: "row 17", Msg: hromada.T("не число", "not a number"), Hint: hromada.T("пишіть число", "write a number")},
		{Severity: hromada.Warning, File: filepath.Join(dir, "survey", "a.csv"), Cell: "line 3, column 7", Msg: hromada.T("порожньо", "empty")},
		{File: filepath.Join(dir, "registry.xlsx"), Sheet: "Реєстр", Cell: "C4", Msg: hromada.T("немає", "missing")},
	}
	tests := []struct {
		l                   string
		cells, whats, todos []string
		files               []string
		todo                []bool
		errors              int
	}{
		{"uk", []string{"рядок 17", "C4", "рядок 3, стовпець 7"}, []string{"не число", "немає", "порожньо"}, []string{"пишіть число", "", ""},
			[]string{"registry.xlsx", filepath.Join("survey", "a.csv")}, []bool{true, false}, 2},
		{"en", []string{"row 17", "C4", "line 3, column 7"}, []string{"not a number", "missing", "empty"}, []string{"write a number", "", ""},
			[]string{"registry.xlsx", filepath.Join("survey", "a.csv")}, []bool{true, false}, 2},
	}
	for _, tt := range tests {
		v := problemsView(tt.l, dir, ps)
		if v.Errors != tt.errors || len(v.Files) != len(tt.files) {
			t.Fatalf("%s: %d errors in %d files, want %d in %d", tt.l, v.Errors, len(v.Files), tt.errors, len(tt.files))
		}
		k := 0
		for i, f := range v.Files {
			if f.Name != tt.files[i] || f.Todo != tt.todo[i] {
				t.Errorf("%s: file %d is %q (Todo %v), want %q (Todo %v)", tt.l, i, f.Name, f.Todo, tt.files[i], tt.todo[i])
			}
			for _, r := range f.Problems {
				if r.Cell != tt.cells[k] || r.What != tt.whats[k] || r.Todo != tt.todos[k] {
					t.Errorf("%s: problem %d is %q %q %q, want %q %q %q", tt.l, k, r.Cell, r.What, r.Todo, tt.cells[k], tt.whats[k], tt.todos[k])
				}
				k++
			}
		}
	}
}

// A refusal is written in the page's language, the reason included (a
// hromada.Errorf message, hromada.Message).
func TestMessagesInPageLanguage(t *testing.T) {
	s := newTest(t, Options{})
	empty := t.TempDir()
	tests := []struct{ lang, want string }{
		{"uk", "Це не папка проєкту: у " + empty + " немає project.xlsx"},
		{"en", "This is not a project folder: " + empty + " has no project.xlsx"},
	}
	for _, tt := range tests {
		b, ct := form("path=" + empty)
		body := do(s, action("POST", "/project/open?lang="+tt.lang, b, ct)).Body.String()
		if !strings.Contains(body, html.EscapeString(tt.want)) {
			t.Errorf("%s: %s, want %q", tt.lang, body, tt.want)
		}
	}
	// An action from another site, refused in the page's language.
	r := action("POST", "/check?lang=uk", nil, "")
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	if w := do(s, r); w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "дію з іншого сайту відхилено") {
		t.Errorf("cross-site action: %d %s", w.Code, w.Body)
	}
}
