package main

import "github.com/spf13/cobra"

func newAssessCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "assess [PROJECT]",
		Short: "Estimate need rates and demand per population group and service",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("assess is not built yet")
		},
	}
}
