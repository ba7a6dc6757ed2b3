package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada/workbook"
	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update-scripts", false, "rewrite the expected output in testdata/script from what the commands print")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hromada": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// hromada command on files the scripts hold, checking output and exit code.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("HROMADA_ROOT", root)
			e.Setenv("HROMADA_PASSWORD", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"xlsx":         cmdXLSX,
			"exits":        cmdExits,
			"cut":          cmdCut,
			"setcell":      cmdSetCell,
			"sameall":      cmdSameAll,
			"helpexamples": cmdHelpExamples,
			"age":          cmdAge,
		},
	})
}

// cmdExits runs a program of the script and checks its exit code, which
// exec alone cannot tell apart (1 bad data, 2 bad usage):
//
//	exits CODE PROGRAM [ARG …]
//
// Its stdout and stderr are then available to the stdout and stderr
// commands, as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARG …]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	prog, err := lookPath(args[1], ts.Getenv("PATH"))
	ts.Check(err)
	cmd := exec.Command(prog, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = os.Environ()
	// The language of the messages follows the script's LC_ALL,
	// LC_MESSAGES and LANG (unset: Ukrainian), never the machine's.
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "HROMADA_ROOT", "HROMADA_PASSWORD", "WORK", "LC_ALL", "LC_MESSAGES", "LANG"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	cmd.Stdout = ts.Stdout()
	cmd.Stderr = ts.Stderr()
	err = cmd.Run()
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else {
		ts.Check(err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

func lookPath(name, path string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in the script's PATH", name)
}

// cmdCut writes the first N bytes of a file to another, to make a damaged
// (truncated) file:
//
//	cut FILE N OUT
func cmdCut(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: cut FILE N OUT")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	if n > len(b) {
		n = len(b)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), b[:n], 0o644))
}

// cmdAge sets a file's modification time back by a number of minutes, to
// make the leftover of a run killed long ago:
//
//	age FILE MINUTES
func cmdAge(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: age FILE MINUTES")
	}
	m, err := strconv.Atoi(args[1])
	ts.Check(err)
	t := time.Now().Add(-time.Duration(m) * time.Minute)
	ts.Check(os.Chtimes(ts.MkAbs(args[0]), t, t))
}

// cmdSetCell edits cells of a workbook as a person would in Excel:
//
//	setcell FILE.xlsx Sheet!A1 VALUE [Sheet!B2 VALUE …]
func cmdSetCell(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 || len(args)%2 != 1 {
		ts.Fatalf("usage: setcell FILE.xlsx Sheet!A1 VALUE …")
	}
	cells := map[string]string{}
	for i := 1; i < len(args); i += 2 {
		cells[args[i]] = args[i+1]
	}
	ts.Check(workbook.Edit(ts.MkAbs(args[0]), cells))
}

// cmdXLSX builds a workbook from tab-separated text files:
//
//	xlsx OUT.xlsx SHEET=FILE.tsv [SHEET=FILE.tsv …]
//
// The first line of each file is the header. A cell that parses as a number
// is written as a number; "=…" is written as a formula; the rest as text.
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("xlsx does not take !")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: xlsx OUT.xlsx SHEET=FILE.tsv …")
	}
	b := workbook.NewBook()
	for _, a := range args[1:] {
		name, file, ok := strings.Cut(a, "=")
		if !ok {
			ts.Fatalf("xlsx: %q is not SHEET=FILE.tsv", a)
		}
		f, err := os.Open(ts.MkAbs(file))
		ts.Check(err)
		var header []string
		var rows [][]any
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cells := strings.Split(sc.Text(), "\t")
			if header == nil {
				header = cells
				continue
			}
			row := make([]any, len(cells))
			for i, c := range cells {
				switch x, err := strconv.ParseFloat(c, 64); {
				case c == "":
					row[i] = nil
				case strings.HasPrefix(c, "="):
					row[i] = workbook.Formula{Expr: c[1:]}
				case err == nil:
					row[i] = x
				default:
					row[i] = c
				}
			}
			rows = append(rows, row)
		}
		ts.Check(sc.Err())
		ts.Check(f.Close())
		cols := make([]workbook.Col, len(header))
		for i, h := range header {
			cols[i] = workbook.Col{Header: h}
		}
		b.AddSheet(workbook.Sheet{Name: name, Columns: cols, Rows: rows})
	}
	ts.Check(b.Save(ts.MkAbs(args[0])))
}

// cmdSameAll checks that two folders hold the same files, byte for byte:
//
//	sameall DIR1 DIR2
func cmdSameAll(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sameall DIR1 DIR2")
	}
	a, b := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	names := func(dir string) []string {
		es, err := os.ReadDir(dir)
		ts.Check(err)
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	na, nb := names(a), names(b)
	if strings.Join(na, "\n") != strings.Join(nb, "\n") {
		ts.Fatalf("%s has %v, %s has %v", args[0], na, args[1], nb)
	}
	for _, n := range na {
		x, err := os.ReadFile(filepath.Join(a, n))
		ts.Check(err)
		y, err := os.ReadFile(filepath.Join(b, n))
		ts.Check(err)
		if !bytes.Equal(x, y) {
			ts.Fatalf("%s differs between %s and %s", n, args[0], args[1])
		}
	}
}
