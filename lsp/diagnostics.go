// This file implements publishing a check run's diagnostics: errors in
// the document and in the files it requires, and the notes of a run that
// stopped early.
package lsp

import (
	"fmt"
	"regexp"
	"strconv"

	"terrac/lang/source"
)

// spanRange converts a span into an LSP range in its file.
func spanRange(sp source.Span) lspRange {
	if sp.File == nil {
		return lspRange{}
	}
	text := string(sp.File.Content)
	start := int(sp.Start)
	if start < 0 {
		start = 0
	}
	end := int(sp.End)
	if end < start {
		end = start
	}
	return lspRange{Start: positionOf(text, start), End: positionOf(text, end)}
}

func toDiagnostic(d *source.Diagnostic, severity int) diagnostic {
	out := diagnostic{Range: spanRange(d.Span), Severity: severity, Source: "terrac", Message: d.Msg}
	for _, n := range d.Notes {
		if n.Span.File == nil {
			out.Message += "\n" + n.Msg
			continue
		}
		out.RelatedInformation = append(out.RelatedInformation, diagnosticRelatedInformation{
			Location: location{URI: pathToURI(n.Span.File.Name), Range: spanRange(n.Span)},
			Message:  n.Msg,
		})
	}
	return out
}

// stoppedAt matches the place in a "stopped at FILE:LINE: ..." note.
var stoppedAt = regexp.MustCompile(`^stopped at (.+):(\d+): `)

// publish sends the diagnostics of a finished run, one notification per
// file, and clears the files the previous run reported on and this one
// does not.
func (s *Server) publish(snap *snapshot) {
	doc := snap.doc
	byURI := map[string][]diagnostic{doc.uri: {}}
	for _, d := range snap.result.Diags {
		uri := doc.uri
		if d.Span.File != nil && d.Span.File.Name != doc.path {
			uri = pathToURI(d.Span.File.Name)
		}
		byURI[uri] = append(byURI[uri], toDiagnostic(d, severityError))
	}
	res := snap.result
	if res.TimedOut {
		d := diagnostic{Severity: severityError, Source: "terrac",
			Message: fmt.Sprintf("the Lua stage did not finish within %v and was stopped; definitions after this point were not checked", snap.set.Timeout)}
		if res.Where != nil && res.Where.Span.File != nil && res.Where.Span.File.Name == doc.path {
			d.Range = spanRange(res.Where.Span)
		}
		byURI[doc.uri] = append(byURI[doc.uri], d)
	}
	for _, n := range res.Notes {
		if res.TimedOut {
			break // said above, with its place
		}
		d := diagnostic{Severity: severityInformation, Source: "terrac", Message: n}
		if m := stoppedAt.FindStringSubmatch(n); m != nil && m[1] == doc.path {
			line, _ := strconv.Atoi(m[2])
			d.Range = lspRange{Start: position{Line: line - 1}, End: position{Line: line - 1}}
			d.Message = n[len("stopped at "+m[1]+":"+m[2]+": "):]
		}
		byURI[doc.uri] = append(byURI[doc.uri], d)
	}
	s.mu.Lock()
	old := s.published[doc.uri]
	now := map[string]bool{}
	for u := range byURI {
		now[u] = true
	}
	s.published[doc.uri] = now
	s.mu.Unlock()
	for u := range old {
		if !now[u] {
			s.conn.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: u, Diagnostics: []diagnostic{}})
		}
	}
	for u, ds := range byURI {
		p := publishDiagnosticsParams{URI: u, Diagnostics: ds}
		if u == doc.uri {
			v := doc.version
			p.Version = &v
		}
		s.conn.notify("textDocument/publishDiagnostics", p)
	}
}

// clearDiagnostics empties what a closed document published.
func (s *Server) clearDiagnostics(uri string) {
	s.mu.Lock()
	old := s.published[uri]
	delete(s.published, uri)
	s.mu.Unlock()
	for u := range old {
		s.conn.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: u, Diagnostics: []diagnostic{}})
	}
}
