package main

import (
	"syscall"
	"unsafe"
)

// doubleClicked reports whether hromada was started from a folder window
// (a double-click), not from a command prompt: the console it runs in was
// made for it alone, so no other process is attached to it.
func doubleClicked() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
