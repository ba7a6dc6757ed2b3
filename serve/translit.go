package serve

import (
	"strings"
	"unicode"
)

// latin are the Latin letters of the Ukrainian ones, as the official
// transliteration (Cabinet of Ministers resolution 55 of 2010) writes
// them inside a word; a soft sign and an apostrophe are left out.
var latin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh", 'з': "z",
	'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ь': "", 'ю': "iu", 'я': "ia", '\'': "", '’': "", 'ʼ': "", 'ы': "y", 'э': "e", 'ё': "io", 'ъ': "",
}

// transliterate writes the Ukrainian letters of s in Latin ones, so that
// a project typed in Ukrainian gets a folder named after it.
func transliterate(s string) string {
	var b strings.Builder
	for _, r := range s {
		if l, ok := latin[unicode.ToLower(r)]; ok {
			b.WriteString(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
