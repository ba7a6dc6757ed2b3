package project

import (
	"testing"

	"github.com/hromada-tool/hromada"
)

func TestLoadExample(t *testing.T) {
	p, ps := Load("../examples/zhytomyr", LoadOptions{})
	for _, pr := range ps {
		if pr.Severity == hromada.Error {
			t.Errorf("%v", pr)
		} else {
			t.Logf("%v", pr)
		}
	}
	if len(p.Communities) != 6 {
		t.Errorf("communities = %d, want 6", len(p.Communities))
	}
	t.Logf("groups %d needs %d registry %d providers %d posts %d", len(p.Groups), len(p.Needs), len(p.Registry), len(p.Providers), len(p.Posts))
}

func TestServiceCodeOf(t *testing.T) {
	for in, want := range map[string]string{"2": "002.0", "2.0": "002.0", "15.1": "015.1", "903": "903.0", " 10.1 ": "010.1"} {
		if got, ok := ServiceCodeOf(in); !ok || got != want {
			t.Errorf("ServiceCodeOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"002.0x", "1.25", "-1", "1000", "counselling"} {
		if got, ok := ServiceCodeOf(in); ok {
			t.Errorf("ServiceCodeOf(%q) = %q, want not a code", in, got)
		}
	}
}
