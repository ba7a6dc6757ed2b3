package safefile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/hromada-tool/hromada"
)

// The temporary files alive now, so that an interrupt can remove them.
var (
	mu       sync.Mutex
	live     = map[string]*os.File{}
	liveDirs = map[string]bool{}
	stopped  bool
	private  bool
)

// TrackDir makes Interrupt remove the temporary folder dir, which a
// command fills and then renames into place (hromada init); done stops
// that, once it is renamed or removed. After Interrupt it fails.
func TrackDir(dir string) (done func(), err error) {
	mu.Lock()
	defer mu.Unlock()
	if stopped {
		return nil, ErrInterrupted
	}
	liveDirs[dir] = true
	return func() {
		mu.Lock()
		delete(liveDirs, dir)
		mu.Unlock()
	}, nil
}

// ErrInterrupted is returned by Create after Interrupt: no new file is
// started once the run is being stopped.
var ErrInterrupted = hromada.Errorf("перервано", "interrupted")

// SetPrivate makes the files Create makes from now on readable by their
// owner only (0600 less the umask) when on is true; else they are 0666
// less the umask, as any program makes them.
func SetPrivate(on bool) {
	mu.Lock()
	private = on
	mu.Unlock()
}

// Temp is an output being written: a hidden temporary file beside it.
type Temp struct {
	*os.File
	path string // the output's path
}

// tempName is the temporary file of an output named base: hidden, the
// output's name, a random number, .tmp. Sweep knows the pattern.
func tempName(base string) string {
	return "." + base + "." + strconv.FormatUint(uint64(rand.Uint32()), 10) + ".tmp"
}

// tempPattern matches the temporary files hromada makes (tempName) of its
// outputs, which are .xlsx workbooks.
var tempPattern = regexp.MustCompile(`^\..+\.xlsx\.[0-9]+\.tmp$`)

// Create starts the output path: it makes a new temporary file beside it
// (in the same folder, so the final rename cannot cross disks), with the
// mode of SetPrivate less the umask. Commit renames it into place; Abort
// removes it. Until then Interrupt may remove it.
func Create(path string) (*Temp, error) {
	mu.Lock()
	defer mu.Unlock()
	if stopped {
		return nil, hromada.Errorf("не вдалося записати %s: %w", "cannot write %s: %w", path, ErrInterrupted)
	}
	perm := fs.FileMode(0o666)
	if private {
		perm = 0o600
	}
	dir, base := filepath.Split(path)
	for try := 0; ; try++ {
		name := filepath.Join(dir, tempName(base))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		if err != nil {
			return nil, hromada.Errorf("не вдалося записати %s: %w", "cannot write %s: %w", path, err)
		}
		live[name] = f
		return &Temp{File: f, path: path}, nil
	}
}

// Commit makes the complete temporary file the output: it is synced,
// closed and renamed onto the output's path.
func (t *Temp) Commit() error {
	err := t.Sync()
	if err == nil {
		err = t.Close()
	}
	if err != nil {
		if !t.live() {
			return hromada.Errorf("не вдалося записати %s: %w", "cannot write %s: %w", t.path, ErrInterrupted)
		}
		return failed(hromada.Errorf("запис %s не вдався: %w", "writing %s: %w", t.path, err), t.Abort())
	}
	mu.Lock()
	defer mu.Unlock()
	name := t.Name()
	if _, ok := live[name]; !ok {
		return hromada.Errorf("не вдалося записати %s: %w", "cannot write %s: %w", t.path, ErrInterrupted)
	}
	delete(live, name)
	if err := os.Rename(name, t.path); err != nil {
		return failed(hromada.Errorf("не вдалося записати %s: %w", "cannot write %s: %w", t.path, err), removeQuiet(name))
	}
	return nil
}

// live reports whether t is still being written: not committed, aborted
// or removed by Interrupt.
func (t *Temp) live() bool {
	mu.Lock()
	defer mu.Unlock()
	_, ok := live[t.Name()]
	return ok
}

// Abort removes the temporary file; the output is untouched.
func (t *Temp) Abort() error {
	mu.Lock()
	defer mu.Unlock()
	name := t.Name()
	if _, ok := live[name]; !ok {
		return nil // committed, aborted or removed by Interrupt
	}
	delete(live, name)
	_ = t.Close() // the file is being removed; a close error changes nothing
	return removeQuiet(name)
}

// failed is err, with the error of removing the temporary file after it
// on the same line when there is one.
func failed(err, cleanup error) error {
	if cleanup == nil {
		return err
	}
	return hromada.Errorf("%w (і недописаний файл лишився: %w)", "%w (and the unfinished file stays: %w)", err, cleanup)
}

func removeQuiet(name string) error {
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Interrupt stops all writing: it removes every temporary file alive and
// makes Create and Commit fail from now on. It returns the files it could
// not remove. Outputs already renamed into place are complete and stay.
func Interrupt() []error {
	mu.Lock()
	defer mu.Unlock()
	stopped = true
	var errs []error
	for name, f := range live {
		_ = f.Close() // removed next; a close error changes nothing
		if err := removeQuiet(name); err != nil {
			errs = append(errs, err)
		}
		delete(live, name)
	}
	for dir := range liveDirs {
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, err)
		}
		delete(liveDirs, dir)
	}
	return errs
}

// Live is the number of temporary files being written now.
func Live() int {
	mu.Lock()
	defer mu.Unlock()
	return len(live)
}

// StaleAge is how long a temporary file must have been left unmodified
// before Sweep takes it for the leftover of a killed run rather than the
// file another hromada, writing into the same folder now, is filling.
const StaleAge = 10 * time.Minute

// Sweep removes from the folder dir the temporary files of hromada's own
// pattern (.NAME.xlsx.NNN.tmp) not modified for olderThan: the leftovers
// of a run that was killed (a kill cannot be caught). It returns how many
// it removed. A folder that does not exist has none.
func Sweep(dir string, olderThan time.Duration) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	now := time.Now()
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempPattern.MatchString(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < olderThan {
			continue
		}
		name := filepath.Join(dir, e.Name())
		mu.Lock()
		_, mine := live[name]
		mu.Unlock()
		if mine {
			continue
		}
		if err := removeQuiet(name); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
