// Package booktest is the test harness the report layouts' tests share:
// golden dumps (go test -update rewrites them), byte-for-byte
// determinism, the check that every text key a writer uses is in its
// table in both languages, and small readers of a written workbook's
// sheets and parts.
package booktest
