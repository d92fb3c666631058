// This file implements the located errors Import returns for C code that
// does not preprocess, parse or type check.

package cimport

import (
	"regexp"
	"strconv"
	"strings"
)

// Error is one C diagnostic.
type Error struct {
	File      string // "" when cc/v4 gave no position
	Line, Col int
	Msg       string
}

func (e Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": " + e.Msg
}

// ErrorList is the error Import returns for bad C code: one
// `file:line:col: message` line per diagnostic.
type ErrorList []Error

func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

var posRE = regexp.MustCompile(`^(.+?):(\d+):(\d+): ?(.*)$`)

// errorList converts an error of cc/v4, whose text is one diagnostic per
// line, into an ErrorList.
func errorList(err error) ErrorList {
	var l ErrorList
	for _, line := range strings.Split(err.Error(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := posRE.FindStringSubmatch(line); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			l = append(l, Error{File: m[1], Line: ln, Col: col, Msg: m[4]})
			continue
		}
		l = append(l, Error{Msg: line})
	}
	return l
}
