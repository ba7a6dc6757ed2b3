package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/spf13/cobra"
)

// exampleLine is one command line of a help text's examples.
type exampleLine struct {
	text string   // as the help shows it, continuations joined, comment dropped
	env  []string // NAME=value before the command
	args []string // after "hromada"
}

var inlineComment = regexp.MustCompile(`\s+#.*$`)

// exampleLines splits a cobra Example text into its command lines: a line
// ending in \ continues on the next, a line starting with # is a comment,
// and so is the rest of a line after " #".
func exampleLines(example string) []exampleLine {
	var out []exampleLine
	var cur string
	for _, l := range strings.Split(example, "\n") {
		l = strings.TrimSpace(l)
		if cont, ok := strings.CutSuffix(l, "\\"); ok {
			cur += cont
			continue
		}
		l = strings.TrimSpace(cur + l)
		cur = ""
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		l = inlineComment.ReplaceAllString(l, "")
		fields := strings.Fields(l)
		line := exampleLine{text: strings.Join(fields, " ")}
		for len(fields) > 0 && strings.Contains(fields[0], "=") && !strings.HasPrefix(fields[0], "-") {
			line.env = append(line.env, fields[0])
			fields = fields[1:]
		}
		if len(fields) > 0 && fields[0] == "hromada" {
			line.args = fields[1:]
		}
		out = append(out, line)
	}
	return out
}

// exampleOf returns the Example text of the command name ("hromada" for
// the root).
func exampleOf(name string) (string, bool) {
	root := newRoot(&app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard})
	if name == "hromada" {
		return root.Example, root.Example != ""
	}
	for _, c := range root.Commands() {
		if c.Name() == name {
			return c.Example, c.Example != ""
		}
	}
	return "", false
}

// cmdHelpExamples runs every example of a command's help as written, in
// order, in the script's folder, and checks that each exits 0 — or the
// code given for it, for an example that needs a person's work first
// (checking a project just made by init):
//
//	helpexamples COMMAND ['LINE=CODE' …]
func cmdHelpExamples(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: helpexamples COMMAND ['LINE=CODE' …]")
	}
	example, ok := exampleOf(args[0])
	if !ok {
		ts.Fatalf("command %s has no examples", args[0])
	}
	want := map[string]int{}
	for _, a := range args[1:] {
		i := strings.LastIndex(a, "=")
		code, err := strconv.Atoi(a[i+1:])
		if i < 0 || err != nil {
			ts.Fatalf("helpexamples: %q is not LINE=CODE", a)
		}
		want[a[:i]] = code
	}
	prog, err := lookPath("hromada", ts.Getenv("PATH"))
	ts.Check(err)
	lines := exampleLines(example)
	for _, l := range lines {
		if l.args == nil {
			ts.Fatalf("example %q does not run hromada", l.text)
		}
		cmd := exec.Command(prog, l.args...)
		cmd.Dir = ts.MkAbs(".")
		cmd.Env = os.Environ()
		for _, k := range []string{"PATH", "HOME", "TMPDIR", "HROMADA_ROOT", "HROMADA_PASSWORD", "WORK"} {
			cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
		}
		cmd.Env = append(cmd.Env, l.env...)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		err := cmd.Run()
		got := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			got = ee.ExitCode()
		} else {
			ts.Check(err)
		}
		ts.Logf("%s: exit %d", l.text, got)
		if got != want[l.text] {
			ts.Fatalf("help example %q exited %d, want %d:\n%s", l.text, got, want[l.text], stderr.String())
		}
		delete(want, l.text)
	}
	for l := range want {
		ts.Fatalf("helpexamples: %q is not an example of %s", l, args[0])
	}
}

// TestExampleLines: the help's examples are split as a shell would run
// them.
func TestExampleLines(t *testing.T) {
	got := exampleLines(`  # project mode
  hromada plan examples/zhytomyr -o out          # after 'hromada assess'
  hromada plan --assessment a.xlsx \
    --community-code UA1 -o p.xlsx
  HROMADA_PASSWORD=secret hromada check my-project`)
	want := []exampleLine{
		{text: "hromada plan examples/zhytomyr -o out", args: []string{"plan", "examples/zhytomyr", "-o", "out"}},
		{text: "hromada plan --assessment a.xlsx --community-code UA1 -o p.xlsx", args: []string{"plan", "--assessment", "a.xlsx", "--community-code", "UA1", "-o", "p.xlsx"}},
		{text: "HROMADA_PASSWORD=secret hromada check my-project", env: []string{"HROMADA_PASSWORD=secret"}, args: []string{"check", "my-project"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].text != want[i].text || strings.Join(got[i].env, " ") != strings.Join(want[i].env, " ") || strings.Join(got[i].args, " ") != strings.Join(want[i].args, " ") {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestEveryHelpExampleIsRun: the script help_examples runs the examples
// of every command that has them, so none can drift from the flags.
func TestEveryHelpExampleIsRun(t *testing.T) {
	b, err := os.ReadFile("testdata/script/help_examples.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := newRoot(&app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard})
	cmds := append([]*cobra.Command{root}, root.Commands()...)
	for _, c := range cmds {
		if c.Example == "" {
			continue
		}
		if !regexp.MustCompile(`(?m)^helpexamples ` + regexp.QuoteMeta(c.Name()) + `\b`).Match(b) {
			t.Errorf("help_examples.txtar does not run the examples of %q", c.Name())
		}
	}
}
