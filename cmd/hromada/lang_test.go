package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestLanguageOrder checks the order the language of the messages is
// chosen in: --lang, else the project's setting, else LC_ALL, LC_MESSAGES
// and LANG (the first set decides), else Ukrainian.
func TestLanguageOrder(t *testing.T) {
	uk, en := hromada.Ukrainian, hromada.English
	tests := []struct {
		name    string
		flag    string
		project hromada.Lang
		env     map[string]string
		want    hromada.Lang
	}{
		{"nothing", "", "", nil, uk},
		{"LANG en", "", "", map[string]string{"LANG": "en_US.UTF-8"}, en},
		{"LANG uk", "", "", map[string]string{"LANG": "uk_UA.UTF-8"}, uk},
		{"LANG C", "", "", map[string]string{"LANG": "C.UTF-8"}, uk},
		{"LC_MESSAGES before LANG", "", "", map[string]string{"LANG": "uk_UA.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, en},
		{"LC_ALL before LC_MESSAGES", "", "", map[string]string{"LC_ALL": "uk_UA.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "en_US"}, uk},
		{"an empty LC_ALL is not set", "", "", map[string]string{"LC_ALL": "", "LANG": "en"}, en},
		{"project before environment", "", uk, map[string]string{"LANG": "en_US.UTF-8"}, uk},
		{"English project", "", en, nil, en},
		{"--lang before project", "en", uk, nil, en},
		{"--lang before environment", "uk", "", map[string]string{"LC_ALL": "en_US.UTF-8"}, uk},
	}
	for _, tc := range tests {
		a := &app{lang: tc.flag, getenv: func(k string) string { return tc.env[k] }}
		got, err := a.language(tc.project)
		if err != nil || got != tc.want {
			t.Errorf("%s: language = %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if a.msgLang() != tc.want {
			t.Errorf("%s: messages in %q, want %q", tc.name, a.msgLang(), tc.want)
		}
	}
	// Before a project is read, and with a --lang that is no language:
	// the environment's.
	a := &app{lang: "fr", getenv: func(k string) string { return map[string]string{"LANG": "en_US.UTF-8"}[k] }}
	if _, err := a.language(""); err == nil {
		t.Error("--lang fr is accepted")
	}
	if a.msgLang() != en {
		t.Errorf("messages of --lang fr with LANG=en_US in %q, want en", a.msgLang())
	}
	// A project's setting is the language of its problems, unless --lang.
	a = &app{getenv: func(string) string { return "" }}
	a.projectLang(en)
	if a.msgLang() != en {
		t.Errorf("after an English project, messages in %q", a.msgLang())
	}
	a = &app{lang: "uk", getenv: func(string) string { return "" }}
	a.projectLang(en)
	if a.msgLang() != uk {
		t.Errorf("--lang uk on an English project: messages in %q", a.msgLang())
	}
}

// TestCobraErrors checks Cobra's messages as worded in Ukrainian, and
// that an unknown one keeps Cobra's words after a Ukrainian line.
func TestCobraErrors(t *testing.T) {
	for _, tc := range []struct{ en, uk string }{
		{`unknown command "frobnicate" for "hromada"`, "невідома команда «frobnicate» для «hromada»"},
		{"unknown flag: --colour", "невідомий параметр --colour"},
		{"unknown shorthand flag: 'z' in -z", "невідомий короткий параметр -z у -z"},
		{"flag needs an argument: --lang", "параметрові --lang потрібне значення"},
		{"flag needs an argument: 'o' in -o", "параметрові -o потрібне значення"},
		{`invalid argument "x" for "--years" flag: strconv.ParseInt: parsing "x": invalid syntax`, "неправильне значення «x» параметра --years"},
		{"accepts 1 arg(s), received 0", "команда приймає аргументів: 1, отримано: 0"},
		{"accepts at most 1 arg(s), received 2", "команда приймає щонайбільше аргументів: 1, отримано: 2"},
		{"unknown command \"chek\" for \"hromada\"\n\nDid you mean this?\n\tcheck\n", "невідома команда «chek» для «hromada»\n\nМожливо, ви мали на увазі:\n\tcheck\n"},
		{"something new", "неправильний виклик команди: something new"},
	} {
		err := usageError{cobraError{errors.New(tc.en)}}
		if got := hromada.Message(err, hromada.Ukrainian); got != tc.uk {
			t.Errorf("%q in Ukrainian = %q, want %q", tc.en, got, tc.uk)
		}
		if got := hromada.Message(err, hromada.English); got != tc.en {
			t.Errorf("%q in English = %q", tc.en, got)
		}
	}
}

// TestCountLine checks the count of errors and warnings, with the
// Ukrainian forms of the nouns after 1, 2–4, 5–20, 21, 22, 111.
func TestCountLine(t *testing.T) {
	ps := func(errs, warns int) hromada.Problems {
		var out hromada.Problems
		for range errs {
			out = append(out, hromada.Problem{Severity: hromada.Error})
		}
		for range warns {
			out = append(out, hromada.Problem{Severity: hromada.Warning})
		}
		return out
	}
	for _, tc := range []struct {
		errs, warns int
		uk, en      string
	}{
		{1, 0, "1 помилка, 0 попереджень", "1 error, 0 warnings"},
		{2, 1, "2 помилки, 1 попередження", "2 errors, 1 warning"},
		{5, 4, "5 помилок, 4 попередження", "5 errors, 4 warnings"},
		{11, 21, "11 помилок, 21 попередження", "11 errors, 21 warnings"},
		{22, 111, "22 помилки, 111 попереджень", "22 errors, 111 warnings"},
	} {
		p := ps(tc.errs, tc.warns)
		if got := countLine(p, hromada.Ukrainian); got != tc.uk {
			t.Errorf("countLine(uk) = %q, want %q", got, tc.uk)
		}
		if got := countLine(p, hromada.English); got != tc.en {
			t.Errorf("countLine(en) = %q, want %q", got, tc.en)
		}
	}
}

// TestReportInLanguage checks that report prints a usage error, its hint
// and a project's problems in the language of the messages.
func TestReportInLanguage(t *testing.T) {
	a := &app{getenv: func(string) string { return "" }}
	var b strings.Builder
	code := report(&b, nil, usageHinted{hromada.Errorf("у %s немає %s", "%s has no %s", "p", "project.xlsx"), hromada.T("підказка", "a hint")}, a)
	if want := "помилка: у p немає project.xlsx\nпідказка: підказка\n"; code != exitUsage || b.String() != want {
		t.Errorf("report = %d %q, want 2 %q", code, b.String(), want)
	}
	a.setLang(hromada.English)
	b.Reset()
	ps := hromada.Problems{{File: "project.xlsx", Sheet: "Settings", Cell: "C4", Msg: hromada.T("порожньо", "empty")}}
	code = report(&b, nil, ps, a)
	if want := "error: project.xlsx: Settings!C4: empty\n1 error, 0 warnings\n"; code != exitData || b.String() != want {
		t.Errorf("report = %d %q, want 1 %q", code, b.String(), want)
	}
}
