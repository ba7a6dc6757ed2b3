package main

import (
	"os"
	"path/filepath"
)

// outFolder checks, before any work, that -o names a folder the outputs
// can go into: an existing folder, or one that can be made (the nearest
// part of the path that exists is a folder). A file there is bad usage,
// exit 2, with the flag named; nothing has been estimated yet.
func outFolder(path string) error {
	st, err := os.Stat(path)
	if err == nil {
		if !st.IsDir() {
			return usagef("-o %s — файл; укажіть папку для результатів", "-o %s is a file; name an output folder", path)
		}
		return nil
	}
	return creatable(path)
}

// outFile checks, before any work, that -o names a workbook that can be
// written: not a folder, in a folder that exists or can be made.
func outFile(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usagef("-o %s — папка; укажіть файл .xlsx, який записати", "-o %s is a folder; name the .xlsx file to write", path)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return usagef("-o %s: %s — файл, а не папка", "-o %s: %s is a file, not a folder", path, dir)
		}
		return nil
	}
	return creatable(dir)
}

// creatable reports, as a usage error naming -o, a folder that cannot be
// made: some part of its path is a file.
func creatable(dir string) error {
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil {
			if !st.IsDir() {
				return usagef("-o %s: %s — файл, тож папку для результатів не створити", "-o %s: %s is a file, so the output folder cannot be made", dir, d)
			}
			return nil
		}
		if d == filepath.Dir(d) {
			return nil
		}
	}
}

// makeOutDir makes the folder a workbook output goes into, once the work
// is done.
func makeOutDir(file string) error {
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return usagef("-o %s: не вдалося створити папку: %v", "-o %s: cannot make the folder: %v", file, err)
		}
	}
	return nil
}

// bareFiles checks the two input files a stage without a project needs,
// given by the flags named in flags, and its output -o: both flags are
// given, both files exist, and the output is an .xlsx file.
func bareFiles(out string, flags, files [2]string) error {
	if files[0] == "" || files[1] == "" {
		return usagef("%s і %s задають разом", "%s and %s go together", flags[0], flags[1])
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return usagef("%s не знайдено", "%s not found", f)
		}
	}
	if out != "" && filepath.Ext(out) != ".xlsx" {
		return usagef("-o %s: без проєкту результат — файл .xlsx", "-o %s: without a project the output is an .xlsx file", out)
	}
	return nil
}

// projectArg is the project folder a command's arguments name: the one
// argument, else the current folder.
func projectArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "."
}

// checkJobs refuses a negative --jobs; verbUK and verbEN say what the
// command does with the communities it takes at once.
func checkJobs(jobs int, verbUK, verbEN string) error {
	if jobs < 0 {
		return usagef("--jobs %d: укажіть, скільки громад "+verbUK+" водночас, від 1 (0 — скільки ядер)",
			"--jobs %d: give a number of communities to "+verbEN+" at once, 1 or more (0: as many as cores)", jobs)
	}
	return nil
}
