package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
)

// ImageReader reads the text and QR codes of an image; imagetext.Reader
// implements it. Its errors wrap imagetext's (ErrNotImage, ErrBusy, ...).
type ImageReader interface {
	Read(ctx context.Context, data []byte) (imagetext.Result, error)
}

// ImageJudge gives a vision model's opinion of an image, in the closed
// set the text second opinion answers with; llm.Vision implements it.
// userKey names the person's budget. An error means no opinion: the
// caller's verdict stands.
type ImageJudge interface {
	JudgeImage(ctx context.Context, userKey string, image []byte) (classifier.Opinion, error)
}

// Transcriber turns a voice note into text; llm.Transcriber implements
// it.
type Transcriber interface {
	Transcribe(ctx context.Context, audio []byte, name string) (string, error)
}

// Attachment is a file sent with an update (a photo, an image file, a
// voice note), fetched only when it is read.
type Attachment struct {
	// Size is the size the channel announced; 0 when unknown.
	Size int64
	// MIME is the announced type; empty for photos (always JPEG).
	MIME string
	// Fetch downloads the file, at most max bytes; a larger file gives
	// an error wrapping ErrFileTooBig. Errors never carry the channel's
	// secrets (a bot token in a download URL).
	Fetch func(ctx context.Context, max int64) ([]byte, error)
}

// ErrFileTooBig is a file larger than the bot downloads.
var ErrFileTooBig = errors.New("file too big")

// Defaults for images.
const (
	// DefaultMaxImageBytes is the largest image downloaded: a phone's
	// screenshot is well under 5 MB, a photo under 10.
	DefaultMaxImageBytes = 10 << 20
	// MinImageChars is the fewest letters and digits an image must yield
	// to be checked: below it the reading failed (a photo of a cat, a
	// blurred screen), and a verdict of "no sign of a scam" would be a
	// guess.
	MinImageChars = 12
	// imageFetchTimeout bounds a download.
	imageFetchTimeout = 20 * time.Second
)

// image reads an image update and checks what it says, with its caption,
// as typed text is checked. Every way it can fail ends in an answer.
func (e *Engine) image(ctx context.Context, log *zap.Logger, userKey string, s dialogs.State, lim *limitState, u Update, ev dialogs.Event) (_ dialogs.State, _ []dialogs.Reply, fields []zap.Field) {
	// An image is never an answer to a question, so it always counts
	// (the zero state asks nothing).
	if replies, limited := e.limitCheck(log, dialogs.State{}, lim, ""); limited {
		return s, replies, []zap.Field{zap.Bool("limited", true)}
	}
	ev.Kind = dialogs.EventImage
	caption := strings.TrimSpace(CleanText(u.Text))
	res, data, issue := e.readImage(ctx, log, u.File)
	fields = append(fields, zap.String("image", issueName(issue)), zap.Int("chars_read", res.Chars),
		zap.Int("qr_codes", len(res.Links)), zap.Duration("ocr_took", res.Took))
	if issue == "" && res.Chars < MinImageChars {
		issue = dialogs.ImageUnreadable
	}
	ev.ImageIssue, ev.Read = issue, res.Text
	parts := []string{caption, res.Text}
	parts = append(parts, res.Links...)
	text := CleanText(strings.TrimSpace(strings.Join(parts, "\n")))
	checked := text != ""
	if checked {
		ev.Text = text
		ev.Verdict = e.o.Checker.Check(ctx, userKey, text)
	}
	if e.o.Vision != nil && data != nil &&
		(issue == dialogs.ImageUnreadable || (issue == "" && classifier.NeedsSecondOpinion(ev.Verdict, text))) {
		var raised bool
		ev.Verdict, raised = e.judgeImage(ctx, log, userKey, data, issue, ev.Verdict)
		ev.ImageSeen = raised && issue != ""
		checked = checked || raised
		fields = append(fields, zap.Bool("vision_asked", true))
	}
	// The image's bytes go out of scope here; nothing keeps them.
	if checked {
		fields = append(fields, zap.Stringer("verdict_level", ev.Verdict.Level), zap.String("type", string(ev.Verdict.Type)),
			zap.String("source", ev.Verdict.Source), zap.String("model", ev.Verdict.ModelStatus))
	}
	ns, replies := dialogs.Step(s, ev)
	return ns, replies, fields
}

// judgeImage asks the vision model about an image the OCR read poorly
// (issue ImageUnreadable) or whose text the rules found grey, and folds
// its opinion into v with classifier.Combine: it can raise v, never lower
// it. On an unreadable image only a medium or high opinion counts, so a
// vision "none" never turns the unreadable reply into "no sign of a
// scam". raised says whether v changed. Without an opinion (over budget,
// timeout, breaker open) v stands. Nothing of the image or the opinion is
// logged.
func (e *Engine) judgeImage(ctx context.Context, log *zap.Logger, userKey string, data []byte, issue string, v classifier.Verdict) (_ classifier.Verdict, raised bool) {
	op, err := e.o.Vision.JudgeImage(ctx, userKey, data)
	if err != nil {
		// llm.Vision logs the failure at its severity; here only that the
		// OCR verdict stands.
		log.Debug("vision second opinion unavailable; the OCR verdict stands", zap.Error(err))
		return v, false
	}
	if issue == dialogs.ImageUnreadable && op.Level < classifier.LevelMedium {
		return v, false
	}
	combined := classifier.Combine(v, op)
	return combined, combined.Level > v.Level
}

// readImage downloads and reads the attachment; issue names what went
// wrong (dialogs.Image*), empty when it was read. data is the image, held
// in memory for a vision second opinion, when it was read or read too
// little (ImageUnreadable); nil otherwise.
func (e *Engine) readImage(ctx context.Context, log *zap.Logger, f *Attachment) (_ imagetext.Result, data []byte, issue string) {
	if e.o.Images == nil {
		return imagetext.Result{}, nil, dialogs.ImageNoOCR
	}
	if f == nil || f.Fetch == nil {
		return imagetext.Result{}, nil, dialogs.ImageFetch
	}
	if f.MIME != "" && !strings.HasPrefix(f.MIME, "image/") {
		return imagetext.Result{}, nil, dialogs.ImageNotImage
	}
	limit := e.o.MaxImageBytes
	if f.Size > limit {
		return imagetext.Result{}, nil, dialogs.ImageTooBig
	}
	fctx, cancel := context.WithTimeout(ctx, imageFetchTimeout)
	data, err := f.Fetch(fctx, limit)
	cancel()
	switch {
	case errors.Is(err, ErrFileTooBig):
		return imagetext.Result{}, nil, dialogs.ImageTooBig
	case err != nil:
		log.Warn("image not downloaded", zap.Error(err))
		return imagetext.Result{}, nil, dialogs.ImageFetch
	}
	res, err := e.o.Images.Read(ctx, data)
	switch {
	case err == nil:
		return res, data, ""
	case errors.Is(err, imagetext.ErrNotImage):
		return res, nil, dialogs.ImageNotImage
	case errors.Is(err, imagetext.ErrTooLarge):
		return res, nil, dialogs.ImageTooBig
	case errors.Is(err, imagetext.ErrBusy):
		log.Warn("image refused: OCR queue full")
		return res, nil, dialogs.ImageBusy
	case errors.Is(err, imagetext.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		log.Warn("image not read in time", zap.Error(err))
		return res, nil, dialogs.ImageTimeout
	}
	// The error names the program and its exit status, never the text.
	log.Error("image not read", zap.Error(err))
	return res, data, dialogs.ImageUnreadable
}

func issueName(issue string) string {
	if issue == "" {
		return "read"
	}
	return issue
}

// MaxVoiceBytes bounds a voice note sent for transcription: about ten
// minutes of Telegram's Opus, well under the 25 MB transcription APIs take.
const MaxVoiceBytes = 5 << 20

// voice transcribes a voice note and checks what was said as typed text.
// Without a transcriber, or when the note cannot be transcribed, the
// dialog's answer for a voice note (the way out for someone on a call)
// is given instead.
func (e *Engine) voice(ctx context.Context, log *zap.Logger, userKey string, s dialogs.State, lim *limitState, u Update, ev dialogs.Event) (_ dialogs.State, _ []dialogs.Reply, fields []zap.Field) {
	ev.Kind = dialogs.EventVoice
	if e.o.Transcriber == nil || u.File == nil || u.File.Fetch == nil || u.File.Size > MaxVoiceBytes {
		ns, replies := dialogs.Step(s, ev)
		return ns, replies, []zap.Field{zap.String("voice", "not transcribed")}
	}
	if replies, limited := e.limitCheck(log, dialogs.State{}, lim, ""); limited {
		return s, replies, []zap.Field{zap.Bool("limited", true)}
	}
	fctx, cancel := context.WithTimeout(ctx, imageFetchTimeout)
	audio, err := u.File.Fetch(fctx, MaxVoiceBytes)
	cancel()
	var text string
	if err == nil {
		text, err = e.o.Transcriber.Transcribe(ctx, audio, "voice.ogg")
	}
	text = strings.TrimSpace(CleanText(text))
	if err != nil || text == "" {
		if err != nil {
			log.Warn("voice note not transcribed", zap.Error(err))
		}
		ns, replies := dialogs.Step(s, ev)
		return ns, replies, []zap.Field{zap.String("voice", "failed")}
	}
	// What was said is checked as typed text, placed in the conversation
	// like it (an answer to the question asked, or a message to check).
	ev.Kind, ev.Text, ev.Transcribed = dialogs.EventText, text, true
	ev.Verdict = e.o.Checker.Check(ctx, userKey, text)
	ns, replies := dialogs.Step(s, ev)
	return ns, replies, []zap.Field{zap.String("voice", "transcribed"), zap.Stringer("verdict_level", ev.Verdict.Level),
		zap.String("type", string(ev.Verdict.Type)), zap.String("source", ev.Verdict.Source)}
}
