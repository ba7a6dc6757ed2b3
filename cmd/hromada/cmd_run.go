package main

import "github.com/spf13/cobra"

func newRunCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "run [PROJECT]",
		Short: "Check and assess every community of a project",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("run is not built yet")
		},
	}
}
