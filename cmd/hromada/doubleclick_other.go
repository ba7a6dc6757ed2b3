//go:build !windows

package main

// doubleClicked reports whether hromada was started by a double-click in
// a folder window; only Windows says so.
func doubleClicked() bool { return false }
