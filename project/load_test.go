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
