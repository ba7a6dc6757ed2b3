package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/serve"
	"github.com/xuri/excelize/v2"
)

// browserPath is the headless browser the page's tests drive: chromium,
// chromium-browser or google-chrome on PATH; "" when there is none.
func browserPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless browser with a window of w×h pixels and its
// own words (a file field's button) in the language lang, or skips the
// test when none is installed.
func browser(t *testing.T, w, h int, lang string) context.Context {
	t.Helper()
	path := browserPath()
	if path == "" {
		t.Skip("no browser: install chromium (apt-get install chromium) to run the page's browser tests; none of chromium, chromium-browser, google-chrome is on PATH")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(w, h), chromedp.UserDataDir(t.TempDir()), chromedp.Flag("lang", lang))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(w), int64(h))); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// plantError copies the example project into dir with the population of
// its first community made text: check names project.xlsx, the sheet
// Громади and the cell D2.
func plantError(t *testing.T, dir string) {
	t.Helper()
	copyTree(t, "../../examples/zhytomyr", dir)
	f, err := excelize.OpenFile(filepath.Join(dir, "project.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Громади", "D2", "багато"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// flow is one walk through the page: a new project, the example's files
// uploaded with an error planted, Check shows it at its cell, the fixed
// workbook uploaded, Check passes, Run reaches the end, a downloaded
// workbook equals the command's, the results show their charts, a quick
// look at one Kobo export. shot, when set, is called after each step.
func flow(t *testing.T, ctx context.Context, lang string, shot func(step string)) {
	t.Helper()
	if shot == nil {
		shot = func(string) {}
	}
	snap := func(step, section string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "start"}); true`, section))); err != nil {
			t.Fatalf("scroll to %s: %v", section, err)
		}
		shot(step)
	}
	work := t.TempDir()
	// The run is held after the first community's assessment until the
	// page has shown it under way.
	reached, gate := make(chan struct{}), make(chan struct{})
	var reach, open sync.Once
	release := func() { open.Do(func() { close(gate) }) }
	t.Cleanup(release)
	hold := func(i int, stage string) {
		if i == 0 && stage == pipeline.StageAssess {
			reach.Do(func() { close(reached) })
			<-gate
		}
	}
	s, err := serve.New(serve.Options{Work: work, Stage: hold})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	en := lang == "en"
	pick := func(uk, english string) string {
		if en {
			return english
		}
		return uk
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	wait := func(step, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Fatalf("%s: waiting for %s: %v", step, js, err)
		}
	}

	do("open the page", chromedp.Navigate(hs.URL+"/?t="+s.Token()+"&lang="+lang), chromedp.WaitVisible(chromedp.CSS("#s1")))
	shot("0-start")

	// 1. A new project from the templates.
	do("create", chromedp.SendKeys(chromedp.CSS("#new-name"), "Андрушівка"), chromedp.Click(chromedp.CSS("#create")),
		chromedp.WaitVisible(chromedp.CSS("#project-path")))
	dir := filepath.Join(work, "andrushivka")
	if got := text("#project-path"); got != dir {
		t.Fatalf("project folder %q, want %q (the name in Latin letters)", got, dir)
	}
	snap("1-created", "#s1")

	// The example's files, with an error planted in project.xlsx.
	src := filepath.Join(t.TempDir(), "zhytomyr")
	plantError(t, src)
	upload := []string{}
	for _, f := range []string{"project.xlsx", "registry.xlsx", "providers.xlsx", "costs.xlsx", "questionnaire.xlsx"} {
		upload = append(upload, filepath.Join(src, f))
	}
	surveys, _ := filepath.Glob(filepath.Join(src, "survey", "*.xlsx"))
	upload = append(upload, surveys...)
	do("upload", chromedp.SetUploadFiles(chromedp.CSS("#upload"), upload))
	wait("upload", fmt.Sprintf(`(document.querySelector("#project .msg.ok")||{}).textContent === %q`, pick("Збережено файлів: 11", "Files saved: 11")))
	snap("2-uploaded", "#s1")

	// 2. Check shows the planted error at its cell.
	do("check", chromedp.Click(chromedp.CSS("#check-btn")))
	wait("check", `document.querySelector("#check-count.bad") !== null`)
	if got, want := text("#check-count"), pick("Помилок: 1", "Errors: 1"); !strings.HasPrefix(got, want) {
		t.Errorf("check count %q, want %q…", got, want)
	}
	table := text("#check table.problems")
	if !strings.Contains(table, "Громади") || !strings.Contains(table, "D2") {
		t.Errorf("the check table does not name the sheet and cell of the error: %q", table)
	}
	snap("3-check-error", "#s2")

	// Fixed in "Excel": the example's own project.xlsx uploaded again.
	abs, _ := filepath.Abs("../../examples/zhytomyr/project.xlsx")
	do("upload the fixed workbook", chromedp.SetUploadFiles(chromedp.CSS("#upload"), []string{abs}))
	wait("upload the fixed workbook", fmt.Sprintf(`(document.querySelector("#project .msg.ok")||{}).textContent === %q`, pick("Збережено файлів: 1", "Files saved: 1")))
	do("check again", chromedp.Click(chromedp.CSS("#check-btn")))
	wait("check again", `document.querySelector("#check-count.ok") !== null`)
	snap("4-check-ok", "#s2")

	// 3. Run: the progress reaches the end.
	do("run", chromedp.Click(chromedp.CSS("#run-btn")))
	select {
	case <-reached:
	case <-time.After(90 * time.Second):
		t.Fatal("run: the first community's assessment was not reached")
	}
	// Held there, the page shows the run under way: the first community's
	// assessment ticked, the bar neither empty nor full.
	wait("run under way", `(function(){var p=document.querySelector("#run progress"), s=document.querySelector("#run-state.running"), m=document.querySelector("#run tbody tr td.mark");
		return s!==null && p!==null && p.value>=1 && p.value<p.max && m!==null && m.textContent==="✓";})()`)
	if got, want := text("#run-state"), pick("Триває розрахунок", "Running"); !strings.HasPrefix(got, want) {
		t.Errorf("run state under way %q, want %q…", got, want)
	}
	snap("5-run-progress", "#s3")
	release()
	wait("run", `document.querySelector("#run-state.done") !== null`)
	if got, want := text("#run-state"), pick("6 з 6", "6 of 6"); !strings.Contains(got, want) {
		t.Errorf("run state %q, want %q", got, want)
	}
	full, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var p=document.querySelector("#run progress");return p.value===p.max&&p.max===18;})()`))
	if err != nil || !full {
		t.Errorf("the progress bar is not full: %v", err)
	}
	snap("5-run-done", "#s3")

	// A downloaded workbook equals the command's.
	cli := t.TempDir()
	if code := run([]string{"run", dir, "-o", cli, "-q"}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("hromada run: exit %d", code)
	}
	for _, link := range []string{"a.consolidated", `a[href$="olevska-budget.xlsx"]`} {
		b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(document.querySelector(%q).href).then(r => r.arrayBuffer()).then(b => {
			var s = "", u = new Uint8Array(b);
			for (var i = 0; i < u.length; i += 8192) { s += String.fromCharCode.apply(null, u.subarray(i, i + 8192)); }
			return btoa(s);
		})`, link), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("download %s: %v", link, err)
		}
		got, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		name := "consolidated.xlsx"
		if strings.Contains(link, "olevska") {
			name = "olevska-budget.xlsx"
		}
		want, err := os.ReadFile(filepath.Join(cli, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("downloaded %s (%d bytes) differs from the command's (%d bytes)", name, len(got), len(want))
		}
	}

	// 4. The results: six communities, two charts each.
	wait("results", `document.querySelectorAll("#results article.community svg").length === 12`)
	snap("6-results", "#s4")

	// 5. A quick look at one Kobo export.
	olevska, _ := filepath.Abs("../../examples/zhytomyr/survey/olevska.xlsx")
	do("quick upload", chromedp.SetUploadFiles(chromedp.CSS("#quick-survey"), []string{olevska}), chromedp.Click(chromedp.CSS("#quick-read")),
		chromedp.WaitVisible(chromedp.CSS("#quick-need")))
	snap("7-quick-lists", "#s5")
	do("quick choose", chromedp.SetValue(chromedp.CSS("#quick-need"), "needs"), chromedp.Click(chromedp.CSS(`input[name=by][value=idp]`)),
		chromedp.SetValue(chromedp.CSS("#quick-weight"), "weight"), chromedp.Click(chromedp.CSS("#quick-run")))
	wait("quick estimates", `document.querySelector("#quick-download") !== null`)
	if got := text("#quick-result table.estimates"); !strings.Contains(got, "idp = yes") || !strings.Contains(got, "%") {
		t.Errorf("the estimates table lacks the groups or the shares: %q", got)
	}
	snap("8-quick-estimates", "#quick-result")

	// 6. The page started again (a new server on the same working folder,
	// the project given at the start): the run's status and results come
	// back from the workbooks in the output folder.
	again, err := serve.New(serve.Options{Work: work, Project: dir})
	if err != nil {
		t.Fatal(err)
	}
	hs2 := httptest.NewServer(again)
	t.Cleanup(hs2.Close)
	do("open the page again", chromedp.Navigate(hs2.URL+"/?t="+again.Token()+"&lang="+lang), chromedp.WaitVisible(chromedp.CSS("#s1")))
	wait("results after a restart", `document.querySelectorAll("#results article.community svg").length === 12 && document.querySelector("#run-note") !== null`)
	if got, want := text("#run-state"), pick("6 з 6", "6 of 6"); !strings.Contains(got, want) {
		t.Errorf("run state after a restart %q, want %q", got, want)
	}
	snap("9-after-restart", "#s3")
}

// The whole workflow in a real browser, in Ukrainian, then the English
// switch.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	ctx := browser(t, 1366, 768, "uk")
	flow(t, ctx, "uk", nil)

	// Drag and drop: two workbooks dropped on the upload card are saved as
	// those chosen with the button (the last upload saved one).
	drop := `Promise.all(["registry.xlsx", "costs.xlsx"].map(n => fetch("/download/project/" + n).then(r => r.blob()))).then(bs => {
		var dt = new DataTransfer();
		dt.items.add(new File([bs[0]], "registry.xlsx"));
		dt.items.add(new File([bs[1]], "costs.xlsx"));
		document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](drop, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("drop: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.querySelector("#project .msg.ok")||{}).textContent === "Збережено файлів: 2"`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the dropped files were not saved: %v", err)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#lang")), chromedp.WaitVisible(chromedp.CSS("#s1"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.lang === "en"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the English switch: %v", err)
	}
	for sel, want := range map[string]string{"#s1 h2": "1. Project", "#s2 h2": "2. Check", "#s3 h2": "3. Run", "#s4 h2": "4. Results", "#lang": "Українська"} {
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil || got != want {
			t.Errorf("%s: %q (%v), want %q", sel, got, err, want)
		}
	}
	// The project and its run are still there, now in English.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#results article.community svg").length === 12 && /6 of 6/.test(document.querySelector("#run-state").textContent)`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the run's results in English: %v", err)
	}
}

// TestScreenshots saves a picture of each step in both languages, at
// 1366×768 and in a narrow window, into the folder HROMADA_SHOTS names (a
// person looks at them); without it the test is skipped.
func TestScreenshots(t *testing.T) {
	out := os.Getenv("HROMADA_SHOTS")
	if out == "" {
		t.Skip("set HROMADA_SHOTS to a folder to save the page's screenshots")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"wide", 1366, 768}, {"narrow", 420, 860}} {
		for _, lang := range []string{"uk", "en"} {
			t.Run(size.name+"-"+lang, func(t *testing.T) {
				ctx := browser(t, size.w, size.h, lang)
				flow(t, ctx, lang, func(step string) {
					png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err == nil {
						err = os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%s-%s.png", size.name, lang, step)), png, 0o644)
					}
					if err == nil && (step == "3-check-error" || step == "6-results") {
						png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
						if err == nil {
							err = os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%s-%s-full.png", size.name, lang, step)), png, 0o644)
						}
					}
					if err != nil {
						t.Errorf("screenshot %s: %v", step, err)
					}
				})
				// The first community's figures and charts, whole.
				png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#c0")))
				if err == nil {
					err = os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%s-6-community.png", size.name, lang)), png, 0o644)
				}
				if err != nil {
					t.Errorf("screenshot of a community: %v", err)
				}
			})
		}
	}
}
