package imagetext

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
)

// maxOutput bounds what is kept of Tesseract's output: far more than a
// screenshot holds, and the classifier reads 16 KB at most.
const maxOutput = 64 << 10

// tesseract runs the program on g with the language packs langs: image
// in by standard input, text out by standard output, no file, no shell.
// It is killed when ctx ends.
func (r *Reader) tesseract(ctx context.Context, g *image.Gray, langs string) (ocrRun, error) {
	cmd := exec.CommandContext(ctx, r.bin, "stdin", "stdout",
		"-l", langs,
		"--psm", strconv.Itoa(r.tune.psm),
		"-c", "thresholding_method="+strconv.Itoa(r.tune.threshold),
	)
	// One thread per process: the pool already keeps every core busy, and
	// OpenMP's spinning threads doubled the time per image on two cores.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(pgm(g))
	var out limitedBuffer
	out.max = maxOutput
	cmd.Stdout = &out
	// Standard error holds progress and warnings, never worth a log
	// line; it is dropped.
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	var run ocrRun
	if ps := cmd.ProcessState; ps != nil {
		run.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			run.peakKB = ru.Maxrss
		}
	}
	if runErr != nil {
		// The error names the program and its exit status only: its
		// output may hold what the image said.
		return run, fmt.Errorf("tesseract: %w", runErr)
	}
	run.text = out.String()
	return run, nil
}

// ocrRun is one run of Tesseract: its text, processor time and peak
// memory (KB).
type ocrRun struct {
	text   string
	cpu    time.Duration
	peakKB int64
}

// limitedBuffer keeps the first max bytes written and drops the rest
// (without failing the writer, so the program ends normally).
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// tidy cleans Tesseract's text: valid UTF-8, no spaces between Chinese
// characters (Tesseract separates every one), no blank lines or trailing
// spaces, form feeds gone.
func tidy(s string) string {
	s = strings.ToValidUTF8(s, "")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\f", ""))
		if l == "" {
			continue
		}
		lines = append(lines, joinHan(l))
	}
	return strings.Join(lines, "\n")
}

// joinHan drops the spaces that have a Chinese character or a full-width
// punctuation mark on either side.
func joinHan(l string) string {
	var b strings.Builder
	rs := []rune(l)
	for i, r := range rs {
		if r == ' ' && i > 0 && i < len(rs)-1 && (wide(rs[i-1]) || wide(rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
