package main

import "github.com/spf13/cobra"

func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Write a starter project: input workbooks and the household questionnaire",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("init is not built yet")
		},
	}
}
