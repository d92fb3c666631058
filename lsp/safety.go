// This file implements the server's settings and what trust changes: the
// Lua code each untrusted check runs before the program.
package lsp

import (
	"encoding/json"
	"time"
)

// settings are what initializationOptions and
// workspace/didChangeConfiguration can set, under a "terrac" key or at
// the top level: {"terrac": {"trust": true, "timeout": 5}}.
type settings struct {
	// Trust lets the Lua stage do real I/O (io, os), save objects
	// (terralib.saveobj) and run the image DSL's steps and programs.
	// Native Terra code never runs, trusted or not.
	Trust bool
	// Timeout bounds each check run.
	Timeout time.Duration
}

func defaultSettings() settings { return settings{Timeout: 2 * time.Second} }

// rawSettings is the JSON shape of settings; timeout is in seconds.
type rawSettings struct {
	Trust   *bool    `json:"trust"`
	Timeout *float64 `json:"timeout"`
}

// update applies a settings object, nested under "terrac" or not.
func (s *settings) update(raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	var nested struct {
		Terrac   *rawSettings `json:"terrac"`
		Settings *struct {
			Terrac *rawSettings `json:"terrac"`
		} `json:"settings"`
	}
	var flat rawSettings
	_ = json.Unmarshal(raw, &nested)
	_ = json.Unmarshal(raw, &flat)
	r := &flat
	if nested.Terrac != nil {
		r = nested.Terrac
	} else if nested.Settings != nil && nested.Settings.Terrac != nil {
		r = nested.Settings.Terrac
	}
	if r.Trust != nil {
		s.Trust = *r.Trust
	}
	if r.Timeout != nil && *r.Timeout > 0 {
		s.Timeout = time.Duration(*r.Timeout * float64(time.Second))
	}
}

// untrustedPrelude runs before an untrusted program, after the io/os
// switch of --no-lua-io: no object files or linker runs, and the image
// DSL's steps and programs are disabled (it reads TERRAC_IMAGE_STEPS).
const untrustedPrelude = `
local function denied(name)
  return function() error(name .. " is disabled in the language server (set terrac.trust to allow it)", 2) end
end
terralib.saveobj = denied("terralib.saveobj")
local getenv = os.getenv
os.getenv = function(name)
  if name == "TERRAC_IMAGE_STEPS" then return "off" end
  return getenv(name)
end
`
