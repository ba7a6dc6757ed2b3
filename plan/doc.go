// Package plan computes the service-gap plan of a community: for each
// social service, demand against the capacity of the providers, whether to
// create it, enhance it or leave it, the target clients and the staff year
// by year, and the order in which to act.
//
// It is pure computation: values in, values and an error out. Reading the
// assessment and the inventory and writing the plan workbook live in
// package workbook.
package plan
