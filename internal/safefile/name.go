package safefile

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hromada-tool/hromada"
)

var notNameChar = regexp.MustCompile(`[^a-z0-9]+`)

// Name makes s safe as part of a file name: lower case, each run of
// characters other than a–z and 0–9 (a path separator, a dot, a space, a
// letter outside ASCII) one hyphen, no hyphen at either end. It is "" when
// nothing of s is left; the caller chooses the fallback.
func Name(s string) string {
	return strings.Trim(notNameChar.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// Inside returns an error unless path, once cleaned, names an entry inside
// the folder dir (not dir itself, not a place above it). It is a lexical
// test: dir's own symlinks do not matter, a path that climbs out of dir
// through ".." does.
func Inside(dir, path string) error {
	d, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	p, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(d, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return hromada.Errorf("%s — не у вихідній папці %s", "%s is not inside the output folder %s", path, dir)
	}
	return nil
}

// Rel is path as a workbook states it: relative to the folder base, with
// forward slashes, when path is inside base; else the file's name alone.
// The result depends neither on how the path was spelled ("./a", "a//b",
// an absolute path) nor on the folders above base, so the names of home
// folders do not travel in shared files.
func Rel(base, path string) string {
	if path == "" {
		return ""
	}
	b, err1 := filepath.Abs(base)
	p, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(b, p); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(path)
}
