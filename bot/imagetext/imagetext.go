// Package imagetext reads what a screenshot or photo says: its text, by
// Tesseract's command-line program, and the links in its QR codes. It is
// the edge where images become text; the bot then checks that text as it
// checks typed messages.
//
// Images are held in memory only while they are read: the decoded image
// goes to Tesseract's standard input and its text comes back on standard
// output, so nothing is written to disk, and nothing read is logged.
// Reading runs in a bounded pool of workers with a queue limit and a time
// budget per image; an image that does not fit gets ErrBusy or ErrTimeout
// at once, never a long silence.
package imagetext

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
)

// Errors a Read may return (wrapped); each has its own answer for the
// person.
var (
	// ErrNotImage: not a PNG, JPEG or WebP file, or a damaged one.
	ErrNotImage = errors.New("not a readable PNG, JPEG or WebP image")
	// ErrTooLarge: more pixels than MaxPixels.
	ErrTooLarge = errors.New("image has too many pixels")
	// ErrBusy: the workers and the queue are full.
	ErrBusy = errors.New("too many images waiting to be read")
	// ErrTimeout: not read within the budget (waiting included).
	ErrTimeout = errors.New("image not read within its time budget")
	// ErrUnavailable: Tesseract or one of its languages is missing.
	ErrUnavailable = errors.New("tesseract OCR unavailable")
)

// Options configure a Reader.
type Options struct {
	// Tesseract is the program to run: a path, or a name looked up on
	// PATH (default "tesseract").
	Tesseract string
	// Languages are Tesseract's language packs for the first reading,
	// "+"-joined (default DefaultLanguages).
	Languages string
	// Latin are the packs of a second reading of an image whose first
	// one came out mostly in Latin letters (default DefaultLatin; "-"
	// turns it off). Chinese alone reads Chinese best but runs English
	// words together.
	Latin string
	// Traditional are the packs of a second reading of a Chinese image
	// whose first reading is unsure (default DefaultTraditional; "-"
	// turns it off): Simplified Chinese reads Traditional characters as
	// their simplified forms, but gets about one in seven of them wrong.
	// The reading Tesseract is clearly surer of is kept.
	Traditional string
	// Workers is how many images are read at once (default: the number
	// of CPUs; each worker is one Tesseract process of up to about
	// 200 MB while it reads).
	Workers int
	// Queue is how many more may wait for a worker (default 2×Workers).
	Queue int
	// Budget bounds one image from arrival to text, waiting included
	// (default 8s).
	Budget time.Duration
}

// Defaults of Options.
const (
	DefaultLanguages = "chi_sim"
	DefaultLatin     = "eng"
	// DefaultTraditional reads Traditional Chinese; chi_tra+chi_sim
	// reads as well but takes longer.
	DefaultTraditional = "chi_tra"
	DefaultBudget      = 8 * time.Second
	// MaxPixels bounds a decoded image (a long scrolling screenshot of
	// 1080×22,000 fits): a small file that unpacks into a huge bitmap
	// is refused before it is decoded.
	MaxPixels = 24_000_000
)

// Result is what an image says.
type Result struct {
	// Text is the text read, lines in reading order, spaces Tesseract
	// puts between Chinese characters removed.
	Text string
	// Links are the contents of the QR codes found (URLs, as a rule).
	Links []string
	// Chars counts the letters and digits in Text: how much was read.
	Chars int
	// Took is how long the reading took (waiting not included), CPU the
	// processor time of the Tesseract processes (which a busy machine
	// does not inflate), and PeakKB their peak resident memory.
	Took   time.Duration
	CPU    time.Duration
	PeakKB int64
}

// tuning holds the choices the measurements in measure_test.go made.
type tuning struct {
	// psm is Tesseract's page segmentation mode.
	psm int
	// invertDark turns light text on a darker ground (dark mode, white
	// on a blue bubble) into dark on light before thresholding, block by
	// block (prepare.go).
	invertDark bool
	// minWidth scales narrower images up (at most twice) to this width.
	minWidth int
	// cropStatus drops a phone's status bar (clock, battery) from the top
	// of portrait screenshots.
	cropStatus bool
	// threshold is Tesseract's thresholding_method: 0 Otsu, 2 Sauvola.
	threshold int
}

var defaultTuning = tuning{psm: 3, invertDark: true, minWidth: 1000, cropStatus: true, threshold: 2}

// When the first reading of a Chinese image has a mean word confidence
// below unsureBelow, it is read again with the Traditional packs, and
// that reading is kept when its confidence is at least surerBy higher.
// In readings of 60 dev-set messages drawn as screenshots, Simplified
// Chinese read the 30 Traditional ones with confidences of 60–91 and the
// 30 Simplified ones with 74–95; the Traditional model was 0–25 points
// surer than it on Traditional text, and from 11 points less sure to 3.5
// points surer on Simplified text, where its reading (Traditional forms)
// is the worse one. BenchmarkOCRDev measures the effect.
const (
	unsureBelow = 88
	surerBy     = 8
)

// Reader reads images. It is safe for concurrent use.
type Reader struct {
	bin     string
	langs   string
	latin   string
	trad    string
	budget  time.Duration
	tune    tuning
	slots   chan struct{}
	limit   int64
	pending atomic.Int64
}

// New finds Tesseract and checks that it has the languages; the error
// wraps ErrUnavailable when it does not (the bot then answers images
// with a request for the text).
func New(ctx context.Context, o Options) (*Reader, error) {
	if o.Tesseract == "" {
		o.Tesseract = "tesseract"
	}
	if o.Languages == "" {
		o.Languages = DefaultLanguages
	}
	switch o.Latin {
	case "":
		o.Latin = DefaultLatin
	case "-":
		o.Latin = ""
	}
	switch o.Traditional {
	case "":
		o.Traditional = DefaultTraditional
	case "-":
		o.Traditional = ""
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Queue < 0 {
		o.Queue = 0
	} else if o.Queue == 0 {
		o.Queue = 2 * o.Workers
	}
	if o.Budget <= 0 {
		o.Budget = DefaultBudget
	}
	bin, err := exec.LookPath(o.Tesseract)
	if err != nil {
		return nil, fmt.Errorf("%w: %s not found (apt-get install tesseract-ocr): %w", ErrUnavailable, o.Tesseract, err)
	}
	if err := checkLanguages(ctx, bin, strings.Trim(o.Languages+"+"+o.Latin+"+"+o.Traditional, "+")); err != nil {
		return nil, err
	}
	return &Reader{
		bin: bin, langs: o.Languages, latin: o.Latin, trad: o.Traditional, budget: o.Budget, tune: defaultTuning,
		slots: make(chan struct{}, o.Workers), limit: int64(o.Workers + o.Queue),
	}, nil
}

// checkLanguages asks Tesseract which language packs it has.
func checkLanguages(ctx context.Context, bin, langs string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--list-langs").Output()
	if err != nil {
		return fmt.Errorf("%w: %s --list-langs: %w", ErrUnavailable, bin, err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(langs, "+") {
		if !have[l] {
			return fmt.Errorf("%w: language pack %q missing (apt-get install tesseract-ocr-%s)", ErrUnavailable, l,
				strings.ReplaceAll(strings.ReplaceAll(l, "_", "-"), "chi-", "chi-"))
		}
	}
	return nil
}

// Read reads the text and QR codes of an encoded image within the
// budget. Errors wrap ErrNotImage, ErrTooLarge, ErrBusy, ErrTimeout or the
// context's error.
func (r *Reader) Read(ctx context.Context, data []byte) (Result, error) {
	if r.pending.Add(1) > r.limit {
		r.pending.Add(-1)
		return Result{}, ErrBusy
	}
	defer r.pending.Add(-1)
	ctx, cancel := context.WithTimeoutCause(ctx, r.budget, ErrTimeout)
	defer cancel()
	select {
	case r.slots <- struct{}{}:
	case <-ctx.Done():
		return Result{}, fmt.Errorf("waiting for an OCR worker: %w", context.Cause(ctx))
	}
	defer func() { <-r.slots }()
	start := time.Now()
	img, err := Decode(data)
	if err != nil {
		return Result{}, err
	}
	links, qrAt := qrCode(img)
	if !qrAt.Empty() {
		img = blankOut(img, qrAt)
	}
	gray := prepare(img, r.tune)
	run, err := r.tesseract(ctx, gray, r.langs)
	switch {
	case err != nil:
	case r.latin != "" && latinShare(run.text) >= 0.6:
		// Mostly Latin letters: an English screenshot, read again with
		// the model that keeps its words apart.
		var again ocrRun
		again, err = r.tesseract(ctx, gray, r.latin)
		run = again.after(run)
	case r.trad != "" && r.trad != r.langs && run.conf < unsureBelow && hasHan(run.text):
		// Chinese read unsurely: perhaps Traditional characters, which
		// the Simplified model guesses at. The Traditional model's
		// reading is kept only when it is clearly surer: on Simplified
		// text it writes Traditional forms and is less sure.
		again, againErr := r.tesseract(ctx, gray, r.trad)
		switch {
		case againErr != nil && ctx.Err() != nil:
			err = againErr
		case againErr == nil && again.conf >= run.conf+surerBy:
			run = again.after(run)
		default:
			// The first reading stands, also when the second failed.
			run.cpu, run.peakKB = again.cpu+run.cpu, max(again.peakKB, run.peakKB)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, fmt.Errorf("ocr: %w", context.Cause(ctx))
		}
		return Result{}, err
	}
	text := tidy(run.text)
	return Result{Text: text, Links: links, Chars: countChars(text), Took: time.Since(start), CPU: run.cpu, PeakKB: run.peakKB}, nil
}

// after is the second reading a of an image first read as first: its
// text, and the processor time and peak memory of both.
func (a ocrRun) after(first ocrRun) ocrRun {
	a.cpu += first.cpu
	a.peakKB = max(a.peakKB, first.peakKB)
	return a
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// latinShare is the share of Latin letters among the letters of s.
func latinShare(s string) float64 {
	latin, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if r < 0x250 {
				latin++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(latin) / float64(all)
}

// countChars counts letters and digits.
func countChars(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
