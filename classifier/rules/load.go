package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"

	"go.yaml.in/yaml/v3"
)

// FS holds the shipped rule files (*.yaml) and domain data (data/*.yaml).
//
//go:embed *.yaml data/*.yaml
var FS embed.FS

// Load decodes and validates every *.yaml file of dir in fsys, in the
// order of their names. Cross-file checks that need no compiling are made
// here: exactly one file has levels, at most one precedence and one veto.
func Load(fsys fs.FS, dir string) ([]File, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list rule files in %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no rule files in %s", dir)
	}
	sort.Strings(names)
	files := make([]File, 0, len(names))
	var levels, precedence, veto string
	for _, name := range names {
		f, err := decodeFile[File](fsys, name)
		if err != nil {
			return nil, err
		}
		f.Name = name
		if err := f.validate(); err != nil {
			return nil, err
		}
		for _, once := range []struct {
			set  bool
			seen *string
			key  string
		}{{f.Levels != nil, &levels, "levels"}, {f.Precedence != nil, &precedence, "precedence"}, {f.Veto != nil, &veto, "veto"}} {
			if !once.set {
				continue
			}
			if *once.seen != "" {
				return nil, &Error{File: name, Field: once.key, Err: fmt.Errorf("defined again (first in %s)", *once.seen)}
			}
			*once.seen = name
		}
		files = append(files, f)
	}
	if levels == "" {
		return nil, fmt.Errorf("%s: no file defines levels", dir)
	}
	return files, nil
}

// validate checks every spec of f on its own.
func (f *File) validate() error {
	if f.Levels != nil {
		if err := f.Levels.Validate(); err != nil {
			return &Error{File: f.Name, Field: "levels", Err: err}
		}
	}
	if f.Precedence != nil {
		if err := f.Precedence.Validate(); err != nil {
			return at(f.Name, "", "", &fieldError{"precedence", err})
		}
	}
	if f.Veto != nil {
		if err := f.Veto.Validate(); err != nil {
			return at(f.Name, "", "", &fieldError{"veto", err})
		}
	}
	for _, s := range f.Sets {
		if err := s.Validate(); err != nil {
			return at(f.Name, "set", s.ID, err)
		}
	}
	for _, r := range f.Rules {
		if err := r.Validate(); err != nil {
			return at(f.Name, "rule", r.ID, err)
		}
	}
	return nil
}

// decodeFile decodes the one YAML document of fsys's file name into a T,
// rejecting unknown keys, an empty file and a second document.
func decodeFile[T any](fsys fs.FS, name string) (T, error) {
	var v T
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return v, fmt.Errorf("read %s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		if errors.Is(err, io.EOF) {
			return v, &Error{File: name, Err: errors.New("empty file")}
		}
		return v, &Error{File: name, Err: fmt.Errorf("decode: %w", err)}
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return v, &Error{File: name, Err: errors.New("more than one YAML document")}
	}
	return v, nil
}
