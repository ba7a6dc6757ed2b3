package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
)

// Clash is an output that is the same file as an input: writing it would
// replace the input.
type Clash struct {
	Output, Input string
}

func (c *Clash) Error() string {
	if c.Output == c.Input {
		return fmt.Sprintf("the output %s is an input: writing it would replace the input", c.Output)
	}
	return fmt.Sprintf("the output %s is the input %s: writing it would replace the input", c.Output, c.Input)
}

// In returns the message in lang (Error is English).
func (c *Clash) In(lang hromada.Lang) string {
	if lang == hromada.English {
		return c.Error()
	}
	if c.Output == c.Input {
		return fmt.Sprintf("вихідний файл %s є вхідним: запис замінив би вхідні дані", c.Output)
	}
	return fmt.Sprintf("вихідний файл %s — це вхідний файл %s: запис замінив би вхідні дані", c.Output, c.Input)
}

// resolved is path made absolute with its symlinks followed: the whole
// path when it exists, else its folder's (the file is yet to be made).
func resolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}

type known struct {
	path string
	info fs.FileInfo // nil when the file does not exist
}

// CheckOutputs returns a *Clash when any of outputs is the same file as
// any of inputs, else nil. Two paths are the same file when they resolve
// to the same absolute path (a "./" or "a/../" spelling, a symlink on the
// way) or, both existing, when the system says they are one file (a hard
// link, a name differing only in case on a case-insensitive disk). Empty
// paths are skipped. Nothing is opened: it only looks.
func CheckOutputs(outputs, inputs []string) error {
	byPath := map[string]string{}
	var ins []known
	for _, in := range inputs {
		if in == "" {
			continue
		}
		byPath[resolved(in)] = in
		if fi, err := os.Stat(in); err == nil {
			ins = append(ins, known{in, fi})
		}
	}
	for _, out := range outputs {
		if out == "" {
			continue
		}
		if in, ok := byPath[resolved(out)]; ok {
			return &Clash{Output: out, Input: in}
		}
		fi, err := os.Stat(out)
		if err != nil {
			continue // not there yet: no input can be it
		}
		for _, in := range ins {
			if os.SameFile(fi, in.info) {
				return &Clash{Output: out, Input: in.path}
			}
		}
	}
	return nil
}

// NotRegular is an input that is not a regular file: a pipe, a device, a
// socket or a folder, which hromada does not read (a pipe with no writer
// would block it for ever).
type NotRegular struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegular) Error() string {
	return fmt.Sprintf("%s is %s: give a saved file", e.Path, e.Kind())
}

// In returns the message in lang (Error is English).
func (e *NotRegular) In(lang hromada.Lang) string {
	if lang == hromada.English {
		return e.Error()
	}
	kind := "не звичайний файл"
	switch {
	case e.Mode.IsDir():
		kind = "папка, а не файл"
	case e.Mode&fs.ModeNamedPipe != 0:
		kind = "канал (pipe), а не файл"
	case e.Mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		kind = "пристрій, а не файл"
	case e.Mode&fs.ModeSocket != 0:
		kind = "сокет, а не файл"
	}
	return fmt.Sprintf("%s — %s: укажіть збережений файл", e.Path, kind)
}

// Kind says what the file is instead: "a pipe, not a file" and the like.
func (e *NotRegular) Kind() string {
	switch {
	case e.Mode.IsDir():
		return "a folder, not a file"
	case e.Mode&fs.ModeNamedPipe != 0:
		return "a pipe, not a file"
	case e.Mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "a device, not a file"
	case e.Mode&fs.ModeSocket != 0:
		return "a socket, not a file"
	}
	return "not a regular file"
}

// Regular returns nil when path is a regular file (after symlinks), a
// *NotRegular when it is something else, and the error of os.Stat (such
// as fs.ErrNotExist) when it cannot be looked at.
func Regular(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &NotRegular{Path: path, Mode: fi.Mode()}
	}
	return nil
}

// ErrTooLarge is returned by ReadSmall for a file over its limit.
var ErrTooLarge = errors.New("file too large")

// ReadSmall reads a regular file of at most max bytes, such as a password
// file: a pipe or a device is refused (Regular) and a larger file is an
// error wrapping ErrTooLarge, read no further than max+1 bytes.
func ReadSmall(path string, max int64) ([]byte, error) {
	if err := Regular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: %w (over %d bytes)", path, ErrTooLarge, max)
	}
	return b, nil
}
