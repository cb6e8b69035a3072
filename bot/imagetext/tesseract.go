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

// maxOutput bounds what is kept of Tesseract's output: its TSV takes
// about 50 bytes a word besides the word, so 1 MB is far more than a
// screenshot holds (the classifier reads 16 KB of text at most).
const maxOutput = 1 << 20

// tesseract runs the program on g with the language packs langs: image
// in by standard input, its words as TSV out by standard output, no file,
// no shell. It is killed when ctx ends.
func (r *Reader) tesseract(ctx context.Context, g *image.Gray, langs string) (ocrRun, error) {
	cmd := exec.CommandContext(ctx, r.bin, "stdin", "stdout",
		"-l", langs,
		"--psm", strconv.Itoa(r.tune.psm),
		"-c", "thresholding_method="+strconv.Itoa(r.tune.threshold),
		// TSV rather than plain text: the same words, line by line, with
		// the confidence that chooses between two readings.
		"tsv",
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
	run.text, run.conf = parseTSV(out.String())
	return run, nil
}

// ocrRun is one run of Tesseract: its text, the mean confidence of its
// words (0–100; 0 without words), processor time and peak memory (KB).
type ocrRun struct {
	text   string
	conf   float64
	cpu    time.Duration
	peakKB int64
}

// parseTSV turns Tesseract's TSV into text, a line of words joined by
// spaces for each of its lines as the plain text output writes them, and
// the mean confidence of the words. Rows are level, page, block,
// paragraph, line and word numbers, left, top, width, height, confidence
// and text; only level 5 (a word) carries text.
func parseTSV(tsv string) (text string, conf float64) {
	var b strings.Builder
	var sum float64
	words := 0
	line := ""
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.SplitN(strings.TrimRight(row, "\r"), "\t", 12)
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		word := strings.TrimSpace(f[11])
		if word == "" {
			continue
		}
		// Page, block, paragraph and line numbers name the line.
		if key := strings.Join(f[1:5], " "); key != line {
			if line != "" {
				b.WriteByte('\n')
			}
			line = key
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		if c, err := strconv.ParseFloat(f[10], 64); err == nil && c >= 0 {
			sum += c
			words++
		}
	}
	if words > 0 {
		conf = sum / float64(words)
	}
	return b.String(), conf
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
