// Command hromada turns household surveys, registry counts and provider
// inventories into social-service needs assessments, service-gap plans and
// multi-year budgets for Ukrainian territorial communities.
package main

import "os"

func main() {
	stop := catchInterrupts(os.Stderr, os.Exit)
	args := os.Args[1:]
	if len(args) == 0 && doubleClicked() {
		// Started from a folder window: the page, in the browser.
		args = []string{"serve", "--open"}
	}
	code := run(args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
