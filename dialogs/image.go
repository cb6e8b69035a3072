package dialogs

import (
	"strings"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/classifier"
)

// Why an image could not be read (Event.ImageIssue). Each names the
// message image.issue.<name>.
const (
	ImageUnreadable = "unreadable"   // read, but too little text came out
	ImageTooBig     = "too_big"      // larger than the bot downloads
	ImageNotImage   = "not_image"    // not a PNG, JPEG or WebP image, or damaged
	ImageBusy       = "busy"         // too many images waiting
	ImageTimeout    = "timeout"      // not read within its time budget
	ImageNoOCR      = "no_ocr"       // this bot cannot read images
	ImageFetch      = "fetch_failed" // the download failed
)

var imageIssues = []string{ImageUnreadable, ImageTooBig, ImageNotImage, ImageBusy, ImageTimeout, ImageNoOCR, ImageFetch}

// previewRunes is how much of what was read the reply quotes: enough to
// tell whether the reading worked, short enough not to bury the verdict.
const previewRunes = 40

// image answers a screenshot or photo as a checked message, with one
// line after the verdict quoting the first words read. An image that
// could not be read is never given "no sign of a scam": unless what could
// be read (or the caption) already shows warning signs, the reply says
// what went wrong, asks for the text or a clearer screenshot, and offers
// the buttons for someone who is being pressured right now.
func image(s State, e Event) (State, []Reply) {
	issue := e.ImageIssue
	if issue != "" && !contains(imageIssues, issue) {
		issue = ImageUnreadable
	}
	if issue != "" && clampLevel(e.Verdict.Level) == classifier.LevelNone {
		s = resetFlow(s)
		return s, []Reply{{
			Texts: []Text{{Key: "image.issue." + issue}, {Key: "image.ask_text"}},
			Choices: keyboard(&s,
				"call:on", "btn.a.call",
				"call", "btn.call",
				"paid", "btn.paid",
			),
		}}
	}
	// What was read is a message the person received: one that asks for
	// money, a code or secrecy is never given the all-clear.
	s, replies := check(s, e.Verdict, understanding.asks(e.Text))
	replies = chargeAlertNote(replies, e.Verdict, e.Text)
	line := Text{Key: "image.read", Params: map[string]string{"words": preview(e.Read)}}
	switch {
	case issue != "" && e.ImageSeen:
		line = Text{Key: "image.read_seen", Refs: map[string]string{"issue": "image.issue." + issue}}
	case issue != "":
		// Warning signs in the caption or the little that was read: the
		// verdict stands, and the person is told it rests on little.
		line = Text{Key: "image.read_partly", Refs: map[string]string{"issue": "image.issue." + issue}}
	case strings.TrimSpace(e.Read) == "":
		line = Text{Key: "image.read_caption"}
	}
	t := replies[0].Texts
	replies[0].Texts = append([]Text{t[0], line}, t[1:]...)
	return s, replies
}

// preview is the head of what was read, on one line.
func preview(read string) string {
	read = strings.Join(strings.Fields(read), " ")
	if utf8.RuneCountInString(read) <= previewRunes {
		return read
	}
	r := []rune(read)
	return strings.TrimSpace(string(r[:previewRunes])) + "…"
}

// voice answers a voice note the bot cannot listen to: someone who sends
// one may be on the phone with a scammer right now, so the way out comes
// with the request for text.
func voice(s State) (State, []Reply) {
	s = resetFlow(s)
	return s, []Reply{{
		Texts: []Text{{Key: "voice.cannot"}},
		Choices: keyboard(&s,
			"call:on", "btn.a.call",
			"call", "btn.call",
			"paid", "btn.paid",
		),
	}}
}
