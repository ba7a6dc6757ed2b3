// Command hromada turns household surveys, registry counts and provider
// inventories into social-service needs assessments, service-gap plans and
// multi-year budgets for Ukrainian territorial communities.
package main

import "os"

func main() {
	stop := catchInterrupts(os.Stderr, os.Exit)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
