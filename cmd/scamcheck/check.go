package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/scamcheck/scamcheck/classifier"
)

// runCheck prints the verdict for one message.
func runCheck(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	asJSON := fs.Bool("json", false, "print the verdict as JSON")
	imageFile := fs.String("image", "", "read the text of this image (PNG, JPEG, WebP) with Tesseract and check it")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	text := strings.Join(fs.Args(), " ")
	if *imageFile != "" {
		return checkImage(ctx, *imageFile, *asJSON, sio)
	}
	if fs.NArg() == 0 {
		b, err := io.ReadAll(io.LimitReader(sio.in, 1<<20))
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		text = string(b)
	}
	c, err := classifier.New()
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	// The checker adds the model when one is configured (issue #5); nil
	// store means an in-memory one for this single run.
	ck, err := newChecker(sio, c, nil)
	if err != nil {
		return fmt.Errorf("set up checker: %w", err)
	}
	v := ck.Check(ctx, "cli", text)
	if *asJSON {
		if v.Signals == nil {
			v.Signals = []classifier.Signal{} // [] rather than null for consumers
		}
		enc := json.NewEncoder(sio.out)
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	fmt.Fprintf(sio.out, "level: %s\ntype: %s\nscore: %.2f\nlang: %s\n", v.Level, v.Type, v.Score, v.Lang)
	for _, s := range v.Signals {
		fmt.Fprintf(sio.out, "  %s (%s): %q\n", s.ID, s.Type, s.Evidence)
	}
	return nil
}
