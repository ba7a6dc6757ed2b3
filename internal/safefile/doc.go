// Package safefile holds hromada's rules for the files it writes: a name
// taken from the inputs (a community's code or name) becomes a file name
// only through [Name]; an output must stay inside its folder ([Inside])
// and must never be one of the inputs ([CheckOutputs]: the same file by
// its resolved path or its identity, so a symlink, a hard link or a
// "./" spelling is caught too); an input must be a regular file
// ([Regular]), so a pipe or a device cannot block a run.
//
// Outputs are written atomically ([Create]): into a hidden temporary file
// .NAME.NNN.tmp beside the output, renamed into place only when complete.
// The temporary files alive at any moment are known, so an interrupted
// run removes them ([Interrupt]) and leaves nothing; files a killed run
// left behind are swept by the next one ([Sweep]). A folder built aside and
// renamed into place (hromada init) is removed on an interrupt too
// ([TrackDir]).
//
// # Permissions
//
// Outputs are created with the mode 0666 less the umask, as any other
// program creates files (a umask of 022 gives 0644, 077 gives 0600);
// [SetPrivate] makes them 0600 less the umask, readable by their owner
// only — hromada does that for workbooks written with --no-suppress,
// which show the small cells that published workbooks hide.
package safefile
