package xlsx

import (
	"io"
	"runtime"
)

// aheadReader reads a reader in a goroutine of its own, a few blocks ahead
// of its caller. It lets a worksheet be inflated on one core while it is
// scanned on another: the two take about as long as each other.
type aheadReader struct {
	rc     io.ReadCloser
	full   chan []byte   // blocks read, in order; closed after the last
	free   chan []byte   // blocks to read into
	done   chan struct{} // closed by Close
	exited chan struct{} // closed when the goroutine returns
	cur    []byte        // the unread rest of the block being read
	block  []byte        // the block cur is in
	err    error         // what ended the reading, set before full is closed
}

// Blocks of an aheadReader.
const (
	aheadBlock  = 256 << 10
	aheadBlocks = 4
)

// readAhead returns rc, or for a part large enough to be worth it and a
// process with more than one core, an aheadReader over it.
func readAhead(rc io.ReadCloser, size uint64) io.ReadCloser {
	if size < 4*aheadBlock || runtime.GOMAXPROCS(0) < 2 {
		return rc
	}
	a := &aheadReader{
		rc:     rc,
		full:   make(chan []byte, aheadBlocks),
		free:   make(chan []byte, aheadBlocks),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for range aheadBlocks {
		a.free <- make([]byte, aheadBlock)
	}
	go a.run()
	return a
}

func (a *aheadReader) run() {
	defer close(a.exited)
	for {
		var b []byte
		select {
		case b = <-a.free:
		case <-a.done:
			return
		}
		n, err := io.ReadFull(a.rc, b)
		if n > 0 {
			select {
			case a.full <- b[:n]:
			case <-a.done:
				return
			}
		}
		if err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			a.err = err
			close(a.full)
			return
		}
	}
}

// Read reads from the blocks read ahead; at their end it returns the error
// that ended them (io.EOF at the end of the part).
func (a *aheadReader) Read(p []byte) (int, error) {
	if len(a.cur) == 0 {
		if a.block != nil {
			a.free <- a.block[:cap(a.block)]
			a.block = nil
		}
		b, ok := <-a.full
		if !ok {
			return 0, a.err
		}
		a.block, a.cur = b, b
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Close stops the reading, waits for the goroutine and closes the reader
// under it.
func (a *aheadReader) Close() error {
	select {
	case <-a.done:
	default:
		close(a.done)
	}
	<-a.exited
	return a.rc.Close()
}
