package hromada

import (
	"fmt"
	"strings"
)

// Messages in two languages.
//
// Every text a user reads — a problem in an input, an error, a warning, a
// hint — is written in both languages where it is made, and printed in the
// language of the project (or --lang). [T] makes a [Text] from a format in
// each language; [Errorf] makes an error that keeps both formats and
// prints in either ([Message]). A [Text] or an error among the arguments is
// written in the language of the text it goes into, so messages built from
// other messages stay in one language.

// T returns a text in both languages: uk and en are fmt formats applied to
// the same args. An argument that is a Text or an error is written in the
// language of each format.
func T(uk, en string, args ...any) Text {
	return Text{UK: sprintf(Ukrainian, uk, args), EN: sprintf(English, en, args)}
}

// IsZero reports whether t holds no text in either language.
func (t Text) IsZero() bool { return t.UK == "" && t.EN == "" }

// Join returns the texts joined by sep in each language, skipping empty ones.
func Join(sep string, ts ...Text) Text {
	var uk, en []string
	for _, t := range ts {
		if s := t.In(Ukrainian); s != "" {
			uk = append(uk, s)
		}
		if s := t.In(English); s != "" {
			en = append(en, s)
		}
	}
	return Text{UK: strings.Join(uk, sep), EN: strings.Join(en, sep)}
}

// sprintf formats format with args, each Text or error argument written in
// lang; %w is formatted as %v.
func sprintf(lang Lang, format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	local := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Text:
			local[i] = v.In(lang)
		case error:
			local[i] = Message(v, lang)
		default:
			local[i] = a
		}
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), local...)
}

// TextError is an error whose message is kept in both languages. Its Error
// method returns the English message; [Message] returns either.
type TextError struct {
	uk, en string
	args   []any
}

// Errorf returns an error with a message in both languages: uk and en are
// fmt formats applied to the same args. As with fmt.Errorf, an error
// argument of %w is wrapped (errors.Is and errors.As see it); an error or
// Text argument is written in the language the message is printed in.
func Errorf(uk, en string, args ...any) error {
	return &TextError{uk: uk, en: en, args: args}
}

// Error returns the message in English.
func (e *TextError) Error() string { return e.In(English) }

// In returns the message in lang.
func (e *TextError) In(lang Lang) string {
	if lang == English || e.uk == "" {
		return sprintf(lang, e.en, e.args)
	}
	return sprintf(lang, e.uk, e.args)
}

// Text returns the message in both languages.
func (e *TextError) Text() Text { return Text{UK: e.In(Ukrainian), EN: e.In(English)} }

// Unwrap returns the errors given for %w in the English format.
func (e *TextError) Unwrap() []error {
	var errs []error
	n := 0
	for i := 0; i < len(e.en); i++ {
		if e.en[i] != '%' || i+1 >= len(e.en) {
			continue
		}
		i++
		if e.en[i] == '%' {
			continue
		}
		// Skip flags, width and precision up to the verb.
		for i < len(e.en) && strings.IndexByte("+-# 0123456789.*[]", e.en[i]) >= 0 {
			i++
		}
		if i < len(e.en) && e.en[i] == 'w' && n < len(e.args) {
			if err, ok := e.args[n].(error); ok {
				errs = append(errs, err)
			}
		}
		n++
	}
	return errs
}

// Localized is implemented by errors that can write their message in
// either language.
type Localized interface {
	error
	In(lang Lang) string
}

// Message returns err's message in lang: a [Localized] error (a [TextError],
// [Problem], [Problems]) in that language, any other error as its Error
// method says. A nil error gives "".
func Message(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localized); ok {
		return l.In(lang)
	}
	return err.Error()
}

// ErrText returns err's message in both languages (see [Message]).
func ErrText(err error) Text {
	return Text{UK: Message(err, Ukrainian), EN: Message(err, English)}
}
