package main

import "github.com/spf13/cobra"

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check [PROJECT]",
		Short: "Validate every input of a project and list every problem",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("check is not built yet")
		},
	}
}
